/**
 * The domain models every process shares. Plain data only: everything here crosses IPC and HTTP as JSON, so no
 * classes, no Dates (times are epoch milliseconds, UTC), no undefined-vs-missing subtleties in stored fields.
 */

/** Local post id: a UUID made on this machine, stable for the post's whole life (remote ids come later via sync). */
export type PostId = string;

/**
 * Where a post stands. `draft` is the only status a never-synced post can have; the others arrive with sync
 * (`trashed`: in the blog's trash; `deleted`: gone from the blog, kept here).
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

/** A post as the editor sees it. */
export interface Post {
  readonly id: PostId;
  readonly title: string;
  /** The post body as HTML (what would be published). */
  readonly html: string;
  /** The editor's serialized state (Lexical JSON), or null when the post only has HTML (imported, pulled). */
  readonly editorState: string | null;
  readonly status: PostStatus;
  readonly createdAt: number;
  readonly modifiedAt: number;
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

export interface NewPost {
  readonly title?: string;
  readonly html?: string;
  readonly editorState?: string | null;
}

/** A partial update: fields left out stay as they are. */
export interface PostPatch {
  readonly title?: string;
  readonly html?: string;
  readonly editorState?: string | null;
  /** When given, the save is refused with `conflict` unless the stored version still equals it. */
  readonly baseVersion?: number;
}

export interface ListPostsQuery {
  /** At most this many rows (default 200, max 1000). */
  readonly limit?: number;
}

export type PostChangeEvent =
  | { readonly kind: 'created' | 'saved'; readonly post: PostSummary }
  | { readonly kind: 'deleted'; readonly id: PostId };

/** Commands the shell's menu sends to the window; the renderer's shortcuts use the same ids. */
export type AppCommandId = 'new-post' | 'delete-post';

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
} as const;
