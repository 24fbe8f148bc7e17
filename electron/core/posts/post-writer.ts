import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import type { Post, Taxonomy } from '../../common/models.ts';
import { reindexPost, removeFromIndex } from '../library/search-index.ts';
import { monthKey } from '../library/time.ts';
import { timeZoneOf } from '../library/zones.ts';
import { SNIPPET_CHARS } from '../storage/migrations/002-post-snippets.ts';
import { stmt } from '../storage/statements.ts';
import { htmlToPlainText } from '../text/plain-text.ts';
import type { PostRow } from './post-row.ts';

/**
 * Writes one whole post — row, derived columns, relations, search index — as the caller's transaction's part.
 * Everything derived is derived here and only here: snippet, sort_date (publishedAt ?? createdAt), archive_month
 * (in the blog's zone), the sort_date copies in post_terms, and the FTS rows. Work is skipped when its inputs
 * did not change, so an autosave that only touched the body does not rewrite the relations.
 */
export function writePost(db: DatabaseSync, post: Post, previous?: { row: PostRow; post: Post }, options: { index?: boolean } = {}): number {
  if (post.blogId !== null && !stmt(db, 'SELECT 1 FROM blogs WHERE id = ?').get(post.blogId)) {
    throw new BlogError('not-found', `There is no blog with id ${JSON.stringify(post.blogId)}.`);
  }
  const categoryPks = resolveTerms(db, post.categoryIds, 'category', post.blogId);
  const tagPks = resolveTerms(db, post.tagIds, 'tag', post.blogId);
  const featuredPk = post.featuredMediaId === null ? null : resolveMedia(db, [post.featuredMediaId])[0]!;
  const mediaPks = [...new Set([...resolveMedia(db, post.mediaIds), ...(featuredPk === null ? [] : [featuredPk])])];
  const sortDate = post.publishedAt ?? post.createdAt;
  const month = monthKey(sortDate, timeZoneOf(db, post.blogId));
  const snippet =
    previous && previous.row.html === post.html ? previous.row.snippet : htmlToPlainText(post.html).slice(0, SNIPPET_CHARS);

  const { pk } = stmt(
    db,
    `INSERT INTO posts (id, blog_id, remote_id, status, sort_date, archive_month, published_at, created_at, modified_at,
       remote_modified_at, version, format, comment_status, sticky, featured_media_pk, slug, title, snippet, excerpt,
       html, editor_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET blog_id = excluded.blog_id, remote_id = excluded.remote_id,
       status = excluded.status, sort_date = excluded.sort_date, archive_month = excluded.archive_month,
       published_at = excluded.published_at, created_at = excluded.created_at, modified_at = excluded.modified_at,
       remote_modified_at = excluded.remote_modified_at, version = excluded.version, format = excluded.format,
       comment_status = excluded.comment_status, sticky = excluded.sticky,
       featured_media_pk = excluded.featured_media_pk, slug = excluded.slug, title = excluded.title,
       snippet = excluded.snippet, excerpt = excluded.excerpt, html = excluded.html, editor_state = excluded.editor_state
     RETURNING pk`,
  ).get(
    post.id,
    post.blogId,
    post.remoteId,
    post.status,
    sortDate,
    month,
    post.publishedAt,
    post.createdAt,
    post.modifiedAt,
    post.remoteModifiedAt,
    post.version,
    post.format,
    post.commentStatus,
    post.sticky ? 1 : 0,
    featuredPk,
    post.slug,
    post.title,
    snippet,
    post.excerpt,
    post.html,
    post.editorState,
  ) as { pk: number };

  const before = previous?.post;
  const termsChanged =
    !before || !sameSet(before.categoryIds, post.categoryIds) || !sameSet(before.tagIds, post.tagIds) || previous.row.sort_date !== sortDate;
  if (termsChanged) {
    stmt(db, 'DELETE FROM post_terms WHERE post_pk = ?').run(pk);
    const insert = stmt(db, 'INSERT OR IGNORE INTO post_terms (term_pk, sort_date, post_pk) VALUES (?, ?, ?)');
    for (const termPk of [...categoryPks, ...tagPks]) insert.run(termPk, sortDate, pk);
  }
  if (!before || !sameSet(before.mediaIds, post.mediaIds) || before.featuredMediaId !== post.featuredMediaId) {
    stmt(db, 'DELETE FROM post_media WHERE post_pk = ?').run(pk);
    const insert = stmt(db, 'INSERT OR IGNORE INTO post_media (post_pk, media_pk) VALUES (?, ?)');
    for (const mediaPk of mediaPks) insert.run(pk, mediaPk);
  }
  const textChanged =
    !before || before.title !== post.title || before.html !== post.html || before.excerpt !== post.excerpt || !sameSet(before.tagIds, post.tagIds);
  // index: false — the caller marked the index pending in this transaction (library/search-index.ts).
  if (textChanged && options.index !== false) reindexPost(db, pk);
  return pk;
}

/** Removes a post and everything hanging off it (relations, revisions and sync base go by ON DELETE CASCADE). */
export function erasePost(db: DatabaseSync, pk: number): void {
  removeFromIndex(db, pk);
  stmt(db, 'DELETE FROM posts WHERE pk = ?').run(pk);
}

function resolveTerms(db: DatabaseSync, ids: readonly string[], taxonomy: Taxonomy, blogId: string | null): number[] {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows = stmt(db, 'SELECT pk, id, taxonomy, blog_id FROM terms WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(unique),
  ) as { pk: number; id: string; taxonomy: Taxonomy; blog_id: string | null }[];
  for (const id of unique) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new BlogError('not-found', `There is no ${taxonomy} with id ${JSON.stringify(id)}.`);
    if (row.taxonomy !== taxonomy) throw new BlogError('invalid-argument', `${JSON.stringify(id)} is a ${row.taxonomy}, not a ${taxonomy}.`);
    if (row.blog_id !== blogId) {
      throw new BlogError('invalid-argument', `The ${taxonomy} ${JSON.stringify(id)} belongs to another blog than the post.`);
    }
  }
  return unique.map((id) => rows.find((r) => r.id === id)!.pk);
}

function resolveMedia(db: DatabaseSync, ids: readonly string[]): number[] {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows = stmt(db, 'SELECT pk, id FROM media WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(unique)) as {
    pk: number;
    id: string;
  }[];
  const missing = unique.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw new BlogError('not-found', `There is no media with id ${JSON.stringify(missing)}.`);
  return unique.map((id) => rows.find((r) => r.id === id)!.pk);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}
