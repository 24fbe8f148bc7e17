/**
 * BlogAdapter: everything the sync engine needs from a blog, and nothing more.
 *
 * Small on purpose (in the spirit of automerge-repo's network/storage adapters) so that XML-RPC, Ghost or
 * Micropub adapters can implement it and run the same contract suite (tests/integration/adapter-contract.ts).
 * The engine owns the hard parts (outbox, exactly-once, three-way merge); an adapter only translates.
 *
 * Conventions every adapter keeps:
 * - Ids are strings (WordPress' numbers as decimal text; Ghost and Micropub ids are not numbers).
 * - Text fields are RAW, as the author wrote them (WordPress `context=edit`), byte for byte: never `rendered`.
 * - Times are UTC ISO-8601 with a `Z` and whole seconds (`2026-01-02T03:04:05Z`): WordPress keeps 1 s resolution.
 * - Failures are SyncErrors (errors.ts) whose `kind` says what to do; an adapter never retries by itself, so the
 *   engine stays the only place that decides about retries and the "outcome unknown" look-up.
 * - Idempotence where the blog allows it: trashing a trashed post and creating an existing term succeed.
 */

export type RemoteId = string;

/** Every status a post can have. `trash` is only ever seen when asked for explicitly. */
export type PostStatus = 'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash';
export const LIVE_STATUSES: readonly PostStatus[] = ['publish', 'future', 'draft', 'pending', 'private'];

export type CommentStatus = 'open' | 'closed';
export type Taxonomy = 'category' | 'tag';

export interface RemotePost {
  readonly id: RemoteId;
  readonly title: string;
  readonly content: string;
  readonly excerpt: string;
  /** `''` for a WordPress draft that was never given one (WordPress then shows a generated slug). */
  readonly slug: string;
  readonly status: PostStatus;
  /** The post's date (publish date, or the scheduled one for `future`). For drafts WordPress lets it float. */
  readonly dateGmt: string;
  /** The server's last modification; the engine's change detector (1 s resolution). */
  readonly modifiedGmt: string;
  readonly categories: readonly RemoteId[];
  readonly tags: readonly RemoteId[];
  /** `null` when the post has no featured image. */
  readonly featuredMedia: RemoteId | null;
  readonly commentStatus: CommentStatus;
  readonly sticky: boolean;
  /** `standard`, `aside`, `gallery`, … (WordPress post formats). */
  readonly format: string;
  /** The public permalink (for drafts, a preview-style link). */
  readonly link: string;
}

/** What Longhand writes to a post. Absent fields are left as they are on the server. */
export interface PostPatch {
  readonly title?: string;
  readonly content?: string;
  readonly excerpt?: string;
  /**
   * `''` asks the blog to derive the slug from the title (WordPress does so on publish). Publishing a post made by
   * createPost MUST set it: left out, the provisional `lh-<uuid>` goes public as the permalink.
   */
  readonly slug?: string;
  readonly status?: Exclude<PostStatus, 'trash'>;
  /** Required with `future`. WordPress publishes a `future` post with a past date at once. */
  readonly dateGmt?: string;
  readonly categories?: readonly RemoteId[];
  readonly tags?: readonly RemoteId[];
  readonly featuredMedia?: RemoteId | null;
  readonly commentStatus?: CommentStatus;
  readonly sticky?: boolean;
  readonly format?: string;
}

/** A create never chooses status or slug: it is always a draft named after its client key (see createPost). */
export type PostInput = Omit<PostPatch, 'status' | 'slug'>;

export interface RemoteRevision {
  readonly id: RemoteId;
  readonly modifiedGmt: string;
  /** Raw, as in RemotePost. */
  readonly title: string;
  readonly content: string;
  readonly excerpt: string;
}

export interface RemoteTerm {
  readonly id: RemoteId;
  readonly taxonomy: Taxonomy;
  /** Plain text (WordPress' HTML escaping undone: `Kaffe & kaka`, not `Kaffe &amp; kaka`). */
  readonly name: string;
  readonly slug: string;
  /** Categories only; `null` at the top level and for tags. */
  readonly parent: RemoteId | null;
  /** Posts using it, as the blog counts them (published ones only, on WordPress). */
  readonly count: number;
}

export interface RemoteMedia {
  readonly id: RemoteId;
  readonly sourceUrl: string;
  readonly mime: string;
  /** Bytes of the original file; `null` when the blog does not say. */
  readonly size: number | null;
  readonly alt: string;
  readonly caption: string;
  readonly title: string;
  readonly dateGmt: string;
}

export interface MediaUpload {
  /** The user's file name; the adapter prefixes it with the content hash and keeps it ASCII. */
  readonly filename: string;
  readonly mime: string;
  /** Hex SHA-256 of the bytes: names the upload so that a lost response can be found again. */
  readonly sha256: string;
  readonly alt?: string;
  readonly caption?: string;
}

