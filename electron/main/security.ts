import type { WebContents } from 'electron';

/**
 * The page may never leave the app: every navigation is refused, every new window is refused, and a link the
 * user clicks opens in the OS browser only when its scheme is on this list.
 */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return false;
    // No credentials smuggled in the URL, and an actual host for web links.
    if (parsed.username || parsed.password) return false;
    return parsed.protocol === 'mailto:' || parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The origin our own pages are served from (see protocol.ts). */
export const APP_ORIGIN = 'app://longhand';

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'longhand';
  } catch {
    return false;
  }
}

export interface HardenDeps {
  openExternal(url: string): Promise<void>;
}

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), so no window can slip by.
 * Returns nothing to clean up: the handlers live exactly as long as the WebContents.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      deps.openExternal(url).catch(() => {
        // The OS had no handler; nothing in the app depends on it.
      });
    }
    return { action: 'deny' };
  });
}

/** Content-Security-Policy for every app:// response (and, as a meta tag, the renderer's index.html). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Lexical writes a few inline style attributes (indentation); styles can't run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
