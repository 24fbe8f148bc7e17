import type { BlogApi } from '../../electron/common/api.ts';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or the harness client (tests). Read only by this module. */
    readonly blog?: BlogApi;
  }
}

/**
 * The renderer's one door to the world. Everything else imports `blog` from here; nothing else reads
 * `window.blog`, so the whole UI can be driven by any transport that implements BlogApi.
 */
function resolveBlogApi(): BlogApi {
  const api = window.blog;
  if (!api) throw new Error('Longhand was started without its BlogApi (no preload). Start it with `npm start`.');
  return api;
}

export const blog: BlogApi = resolveBlogApi();
