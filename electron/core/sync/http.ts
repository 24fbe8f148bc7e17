/**
 * The one way core/sync talks HTTP: Node's global fetch plus a deadline, Basic auth, JSON, redaction and counting.
 *
 * - Every request has a deadline (AbortSignal.timeout) that also covers reading the body: a stalled server
 *   becomes a `timeout` SyncError, never a hung sync.
 * - Non-2xx answers and thrown fetch errors become SyncErrors (errors.ts); their messages never contain the
 *   password or the Authorization header.
 * - Writes never follow redirects: fetch would turn a redirected POST into a GET and report success.
 * - `stats` counts requests and body bytes both ways; the no-change-sync benchmark reads it.
 */
import { redactText, type SecretLike, secretValue } from '../secrets/redact.ts';
import { classifyFetchError, classifyStatus, SyncError } from './errors.ts';

export interface HttpStats {
  requests: number;
  /** Request body bytes (headers are not counted: they are about the same for every request). */
  bytesSent: number;
  /** Response body bytes as received. */
  bytesReceived: number;
}

export function newHttpStats(): HttpStats {
  return { requests: 0, bytesSent: 0, bytesReceived: 0 };
}

export interface BasicCredentials {
  readonly user: string;
  /** An Application Password; the spaces WordPress shows may stay. */
  readonly password: SecretLike;
}

export interface HttpClientOptions {
  /** The REST root: `https://blog.example/wp-json/` or `https://blog.example/?rest_route=/`. */
  readonly baseUrl: string;
  readonly auth?: BasicCredentials;
  /** Deadline per request, body included. Default 30 s. */
  readonly timeoutMs?: number;
  /** For tests; default the global fetch. */
  readonly fetch?: typeof fetch;
  /** Shared counters (e.g. one per blog); default a fresh set. */
  readonly stats?: HttpStats;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface HttpRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A route under the REST root (`wp/v2/posts`) or an absolute URL. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body (sent as UTF-8). */
  readonly json?: unknown;
  /** A raw body, e.g. media bytes; give `headers['Content-Type']` with it. */
  readonly body?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** `json` (default) parses the body; `text` hands it over as it is (HTML pages in discovery). */
  readonly responseType?: 'json' | 'text';
  /** Send the Authorization header (default true when the client has credentials). */
  readonly authenticate?: boolean;
  /** Hand over 4xx/5xx answers instead of throwing (discovery reads the headers of a blog's 404 page). */
  readonly acceptAnyStatus?: boolean;
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  /** The final URL after redirects. */
  readonly url: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
export const USER_AGENT = 'Longhand/0.1 (+offline blog editor)';

export class HttpClient {
  readonly baseUrl: string;
  readonly stats: HttpStats;
  readonly #auth: BasicCredentials | undefined;
  readonly #authorization: string | undefined;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl;
    this.stats = options.stats ?? newHttpStats();
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
    if (options.auth) {
      const password = secretValue(options.auth.password).replace(/\s+/g, '');
      this.#authorization = `Basic ${Buffer.from(`${options.auth.user}:${password}`, 'utf8').toString('base64')}`;
    }
  }

  /** The fetch this client uses (downloads go through the same one, so tests and proxies see them). */
  get fetcher(): typeof fetch {
    return this.#fetch;
  }

  /** Everything that must never show up in an error message or log line. */
  get secrets(): SecretLike[] {
    if (!this.#auth || !this.#authorization) return [];
    return [this.#auth.password, this.#authorization.slice('Basic '.length)];
  }

  /** The URL of a route under the REST root, in either root style. */
  url(path: string, query: Readonly<Record<string, QueryValue>> = {}): URL {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : routeUrl(this.baseUrl, path);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return url;
  }

  /** JSON in, JSON out; throws a SyncError for anything but a 2xx with the expected body. */
  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    const url = this.url(request.path, request.query);
    const context = { method, url: url.href, secrets: this.secrets };
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT, ...request.headers };
    if (this.#authorization && request.authenticate !== false) headers.Authorization = this.#authorization;
    let body: Uint8Array | string | undefined = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    if (request.responseType === 'text') headers.Accept = 'text/html, application/json;q=0.9, */*;q=0.5';

    const deadline = AbortSignal.timeout(request.timeoutMs ?? this.#timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
    this.stats.requests += 1;
    this.stats.bytesSent += body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;

    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        // Never a SharedArrayBuffer view in practice; DOM's BodyInit insists on a plain ArrayBuffer.
        ...(body === undefined ? {} : { body: body as string | Uint8Array<ArrayBuffer> }),
        signal,
        // A redirected write would be replayed as a GET by fetch; GETs may follow (http → https, moved blogs).
        redirect: method === 'GET' ? 'follow' : 'manual',
      });
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw classifyFetchError(error, context);
    }
    this.stats.bytesReceived += bytes.byteLength;

