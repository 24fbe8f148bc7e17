/**
 * The fields a sync compares and merges, in the blog's terms ("remote form"): what the blog stores, with its ids.
 * The sync base, both sides of a merge, and conflict records are all RemoteFields, so "did this side change?" is
 * plain equality, whichever side it is.
 *
 * Normalisation (applied to every side, so that equal means equal):
 * - a provisional slug (`lh-<uuid>`, `-2`…) is '' — the post has no slug of its own yet;
 * - drafts and pending posts have no date (WordPress lets it float with every save), others the UTC date;
 * - term ids are sorted; a term or media item that is not on the blog yet is `local:<local id>`, which equals
 *   nothing the blog can send, so it always counts as a local change until it is pushed.
 */
import type { PostStatus as LocalStatus } from '../../../common/models.ts';
import { LOCAL_STATUS_OF, localStatusOf } from '../../library/wordpress-status.ts';
import type { PostStatus as RemoteStatus, RemotePost } from '../adapter.ts';

export interface RemoteFields {
  readonly title: string;
  readonly content: string;
  readonly excerpt: string;
  readonly slug: string;
  readonly status: RemoteStatus;
  readonly dateGmt: string | null;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly featuredMedia: string | null;
  readonly commentStatus: 'open' | 'closed';
  readonly sticky: boolean;
  readonly format: string;
}

/** The server's version: the fields, plus what identifies that version. */
export interface ServerVersion {
  readonly remoteId: string;
  readonly modifiedGmt: string;
  readonly fields: RemoteFields;
}

export const LOCAL_REF = 'local:';

export function localStatus(status: RemoteStatus): LocalStatus {
  return LOCAL_STATUS_OF[status];
}

/** 'deleted' has no remote status: such a post is not on the blog any more. */
export function remoteStatus(status: LocalStatus): RemoteStatus | null {
  if (status === 'deleted') return null;
  return (Object.keys(LOCAL_STATUS_OF) as RemoteStatus[]).find((key) => LOCAL_STATUS_OF[key] === status) ?? null;
}

const PROVISIONAL = /^lh-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\d+)?$/;

export function isProvisionalSlug(slug: string): boolean {
  return PROVISIONAL.test(slug);
}

/** The client key inside a provisional slug, or null. */
export function clientKeyOf(slug: string): string | null {
  return isProvisionalSlug(slug) ? slug.slice(3, 39) : null;
}

export function floatingDate(status: RemoteStatus): boolean {
  return status === 'draft' || status === 'pending';
}

export function fieldsOf(post: RemotePost): RemoteFields {
  return {
    title: post.title,
    content: post.content,
    excerpt: post.excerpt,
    slug: isProvisionalSlug(post.slug) ? '' : post.slug,
    status: post.status,
    dateGmt: floatingDate(post.status) || !post.dateGmt ? null : post.dateGmt,
    categories: sortIds(post.categories),
    tags: sortIds(post.tags),
    featuredMedia: post.featuredMedia,
    commentStatus: post.commentStatus,
    sticky: post.sticky,
    format: post.format || 'standard',
  };
}

export function versionOf(post: RemotePost): ServerVersion {
  return { remoteId: post.id, modifiedGmt: post.modifiedGmt, fields: fieldsOf(post) };
}

export function sortIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].toSorted();
}

export function isoOf(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function msOf(iso: string): number {
  return Date.parse(iso);
}

const KEYS: readonly (keyof RemoteFields)[] = [
  'title', 'content', 'excerpt', 'slug', 'status', 'dateGmt', 'categories', 'tags', 'featuredMedia', 'commentStatus', 'sticky', 'format',
];

export function fieldKeys(): readonly (keyof RemoteFields)[] {
  return KEYS;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function sameFields(a: RemoteFields, b: RemoteFields): boolean {
  return KEYS.every((key) => sameValue(a[key], b[key]));
}

/** The keys whose values differ. */
export function changedKeys(from: RemoteFields, to: RemoteFields): (keyof RemoteFields)[] {
  return KEYS.filter((key) => !sameValue(from[key], to[key]));
}

/** Stored JSON (a sync base or a conflict side) back to fields; tolerant of older shapes (missing keys). */
export function parseFields(json: unknown): RemoteFields {
  const f = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const text = (key: string): string => {
    const value = f[key];
    return typeof value === 'string' ? value : '';
  };
  const list = (key: string): string[] => (Array.isArray(f[key]) ? (f[key] as unknown[]).map(String) : []);
  const status = (typeof f.status === 'string' && localStatusOf(f.status) !== undefined ? f.status : 'draft') as RemoteStatus;
  return {
    title: text('title'),
    content: text('content'),
    excerpt: text('excerpt'),
    slug: text('slug'),
    status,
    dateGmt: typeof f.dateGmt === 'string' && !floatingDate(status) ? f.dateGmt : null,
    categories: sortIds(list('categories')),
    tags: sortIds(list('tags')),
    featuredMedia: typeof f.featuredMedia === 'string' ? f.featuredMedia : null,
    commentStatus: f.commentStatus === 'closed' ? 'closed' : 'open',
    sticky: f.sticky === true,
    format: text('format') || 'standard',
  };
}
