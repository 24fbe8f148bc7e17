/**
 * BlogAdapter for the WordPress REST API (tested against 6.1, the oldest version we support).
 *
 * WordPress facts this file relies on (all checked against the fixture, see tests/integration):
 * - Raw fields need `context=edit` and an authenticated user; a public GET with bad credentials is a 200.
 * - A page past the end is 400 `rest_post_invalid_page_number`, not an empty list.
 * - A draft keeps the slug it is given, except that REST makes it unique among all posts (`-2`, `-3`…): our
 *   client-key handle, found again with `slug=` (which takes a list, so variants cost no extra request).
 * - `status=any` leaves out the trash; trashing renames the slug to `<slug>__trashed`; trashing again is 410.
 * - A duplicate term is 400 `term_exists` with `data.term_id` (names compare case-insensitively, per parent).
 * - `media?search=` also matches file names (the REST attachments controller turns that on).
 */
import {
  type BlogAdapter,
  CLIENT_KEY_VARIANTS,
  LIVE_STATUSES,
  type ListPostsQuery,
  type MediaUpload,
  mediaHashPrefix,
  type PostInput,
  type PostPage,
  type PostPatch,
  type PostStatus,
  provisionalSlug,
  type RemoteId,
  type RemoteMedia,
  type RemotePost,
  type RemoteTerm,
  type RemoteUser,
  type RemoteRevision,
  type RequestCounts,
  type Taxonomy,
} from '../adapter.ts';
import { isSyncError, SyncError } from '../errors.ts';
import { type BasicCredentials, downloadFile, HttpClient, type HttpStats } from '../http.ts';
import {
  MEDIA_FIELDS,
  POST_FIELDS,
  REVISION_FIELDS,
  TAXONOMY_ROUTE,
  TERM_FIELDS,
  toRemoteMedia,
  toRemotePost,
  toRemoteRevision,
  toRemoteTerm,
  toRemoteUser,
  toWpPostBody,
  toWpQueryTime,
  uploadFilename,
  USER_FIELDS,
  wpId,
} from './wp-map.ts';

