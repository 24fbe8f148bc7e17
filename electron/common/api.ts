import type { AppCommand } from './commands.ts';
import type { Disposer, Listener } from './events.ts';
import type {
  AppCommandEvent,
  ListPostsQuery,
  NewPost,
  Post,
  PostChangeEvent,
  PostId,
  PostPatch,
  PostSummary,
} from './models.ts';

/**
 * The whole contract between the UI and the rest of Longhand. VS Code style: every method returns a promise,
 * every event is `onDidX(listener)` returning a disposer. The renderer knows nothing else of the world.
 *
 * The same interface is served by core in-process, over Electron IPC (preload ↔ main) and over HTTP/SSE
 * (test harness); `ipc/contract.ts` describes it once for both transports.
 */
export interface BlogApi {
  listPosts(query?: ListPostsQuery): Promise<PostSummary[]>;
  getPost(id: PostId): Promise<Post>;
  createPost(init?: NewPost): Promise<Post>;
  /** Saves in one transaction; resolves only after the change is durable. */
  savePost(id: PostId, patch: PostPatch): Promise<Post>;
  deletePost(id: PostId): Promise<void>;
  /** The app's commands with their accelerators: the renderer binds its shortcuts from this, the shell its menu. */
  listCommands(): Promise<AppCommand[]>;

  onDidChangePost(listener: Listener<PostChangeEvent>): Disposer;
  /** Menu commands from the shell (File › New Post, …). Never fired by the harness. */
  onDidRequestCommand(listener: Listener<AppCommandEvent>): Disposer;
}

/** Names of the request/response methods of BlogApi (everything that is not an `onDid…` event). */
export type BlogApiMethod = { [K in keyof BlogApi]: K extends `onDid${string}` ? never : K }[keyof BlogApi];
/** Names of the events of BlogApi. */
export type BlogApiEvent = Exclude<keyof BlogApi, BlogApiMethod>;

/** The payload type a given event delivers. */
export type BlogApiEventPayload<E extends BlogApiEvent> = BlogApi[E] extends (listener: Listener<infer T>) => Disposer
  ? T
  : never;
