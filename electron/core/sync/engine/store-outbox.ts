/**
 * The outbox table (migration 007). Callers hold the transaction when a row must commit together with a local
 * change (enqueue); the worker's state changes are each their own small transaction.
 *
 * Queue discipline:
 * - at most one open (pending or failed) row per post: a new request for the post folds into it (a later
 *   status action replaces the earlier one — publish then unpublish before a sync never publishes; `update`
 *   folds into whatever is queued, since every push sends the post's current text);
 * - rows run in id order per post, and a post's row waits while an earlier row of it is open or its post is in
 *   conflict; rows of different posts do not wait for each other.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { OutboxEntry, OutboxState, PostAction } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import { stmt } from '../../storage/statements.ts';
import type { OutboxRowState } from './outbox-machine.ts';

export type OutboxAction = OutboxEntry['action'];

export interface OutboxParams {
  /** schedule / back-dated publish: epoch ms. */
  readonly at?: number;
}

export interface OutboxRow extends OutboxRowState {
  readonly id: number;
  readonly blogId: string;
  readonly postId: string | null;
  readonly action: OutboxAction;
  readonly clientKey: string | null;
  readonly params: OutboxParams;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface Row {
  id: number;
  blog_id: string;
  post_id: string | null;
  action: OutboxAction;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number | null;
  client_key: string | null;
  params: string;
  last_error: string | null;
  error_kind: string | null;
  created_at: number;
  updated_at: number;
  done_at: number | null;
}

function toRow(r: Row): OutboxRow {
  return {
    id: r.id,
    blogId: r.blog_id,
    postId: r.post_id,
    action: r.action,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    clientKey: r.client_key,
    params: JSON.parse(r.params) as OutboxParams,
    lastError: r.last_error,
    errorKind: r.error_kind,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    doneAt: r.done_at,
  };
}

export function getRow(db: DatabaseSync, id: number): OutboxRow {
  const row = stmt(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new BlogError('not-found', `There is no outbox entry ${id}.`);
  return toRow(row);
}

/** Queues `action` for a post (or folds it into the post's open row). Call inside the local change's transaction. */
export function enqueue(
  db: DatabaseSync,
  input: { blogId: string; postId: string; action: PostAction; params: OutboxParams },
  now: number,
): OutboxRow {
  const open = stmt(db, `SELECT * FROM outbox WHERE post_id = ? AND state IN ('pending','failed') ORDER BY id DESC LIMIT 1`).get(input.postId) as
    | Row
    | undefined;
  if (open && open.blog_id === input.blogId) {
    const action = input.action === 'update' ? open.action : input.action;
    const params = input.action === 'update' ? open.params : JSON.stringify(input.params);
    // A failed row asked for again is the user's "try again": a fresh budget of attempts.
    const attempts = open.state === 'failed' ? 0 : open.attempts;
    stmt(db, `UPDATE outbox SET action = ?, params = ?, state = 'pending', attempts = ?, next_attempt_at = NULL,
      last_error = CASE WHEN state = 'failed' THEN NULL ELSE last_error END, updated_at = ? WHERE id = ?`).run(action, params, attempts, now, open.id);
    return getRow(db, open.id);
  }
  const { id } = stmt(
    db,
    `INSERT INTO outbox (blog_id, post_id, action, state, client_key, params, created_at, updated_at)
     VALUES (?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id`,
  ).get(input.blogId, input.postId, input.action, input.postId, JSON.stringify(input.params), now, now) as { id: number };
  return getRow(db, id);
}

/** The next row the blog's worker may run now, or null. */
export function nextRunnable(db: DatabaseSync, blogId: string, now: number): OutboxRow | null {
  const row = stmt(
    db,
    `SELECT o.* FROM outbox o
     WHERE o.blog_id = ? AND o.state = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
       AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.post_id = o.post_id AND e.id < o.id AND e.state IN ('pending','in-flight','failed'))
       AND NOT EXISTS (SELECT 1 FROM sync_conflicts c JOIN posts p ON p.pk = c.post_pk WHERE p.id = o.post_id)
     ORDER BY o.id LIMIT 1`,
  ).get(blogId, now) as Row | undefined;
  return row ? toRow(row) : null;
}

/** When the earliest waiting row of the blog may run (null: none waits on a timer). */
export function earliestWaiting(db: DatabaseSync, blogId: string): number | null {
  const row = stmt(db, `SELECT min(next_attempt_at) AS t FROM outbox WHERE blog_id = ? AND state = 'pending' AND next_attempt_at IS NOT NULL`).get(
    blogId,
  ) as { t: number | null };
  return row.t;
}

export function saveState(db: DatabaseSync, id: number, state: OutboxRowState, now: number): void {
  stmt(
    db,
    `UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, error_kind = ?, done_at = ?, updated_at = ? WHERE id = ?`,
  ).run(state.state, state.attempts, state.nextAttemptAt, state.lastError, state.errorKind, state.doneAt, now, id);
}

/** Start-up: rows a crash left in flight run again. */
export function recoverInFlight(db: DatabaseSync, now: number): number {
  return Number(stmt(db, `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, updated_at = ? WHERE state = 'in-flight'`).run(now).changes);
}

/** Done rows are history: kept for a week (and at most 1,000), then dropped. */
export function pruneDone(db: DatabaseSync, now: number): void {
  stmt(db, `DELETE FROM outbox WHERE state = 'done' AND (done_at < ? OR id NOT IN
    (SELECT id FROM outbox WHERE state = 'done' ORDER BY id DESC LIMIT 1000))`).run(now - 7 * 24 * 3_600_000);
}

export function deleteRow(db: DatabaseSync, id: number): void {
  const row = getRow(db, id);
  if (row.state === 'in-flight') throw new BlogError('conflict', 'This entry is being sent right now; it cannot be cancelled.');
  stmt(db, 'DELETE FROM outbox WHERE id = ?').run(id);
}

export function deleteBlogRows(db: DatabaseSync, blogId: string): void {
  stmt(db, `DELETE FROM outbox WHERE blog_id = ? AND state != 'in-flight'`).run(blogId);
}

/** Rows to show: everything not done, and done rows only when asked (the soak checks them all). */
export function listEntries(db: DatabaseSync, options: { blogId?: string; includeDone?: boolean } = {}): OutboxEntry[] {
  const rows = stmt(
    db,
    `SELECT o.*, ifnull(p.title, '') AS title FROM outbox o LEFT JOIN posts p ON p.id = o.post_id
     WHERE (?1 IS NULL OR o.blog_id = ?1) AND (?2 = 1 OR o.state != 'done') ORDER BY o.id`,
  ).all(options.blogId ?? null, options.includeDone ? 1 : 0) as unknown as (Row & { title: string })[];
  return rows.map((r) => toEntry(toRow(r), r.title));
}

export function toEntry(row: OutboxRow, postTitle: string): OutboxEntry {
  return {
    id: row.id,
    blogId: row.blogId,
    postId: row.postId,
    postTitle,
    action: row.action,
    state: row.state,
    attempts: row.attempts,
    error: row.lastError,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
  };
}

export function countByState(db: DatabaseSync, blogId: string): { open: number; failed: number } {
  const rows = stmt(db, `SELECT state, count(*) AS n FROM outbox WHERE blog_id = ? AND state != 'done' GROUP BY state`).all(blogId) as {
    state: OutboxState;
    n: number;
  }[];
  const n = (s: OutboxState) => rows.find((r) => r.state === s)?.n ?? 0;
  return { open: n('pending') + n('in-flight'), failed: n('failed') };
}

/** Whether the post has queued (not yet done) work: pulls must not count it as "unchanged here". */
export function hasOpenRow(db: DatabaseSync, postId: string): boolean {
  return !!stmt(db, `SELECT 1 FROM outbox WHERE post_id = ? AND state != 'done' LIMIT 1`).get(postId);
}
