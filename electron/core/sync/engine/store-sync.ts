/**
 * Per-blog and per-post sync state (migrations 007, 008) and the sync base (post_sync_base, migration 003).
 * Callers hold the transaction. The sync base is written here, not through posts/sync-base.ts, because the
 * engine also records a base without touching the post (after a push whose text the post already has).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { BlogProblem } from '../../../common/api/sync.ts';
import { BlogError } from '../../../common/errors.ts';
import { stmt } from '../../storage/statements.ts';
import { type RemoteFields, type ServerVersion, msOf, parseFields } from './fields.ts';

export interface BlogSyncRow {
  readonly blogId: string;
  readonly restRoot: string;
  readonly account: string;
  readonly pullCursor: string | null;
  readonly firstPullDone: boolean;
  readonly firstPullPage: number;
  readonly firstPullStarted: string | null;
  readonly lastSweepAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly syncsSinceSweep: number;
  readonly problem: { readonly kind: BlogProblem; readonly message: string } | null;
}

interface Row {
  blog_id: string;
  rest_root: string;
  account: string;
  pull_cursor: string | null;
  first_pull_done: number;
  first_pull_page: number;
  first_pull_started: string | null;
  last_sweep_at: number | null;
  last_success_at: number | null;
  syncs_since_sweep: number;
  problem_kind: BlogProblem | null;
  problem_message: string | null;
}

function toBlogSync(r: Row): BlogSyncRow {
  return {
    blogId: r.blog_id,
    restRoot: r.rest_root,
    account: r.account,
    pullCursor: r.pull_cursor,
    firstPullDone: r.first_pull_done === 1,
    firstPullPage: r.first_pull_page,
    firstPullStarted: r.first_pull_started,
    lastSweepAt: r.last_sweep_at,
    lastSuccessAt: r.last_success_at,
    syncsSinceSweep: r.syncs_since_sweep,
    problem: r.problem_kind ? { kind: r.problem_kind, message: r.problem_message ?? '' } : null,
  };
}

export function findBlogSync(db: DatabaseSync, blogId: string): BlogSyncRow | null {
  const row = stmt(db, 'SELECT * FROM blog_sync WHERE blog_id = ?').get(blogId) as Row | undefined;
  return row ? toBlogSync(row) : null;
}

export function requireBlogSync(db: DatabaseSync, blogId: string): BlogSyncRow {
  const row = findBlogSync(db, blogId);
  if (!row) throw new BlogError('not-found', `The blog ${JSON.stringify(blogId)} is not connected (add it with its address and an Application Password).`);
  return row;
}

export function listBlogSync(db: DatabaseSync): BlogSyncRow[] {
  return (stmt(db, 'SELECT s.* FROM blog_sync s JOIN blogs b ON b.id = s.blog_id ORDER BY b.created_at, b.id').all() as unknown as Row[]).map(toBlogSync);
}

/** Connecting again (a new password, another REST root) keeps the cursor: the archive here is still valid. */
export function upsertBlogSync(db: DatabaseSync, blogId: string, restRoot: string, account: string, now: number): void {
  stmt(
    db,
    `INSERT INTO blog_sync (blog_id, rest_root, account, connected_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (blog_id) DO UPDATE SET rest_root = excluded.rest_root, account = excluded.account, problem_kind = NULL, problem_message = NULL`,
  ).run(blogId, restRoot, account, now);
}

export function deleteBlogSync(db: DatabaseSync, blogId: string): void {
  stmt(db, 'DELETE FROM blog_sync WHERE blog_id = ?').run(blogId);
}

type Patch = Partial<{
  pull_cursor: string | null;
  first_pull_done: number;
  first_pull_page: number;
  first_pull_started: string | null;
  last_sweep_at: number;
  last_success_at: number;
  last_attempt_at: number;
  syncs_since_sweep: number;
  problem_kind: BlogProblem | null;
  problem_message: string | null;
}>;

export function updateBlogSync(db: DatabaseSync, blogId: string, patch: Patch): void {
  const keys = Object.keys(patch) as (keyof Patch)[];
  if (keys.length === 0) return;
  stmt(db, `UPDATE blog_sync SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE blog_id = ?`).run(...keys.map((k) => patch[k] ?? null), blogId);
}

// ── sync base ────────────────────────────────────────────────────────────────────────────────────────────

export interface StoredBase {
  readonly remoteId: string;
  readonly modifiedGmt: string;
  readonly fields: RemoteFields;
}

export function readBase(db: DatabaseSync, postPk: number): StoredBase | null {
  const row = stmt(db, 'SELECT remote_id, fields FROM post_sync_base WHERE post_pk = ?').get(postPk) as { remote_id: number; fields: string } | undefined;
  if (!row) return null;
  const json = JSON.parse(row.fields) as Record<string, unknown>;
  return { remoteId: String(row.remote_id), modifiedGmt: typeof json.modifiedGmt === 'string' ? json.modifiedGmt : '', fields: parseFields(json) };
}

