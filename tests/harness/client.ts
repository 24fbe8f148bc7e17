import { createBlogApiClient } from '../../electron/common/ipc/client.ts';
import { createHttpTransport } from './http-transport.ts';

/**
 * Loaded by the harness page before the renderer's bundle: plays the preload's part, putting a BlogApi built
 * by the same contract mapping on `window.blog`, only over HTTP instead of Electron IPC.
 */
(window as unknown as { blog: unknown }).blog = createBlogApiClient(createHttpTransport(window.location.origin));
