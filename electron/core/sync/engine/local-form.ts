/**
 * A local post ⇄ its fields in the blog's terms (RemoteFields).
 *
 * Media: the local body names its images `longhand://media/<local id>` (the editor shows them offline); the
 * blog's copy names the uploaded file's URL. toRemoteHtml swaps local names for URLs where the item is on the
 * blog; fromRemoteHtml swaps them back for the items the local body named, so the local copy keeps pointing at
 * local files while the published HTML points at the blog. Invariant: toRemoteHtml(fromRemoteHtml(x, h)) === x.
 */
import type { DatabaseSync } from 'node:sqlite';
import { type Post, POST_FORMATS, type PostFormat, type PostStatus } from '../../../common/models.ts';
import { stmt } from '../../storage/statements.ts';
import { LOCAL_REF, type RemoteFields, floatingDate, isoOf, localStatus, msOf, remoteStatus, sortIds } from './fields.ts';

export const LOCAL_MEDIA_PREFIX = 'longhand://media/';
const LOCAL_MEDIA = /longhand:\/\/media\/([A-Za-z0-9-]+)/g;

/** Local media ids the body names. */
export function localMediaRefs(html: string): string[] {
  return [...new Set([...html.matchAll(LOCAL_MEDIA)].map((m) => m[1]!))];
}

/** Remote URL and id of local media items on `blogId` (items not uploaded there are missing from the map). */
export function mediaRemotes(db: DatabaseSync, blogId: string, ids: readonly string[]): Map<string, { url: string; remoteId: number | null }> {
  if (ids.length === 0) return new Map();
  const rows = stmt(
    db,
    `SELECT m.id, r.url, r.remote_id FROM media m JOIN media_remote r ON r.media_pk = m.pk AND r.blog_id = ?
     WHERE m.id IN (SELECT value FROM json_each(?)) AND r.url != ''`,
  ).all(blogId, JSON.stringify(ids)) as { id: string; url: string; remote_id: number | null }[];
  return new Map(rows.map((r) => [r.id, { url: r.url, remoteId: r.remote_id }]));
}

export function toRemoteHtml(db: DatabaseSync, blogId: string, html: string): string {
  const refs = localMediaRefs(html);
  if (refs.length === 0) return html;
  const remotes = mediaRemotes(db, blogId, refs);
  return html.replace(LOCAL_MEDIA, (whole, id: string) => remotes.get(id)?.url ?? whole);
}

export function fromRemoteHtml(db: DatabaseSync, blogId: string, content: string, localHtml: string): string {
  let out = content;
  for (const [id, remote] of mediaRemotes(db, blogId, localMediaRefs(localHtml))) out = out.split(remote.url).join(`${LOCAL_MEDIA_PREFIX}${id}`);
  return out;
}

function termRemoteIds(db: DatabaseSync, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const rows = stmt(db, 'SELECT id, remote_id FROM terms WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
    remote_id: number | null;
  }[];
  return sortIds(rows.map((r) => (r.remote_id === null ? `${LOCAL_REF}${r.id}` : String(r.remote_id))));
}

/** The local post as the blog would hold it (see fields.ts for the normalisation). */
export function mineOf(db: DatabaseSync, post: Post): RemoteFields {
  const blogId = post.blogId ?? '';
  const status = remoteStatus(post.status) ?? 'draft';
  let featuredMedia: string | null = null;
  if (post.featuredMediaId !== null) {
    const remote = mediaRemotes(db, blogId, [post.featuredMediaId]).get(post.featuredMediaId);
    featuredMedia = remote?.remoteId ? String(remote.remoteId) : `${LOCAL_REF}${post.featuredMediaId}`;
  }
  return {
    title: post.title,
    content: toRemoteHtml(db, blogId, post.html),
    excerpt: post.excerpt,
    slug: post.slug,
    status,
    dateGmt: floatingDate(status) || post.publishedAt === null ? null : isoOf(post.publishedAt),
    categories: termRemoteIds(db, post.categoryIds),
    tags: termRemoteIds(db, post.tagIds),
    featuredMedia,
    commentStatus: post.commentStatus,
    sticky: post.sticky,
    format: post.format,
  };
}