export function writeBase(db: DatabaseSync, postPk: number, version: ServerVersion, now: number): void {
  stmt(
    db,
    `INSERT INTO post_sync_base (post_pk, remote_id, remote_modified_at, fields, synced_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (post_pk) DO UPDATE SET remote_id = excluded.remote_id, remote_modified_at = excluded.remote_modified_at,
       fields = excluded.fields, synced_at = excluded.synced_at`,
  ).run(postPk, Number(version.remoteId), msOf(version.modifiedGmt), JSON.stringify({ ...version.fields, modifiedGmt: version.modifiedGmt }), now);
}

export function deleteBase(db: DatabaseSync, postPk: number): void {
  stmt(db, 'DELETE FROM post_sync_base WHERE post_pk = ?').run(postPk);
}

// ── post sync state ──────────────────────────────────────────────────────────────────────────────────────

export type PostSyncState = 'synced' | 'pending' | 'conflict' | 'error';

export interface PostSyncRow {
  readonly state: PostSyncState;
  readonly message: string | null;
  readonly syncedAt: number | null;
  readonly createSentAt: number | null;
}

export function readPostSync(db: DatabaseSync, postPk: number): PostSyncRow | null {
  const row = stmt(db, 'SELECT state, message, synced_at, create_sent_at FROM post_sync WHERE post_pk = ?').get(postPk) as
    | { state: PostSyncState; message: string | null; synced_at: number | null; create_sent_at: number | null }
    | undefined;
  return row ? { state: row.state, message: row.message, syncedAt: row.synced_at, createSentAt: row.create_sent_at } : null;
}

export function setPostSync(
  db: DatabaseSync,
  postPk: number,
  patch: Partial<{ state: PostSyncState; message: string | null; syncedAt: number | null; createSentAt: number | null }>,
  now: number,
): void {
  const current = readPostSync(db, postPk) ?? { state: 'synced' as const, message: null, syncedAt: null, createSentAt: null };
  const next = { ...current, ...patch };
  stmt(
    db,
    `INSERT INTO post_sync (post_pk, state, message, synced_at, create_sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (post_pk) DO UPDATE SET state = excluded.state, message = excluded.message, synced_at = excluded.synced_at,
       create_sent_at = excluded.create_sent_at, updated_at = excluded.updated_at`,
  ).run(postPk, next.state, next.message, next.syncedAt, next.createSentAt, now);
}

// ── conflicts ────────────────────────────────────────────────────────────────────────────────────────────

export interface ConflictRow {
  readonly postPk: number;
  readonly blogId: string;
  readonly detectedAt: number;
  readonly base: StoredBase;
  readonly mine: RemoteFields;
  readonly theirs: StoredBase;
  readonly conflictingBlocks: number;
}

export function writeConflict(db: DatabaseSync, row: ConflictRow): void {
  stmt(
    db,
    `INSERT INTO sync_conflicts (post_pk, blog_id, detected_at, base, mine, theirs, conflicting_blocks) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (post_pk) DO UPDATE SET theirs = excluded.theirs, conflicting_blocks = excluded.conflicting_blocks`,
  ).run(row.postPk, row.blogId, row.detectedAt, sideJson(row.base), JSON.stringify(row.mine), sideJson(row.theirs), row.conflictingBlocks);
}

function sideJson(b: StoredBase): string {
  return JSON.stringify({ ...b.fields, remoteId: b.remoteId, modifiedGmt: b.modifiedGmt });
}

function sideOf(json: string): StoredBase {
  const value = JSON.parse(json) as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return { remoteId: text(value.remoteId), modifiedGmt: text(value.modifiedGmt), fields: parseFields(value) };
}

export function readConflict(db: DatabaseSync, postPk: number): ConflictRow | null {
  const row = stmt(db, 'SELECT * FROM sync_conflicts WHERE post_pk = ?').get(postPk) as
    | { post_pk: number; blog_id: string; detected_at: number; base: string; mine: string; theirs: string; conflicting_blocks: number }
    | undefined;
  if (!row) return null;
  return {
    postPk: row.post_pk,
    blogId: row.blog_id,
    detectedAt: row.detected_at,
    base: sideOf(row.base),
    mine: parseFields(JSON.parse(row.mine)),
    theirs: sideOf(row.theirs),
    conflictingBlocks: row.conflicting_blocks,
  };
}

export function deleteConflict(db: DatabaseSync, postPk: number): void {
  stmt(db, 'DELETE FROM sync_conflicts WHERE post_pk = ?').run(postPk);
}

export function listConflictRows(db: DatabaseSync, blogId?: string): (ConflictRow & { postId: string; title: string })[] {
  const rows = stmt(
    db,
    `SELECT c.post_pk, p.id, p.title FROM sync_conflicts c JOIN posts p ON p.pk = c.post_pk
     WHERE (?1 IS NULL OR c.blog_id = ?1) ORDER BY c.detected_at, c.post_pk`,
  ).all(blogId ?? null) as { post_pk: number; id: string; title: string }[];
  return rows.map((r) => ({ ...readConflict(db, r.post_pk)!, postId: r.id, title: r.title }));
}

export function countConflicts(db: DatabaseSync, blogId: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sync_conflicts WHERE blog_id = ?').get(blogId) as { n: number }).n;
}
