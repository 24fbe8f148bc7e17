/**
 * WordPress REST (6.1) JSON ⇄ the adapter's DTOs. Pure functions; the adapter does the requests.
 *
 * `_fields` lists ask only for what the DTOs hold. Besides bytes, that saves server time: WordPress 6.1 skips
 * `the_content` filters when `content.rendered` is not asked for (but always renders the excerpt).
 */
import type { CommentStatus, PostPatch, PostStatus, RemoteMedia, RemotePost, RemoteRevision, RemoteTerm, RemoteUser, Taxonomy } from '../adapter.ts';
import { SyncError } from '../errors.ts';

export const POST_FIELDS = [
  'id', 'title.raw', 'content.raw', 'excerpt.raw', 'slug', 'status', 'date_gmt', 'modified_gmt',
  'categories', 'tags', 'featured_media', 'comment_status', 'sticky', 'format', 'link',
].join(',');
export const TERM_FIELDS = 'id,name,slug,parent,count';
// Top-level names: WordPress 6.1 drops `title.raw`-style nested names for revisions (the object comes back empty).
export const REVISION_FIELDS = 'id,modified_gmt,title,content,excerpt';
// The attachments controller decides on `caption` and `media_details` by their top-level names only.
export const MEDIA_FIELDS = 'id,source_url,mime_type,media_details,alt_text,caption,title,date_gmt';
export const USER_FIELDS = 'id,username,name,roles';

export const TAXONOMY_ROUTE: Record<Taxonomy, string> = { category: 'wp/v2/categories', tag: 'wp/v2/tags' };

type Json = Record<string, unknown>;

const STATUSES: readonly PostStatus[] = ['publish', 'future', 'draft', 'pending', 'private', 'trash'];

export function toRemotePost(json: unknown): RemotePost {
  const post = object(json, 'post');
  const status = String(post.status);
  if (!STATUSES.includes(status as PostStatus)) throw unexpected(`a post status "${status}"`);
  if (post.content === undefined || raw(post.content) === undefined) {
    // Without `raw` we would store rendered HTML as the author's text: refuse rather than corrupt.
    throw unexpected('a post without content.raw (is context=edit allowed for this user?)');
  }
  return {
    id: id(post.id),
    title: raw(post.title) ?? '',
    content: raw(post.content) ?? '',
    excerpt: raw(post.excerpt) ?? '',
    slug: typeof post.slug === 'string' ? post.slug : '',
    status: status as PostStatus,
    dateGmt: fromWpGmt(post.date_gmt) ?? fromWpGmt(post.modified_gmt) ?? '',
    modifiedGmt: fromWpGmt(post.modified_gmt) ?? '',
    categories: ids(post.categories),
    tags: ids(post.tags),
    featuredMedia: post.featured_media ? id(post.featured_media) : null,
    commentStatus: post.comment_status === 'closed' ? 'closed' : ('open' satisfies CommentStatus),
    sticky: post.sticky === true,
    format: typeof post.format === 'string' ? post.format : 'standard',
    link: typeof post.link === 'string' ? post.link : '',
  };
}

export function toRemoteRevision(json: unknown): RemoteRevision {
  const revision = object(json, 'revision');
  return {
    id: id(revision.id),
    modifiedGmt: fromWpGmt(revision.modified_gmt) ?? '',
    title: raw(revision.title) ?? '',
    content: raw(revision.content) ?? '',
    excerpt: raw(revision.excerpt) ?? '',
  };
}

/** The body of a create/update: only the fields the patch sets. */
export function toWpPostBody(patch: PostPatch): Json {
  const body: Json = {};
  if (patch.title !== undefined) body.title = patch.title;
  if (patch.content !== undefined) body.content = patch.content;
  if (patch.excerpt !== undefined) body.excerpt = patch.excerpt;
  if (patch.slug !== undefined) body.slug = patch.slug;
  if (patch.status !== undefined) body.status = patch.status;
  if (patch.dateGmt !== undefined) body.date_gmt = toWpGmt(patch.dateGmt);
  if (patch.categories !== undefined) body.categories = patch.categories.map(wpId);
  if (patch.tags !== undefined) body.tags = patch.tags.map(wpId);
  if (patch.featuredMedia !== undefined) body.featured_media = patch.featuredMedia === null ? 0 : wpId(patch.featuredMedia);
  if (patch.commentStatus !== undefined) body.comment_status = patch.commentStatus;
  if (patch.sticky !== undefined) body.sticky = patch.sticky;
  if (patch.format !== undefined) body.format = patch.format;
  return body;
}

