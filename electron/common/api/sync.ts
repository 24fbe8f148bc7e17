import type { Disposer, Listener } from '../events.ts';
import type { Blog, BlogId, Post, PostId } from '../models.ts';

/**
 * Blogs on the network: connecting, pulling the archive, publishing through the outbox, and conflicts.
 * Every action that must reach a blog is queued (an outbox row written with the local change in one
 * transaction) and answered at once: offline, it waits; online, `syncNow` or the background worker drains it.
 */
export interface SyncApi {
  /** Finds the blog behind any of its page addresses (REST root, name, how to authorize). Never stores anything. */
  discoverBlog(url: string): Promise<BlogDiscovery>;
  /** Verifies the Application Password (GET /users/me), stores it in the keychain and adds (or updates) the blog. */
  connectBlog(input: ConnectBlogInput): Promise<Blog>;
  /** WordPress' own authorize page: the URL to open in the browser, with the callback Longhand listens on. */
  beginAuthorization(url: string): Promise<AuthorizationStart>;
  /** The callback's URL (longhand://authorize?… in the app, a loopback URL in the harness) → the connected blog. */
  completeAuthorization(callbackUrl: string): Promise<Blog>;
  /** Forgets the blog's password and its queue; its posts stay on this computer (unassigned from nothing). */
  disconnectBlog(blogId: BlogId): Promise<void>;
  /** The name Longhand shows for the blog (the blog's own title until renamed here; nothing changes on the blog). */
  renameBlog(blogId: BlogId, name: string): Promise<Blog>;

  /** What an action would do, before it is queued: warnings and a summary of the changes on the server. */
  preflight(postId: PostId, action: PostAction, options?: ActionOptions): Promise<Preflight>;
  /** Queues an action for a post (publish, schedule, update, …); returns the queued entry. */
  requestAction(postId: PostId, action: PostAction, options?: ActionOptions): Promise<OutboxEntry>;

  /**
   * Pull what changed and push the outbox, for one blog or all; resolves when done (or failed: the report and
   * getSyncStatus say why). Retries due within ~30 s are waited for inside the call; later ones wait for the
   * next sync. Offline, it resolves at once with the entries still queued.
   */
  syncNow(blogId?: BlogId, options?: SyncOptions): Promise<SyncReport>;
  getSyncStatus(): Promise<SyncStatus>;
  /** Queued, in-flight and failed entries (done ones too with `includeDone`), oldest first. */
  listOutbox(blogId?: BlogId, options?: { readonly includeDone?: boolean }): Promise<OutboxEntry[]>;
  retryOutboxEntry(id: number): Promise<void>;
  cancelOutboxEntry(id: number): Promise<void>;

  /** What post lists show next to each post: synced, pending, conflict, error (or local: never on a blog). */
  getPostSyncStates(postIds: readonly PostId[]): Promise<PostSyncInfo[]>;
  getSyncSettings(): Promise<SyncSettings>;
  updateSyncSettings(patch: Partial<SyncSettings>): Promise<SyncSettings>;

  listConflicts(blogId?: BlogId): Promise<ConflictSummary[]>;
  getConflict(postId: PostId): Promise<Conflict>;
  resolveConflict(postId: PostId, resolution: ConflictResolution): Promise<Post>;

  onDidChangeSyncStatus(listener: Listener<SyncStatus>): Disposer;
  onDidSyncProgress(listener: Listener<SyncProgress>): Disposer;
}

export interface BlogDiscovery {
  readonly siteUrl: string;
  readonly name: string;
  readonly restRoot: string;
  /** WordPress' authorize-application.php, when the site offers Application Passwords. */
  readonly authorizeUrl: string | null;
}

export interface ConnectBlogInput {
  readonly url: string;
  readonly userName: string;
  /** As WordPress shows it (spaces allowed). Goes to the keychain, never to disk or logs. */
  readonly appPassword: string;
}

export interface AuthorizationStart {
  readonly authorizeUrl: string;
  readonly callbackUrl: string;
}

export type PostAction = 'publish' | 'schedule' | 'update' | 'save-draft' | 'unpublish' | 'make-private' | 'trash';

export interface ActionOptions {
  /** For 'schedule' (and a back-dated 'publish'): the publish date, epoch ms. */
  readonly at?: number;
}

export type PreflightWarning =
  | 'empty-title'
  | 'no-category'
  | 'no-blog'
  /** The post's blog is known (e.g. from an import) but not connected on this computer. */
  | 'not-connected'
  | 'media-to-upload'
  | 'date-in-past'
  | 'offline';

export interface Preflight {
  readonly action: PostAction;
  readonly warnings: readonly PreflightWarning[];
  /** For a post already on the blog: how many blocks differ from what the blog has (as of the last sync). */
  readonly changedBlocks: number | null;
  readonly mediaToUpload: number;
}