export interface WordPressAdapterOptions {
  /** The REST root from discovery: `…/wp-json/` or `…/?rest_route=/`. */
  readonly restRoot: string;
  readonly credentials: BasicCredentials;
  /** Per-request deadline (default 30 s); uploads get more time by size. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly stats?: HttpStats;
}

const MAX_PER_PAGE = 100;
const POSTS = 'wp/v2/posts';
const MEDIA = 'wp/v2/media';
// Uploads: the usual deadline plus time for the bytes at a slow 50 kB/s uplink.
const UPLOAD_BYTES_PER_MS = 50;

export class WordPressAdapter implements BlogAdapter {
  readonly kind = 'wordpress-rest';
  readonly http: HttpClient;
  readonly #timeoutMs: number;

  constructor(options: WordPressAdapterOptions) {
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.http = new HttpClient({
      baseUrl: options.restRoot,
      auth: options.credentials,
      timeoutMs: this.#timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.stats ? { stats: options.stats } : {}),
    });
  }

  async verify(): Promise<RemoteUser> {
    // /users/me needs a logged-in user: bad credentials are a 401 here, while /posts would answer 200 anonymously.
    const { body } = await this.http.request({ path: 'wp/v2/users/me', query: { context: 'edit', _fields: USER_FIELDS } });
    return toRemoteUser(body);
  }

  async listPosts(query: ListPostsQuery): Promise<PostPage> {
    if (!Number.isInteger(query.page) || query.page < 1) throw new RangeError(`page must be ≥ 1, got ${query.page}`);
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(query.perPage)));
    try {
      const response = await this.http.request<unknown[]>({
        path: POSTS,
        query: {
          context: 'edit',
          status: statusList(query.statuses),
          page: query.page,
          per_page: perPage,
          // By id, so that posts created while we page land on a later page instead of shifting earlier ones.
          orderby: 'id',
          order: 'asc',
          modified_after: query.modifiedAfter === undefined ? undefined : toWpQueryTime(query.modifiedAfter),
          _fields: POST_FIELDS,
        },
      });
      const total = headerNumber(response.headers, 'x-wp-total');
      const totalPages = headerNumber(response.headers, 'x-wp-totalpages');
      return {
        items: arrayOf(response.body).map(toRemotePost),
        total,
        totalPages,
        hasMore: totalPages !== null && query.page < totalPages,
        serverTime: httpDate(response.headers.get('date')),
      };
    } catch (error) {
      if (isSyncError(error) && error.code === 'rest_post_invalid_page_number') {
        return { items: [], total: null, totalPages: null, hasMore: false };
      }
      throw error;
    }
  }

  async listPostIds(statuses: readonly PostStatus[] = LIVE_STATUSES): Promise<RemoteId[]> {
    const ids: RemoteId[] = [];
    for (let page = 1; ; page++) {
      let response;
      try {
        response = await this.http.request<unknown[]>({
          path: POSTS,
          query: { status: statusList(statuses), page, per_page: MAX_PER_PAGE, orderby: 'id', order: 'asc', _fields: 'id' },
        });
      } catch (error) {
        // Posts deleted during the sweep shrink the page count under us.
        if (isSyncError(error) && error.code === 'rest_post_invalid_page_number') return ids;
        throw error;
      }
      for (const item of arrayOf(response.body)) ids.push(toRemoteId((item as { id?: unknown }).id));
      const totalPages = headerNumber(response.headers, 'x-wp-totalpages') ?? 0;
      if (page >= totalPages) return ids;
    }
  }

  async getPost(id: RemoteId): Promise<RemotePost | null> {
    try {
      const { body } = await this.http.request({ path: `${POSTS}/${wpId(id)}`, query: { context: 'edit', _fields: POST_FIELDS } });
      return toRemotePost(body);
    } catch (error) {
      if (isSyncError(error) && error.status === 404) return null;
      throw error;
    }
  }

  async createPost(input: PostInput, clientKey: string): Promise<RemotePost> {
    const slug = provisionalSlug(clientKey);
    const { body } = await this.http.request({
      method: 'POST',
      path: POSTS,
      query: { context: 'edit', _fields: POST_FIELDS },
      json: { ...toWpPostBody(input), status: 'draft', slug },
    });
    return toRemotePost(body);
  }

  async findPostsByClientKey(clientKey: string): Promise<RemotePost[]> {
    const slug = provisionalSlug(clientKey);
    // REST runs draft slugs through wp_unique_post_slug as if published: a second create of the same key is
    // `lh-<key>-2`. One request asks for the slug and its variants (`slug` takes a comma-separated list).
    const slugs = [slug, ...Array.from({ length: CLIENT_KEY_VARIANTS }, (_, i) => `${slug}-${i + 2}`)];
    const { body } = await this.http.request<unknown[]>({
      path: POSTS,
      query: {
        context: 'edit',
        slug: slugs,
        status: statusList(LIVE_STATUSES),
        orderby: 'id',
        order: 'asc',
        per_page: MAX_PER_PAGE,
        _fields: POST_FIELDS,
      },
    });
    return arrayOf(body).map(toRemotePost);
  }

  async updatePost(id: RemoteId, patch: PostPatch): Promise<RemotePost> {
    const { body } = await this.http.request({
      method: 'POST',
      path: `${POSTS}/${wpId(id)}`,
      query: { context: 'edit', _fields: POST_FIELDS },
      json: toWpPostBody(patch),
    });
    return toRemotePost(body);
  }

  async listRevisions(id: RemoteId, count: number): Promise<RemoteRevision[]> {
    const { body } = await this.http.request<unknown[]>({
      path: `${POSTS}/${wpId(id)}/revisions`,
      query: { context: 'edit', per_page: count, _fields: REVISION_FIELDS },
    });
    return arrayOf(body).map(toRemoteRevision);
  }

  async trashPost(id: RemoteId): Promise<RemotePost> {
    try {
      const { body } = await this.http.request({ method: 'DELETE', path: `${POSTS}/${wpId(id)}`, query: { context: 'edit', _fields: POST_FIELDS } });
      return toRemotePost(body);
    } catch (error) {
      // 410 rest_already_trashed: a repeated trash (e.g. after a lost response) is a success.
      if (isSyncError(error) && error.code === 'rest_already_trashed') {
        const post = await this.getPost(id);
        if (post) return post;
      }
      throw error;
    }
  }

  async listTerms(taxonomy: Taxonomy): Promise<RemoteTerm[]> {
    const terms: RemoteTerm[] = [];
    for (let page = 1; ; page++) {
      const response = await this.http.request<unknown[]>({
        path: TAXONOMY_ROUTE[taxonomy],
        query: { context: 'edit', page, per_page: MAX_PER_PAGE, orderby: 'id', order: 'asc', hide_empty: false, _fields: TERM_FIELDS },
      });
      for (const item of arrayOf(response.body)) terms.push(toRemoteTerm(item, taxonomy));
      if (page >= (headerNumber(response.headers, 'x-wp-totalpages') ?? 0)) return terms;
    }
  }

  async createTerm(taxonomy: Taxonomy, name: string, parent: RemoteId | null = null): Promise<{ term: RemoteTerm; created: boolean }> {
    const route = TAXONOMY_ROUTE[taxonomy];
    const json = taxonomy === 'category' && parent !== null ? { name, parent: wpId(parent) } : { name };
    try {
      const { body } = await this.http.request({ method: 'POST', path: route, query: { context: 'edit', _fields: TERM_FIELDS }, json });
      return { term: toRemoteTerm(body, taxonomy), created: true };
    } catch (error) {
      const existing = isSyncError(error) && error.code === 'term_exists' ? error.data?.term_id : undefined;
      if (typeof existing !== 'number') throw error;
      const { body } = await this.http.request({ path: `${route}/${existing}`, query: { context: 'edit', _fields: TERM_FIELDS } });
      return { term: toRemoteTerm(body, taxonomy), created: false };
    }
  }

  async uploadMedia(bytes: Uint8Array, upload: MediaUpload): Promise<RemoteMedia> {
    const filename = uploadFilename(mediaHashPrefix(upload.sha256), upload.filename);
    const { body } = await this.http.request({
      method: 'POST',
      path: MEDIA,
      // Alt and caption ride along in the query: one request, so a lost response leaves nothing half done.
      query: { context: 'edit', _fields: MEDIA_FIELDS, alt_text: upload.alt, caption: upload.caption },
      headers: { 'Content-Type': upload.mime, 'Content-Disposition': `attachment; filename="${filename}"` },
      body: bytes,
      timeoutMs: this.#timeoutMs + Math.ceil(bytes.byteLength / UPLOAD_BYTES_PER_MS),
    });
    return toRemoteMedia(body);
  }

  async findMediaBySha256(sha256: string): Promise<RemoteMedia | null> {
    const prefix = mediaHashPrefix(sha256);
    const { body } = await this.http.request<unknown[]>({
      path: MEDIA,
      query: { context: 'edit', search: prefix, orderby: 'id', order: 'asc', per_page: 20, _fields: MEDIA_FIELDS },
    });
    // Search is a fuzzy LIKE over title, caption and file name: keep only files really named after the hash.
    const named = arrayOf(body).map(toRemoteMedia).filter((media) => fileName(media.sourceUrl).startsWith(`${prefix}-`));
    return named[0] ?? null;
  }

  async getMedia(ids: readonly RemoteId[]): Promise<RemoteMedia[]> {
    const found: RemoteMedia[] = [];
    // `include` takes a list; 100 per request is WordPress' page limit.
    for (let i = 0; i < ids.length; i += MAX_PER_PAGE) {
      const chunk = ids.slice(i, i + MAX_PER_PAGE).map(wpId);
      const { body } = await this.http.request<unknown[]>({
        path: MEDIA,
        query: { context: 'edit', include: chunk, per_page: MAX_PER_PAGE, _fields: MEDIA_FIELDS },
      });
      found.push(...arrayOf(body).map(toRemoteMedia));
    }
    return found;
  }

  downloadMedia(url: string, maxBytes: number): Promise<Uint8Array | null> {
    return downloadFile(this.http, this.http.fetcher, url, { maxBytes, timeoutMs: this.#timeoutMs * 2 });
  }

  counts(): RequestCounts {
    return { ...this.http.stats };
  }
}

function toRemoteId(value: unknown): RemoteId {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value);
  throw new SyncError({ kind: 'bad-response', code: 'unexpected-shape', outcomeUnknown: true, message: `the blog listed a post without a valid id (${JSON.stringify(value)})` });
}

function statusList(statuses: readonly PostStatus[] | undefined): string {
  const list = statuses ?? LIVE_STATUSES;
  if (list.length === 0) throw new RangeError('at least one status');
  return list.join(',');
}

/** `Sun, 22 Nov 2026 23:44:38 GMT` → `2026-11-22T23:44:38Z`, or null. */
function httpDate(value: string | null): string | null {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? null : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

function arrayOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  throw new SyncError({ kind: 'bad-response', code: 'unexpected-shape', outcomeUnknown: true, message: 'the blog answered a list request with something other than a list' });
}

function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}
