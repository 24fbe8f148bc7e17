import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ImportReport } from '../../../common/api/library.ts';
import { BlogError } from '../../../common/errors.ts';
import type { Blog, MediaId, Post, PostFormat, PostStatus, TermId } from '../../../common/models.ts';
import { POST_FORMATS } from '../../../common/models.ts';
import { findRow, loadPost } from '../../posts/post-row.ts';
import { writePost } from '../../posts/post-writer.ts';
import { snapshot } from '../../posts/revisions.ts';
import { transaction } from '../../storage/database.ts';
import { stmt } from '../../storage/statements.ts';
import { addBlog, findBlogByUrl, getBlog } from '../blogs.ts';
import { addReference } from '../media.ts';
import { OPTIMIZE_AFTER_POSTS, optimizeSearchIndex } from '../search-index.ts';
import { zonedToEpoch } from '../time.ts';
import { localStatusOf } from '../wordpress-status.ts';
import { timeZoneOf } from '../zones.ts';
import { ImportTally } from './tally.ts';
import { type WxrDocument, type WxrItem, readWxr, timeParts } from './read.ts';
import { importTerms } from './terms.ts';

/**
 * WXR → the library, in one transaction: an export that fails half-way changes nothing. Idempotent: posts,
 * terms and attachments are found again by their remote ids on the blog, so importing the same file twice
 * updates (and only what differs), never duplicates. An update that changes a post's text snapshots the local
 * text first (revision reason `sync`), as a sync overwrite does.
 *
 * Posts only (pages, menu items, revisions and the like are listed as skipped). Attachments become media
 * *references* (URL, remote id, alt, caption, size) — the files stay on the blog until sync downloads them.
 * No sync base is recorded: an export is not proof of what the blog holds now; the first sync compares.
 */
export function importWxr(db: DatabaseSync, xml: string, options: { blogId?: string; now: () => number }): ImportReport {
  const doc = readWxr(xml);
  if (!doc.siteUrl) throw new BlogError('invalid-argument', 'The export does not say which blog it comes from (no <wp:base_blog_url>).');
  return transaction(db, () => {
    const now = options.now();
    const blog = options.blogId ? getBlog(db, options.blogId) : (findBlogByUrl(db, doc.siteUrl) ?? addBlog(db, { url: doc.siteUrl, name: doc.title }, now));
    const tally = new ImportTally();
    const terms = importTerms(db, blog.id, doc, tally, now);
    const media = importAttachments(db, blog, doc, tally, now);
    for (const item of doc.items) {
      if (item.type === 'attachment') continue;
      if (item.type !== 'post') {
        tally.skip(item.title, `${item.type} (only posts are imported)`);
        continue;
      }
      const status = localStatusOf(item.status);
      if (!status || item.remoteId === null) {
        tally.skip(item.title, item.remoteId === null ? 'no post id' : `status "${item.status}"`);
        continue;
      }
      importPost(db, blog, item, status, terms, media, tally, now);
    }
    if (tally.posts.created + tally.posts.updated >= OPTIMIZE_AFTER_POSTS) optimizeSearchIndex(db);
    return tally.report(blog.id);
  });
}

