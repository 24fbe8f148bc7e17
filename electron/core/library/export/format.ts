import type { Blog, Media, Post, Term } from '../../../common/models.ts';

/**
 * The archive folder format (documented for people in ../EXPORT.md). One place for the names and the
 * mapping between a Post and its file header, so export and re-import cannot drift apart.
 */
export const FORMAT = 'longhand-archive';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'longhand-archive.json';

export interface ManifestTerm extends Omit<Term, 'count'> {}

export interface ManifestMedia extends Media {
  /** Path of the file inside the folder, or null for a reference without a file here. */
  readonly file: string | null;
}

export interface Manifest {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly blogs: Blog[];
  readonly terms: ManifestTerm[];
  readonly media: ManifestMedia[];
  /** Every post file, relative to the folder. */
  readonly posts: { readonly id: string; readonly file: string }[];
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** A post's header fields, in the order they appear in the file. */
export function headerOf(post: Post, names: (id: string) => string, editorStateFile: string | null): Record<string, unknown> {
  return {
    id: post.id,
    title: post.title,
    status: post.status,
    date: iso(post.publishedAt),
    slug: post.slug,
    excerpt: post.excerpt,
    categories: post.categoryIds.map((id) => ({ id, name: names(id) })),
    tags: post.tagIds.map((id) => ({ id, name: names(id) })),
    format: post.format,
    featuredMedia: post.featuredMediaId,
    media: post.mediaIds,
    commentStatus: post.commentStatus,
    sticky: post.sticky,
    blog: post.blogId,
    remoteId: post.remoteId,
    createdAt: iso(post.createdAt),
    modifiedAt: iso(post.modifiedAt),
    remoteModifiedAt: iso(post.remoteModifiedAt),
    version: post.version,
    editorState: editorStateFile,
  };
}

/** The inverse of headerOf (shapes are checked by the post writer's own validation afterwards). */
export function postOf(header: Record<string, unknown>, html: string, editorState: string | null): Post {
  return {
    id: str(header.id),
    blogId: (header.blog as string | null) ?? null,
    remoteId: (header.remoteId as number | null) ?? null,
    title: str(header.title),
    html,
    editorState,
    slug: str(header.slug),
    excerpt: str(header.excerpt),
    status: header.status as Post['status'],
    publishedAt: time(header.date),
    createdAt: time(header.createdAt) ?? 0,
    modifiedAt: time(header.modifiedAt) ?? 0,
    remoteModifiedAt: time(header.remoteModifiedAt),
    format: (header.format as Post['format']) ?? 'standard',
    featuredMediaId: (header.featuredMedia as string | null) ?? null,
    commentStatus: header.commentStatus === 'closed' ? 'closed' : 'open',
    sticky: header.sticky === true,
    categoryIds: ids(header.categories),
    tagIds: ids(header.tags),
    mediaIds: ids(header.media),
    version: typeof header.version === 'number' ? header.version : 1,
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const time = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);
/** Term lists are [{ id, name }]; media lists are plain ids. */
const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x: unknown) => (typeof x === 'object' && x !== null ? str((x as { id?: unknown }).id) : str(x))) : [];
