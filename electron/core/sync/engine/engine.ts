/**
 * The sync engine: one run per blog at a time (a second syncNow for a busy blog waits for the first, then runs),
 * pull then push, status and progress events after each commit, and an optional background timer.
 *
 * Blogs never share a run, so one blog being offline or signed out never holds another back.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SyncOptions, SyncProgress, SyncReport, SyncSettings, SyncStatus } from '../../../common/api/sync.ts';
import type { BlogId } from '../../../common/models.ts';
import { getBlog } from '../../library/blogs.ts';
import { refreshStyleAfterPull } from '../../preview/sync-hook.ts';
import { SecretString } from '../../secrets/redact.ts';
import type { SecretStore } from '../../secrets/secret-store.ts';
import { transaction } from '../../storage/database.ts';
import type { BlogAdapter } from '../adapter.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, isSyncError } from '../errors.ts';
import { WordPressAdapter } from '../wordpress/wp-rest-adapter.ts';
import { type BlogContext, type Tally, newTally } from './context.ts';
import { isOffline } from './outbox-machine.ts';
import { indexLater, pull } from './pull.ts';
import { readSettings } from './settings.ts';
import { blogStatus } from './status.ts';
import { pruneDone, recoverInFlight } from './store-outbox.ts';
import { listBlogSync, requireBlogSync, updateBlogSync } from './store-sync.ts';
import { SWEEP_EVERY_MS, sweep } from './sweep.ts';
import { drain } from './worker.ts';

export interface SyncEngineOptions {
  readonly db: DatabaseSync;
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly now: () => number;
  readonly fetch?: typeof fetch;
  /** Per-request deadline (default 30 s). */
  readonly timeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Retries due within this long are waited for inside one syncNow (default 30 s). */
  readonly maxInlineWaitMs?: number;
  readonly random?: () => number;
  readonly onStatus: (status: SyncStatus) => void;
  readonly onProgress: (progress: SyncProgress) => void;
  /** After a run: the local posts it wrote, and whether terms or media changed. */
  readonly onChanged: (change: { posts: readonly string[]; terms: boolean; media: boolean }) => void;
}

