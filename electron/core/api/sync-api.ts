import type { DatabaseSync } from 'node:sqlite';
import type { LibraryChangeEvent } from '../../common/api/library.ts';
import type { SyncApi, SyncProgress, SyncStatus } from '../../common/api/sync.ts';
import { Emitter } from '../../common/events.ts';
import type { PostChangeEvent } from '../../common/models.ts';
import { getBlog } from '../library/blogs.ts';
import { getPost } from '../posts/post-row.ts';
import { type Clock, toSummary } from '../posts/post-store.ts';
import { MemorySecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { transaction } from '../storage/database.ts';
import { stmt } from '../storage/statements.ts';
import type { BackoffPolicy } from '../sync/errors.ts';
import { preflight, requestAction } from '../sync/engine/actions.ts';
import { getConflict, listConflicts, resolveConflict } from '../sync/engine/conflicts.ts';
import { Authorizations, connectBlog, disconnectBlog, discoverBlog } from '../sync/engine/connect.ts';
import { SyncEngine } from '../sync/engine/engine.ts';
import { writeSettings } from '../sync/engine/settings.ts';
import { postSyncStates } from '../sync/engine/status.ts';
import { retry } from '../sync/engine/outbox-machine.ts';
import { deleteRow, getRow, listEntries, saveState } from '../sync/engine/store-outbox.ts';
import { refreshPostState } from '../sync/engine/worker.ts';

/** A broken listener (a closed window) must not fail a sync; Emitter already ran the others. */
function safely(fire: () => void): void {
  try {
    fire();
  } catch {
    // See above.
  }
}

/** How core talks to blogs; tests and the CLI set some of it. */
export interface SyncCoreOptions {
  /** Default: a MemorySecretStore (the harness, tests). The shell passes its safeStorage store. */
  readonly secrets?: SecretStore;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly maxInlineWaitMs?: number;
  /** Where WordPress' authorize page sends the browser back (default `longhand://authorize`). */
  readonly authorizeCallbackUrl?: string;
  /** Sync every connected blog this often, and soon after each queued action (default: off). */
  readonly backgroundIntervalMs?: number;
}

export interface SyncService {
  readonly api: SyncApi;
  readonly engine: SyncEngine;
  close(): void;
}

/**
 * SyncApi over the engine. As elsewhere in core: storage is synchronous and commits before a method resolves;
 * events (status, progress, post and library changes) fire after the commit, never inside it.
 */
export function createSyncService(
  db: DatabaseSync,
  dataDir: string,
  clock: Clock,
  postChanges: Emitter<PostChangeEvent>,
  libraryChanges: Emitter<LibraryChangeEvent>,
  options: SyncCoreOptions = {},
): SyncService {
  const secrets = options.secrets ?? new MemorySecretStore();
  const network = { ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const status = new Emitter<SyncStatus>();
  const progress = new Emitter<SyncProgress>();
  const engine = new SyncEngine({
    db,
    dataDir,
    secrets,
    now: clock,
    ...network,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.maxInlineWaitMs !== undefined ? { maxInlineWaitMs: options.maxInlineWaitMs } : {}),
    onStatus: (s) => safely(() => status.fire(s)),
    onProgress: (p) => safely(() => progress.fire(p)),
    onChanged: ({ posts, terms, media }) => {
      if (posts.length > 20) safely(() => postChanges.fire({ kind: 'bulk', count: posts.length }));
      else for (const id of posts) safely(() => postChanges.fire({ kind: 'saved', post: toSummary(getPost(db, id)) }));
      if (terms) safely(() => libraryChanges.fire({ kind: 'terms' }));
      if (media) safely(() => libraryChanges.fire({ kind: 'media' }));
    },
  });
  if (options.backgroundIntervalMs) engine.startBackground(options.backgroundIntervalMs);
  const authorizations = new Authorizations(options.authorizeCallbackUrl ?? 'longhand://authorize');
  const changed = () => safely(() => status.fire(engine.status()));
  /** The blog as renamed; not-found (from getBlog) when there is no such blog. */
  const setBlogName = (id: string, name: string) =>
    transaction(db, () => {
      stmt(db, 'UPDATE blogs SET name = ? WHERE id = ?').run(name, id);
      return getBlog(db, id);
    });
  const connect = async (input: Parameters<SyncApi['connectBlog']>[0]) => {
    // Signing in again keeps the name the blog has here (the writer may have renamed it, see renameBlog); only a
    // blog new to this computer (or nameless, from an export) takes the blog's own title.
    const names = new Map((stmt(db, 'SELECT id, name FROM blogs').all() as { id: string; name: string }[]).map((row) => [row.id, row.name]));
    let blog = await connectBlog(db, secrets, input, network, clock);
    const kept = names.get(blog.id);
    if (kept && kept !== blog.name) blog = setBlogName(blog.id, kept);
    safely(() => libraryChanges.fire({ kind: 'blogs' }));
    changed();
    engine.kick();
    return blog;
  };

  const api: SyncApi = {
    discoverBlog: (url) => discoverBlog(url, network),
    connectBlog: connect,
    beginAuthorization: (url) => authorizations.begin(url, network, clock()),
    completeAuthorization: async (callbackUrl) => connect(authorizations.take(callbackUrl)),
    disconnectBlog: async (blogId) => {
      await disconnectBlog(db, secrets, blogId);
      safely(() => libraryChanges.fire({ kind: 'blogs' }));
      changed();
    },
    renameBlog: async (blogId, name) => {
      const renamed = setBlogName(blogId, name.trim());
      safely(() => libraryChanges.fire({ kind: 'blogs' }));
      return renamed;
    },
    preflight: async (postId, action, actionOptions = {}) => preflight(db, postId, action, actionOptions, clock()),
    requestAction: async (postId, action, actionOptions = {}) => {
      const { entry, post } = requestAction(db, postId, action, actionOptions, clock());
      safely(() => postChanges.fire({ kind: 'saved', post: toSummary(post) }));
      changed();
      engine.kick();
      return entry;
    },
    syncNow: (blogId, syncOptions) => engine.syncNow(blogId, syncOptions),
    getSyncStatus: async () => engine.status(),
    listOutbox: async (blogId, listOptions) => listEntries(db, { ...(blogId ? { blogId } : {}), includeDone: listOptions?.includeDone === true }),
    retryOutboxEntry: async (id) => {
      transaction(db, () => {
        const row = getRow(db, id);
        saveState(db, id, retry(row), clock());
        if (row.postId) refreshPostState({ db, now: clock }, row.postId);
      });
      changed();
      engine.kick();
    },
    cancelOutboxEntry: async (id) => {
      transaction(db, () => {
        const row = getRow(db, id);
        deleteRow(db, id);
        if (row.postId) refreshPostState({ db, now: clock }, row.postId);
      });
      changed();
    },
    getPostSyncStates: async (postIds) => postSyncStates(db, postIds),
    getSyncSettings: async () => engine.settings(),
    updateSyncSettings: async (patch) => transaction(db, () => writeSettings(db, patch)),
    listConflicts: async (blogId) => listConflicts(db, blogId),
    getConflict: async (postId) => getConflict(db, postId),
    resolveConflict: async (postId, resolution) => {
      const post = resolveConflict(db, postId, resolution, clock());
      safely(() => postChanges.fire({ kind: 'saved', post: toSummary(post) }));
      changed();
      engine.kick();
      return post;
    },
    onDidChangeSyncStatus: status.event,
    onDidSyncProgress: progress.event,
  };
  return {
    api,
    engine,
    close() {
      engine.close();
      status.dispose();
      progress.dispose();
    },
  };
}
