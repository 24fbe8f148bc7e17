/**
 * The domain models every process shares. Plain data only: everything here crosses IPC and HTTP as JSON, so no
 * classes, no Dates (times are epoch milliseconds, UTC), no undefined-vs-missing subtleties in stored fields.
 * Ids are local (UUIDs made on this machine); ids on a blog are `remoteId`s and are per blog.
 */

/** Local post id: a UUID made on this machine, stable for the post's whole life (remote ids come later via sync). */
export type PostId = string;
export type BlogId = string;
export type TermId = string;
export type MediaId = string;
/** Revisions never leave this library (they are not exported), so a local integer is enough. */
export type RevisionId = number;

/**
 * Where a post stands. `draft` is the only status a never-synced post can have; the others arrive with sync
 * or an import (`trashed`: in the blog's trash; `deleted`: gone from the blog, kept here).
 */
export type PostStatus = 'draft' | 'pending' | 'scheduled' | 'published' | 'private' | 'trashed' | 'deleted';

export const POST_STATUSES: readonly PostStatus[] = [
  'draft',
  'pending',
  'scheduled',
  'published',
  'private',
  'trashed',
  'deleted',
];

/** What archive views and search show unless told otherwise: everything still alive on the blog or here. */
export const VISIBLE_STATUSES: readonly PostStatus[] = ['draft', 'pending', 'scheduled', 'published', 'private'];

/** WordPress' post formats. */
export type PostFormat = 'standard' | 'aside' | 'chat' | 'gallery' | 'link' | 'image' | 'quote' | 'status' | 'video' | 'audio';
export const POST_FORMATS: readonly PostFormat[] = ['standard', 'aside', 'chat', 'gallery', 'link', 'image', 'quote', 'status', 'video', 'audio'];

export type CommentStatus = 'open' | 'closed';

/** A post as the editor sees it. */
export interface Post {
  readonly id: PostId;
  /** The blog the post belongs to; null for a draft not yet assigned to any blog. */
  readonly blogId: BlogId | null;
  /** The post's id on its blog; null until it was synced or imported. */
  readonly remoteId: number | null;
  readonly title: string;
  /** The post body as HTML (what would be published). */
  readonly html: string;
  /** The editor's serialized state (Lexical JSON), or null when the post only has HTML (imported, pulled). */
  readonly editorState: string | null;
  /** The URL slug; '' lets the blog derive one from the title. */
  readonly slug: string;
  readonly excerpt: string;
  readonly status: PostStatus;
  /** The publish date (WordPress' `date_gmt`, also its "created on the blog"); null for an undated draft. */
  readonly publishedAt: number | null;
  /** Local times: when this machine created the post and last changed it. */
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** The blog's `modified_gmt` as last seen (sync, import); null if never seen on a blog. */
  readonly remoteModifiedAt: number | null;
  readonly format: PostFormat;
  readonly featuredMediaId: MediaId | null;
  readonly commentStatus: CommentStatus;
  readonly sticky: boolean;
  readonly categoryIds: readonly TermId[];
  readonly tagIds: readonly TermId[];
  /** Media the post uses (images in the body, attachments); the featured image is among them. */
  readonly mediaIds: readonly MediaId[];
  /** Incremented by every save; lets a writer notice that someone else saved in between. */
  readonly version: number;
}

/** A row of the post list: enough to draw it, never the whole body. */
export interface PostSummary {
  readonly id: PostId;
  readonly title: string;
  /** The first words of the body as plain text. */
  readonly snippet: string;
  readonly status: PostStatus;
  readonly modifiedAt: number;
}

/** Fields the user may set on a post (status, remote ids and times belong to sync and import). */
export interface PostFields {
  readonly title?: string;
  readonly html?: string;
  readonly editorState?: string | null;
  readonly slug?: string;
  readonly excerpt?: string;
  readonly publishedAt?: number | null;
  readonly format?: PostFormat;
  readonly commentStatus?: CommentStatus;
  readonly sticky?: boolean;
  readonly featuredMediaId?: MediaId | null;
  /** Replaces the post's categories / tags; each term must belong to the post's blog. */
  readonly categoryIds?: readonly TermId[];
  readonly tagIds?: readonly TermId[];
  /** Replaces the post's media relation (the featured image is always added to it). */
  readonly mediaIds?: readonly MediaId[];
}

export interface NewPost extends PostFields {
  readonly blogId?: BlogId | null;
}

/** A partial update: fields left out stay as they are. */
export interface PostPatch extends PostFields {
  /** Assigns an unassigned post to a blog (never moves a post that already has a remote id). */
  readonly blogId?: BlogId | null;
  /** When given, the save is refused with `conflict` unless the stored version still equals it. */
  readonly baseVersion?: number;
}

export interface ListPostsQuery {
  /** At most this many rows (default 200, max 1000). */
  readonly limit?: number;
}