export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #runs = new Map<BlogId, Promise<unknown>>();
  readonly #syncing = new Set<BlogId>();
  readonly #adapters = new Map<BlogId, { key: string; adapter: BlogAdapter }>();
  #closed = false;
  #timer: ReturnType<typeof setInterval> | null = null;
  #kick: ReturnType<typeof setTimeout> | null = null;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    // Entries a crash left in flight run again; creates among them look themselves up first (create.ts).
    transaction(options.db, () => {
      recoverInFlight(options.db, options.now());
      pruneDone(options.db, options.now());
    });
    // Search rows a first pull had not written yet when the app stopped (pull.ts).
    indexLater(options.db, () => this.#closed);
  }

  status(): SyncStatus {
    const weak = (this.#o.secrets as { protection?: string }).protection === 'basic-text';
    return { blogs: listBlogSync(this.#o.db).map((row) => blogStatus(this.#o.db, row, this.#syncing.has(row.blogId), weak)) };
  }

  /** The adapter of a connected blog, or null when this computer has no password for it. */
  async adapterFor(blogId: BlogId): Promise<BlogAdapter | null> {
    const state = requireBlogSync(this.#o.db, blogId);
    const password = await this.#o.secrets.get(state.account);
    if (password === null) return null;
    const user = getBlog(this.#o.db, blogId).userName;
    const key = `${state.restRoot}\n${user}\n${password}`;
    const cached = this.#adapters.get(blogId);
    if (cached?.key === key) return cached.adapter;
    const adapter = new WordPressAdapter({
      restRoot: state.restRoot,
      credentials: { user, password: new SecretString(password) },
      ...(this.#o.timeoutMs ? { timeoutMs: this.#o.timeoutMs } : {}),
      ...(this.#o.fetch ? { fetch: this.#o.fetch } : {}),
    });
    this.#adapters.set(blogId, { key, adapter });
    return adapter;
  }

  async syncNow(blogId?: BlogId, options: SyncOptions = {}): Promise<SyncReport> {
    const blogs = blogId === undefined ? listBlogSync(this.#o.db).map((b) => b.blogId) : [requireBlogSync(this.#o.db, blogId).blogId];
    const report = { pulled: 0, pushed: 0, conflicts: 0, failed: 0, deletedOnBlog: 0, duplicatesRemoved: 0, requests: 0, bytesSent: 0, bytesReceived: 0 };
    for (const id of blogs) {
      const one = await this.#queue(id, options);
      for (const key of Object.keys(report) as (keyof typeof report)[]) report[key] += one[key];
    }
    return report;
  }

  #queue(blogId: BlogId, options: SyncOptions): Promise<SyncReport> {
    const previous = this.#runs.get(blogId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.#run(blogId, options));
    this.#runs.set(blogId, run);
    return run;
  }

  async #run(blogId: BlogId, options: SyncOptions): Promise<SyncReport> {
    const { db } = this.#o;
    const tally = newTally();
    const empty = { ...tallyReport(tally), requests: 0, bytesSent: 0, bytesReceived: 0 };
    if (this.#closed) return empty;
    const adapter = await this.adapterFor(blogId);
    if (!adapter) {
      const message = 'This computer has no password for the blog: connect it again.';
      transaction(db, () => updateBlogSync(db, blogId, { problem_kind: 're-authenticate', problem_message: message }));
      this.#o.onStatus(this.status());
      return empty;
    }
    const before = adapter.counts();
    const ctx: BlogContext = {
      db,
      dataDir: this.#o.dataDir,
      blogId,
      adapter,
      now: this.#o.now,
      settings: readSettings(db),
      backoff: this.#o.backoff ?? DEFAULT_BACKOFF,
      maxInlineWaitMs: this.#o.maxInlineWaitMs ?? 30_000,
      random: this.#o.random ?? Math.random,
      tally,
      progress: (event) => this.#o.onProgress({ blogId, ...event }),
      closed: () => this.#closed,
    };
    this.#syncing.add(blogId);
    this.#o.onStatus(this.status());
    let problem: { kind: 'offline' | 're-authenticate' | 'server-error' | 'rate-limited'; message: string } | null = null;
    try {
      transaction(db, () => updateBlogSync(db, blogId, { last_attempt_at: this.#o.now() }));
      const mode = options.mode ?? 'both';
      if (mode !== 'push') problem = await this.#pullStep(ctx, options.sweep === true);
      const stop = problem !== null && problem.kind !== 'server-error';
      if (mode !== 'pull' && !stop && !this.#closed) problem = (await drain(ctx)).problem ?? problem;
      if (!this.#closed) {
        transaction(db, () => {
          const state = requireBlogSync(db, blogId);
          updateBlogSync(db, blogId, {
            problem_kind: problem?.kind ?? null,
            problem_message: problem?.message ?? null,
            syncs_since_sweep: state.syncsSinceSweep + 1,
            ...(problem === null ? { last_success_at: this.#o.now() } : {}),
          });
          pruneDone(db, this.#o.now());
        });
      }
    } finally {
      this.#syncing.delete(blogId);
      if (!this.#closed) {
        this.#o.onStatus(this.status());
        if (tally.changedPosts.size > 0 || tally.termsChanged > 0 || tally.mediaChanged > 0) {
          this.#o.onChanged({ posts: [...tally.changedPosts], terms: tally.termsChanged > 0, media: tally.mediaChanged > 0 });
        }
      }
    }
    const after = adapter.counts();
    return {
      ...tallyReport(tally),
      requests: after.requests - before.requests,
      bytesSent: after.bytesSent - before.bytesSent,
      bytesReceived: after.bytesReceived - before.bytesReceived,
    };
  }

  async #pullStep(ctx: BlogContext, forceSweep: boolean) {
    try {
      const state = requireBlogSync(ctx.db, ctx.blogId);
      await pull(ctx);
      const due = state.firstPullDone && (state.lastSweepAt === null || ctx.now() - state.lastSweepAt > SWEEP_EVERY_MS);
      if ((forceSweep || due) && !this.#closed) await sweep(ctx);
      // The preview's copy of the blog's stylesheet (at most daily; never throws, never fails the sync).
      if (!this.#closed) await refreshStyleAfterPull(ctx, this.#o.fetch, this.#o.timeoutMs);
      return null;
    } catch (error) {
      if (!isSyncError(error)) throw error;
      const kind = isOffline(error) ? 'offline' : error.action === 'reauthenticate' ? 're-authenticate' : error.kind === 'rate-limited' ? 'rate-limited' : 'server-error';
      return { kind, message: error.serverMessage ?? error.message } as const;
    }
  }

  /** Syncs every connected blog every `intervalMs`, and soon after kick() (a queued action). */
  startBackground(intervalMs: number): void {
    this.stopBackground();
    this.#timer = setInterval(() => void this.#background(), intervalMs);
    this.#timer.unref?.();
  }

  stopBackground(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#kick) clearTimeout(this.#kick);
    this.#timer = null;
    this.#kick = null;
  }

  /** Something was queued: with the background on, sync soon (coalescing bursts of requests into one run). */
  kick(): void {
    if (!this.#timer || this.#kick) return;
    this.#kick = setTimeout(() => {
      this.#kick = null;
      void this.#background();
    }, 1_000);
    this.#kick.unref?.();
  }

  async #background(): Promise<void> {
    for (const row of listBlogSync(this.#o.db)) {
      if (this.#closed) return;
      if (row.problem?.kind === 're-authenticate') continue;
      await this.#queue(row.blogId, {}).catch(() => undefined);
    }
  }

  /** Stops timers; a run in progress stops at its next step and writes nothing more. */
  close(): void {
    this.#closed = true;
    this.stopBackground();
  }

  settings(): SyncSettings {
    return readSettings(this.#o.db);
  }
}

function tallyReport(t: Tally) {
  return { pulled: t.pulled, pushed: t.pushed, conflicts: t.conflicts, failed: t.failed, deletedOnBlog: t.deletedOnBlog, duplicatesRemoved: t.duplicatesRemoved };
}