export type OutboxState = 'pending' | 'in-flight' | 'done' | 'failed';

export interface OutboxEntry {
  readonly id: number;
  readonly blogId: BlogId;
  readonly postId: PostId | null;
  readonly postTitle: string;
  readonly action: PostAction | 'upload-media' | 'create-term';
  readonly state: OutboxState;
  readonly attempts: number;
  /** The server's message or the network problem, for failed (and retrying) entries. */
  readonly error: string | null;
  readonly createdAt: number;
  readonly nextAttemptAt: number | null;
}

export interface SyncOptions {
  /** Only pull, only push, or both (default). */
  readonly mode?: 'both' | 'pull' | 'push';
  /** Also run the id sweep that finds posts deleted on the blog (otherwise about twice a day). */
  readonly sweep?: boolean;
}

export interface SyncReport {
  /** Posts created or changed here by the pull. */
  readonly pulled: number;
  /** Outbox entries done. */
  readonly pushed: number;
  /** New conflicts. */
  readonly conflicts: number;
  /** Entries that failed for good (the server refused, or out of attempts). */
  readonly failed: number;
  /** Posts found deleted on the blog (kept here, marked `deleted`). */
  readonly deletedOnBlog: number;
  /** Extra copies of a post that retried creates had left on the blog, moved to its trash. */
  readonly duplicatesRemoved: number;
  /** HTTP requests and body bytes of this sync. */
  readonly requests: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface SyncSettings {
  /** Media files up to this size are downloaded for offline reading; 0: metadata only. */
  readonly mediaDownloadMaxBytes: number;
}

export interface PostSyncInfo {
  readonly postId: PostId;
  readonly state: 'local' | 'synced' | 'pending' | 'conflict' | 'error';
  /** Edited here since its last sync (not on the blog yet unless an update is queued). */
  readonly changedHere: boolean;
  readonly deletedOnBlog: boolean;
  /** The server's message for 'error', what conflicts for 'conflict'. */
  readonly message: string | null;
}

export type BlogProblem = 'offline' | 're-authenticate' | 'server-error' | 'rate-limited';

export interface BlogSyncStatus {
  readonly blogId: BlogId;
  readonly online: boolean;
  readonly syncing: boolean;
  readonly lastSyncAt: number | null;
  readonly outbox: number;
  readonly conflicts: number;
  readonly failed: number;
  /** What needs the user, if anything, with the server's words. */
  readonly problem: { readonly kind: BlogProblem; readonly message: string } | null;
  /** Linux without a keyring: the password is stored with a fixed key (the UI warns). */
  readonly weakSecretStorage: boolean;
}

export interface SyncStatus {
  readonly blogs: readonly BlogSyncStatus[];
}

export interface SyncProgress {
  readonly blogId: BlogId;
  readonly phase: 'pull' | 'push' | 'media' | 'sweep';
  readonly done: number;
  /** Null while the total is not known yet. */
  readonly total: number | null;
  readonly current: string | null;
}

export interface ConflictSummary {
  readonly postId: PostId;
  readonly title: string;
  readonly blogId: BlogId;
  readonly detectedAt: number;
  readonly conflictingBlocks: number;
}

/**
 * One chunk of a three-way view (a block, or the run of blocks one edit touched): the base and both sides' HTML
 * source (null where a side has nothing there), and what the merge would take.
 */
export interface ConflictBlock {
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
  /** 'same': unchanged; 'mine'/'theirs': changed on one side only (merges cleanly); 'both': a real conflict. */
  readonly change: 'same' | 'mine' | 'theirs' | 'both';
}

export interface Conflict {
  readonly postId: PostId;
  readonly title: { readonly base: string; readonly mine: string; readonly theirs: string };
  readonly excerpt: { readonly base: string; readonly mine: string; readonly theirs: string };
  /** The address ('' = none of its own yet). */
  readonly slug: { readonly base: string; readonly mine: string; readonly theirs: string };
  /** Which of title, excerpt, slug and content changed differently on both sides. */
  readonly conflictingFields: readonly ('title' | 'excerpt' | 'slug' | 'content')[];
  /** Chunks of one or more blocks, in order; `mine` is the post as it is now. */
  readonly blocks: readonly ConflictBlock[];
}

export type ConflictResolution =
  | { readonly kind: 'mine' }
  | { readonly kind: 'theirs' }
  /** Block by block: for each ConflictBlock, which side to take (index-aligned with `blocks`). */
  | {
      readonly kind: 'merged';
      readonly choices: readonly ('base' | 'mine' | 'theirs')[];
      /** Default: the side that changed it (mine when both did). */
      readonly title?: string;
      readonly excerpt?: string;
      readonly slug?: string;
    };