function importPost(
  db: DatabaseSync,
  blog: Blog,
  item: WxrItem,
  status: PostStatus,
  terms: (domain: string, slug: string, name: string) => TermId | null,
  media: Map<number, { id: MediaId; parentId: number | null }>,
  tally: ImportTally,
  now: number,
): void {
  const zone = timeZoneOf(db, blog.id);
  const at = (gmt: string | null, local: string | null): number | null =>
    gmt ? utc(gmt) : local ? zonedToEpoch(timeParts(local), zone) : null;
  const undated = (status === 'draft' || status === 'pending') && item.dateGmt === null;
  const publishedAt = undated ? null : at(item.dateGmt, item.date);
  const remoteModifiedAt = at(item.modifiedGmt, item.modified);
  const categoryIds: TermId[] = [];
  const tagIds: TermId[] = [];
  let format: PostFormat = 'standard';
  for (const term of item.terms) {
    if (term.domain === 'post_format') {
      const name = term.slug.replace(/^post-format-/, '') as PostFormat;
      if (POST_FORMATS.includes(name)) format = name;
      continue;
    }
    const id = terms(term.domain, term.slug, term.name);
    if (id) (term.domain === 'category' ? categoryIds : tagIds).push(id);
  }
  const thumbnail = Number(item.meta._thumbnail_id);
  const featuredMediaId = media.get(thumbnail)?.id ?? null;
  // Media of the post: attachments uploaded to it, its featured image, and images its HTML names (wp-image-N).
  const mediaIds = [...media.values()].filter((m) => m.parentId === item.remoteId).map((m) => m.id);
  for (const [, n] of item.content.matchAll(/\bwp-image-(\d+)\b/g)) {
    const found = media.get(Number(n));
    if (found) mediaIds.push(found.id);
  }
  const fields = {
    blogId: blog.id,
    remoteId: item.remoteId,
    title: item.title,
    html: item.content,
    slug: item.slug,
    excerpt: item.excerpt,
    status,
    publishedAt,
    remoteModifiedAt,
    format,
    featuredMediaId,
    commentStatus: item.commentStatus === 'closed' ? ('closed' as const) : ('open' as const),
    sticky: item.sticky,
    categoryIds: [...new Set(categoryIds)],
    tagIds: [...new Set(tagIds)],
    mediaIds: [...new Set([...mediaIds, ...(featuredMediaId ? [featuredMediaId] : [])])],
  };
  const existing = stmt(db, 'SELECT id FROM posts WHERE blog_id = ? AND remote_id = ?').get(blog.id, item.remoteId) as { id: string } | undefined;
  if (!existing) {
    const createdAt = publishedAt ?? at(null, item.date) ?? now;
    writePost(db, { id: randomUUID(), ...fields, editorState: null, createdAt, modifiedAt: remoteModifiedAt ?? createdAt, version: 1 });
    tally.posts.created++;
    return;
  }
  const row = findRow(db, existing.id)!;
  const current = loadPost(db, row);
  const next: Post = { ...current, ...fields, editorState: current.html === fields.html ? current.editorState : null };
  if (samePost(current, next)) return;
  if (current.html !== next.html || current.title !== next.title || current.excerpt !== next.excerpt) snapshot(db, row, 'sync', now);
  writePost(db, { ...next, modifiedAt: now, version: current.version + 1 }, { row, post: current });
  tally.posts.updated++;
}

function importAttachments(db: DatabaseSync, blog: Blog, doc: WxrDocument, tally: ImportTally, now: number): Map<number, { id: MediaId; parentId: number | null }> {
  const byRemoteId = new Map<number, { id: MediaId; parentId: number | null }>();
  for (const item of doc.items) {
    if (item.type !== 'attachment' || item.remoteId === null || !item.attachmentUrl) continue;
    const attached = item.meta._wp_attached_file || new URL(item.attachmentUrl, 'http://x/').pathname;
    const metadata = item.meta._wp_attachment_metadata ?? '';
    const { media, created, changed } = addReference(
      db,
      {
        blogId: blog.id,
        remoteId: item.remoteId,
        url: item.attachmentUrl,
        fileName: attached.split('/').pop() || item.slug || `bilaga-${item.remoteId}`,
        alt: item.meta._wp_attachment_image_alt ?? '',
        caption: item.excerpt,
        width: phpInt(metadata, 'width'),
        height: phpInt(metadata, 'height'),
        createdAt: item.dateGmt ? utc(item.dateGmt) : now,
      },
      now,
    );
    if (created) tally.media.created++;
    else if (changed) tally.media.updated++;
    byRemoteId.set(item.remoteId, { id: media.id, parentId: item.parentId });
  }
  return byRemoteId;
}

/** A top-level integer of a PHP-serialized array (`s:5:"width";i:800;`), as _wp_attachment_metadata holds. */
function phpInt(serialized: string, key: string): number | null {
  const match = new RegExp(`s:${key.length}:"${key}";i:(\\d+);`).exec(serialized);
  return match ? Number(match[1]) : null;
}

function utc(value: string): number {
  const t = timeParts(value);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** Equal as stored: the id lists are sets. */
function samePost(a: Post, b: Post): boolean {
  const canonical = (p: Post) =>
    JSON.stringify({ ...p, categoryIds: p.categoryIds.toSorted(), tagIds: p.tagIds.toSorted(), mediaIds: p.mediaIds.toSorted() });
  return canonical(a) === canonical(b);
}