export function toRemoteTerm(json: unknown, taxonomy: Taxonomy): RemoteTerm {
  const term = object(json, 'term');
  return {
    id: id(term.id),
    taxonomy,
    name: decodeEntities(str(term.name)),
    slug: str(term.slug),
    parent: taxonomy === 'category' && term.parent ? id(term.parent) : null,
    count: typeof term.count === 'number' ? term.count : 0,
  };
}

export function toRemoteMedia(json: unknown): RemoteMedia {
  const media = object(json, 'media item');
  const details = (typeof media.media_details === 'object' && media.media_details) as Json | false;
  const filesize = details ? details.filesize : undefined;
  return {
    id: id(media.id),
    sourceUrl: str(media.source_url),
    mime: str(media.mime_type),
    size: typeof filesize === 'number' ? filesize : null,
    alt: typeof media.alt_text === 'string' ? media.alt_text : '',
    caption: raw(media.caption) ?? '',
    title: raw(media.title) ?? '',
    dateGmt: fromWpGmt(media.date_gmt) ?? '',
  };
}

export function toRemoteUser(json: unknown): RemoteUser {
  const user = object(json, 'user');
  return {
    id: id(user.id),
    login: str(user.username) || str(user.slug),
    name: str(user.name),
    roles: Array.isArray(user.roles) ? user.roles.map(String) : [],
  };
}

/** `2026-01-02T03:04:05` (WordPress' GMT fields carry no zone) → `2026-01-02T03:04:05Z`. */
export function fromWpGmt(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value)) return null;
  return `${value.slice(0, 19)}Z`;
}

/** Any ISO time → `2026-01-02T03:04:05` in UTC, whole seconds, as `date_gmt` wants it. */
export function toWpGmt(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`not an ISO date: ${iso}`);
  return new Date(time).toISOString().slice(0, 19);
}

/** For `modified_after`: WordPress parses an explicit `Z` as UTC, then compares in the site's own time zone. */
export function toWpQueryTime(iso: string): string {
  return `${toWpGmt(iso)}Z`;
}

export function wpId(value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`not a WordPress id: ${JSON.stringify(value)}`);
  return Number(value);
}

/** WordPress stores term names HTML-escaped (`&amp;`); the library wants the text the user typed. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}

/**
 * `<prefix>-<name>` in plain ASCII: headers cannot carry other bytes, and WordPress would mangle them anyway
 * (`Sjö bild.JPG` → `0123456789abcdef-sjo-bild.jpg`).
 */
export function uploadFilename(prefix: string, filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? asciiSlug(filename.slice(dot + 1)).slice(0, 10) : '';
  const stem = asciiSlug(dot > 0 ? filename.slice(0, dot) : filename).slice(0, 80).replace(/-+$/, '') || 'file';
  return `${prefix}-${stem}${ext ? `.${ext}` : ''}`;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function raw(field: unknown): string | undefined {
  if (typeof field === 'object' && field !== null && typeof (field as Json).raw === 'string') return (field as Json).raw as string;
  return undefined;
}

function id(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value);
  throw unexpected(`an id ${JSON.stringify(value)}`);
}

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.map(id) : [];
}

function object(json: unknown, what: string): Json {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw unexpected(`a ${what} that is not an object`);
  return json as Json;
}

function unexpected(what: string): SyncError {
  return new SyncError({ kind: 'bad-response', code: 'unexpected-shape', outcomeUnknown: true, message: `the blog answered with ${what}` });
}