export type PostChangeEvent =
  | { readonly kind: 'created' | 'saved'; readonly post: PostSummary }
  | { readonly kind: 'deleted'; readonly id: PostId }
  /** Many posts changed at once (an import): reload whatever lists are shown. */
  | { readonly kind: 'bulk'; readonly count: number };

/** Commands the shell's menu sends to the window; the renderer's shortcuts use the same ids. */
export type AppCommandId =
  | 'new-post'
  | 'save-post'
  | 'sync-now'
  | 'add-blog'
  | 'settings'
  | 'find-in-list'
  | 'global-search'
  | 'preview-post'
  | 'publish-post'
  | 'schedule-post'
  | 'save-draft-to-blog'
  | 'unpublish-post'
  | 'trash-post'
  | 'delete-post'
  | 'toggle-inspector'
  | 'show-history'
  | 'go-all'
  | 'go-drafts'
  | 'go-outbox'
  | 'go-conflicts';

export interface AppCommandEvent {
  readonly command: AppCommandId;
}

/** Limits enforced at the boundary (IPC validation) and again in storage. */
export const LIMITS = {
  titleChars: 1_000,
  /** 20 MiB of HTML is ~3 million words: far past any real post, small enough to refuse garbage. */
  htmlChars: 20 * 1024 * 1024,
  editorStateChars: 60 * 1024 * 1024,
  listLimit: 1_000,
  slugChars: 200,
  excerptChars: 100_000,
  termNameChars: 200,
  termsPerPost: 500,
  mediaPerPost: 2_000,
  /** One media file; base64 over IPC makes it ~4/3 of this in characters. */
  mediaBytes: 64 * 1024 * 1024,
  searchChars: 500,
  pathChars: 4_096,
  /** A WXR handed over as text rather than a path. */
  wxrChars: 200 * 1024 * 1024,
} as const;

/** An account on a blog. Never holds secrets (passwords live in the OS keychain, with the shell). */
export interface Blog {
  readonly id: BlogId;
  readonly kind: 'wordpress';
  /** The site's address, normalised (no trailing slash). */
  readonly url: string;
  readonly name: string;
  readonly userName: string;
  /** What the account may do on the blog, as the blog told us (publish_posts, upload_files, …). */
  readonly capabilities: Readonly<Record<string, boolean>>;
  /** The blog's IANA time zone; archive months follow it. Null: this machine's zone. */
  readonly timeZone: string | null;
  readonly createdAt: number;
}

export interface NewBlog {
  readonly url: string;
  readonly name?: string;
  readonly userName?: string;
  readonly capabilities?: Readonly<Record<string, boolean>>;
  readonly timeZone?: string | null;
}

export type Taxonomy = 'category' | 'tag';

/** A category (hierarchical) or a tag of one blog (or of no blog, for unassigned drafts). */
export interface Term {
  readonly id: TermId;
  readonly blogId: BlogId | null;
  readonly taxonomy: Taxonomy;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** Categories only; null at the top. */
  readonly parentId: TermId | null;
  /** Null until synced: terms made offline live here first. */
  readonly remoteId: number | null;
  /** Posts with this term, trashed and deleted ones excepted. */
  readonly count: number;
}

export interface NewTerm {
  readonly blogId: BlogId | null;
  readonly taxonomy: Taxonomy;
  readonly name: string;
  readonly slug?: string;
  readonly description?: string;
  readonly parentId?: TermId | null;
}

export interface TermPatch {
  readonly name?: string;
  readonly slug?: string;
  readonly description?: string;
  readonly parentId?: TermId | null;
}

/** Where a media item lives on one blog. */
export interface MediaRemote {
  readonly blogId: BlogId;
  readonly remoteId: number | null;
  readonly url: string;
}

/**
 * A media item. Its bytes are stored once per content (SHA-256) under the data dir; `sha256` is null for a
 * reference whose file is not in the library yet (an imported attachment known only by its URL).
 */
export interface Media {
  readonly id: MediaId;
  readonly sha256: string | null;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly alt: string;
  readonly caption: string;
  readonly remotes: readonly MediaRemote[];
  readonly createdAt: number;
}

export interface MediaPatch {
  readonly fileName?: string;
  readonly alt?: string;
  readonly caption?: string;
}

/** Why a revision was taken. */
export type RevisionReason = 'pause' | 'publish' | 'sync' | 'restore' | 'manual';

export interface RevisionSummary {
  readonly id: RevisionId;
  readonly postId: PostId;
  readonly reason: RevisionReason;
  readonly createdAt: number;
  /** The post's version the snapshot was taken of. */
  readonly postVersion: number;
  readonly title: string;
  readonly words: number;
}

export interface Revision extends RevisionSummary {
  readonly html: string;
  readonly editorState: string | null;
  readonly excerpt: string;
}