/** Remote (or `local:`) term ids → local term ids of the blog; ids the library does not know are left out. */
function localTermIds(db: DatabaseSync, blogId: string, taxonomy: 'category' | 'tag', refs: readonly string[]): string[] {
  const remote = refs.filter((ref) => !ref.startsWith(LOCAL_REF)).map(Number);
  // One lookup per post and taxonomy, not per term: a first pull maps a few thousand of these.
  const rows =
    remote.length === 0
      ? []
      : (stmt(db, 'SELECT id, remote_id FROM terms WHERE blog_id = ? AND taxonomy = ? AND remote_id IN (SELECT value FROM json_each(?))').all(
          blogId,
          taxonomy,
          JSON.stringify(remote),
        ) as { id: string; remote_id: number }[]);
  const byRemote = new Map(rows.map((r) => [r.remote_id, r.id]));
  const out: string[] = [];
  for (const ref of refs) {
    const id = ref.startsWith(LOCAL_REF) ? ref.slice(LOCAL_REF.length) : byRemote.get(Number(ref));
    if (id !== undefined) out.push(id);
  }
  return out;
}

function localMediaId(db: DatabaseSync, blogId: string, ref: string | null): string | null {
  if (ref === null) return null;
  if (ref.startsWith(LOCAL_REF)) return ref.slice(LOCAL_REF.length);
  const row = stmt(db, 'SELECT m.id FROM media_remote r JOIN media m ON m.pk = r.media_pk WHERE r.blog_id = ? AND r.remote_id = ?').get(
    blogId,
    Number(ref),
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Media the blog's body names by id (`wp-image-N` classes, `"id":N` of image blocks). */
export function remoteMediaRefs(content: string): string[] {
  const ids = new Set<string>();
  for (const m of content.matchAll(/\bwp-image-(\d+)\b/g)) ids.add(m[1]!);
  for (const m of content.matchAll(/<!--\s*wp:(?:image|cover|media-text|video|audio|file)\s+\{[^}]*?"(?:id|mediaId)"\s*:\s*(\d+)/g)) ids.add(m[1]!);
  return [...ids];
}

/** The local post with the blog's fields: what a pull or a merge writes (server-decided fields included). */
export function applyFields(db: DatabaseSync, current: Post, blogId: string, fields: RemoteFields, remote: { remoteId: number; modifiedGmt: string }): Post {
  const status: PostStatus = localStatus(fields.status);
  const html = fromRemoteHtml(db, blogId, fields.content, current.html);
  const featuredMediaId = localMediaId(db, blogId, fields.featuredMedia);
  const named = remoteMediaRefs(fields.content).map((ref) => localMediaId(db, blogId, ref));
  const mediaIds = [...new Set([...current.mediaIds, ...named.filter((id): id is string => id !== null), ...localMediaRefs(html)])];
  const publishedAt = fields.dateGmt !== null ? msOf(fields.dateGmt) : floatingDate(fields.status) ? null : current.publishedAt;
  return {
    ...current,
    blogId,
    remoteId: remote.remoteId,
    remoteModifiedAt: msOf(remote.modifiedGmt),
    title: fields.title,
    html,
    editorState: html === current.html ? current.editorState : null,
    excerpt: fields.excerpt,
    slug: fields.slug,
    status,
    publishedAt,
    format: (POST_FORMATS as readonly string[]).includes(fields.format) ? (fields.format as PostFormat) : 'standard',
    commentStatus: fields.commentStatus,
    sticky: fields.sticky,
    featuredMediaId,
    categoryIds: localTermIds(db, blogId, 'category', fields.categories),
    tagIds: localTermIds(db, blogId, 'tag', fields.tags),
    mediaIds: featuredMediaId && !mediaIds.includes(featuredMediaId) ? [...mediaIds, featuredMediaId] : mediaIds,
  };
}

/** Whether the post's text (what the editor owns) differs: such a write bumps the version, others do not. */
export function textChanged(a: Post, b: Post): boolean {
  return a.title !== b.title || a.html !== b.html || a.excerpt !== b.excerpt;
}