    const text = new TextDecoder('utf-8').decode(bytes);
    if (response.status >= 300 && response.status < 400) {
      const location = redactText(response.headers.get('location') ?? '(no Location)', this.secrets);
      throw new SyncError({
        kind: 'rejected',
        status: response.status,
        code: 'redirected',
        outcomeUnknown: false,
        method,
        url: redactText(url.href, this.secrets),
        message: redactText(`${method} ${url.href}: the blog redirected this request to ${location}; reconnect the blog with its current address`, this.secrets),
      });
    }
    if (!response.ok && !request.acceptAnyStatus) throw classifyStatus(response.status, parseJson(text), response.headers, context);
    if (request.responseType === 'text') return { status: response.status, headers: response.headers, body: text as T, url: response.url || url.href };
    const parsed = parseJson(text);
    if (parsed === NOT_JSON) {
      throw new SyncError({
        kind: 'bad-response',
        status: response.status,
        code: 'not-json',
        outcomeUnknown: true,
        method,
        url: redactText(url.href, this.secrets),
        message: redactText(`${method} ${url.href}: expected JSON, got ${describeBody(response, text)}`, this.secrets),
      });
    }
    return { status: response.status, headers: response.headers, body: parsed as T, url: response.url || url.href };
  }
}

export interface DownloadOptions {
  /** Give up (null) when the file is larger: checked against Content-Length first, then while reading. */
  readonly maxBytes: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * A public file (a media item's URL), streamed, without credentials: media may live on another host (a CDN),
 * which must never see the Application Password. Null when it exceeds `maxBytes`; errors as in request().
 */
export async function downloadFile(client: HttpClient, fetcher: typeof fetch, url: string, options: DownloadOptions): Promise<Uint8Array | null> {
  const context = { method: 'GET', url, secrets: client.secrets };
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const controller = new AbortController();
  const signal = AbortSignal.any([deadline, controller.signal, ...(options.signal ? [options.signal] : [])]);
  client.stats.requests += 1;
  try {
    const response = await fetcher(url, { headers: { 'User-Agent': USER_AGENT }, signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      throw classifyStatus(response.status, undefined, response.headers, context);
    }
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    if (announced > options.maxBytes || !response.body) {
      controller.abort();
      return null;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      client.stats.bytesReceived += chunk.byteLength;
      if (size > options.maxBytes) {
        controller.abort();
        return null;
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    throw classifyFetchError(error, context);
  }
}

/** `wp/v2/posts` under `…/wp-json/` → `…/wp-json/wp/v2/posts`; under `…/?rest_route=/` → `…/?rest_route=/wp/v2/posts`. */
export function routeUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  const route = path.replace(/^\/+/, '');
  const restRoute = base.searchParams.get('rest_route');
  if (restRoute !== null) {
    base.searchParams.set('rest_route', `${restRoute.replace(/\/+$/, '')}/${route}`);
    return base;
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(route, base);
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  if (text.trim() === '') return NOT_JSON;
  try {
    // A BOM before the JSON is a common plugin/theme accident; it does not change the content.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return NOT_JSON;
  }
}

function describeBody(response: Response, text: string): string {
  const type = response.headers.get('content-type') ?? 'no content type';
  const start = text.slice(0, 80).replace(/\s+/g, ' ').trim();
  return `${type}${start ? ` starting "${start}"` : ', empty'}`;
}
