import type { DatabaseSync } from 'node:sqlite';
import { stmt } from '../storage/statements.ts';
import { htmlToPlainText } from '../text/plain-text.ts';

/**
 * Keeps the two FTS5 tables (migration 006) in step with posts. Called inside the transaction that changes the
 * post, so the index can never disagree with what was committed.
 *
 * post_fts stores the text; post_fts_folded takes its text from post_fts (external content), so removing a row
 * from the folded index must hand it the old text — which is why the old row is read before anything changes.
 */
export interface SearchText {
  readonly title: string;
  readonly body: string;
  readonly excerpt: string;
  readonly tags: string;
}

interface SourceRow {
  title: string;
  html: string;
  excerpt: string;
}

export function searchTextOf(db: DatabaseSync, pk: number): SearchText | null {
  const row = stmt(db, 'SELECT title, html, excerpt FROM posts WHERE pk = ?').get(pk) as SourceRow | undefined;
  if (!row) return null;
  const tags = stmt(
    db,
    `SELECT t.name FROM post_terms pt JOIN terms t ON t.pk = pt.term_pk
     WHERE pt.post_pk = ? AND t.taxonomy = 'tag' ORDER BY t.name`,
  ).all(pk) as { name: string }[];
  return {
    title: clean(row.title),
    body: clean(htmlToPlainText(row.html)),
    excerpt: clean(htmlToPlainText(row.excerpt)),
    tags: clean(tags.map((t) => t.name).join(', ')),
  };
}

/**
 * NFC, so that a decomposed "å" indexes as the letter å; and no C0 controls, which search.ts uses as match
 * markers in highlights.
 */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function clean(text: string): string {
  return text.normalize('NFC').replace(CONTROL, ' ');
}

export function removeFromIndex(db: DatabaseSync, pk: number): void {
  const old = stmt(db, 'SELECT title, body, excerpt, tags FROM post_fts WHERE rowid = ?').get(pk) as SearchText | undefined;
  if (!old) return;
  stmt(
    db,
    `INSERT INTO post_fts_folded (post_fts_folded, rowid, title, body, excerpt, tags) VALUES ('delete', ?, ?, ?, ?, ?)`,
  ).run(pk, old.title, old.body, old.excerpt, old.tags);
  stmt(db, 'DELETE FROM post_fts WHERE rowid = ?').run(pk);
}

/** (Re)indexes one post from what is stored now: its row and its tags. */
export function reindexPost(db: DatabaseSync, pk: number): void {
  removeFromIndex(db, pk);
  const text = searchTextOf(db, pk);
  if (text) insertText(db, pk, text);
}

function insertText(db: DatabaseSync, pk: number, text: SearchText): void {
  stmt(db, 'INSERT INTO post_fts (rowid, title, body, excerpt, tags) VALUES (?, ?, ?, ?, ?)').run(
    pk,
    text.title,
    text.body,
    text.excerpt,
    text.tags,
  );
  stmt(db, 'INSERT INTO post_fts_folded (rowid, title, body, excerpt, tags) VALUES (?, ?, ?, ?, ?)').run(
    pk,
    text.title,
    text.body,
    text.excerpt,
    text.tags,
  );
}

// ── deferred indexing ────────────────────────────────────────────────────────────────────────────────────
//
// A first pull writes thousands of posts while the network is the limit; their search rows are written after
// (sync/engine/pull.ts), a chunk at a time, so the pull does not wait for them. The setting below is committed
// in the same transaction as the first post written without its rows, and cleared once every post has them:
// while it is set, `indexPending` finds the posts that lack rows (FTS5 rowid = posts.pk). Search completes the
// index first (library/search.ts), so it never misses a post, and opening the library resumes it after a crash.

const PENDING = 'search_index_pending';

/** Call in the transaction that writes posts with `writePost(…, { index: false })`. */
export function markIndexPending(db: DatabaseSync): void {
  stmt(db, `INSERT INTO settings (key, value) VALUES ('${PENDING}', '1') ON CONFLICT (key) DO NOTHING`).run();
}

export function indexIsPending(db: DatabaseSync): boolean {
  return stmt(db, `SELECT 1 FROM settings WHERE key = '${PENDING}'`).get() !== undefined;
}

/**
 * Writes the search rows of up to `max` posts that lack them; clears the mark when none are left. Returns how
 * many it indexed. The caller holds the transaction.
 */
export function indexPending(db: DatabaseSync, max = Number.MAX_SAFE_INTEGER): number {
  if (!indexIsPending(db)) return 0;
  const rows = stmt(db, 'SELECT pk FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_fts f WHERE f.rowid = p.pk) ORDER BY pk LIMIT ?').all(max) as {
    pk: number;
  }[];
  for (const { pk } of rows) {
    const text = searchTextOf(db, pk);
    if (text) insertText(db, pk, text);
  }
  if (rows.length < max) stmt(db, `DELETE FROM settings WHERE key = '${PENDING}'`).run();
  return rows.length;
}

/** Rebuilds both indexes from scratch (migration 006, and a repair if ever needed). */
export function indexAllPosts(db: DatabaseSync): void {
  db.exec(`DELETE FROM post_fts; INSERT INTO post_fts_folded (post_fts_folded) VALUES ('delete-all');`);
  for (const row of db.prepare('SELECT pk FROM posts ORDER BY pk').all() as { pk: number }[]) {
    const text = searchTextOf(db, row.pk);
    if (text) insertText(db, row.pk, text);
  }
}

/** Imports of at least this many posts end by merging the index (see optimizeSearchIndex). */
export const OPTIMIZE_AFTER_POSTS = 1_000;

/**
 * Merges each index's segments into one (FTS5 'optimize'). A bulk import writes the index in many small
 * segments; a query on a common word or a short prefix then merges doclists from all of them. About 2 s per
 * index at 100,000 posts, so only after imports (OPTIMIZE_AFTER_POSTS), inside their transaction.
 */
export function optimizeSearchIndex(db: DatabaseSync): void {
  db.exec(`INSERT INTO post_fts (post_fts) VALUES ('optimize'); INSERT INTO post_fts_folded (post_fts_folded) VALUES ('optimize');`);
}
