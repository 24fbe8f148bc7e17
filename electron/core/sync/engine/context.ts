/** What one blog's sync run works with, handed to pull, push and the outbox worker. */
import type { DatabaseSync } from 'node:sqlite';
import type { SyncProgress, SyncSettings } from '../../../common/api/sync.ts';
import type { BlogAdapter } from '../adapter.ts';
import { type BackoffPolicy, isSyncError, retryDelay } from '../errors.ts';

export interface Tally {
  pulled: number;
  pushed: number;
  conflicts: number;
  failed: number;
  deletedOnBlog: number;
  duplicatesRemoved: number;
  /** Local posts this run wrote (their lists need refreshing). */
  readonly changedPosts: Set<string>;
  termsChanged: number;
  mediaChanged: number;
  /** Media ids posts name that the blog does not have (deleted attachments): asked for once per run. */
  readonly mediaMissing: Set<string>;
}

export function newTally(): Tally {
  return { pulled: 0, pushed: 0, conflicts: 0, failed: 0, deletedOnBlog: 0, duplicatesRemoved: 0, changedPosts: new Set(), termsChanged: 0, mediaChanged: 0, mediaMissing: new Set() };
}

export interface BlogContext {
  readonly db: DatabaseSync;
  readonly dataDir: string;
  readonly blogId: string;
  readonly adapter: BlogAdapter;
  readonly now: () => number;
  readonly settings: SyncSettings;
  readonly backoff: BackoffPolicy;
  /** Longest wait for a retry inside one sync run; later retries wait for the next run. */
  readonly maxInlineWaitMs: number;
  readonly random: () => number;
  readonly tally: Tally;
  progress(event: Omit<SyncProgress, 'blogId'>): void;
  /** True once the core is closing: stop between steps. */
  closed(): boolean;
}

/**
 * A read, retried while errors.ts says so and the wait is short (reads are safe to repeat; writes go through
 * the outbox, never through this). Offline and signed-out errors are not retried here: the sync stops.
 */
export async function reading<T>(ctx: Pick<BlogContext, 'backoff' | 'maxInlineWaitMs' | 'random' | 'closed'>, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isSyncError(error) || (!error.outcomeUnknown && error.kind !== 'rate-limited') || ctx.closed()) throw error;
      const delay = retryDelay(error, attempt, ctx.backoff, ctx.random);
      if (delay === null || delay > ctx.maxInlineWaitMs) throw error;
      await sleep(delay);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
