import type { DatabaseSync } from 'node:sqlite';
import { BlogError } from '../../common/errors.ts';
import type { CommentStatus, Post, PostFormat, PostId, PostStatus, PostSummary } from '../../common/models.ts';
import { stmt } from '../storage/statements.ts';

/** A `posts` row as SQLite returns it (column order in migration 003: small columns first, body last). */
export interface PostRow {
  pk: number;
  id: string;
  blog_id: string | null;
  remote_id: number | null;
  status: PostStatus;
  sort_date: number;
  archive_month: number;
  published_at: number | null;
  created_at: number;
  modified_at: number;
  remote_modified_at: number | null;
  version: number;
  format: PostFormat;
  comment_status: CommentStatus;
  sticky: number;
  featured_media_pk: number | null;
  slug: string;
  title: string;
  snippet: string;
  excerpt: string;
  html: string;
  editor_state: string | null;
}

export function notFound(id: PostId): BlogError {
  return new BlogError('not-found', `There is no post with id ${JSON.stringify(id)}.`);
}

export function findRow(db: DatabaseSync, id: PostId): PostRow | undefined {
  if (typeof id !== 'string') throw new BlogError('invalid-argument', 'A post id must be a string.');
  return stmt(db, 'SELECT * FROM posts WHERE id = ?').get(id) as PostRow | undefined;
}

export function requireRow(db: DatabaseSync, id: PostId): PostRow {
  const row = findRow(db, id);
  if (!row) throw notFound(id);
  return row;
}

/** The whole post: its row plus its terms and media (ids, sorted by name / by when they were added). */
export function loadPost(db: DatabaseSync, row: PostRow): Post {
  const terms = stmt(
    db,
    `SELECT t.id, t.taxonomy FROM post_terms pt JOIN terms t ON t.pk = pt.term_pk
     WHERE pt.post_pk = ? ORDER BY t.name, t.id`,
  ).all(row.pk) as { id: string; taxonomy: string }[];
  const media = stmt(
    db,
    `SELECT m.id FROM post_media pm JOIN media m ON m.pk = pm.media_pk WHERE pm.post_pk = ? ORDER BY m.pk`,
  ).all(row.pk) as { id: string }[];
  const featured =
    row.featured_media_pk === null
      ? null
      : ((stmt(db, 'SELECT id FROM media WHERE pk = ?').get(row.featured_media_pk) as { id: string } | undefined)?.id ??
        null);
  return {
    id: row.id,
    blogId: row.blog_id,
    remoteId: row.remote_id,
    title: row.title,
    html: row.html,
    editorState: row.editor_state,
    slug: row.slug,
    excerpt: row.excerpt,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    remoteModifiedAt: row.remote_modified_at,
    format: row.format,
    featuredMediaId: featured,
    commentStatus: row.comment_status,
    sticky: row.sticky === 1,
    categoryIds: terms.filter((t) => t.taxonomy === 'category').map((t) => t.id),
    tagIds: terms.filter((t) => t.taxonomy === 'tag').map((t) => t.id),
    mediaIds: media.map((m) => m.id),
    version: row.version,
  };
}

export function getPost(db: DatabaseSync, id: PostId): Post {
  return loadPost(db, requireRow(db, id));
}

export function summaryOf(row: Pick<PostRow, 'id' | 'title' | 'snippet' | 'status' | 'modified_at'>): PostSummary {
  return { id: row.id, title: row.title, snippet: row.snippet, status: row.status, modifiedAt: row.modified_at };
}