export interface RemoteUser {
  readonly id: RemoteId;
  /** The login (what Basic auth uses). */
  readonly login: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface ListPostsQuery {
  /** 1-based. */
  readonly page: number;
  /** At most 100 (WordPress' limit). */
  readonly perPage: number;
  /** Only posts modified strictly after this UTC time; the engine overlaps by a few seconds and de-duplicates. */
  readonly modifiedAfter?: string;
  /** Default LIVE_STATUSES. */
  readonly statuses?: readonly PostStatus[];
}

export interface PostPage {
  readonly items: readonly RemotePost[];
  /** Matching posts in all pages; `null` when the blog did not say (a page past the end). */
  readonly total: number | null;
  readonly totalPages: number | null;
  /** Whether a later page exists. Pages are ordered by id, so posts created meanwhile land at the end. */
  readonly hasMore: boolean;
  /**
   * The blog's clock when it answered (HTTP `Date`, whole seconds, UTC ISO), or null. The engine's pull cursor
   * follows the server's clock, never this machine's, so a skewed laptop clock cannot skip changes.
   */
  readonly serverTime?: string | null;
}

export interface RequestCounts {
  readonly requests: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface BlogAdapter {
  /** `wordpress-rest`, later `wordpress-xmlrpc`, `ghost`, `micropub`. */
  readonly kind: string;

  /** Checks the credentials against an endpoint that needs them (a public GET would pass with bad ones). */
  verify(): Promise<RemoteUser>;

  /** One page of posts, raw fields, oldest id first. A page past the end is an empty, final page. */
  listPosts(query: ListPostsQuery): Promise<PostPage>;
  /**
   * Every post id in the given statuses (default LIVE_STATUSES): the cheap sweep that finds deletions. Offset
   * paging: a post deleted during the sweep can shift another past a page boundary, so an id missing from the
   * sweep is a candidate only; confirm it with getPost (null or `trash`) before showing "deleted on blog".
   */
  listPostIds(statuses?: readonly PostStatus[]): Promise<RemoteId[]>;
  /** The post, or null when the blog has no such post (deleted for good). Trashed posts are returned. */
  getPost(id: RemoteId): Promise<RemotePost | null>;

  /**
   * Creates a DRAFT whose slug is the provisional `lh-<clientKey>`, whatever `input` says, so that a create
   * whose response was lost can be found again with findPostsByClientKey. Publish with updatePost afterwards.
   */
  createPost(input: PostInput, clientKey: string): Promise<RemotePost>;
  /**
   * Posts (not trashed) still carrying the provisional slug of `clientKey`, lowest id first. Usually zero or one;
   * more only if a create stalled past its timeout, landed after the look-up, and was retried. Each of those is
   * found (WordPress' REST API makes draft slugs unique too: the second one is `lh-<key>-2`); the engine keeps one
   * and trashes the rest.
   */
  findPostsByClientKey(clientKey: string): Promise<RemotePost[]>;
  /**
   * Applies `patch`; repeating the same patch is harmless (same fields; WordPress still moves modifiedGmt on, so
   * take the new base from the returned post).
   */
  updatePost(id: RemoteId, patch: PostPatch): Promise<RemotePost>;
  /** Moves the post to the trash (recoverable on the blog). Trashing a trashed post succeeds. */
  trashPost(id: RemoteId): Promise<RemotePost>;
  /**
   * The post's newest `count` revisions (snapshots of its title, body and excerpt after each change of them),
   * newest first: how the engine checks, after an update, that no web edit slipped in between its read and its
   * write (engine/race.ts). Optional: a blog without revisions (or an adapter without them) leaves that
   * unverified, never failed. An empty list means revisions are off.
   */
  listRevisions?(id: RemoteId, count: number): Promise<RemoteRevision[]>;

  /** All terms of a taxonomy (categories with their parents). */
  listTerms(taxonomy: Taxonomy): Promise<RemoteTerm[]>;
  /** Creates the term, or returns the existing one with that name (under that parent): `created` tells which. */
  createTerm(taxonomy: Taxonomy, name: string, parent?: RemoteId | null): Promise<{ term: RemoteTerm; created: boolean }>;

  /** Uploads a file named `<sha256 prefix>-<name>`. Look it up with findMediaBySha256 first. */
  uploadMedia(bytes: Uint8Array, upload: MediaUpload): Promise<RemoteMedia>;
  /** A previous upload of the same content (by its hash prefix in the file name), or null. */
  findMediaBySha256(sha256: string): Promise<RemoteMedia | null>;
  /** Metadata of the given media items (missing ones are left out), in any order. */
  getMedia(ids: readonly RemoteId[]): Promise<RemoteMedia[]>;
  /**
   * The bytes of a media file (its public URL), or null when it is larger than `maxBytes` (checked against the
   * announced length before reading, and while reading). Downloads count in `counts()` like every request.
   */
  downloadMedia(url: string, maxBytes: number): Promise<Uint8Array | null>;

  /** Requests and body bytes so far (benchmarks: a no-change sync must stay at ≤ 2 requests). */
  counts(): RequestCounts;
}

/**
 * `lh-<uuid>`: ASCII, lower case, so every blog keeps it as it is. Keys must be UUIDs (the local library's post
 * ids): a blog de-duplicating a slug appends `-2`, `-3`…, and with a fixed-shape key `lh-<uuid>-2` can only be a
 * second post of the same key, never the first post of another.
 */
export function provisionalSlug(clientKey: string): string {
  const key = clientKey.toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key)) {
    throw new Error(`a client key is a UUID; got ${JSON.stringify(clientKey)}`);
  }
  return `lh-${key}`;
}

/** How many de-duplicated variants (`lh-<uuid>-2` …) a client-key look-up also asks for. */
export const CLIENT_KEY_VARIANTS = 9;

/** How many hex digits of the SHA-256 name an upload: 64 bits, no accidental collision in any media library. */
export const MEDIA_HASH_PREFIX_LENGTH = 16;

export function mediaHashPrefix(sha256: string): string {
  const hex = sha256.toLowerCase();
  if (!/^[0-9a-f]{16,64}$/.test(hex)) throw new Error('expected a hex SHA-256 (at least 16 digits)');
  return hex.slice(0, MEDIA_HASH_PREFIX_LENGTH);
}
