import type { DocumentsApi } from './api/documents.ts';
import type { LibraryApi } from './api/library.ts';
import type { PostsApi } from './api/posts.ts';
import type { PreferencesApi } from './api/preferences.ts';
import type { PreviewApi } from './api/preview.ts';
import type { ShellApi } from './api/shell.ts';
import type { SyncApi } from './api/sync.ts';
import type { Disposer, Listener } from './events.ts';

/**
 * The whole contract between the UI and the rest of Longhand. VS Code style: every method returns a promise,
 * every event is `onDidX(listener)` returning a disposer. The renderer knows nothing else of the world.
 *
 * One interface per area (api/*.ts), joined here. The same interface is served by core in-process, over
 * Electron IPC (preload ↔ main) and over HTTP/SSE (test harness); `ipc/contract.ts` describes it once, as
 * data, for both transports.
 */
export interface BlogApi extends PostsApi, DocumentsApi, LibraryApi, PreferencesApi, PreviewApi, ShellApi, SyncApi {}

/** Names of the request/response methods of BlogApi (everything that is not an `onDid…` event). */
export type BlogApiMethod = { [K in keyof BlogApi]: K extends `onDid${string}` ? never : K }[keyof BlogApi];
/** Names of the events of BlogApi. */
export type BlogApiEvent = Exclude<keyof BlogApi, BlogApiMethod>;

/** The payload type a given event delivers. */
export type BlogApiEventPayload<E extends BlogApiEvent> = BlogApi[E] extends (listener: Listener<infer T>) => Disposer
  ? T
  : never;
