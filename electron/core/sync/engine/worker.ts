/**
 * Drains one blog's outbox: one entry at a time (so never two requests in flight for a post), in id order per
 * post. Each entry is marked in-flight — its attempt counted — in a committed transaction before any request
 * leaves, and its outcome is committed before the next entry starts. Side effects (events) follow commits.
 *
 * Retries follow outbox-machine.ts: a retryable failure waits its backoff (or Retry-After) and other posts'
 * entries run meanwhile; a wait short enough (≤ maxInlineWaitMs) is waited out inside this sync, a longer one is
 * left to a later sync. Offline, signed out or a long rate limit stop the blog's pass at once.
 */
import type { BlogProblem } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import { findRow } from '../../posts/post-row.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import { isSyncError } from '../errors.ts';
import { type BlogContext, sleep } from './context.ts';
import { fail, start, succeed } from './outbox-machine.ts';
import { runEntry } from './push.ts';
import { type OutboxRow, earliestWaiting, hasOpenRow, nextRunnable, saveState } from './store-outbox.ts';
import { readConflict, readPostSync, setPostSync } from './store-sync.ts';

export interface DrainResult {
  /** Set when the pass stopped because of the blog (offline, signed out, …). */
  readonly problem: { readonly kind: BlogProblem; readonly message: string } | null;
}

export async function drain(ctx: BlogContext): Promise<DrainResult> {
  const { db, blogId } = ctx;
  let pauseUntil = 0;
  let problem: DrainResult['problem'] = null;
  for (;;) {
    if (ctx.closed()) return { problem };
    const now = ctx.now();
    if (pauseUntil > now) {
      if (pauseUntil - now > ctx.maxInlineWaitMs) return { problem };
      await sleep(pauseUntil - now);
      continue;
    }
    const row = nextRunnable(db, blogId, now);
    if (!row) {
      const at = earliestWaiting(db, blogId);
      if (at !== null && at > now && at - now <= ctx.maxInlineWaitMs) {
        await sleep(at - now);
        continue;
      }
      return { problem };
    }
    const running = start(row);
    transaction(db, () => saveState(db, row.id, running, ctx.now()));
    ctx.progress({ phase: 'push', done: ctx.tally.pushed, total: null, current: row.postId });
    try {
      const outcome = await runEntry(ctx, row);
      if (ctx.closed()) return { problem };
      finish(ctx, row, running, outcome);
    } catch (error) {
      if (ctx.closed()) return { problem };
      if (!isSyncError(error)) {
        // A bug or a local refusal (BlogError): this entry fails with the reason; the queue goes on.
        const message = error instanceof BlogError || error instanceof Error ? error.message : String(error);
        record(ctx, row, { ...running, state: 'failed', lastError: message, errorKind: 'local' });
        ctx.tally.failed++;
        continue;
      }
      const outcome = fail(running, error, ctx.now(), ctx.backoff, ctx.random);
      record(ctx, row, outcome.row);
      if (outcome.row.state === 'failed') ctx.tally.failed++;
      if (outcome.problem) problem = outcome.problem;
      if (outcome.stopBlog) return { problem };
      if (outcome.pauseUntil !== null) pauseUntil = outcome.pauseUntil;
    }
  }
}

function finish(ctx: BlogContext, row: OutboxRow, running: ReturnType<typeof start>, outcome: Awaited<ReturnType<typeof runEntry>>): void {
  switch (outcome.kind) {
    case 'done':
      record(ctx, row, succeed(running, ctx.now()));
      ctx.tally.pushed++;
      return;
    case 'conflict':
      // Not the entry's fault: it waits (uncounted) until the user resolves the conflict.
      record(ctx, row, { ...running, state: 'pending', attempts: running.attempts - 1, lastError: 'Waiting: resolve the conflict first.', errorKind: 'conflict' });
      return;
    case 'failed':
      record(ctx, row, { ...running, state: 'failed', lastError: outcome.message, errorKind: 'rejected' });
      ctx.tally.failed++;
  }
}

/** Commits the row's new state and what lists show for its post. */
function record(ctx: BlogContext, row: OutboxRow, state: Parameters<typeof saveState>[2]): void {
  const { db } = ctx;
  transaction(db, () => {
    saveState(db, row.id, state, ctx.now());
    if (row.postId !== null) refreshPostState(ctx, row.postId);
  });
}

/** conflict > error (a failed entry) > pending (open entries) > synced. Call inside a transaction. */
export function refreshPostState(ctx: Pick<BlogContext, 'db' | 'now'>, postId: string): void {
  const { db } = ctx;
  const found = findRow(db, postId);
  if (!found) return;
  const failed = stmt(db, `SELECT last_error FROM outbox WHERE post_id = ? AND state = 'failed' ORDER BY id LIMIT 1`).get(postId) as
    | { last_error: string | null }
    | undefined;
  const current = readPostSync(db, found.pk);
  const state = readConflict(db, found.pk) ? 'conflict' : failed ? 'error' : hasOpenRow(db, postId) ? 'pending' : 'synced';
  const message = state === 'error' ? (failed?.last_error ?? null) : state === 'conflict' ? (current?.message ?? null) : state === 'synced' ? (current?.message ?? null) : null;
  setPostSync(db, found.pk, { state, message }, ctx.now());
}
