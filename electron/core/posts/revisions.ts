import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import type { Revision, RevisionId, RevisionReason, RevisionSummary } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';
import { htmlToPlainText } from '../text/plain-text.ts';
import type { PostRow } from './post-row.ts';

/**
 * Revisions: full snapshots of a post's text, taken at the moments worth going back to.
 *
 * When (the post store calls `snapshot` inside the transaction of the change that follows):
 * - `pause`: the first save after the post sat unchanged for PAUSE_MS — the text as it was at the end of the
 *   previous writing session, before the new session starts changing it;
 * - `publish` / `sync`: before a publish or a sync overwrites the local text;
 * - `restore`: before a revision is put back, so a restore can itself be undone;
 * - `manual`: when the user asks.
 * A snapshot equal to the post's newest one, or of an empty post, is not stored (pruning still runs).
 *
 * Pruning (after each snapshot, for that post): the newest KEEP_NEWEST always stay; beyond them a revision goes
 * when it is older than MAX_AGE_MS or when the post has more than MAX_PER_POST.
 */
export const PAUSE_MS = 5 * 60_000;
export const KEEP_NEWEST = 10;
export const MAX_PER_POST = 50;
export const MAX_AGE_MS = 90 * 24 * 60 * 60_000;

type Snapshotted = Pick<PostRow, 'pk' | 'title' | 'excerpt' | 'html' | 'editor_state' | 'version'>;

interface RevisionRow {
  pk: number;
  post_id: string;
  reason: RevisionReason;
  created_at: number;
  post_version: number;
  words: number;
  title: string;
  excerpt: string;
  html: string;
  editor_state: string | null;
}

/** Returns the new revision's id, or null when there was nothing new to keep. */
export function snapshot(db: DatabaseSync, row: Snapshotted, reason: RevisionReason, now: number): RevisionId | null {
  if (row.title === '' && row.html === '' && row.excerpt === '') {
    prune(db, row.pk, now);
    return null;
  }
  const hash = createHash('sha256').update(JSON.stringify([row.title, row.excerpt, row.html, row.editor_state])).digest('hex');
  const newest = stmt(db, 'SELECT content_hash FROM revisions WHERE post_pk = ? ORDER BY created_at DESC, pk DESC LIMIT 1').get(
    row.pk,
  ) as { content_hash: string } | undefined;
  if (newest?.content_hash === hash) {
    prune(db, row.pk, now);
    return null;
  }
  const words = htmlToPlainText(row.html).split(' ').filter(Boolean).length;
  const { pk } = stmt(
    db,
    `INSERT INTO revisions (post_pk, reason, created_at, post_version, words, content_hash, title, excerpt, html, editor_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
  ).get(row.pk, reason, now, row.version, words, hash, row.title, row.excerpt, row.html, row.editor_state) as { pk: number };
  prune(db, row.pk, now);
  return pk;
}

export function prune(db: DatabaseSync, postPk: number, now: number): void {
  stmt(
    db,
    `DELETE FROM revisions WHERE pk IN (
       SELECT pk FROM (
         SELECT pk, created_at, row_number() OVER (ORDER BY created_at DESC, pk DESC) AS n
         FROM revisions WHERE post_pk = ?
       ) WHERE n > ? AND (n > ? OR created_at < ?)
     )`,
  ).run(postPk, KEEP_NEWEST, MAX_PER_POST, now - MAX_AGE_MS);
}

const SUMMARY_COLUMNS = `r.pk, p.id AS post_id, r.reason, r.created_at, r.post_version, r.words, r.title`;

export function listRevisions(db: DatabaseSync, postPk: number): RevisionSummary[] {
  const rows = stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM revisions r JOIN posts p ON p.pk = r.post_pk
     WHERE r.post_pk = ? ORDER BY r.created_at DESC, r.pk DESC`,
  ).all(postPk) as unknown as RevisionRow[];
  return rows.map(toSummary);
}

export function getRevision(db: DatabaseSync, id: RevisionId): Revision & { postPk: number } {
  const row = stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS}, r.post_pk, r.excerpt, r.html, r.editor_state FROM revisions r JOIN posts p ON p.pk = r.post_pk
     WHERE r.pk = ?`,
  ).get(id) as (RevisionRow & { post_pk: number }) | undefined;
  if (!row) throw new BlogError('not-found', `There is no revision with id ${JSON.stringify(id)}.`);
  return { ...toSummary(row), html: row.html, editorState: row.editor_state, excerpt: row.excerpt, postPk: row.post_pk };
}

export function revisionSummary(db: DatabaseSync, id: RevisionId): RevisionSummary {
  const { html: _h, editorState: _e, excerpt: _x, postPk: _p, ...summary } = getRevision(db, id);
  return summary;
}

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.pk,
    postId: row.post_id,
    reason: row.reason,
    createdAt: row.created_at,
    postVersion: row.post_version,
    title: row.title,
    words: row.words,
  };
}
