/**
 * From whatever address the user pastes (home page, a post, `example.com`) to a verified REST root.
 *
 * 1. GET the page, following redirects. WordPress announces its REST root on every front-end page with
 *    `Link: <…/wp-json/>; rel="https://api.w.org/"` (and the same as `<link>` in the HTML head, which survives
 *    proxies that drop headers). Without either, try `?rest_route=/`, which works even without pretty permalinks.
 * 2. Read the REST index: `wp/v2` must be there; `authentication.application-passwords` gives the authorize page.
 * 3. connectWordPress() then checks the credentials with GET /wp/v2/users/me.
 *
 * Each failure is a DiscoveryError with its own kind, so the UI can say exactly what is wrong.
 */
import { SecretString, type SecretLike } from '../secrets/redact.ts';
import type { RemoteUser } from './adapter.ts';
import { isSyncError, type SyncError, TLS_HANDSHAKE_FAILED } from './errors.ts';
import { HttpClient } from './http.ts';
import { WordPressAdapter } from './wordpress/wp-rest-adapter.ts';

export type DiscoveryErrorKind =
  | 'invalid-url'
  | 'unreachable'
  | 'tls'
  | 'not-wordpress'
  | 'rest-disabled'
  | 'bad-credentials'
  | 'no-application-passwords';

export class DiscoveryError extends Error {
  readonly kind: DiscoveryErrorKind;

  constructor(kind: DiscoveryErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscoveryError';
    this.kind = kind;
  }
}

export interface BlogDiscovery {
  /** `…/wp-json/` or `…/?rest_route=/`: what the adapter takes. */
  readonly restRoot: string;
  /** WordPress' site URL (what the authorize callback reports as `site_url`). */
  readonly siteUrl: string;
  /** The blog's public address. */
  readonly homeUrl: string;
  readonly name: string;
  readonly description: string;
  readonly namespaces: readonly string[];
  /** `authorize-application.php`, or null when Application Passwords are unavailable. */
  readonly authorizationEndpoint: string | null;
  readonly timezone: string;
  /** How the root was found: for diagnostics only. */
  readonly via: 'link-header' | 'html-link' | 'rest-route';
}

export interface DiscoveryOptions {
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const API_REL = 'https://api.w.org/';
const INDEX_FIELDS = 'name,description,url,home,namespaces,authentication,timezone_string,gmt_offset';

/** The user's text as an http(s) URL; a bare host gets `https://`. */
export function normalizeBlogUrl(input: string): URL {
  const text = input.trim();
  if (!text) throw new DiscoveryError('invalid-url', 'Enter the address of your blog.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new DiscoveryError('invalid-url', `“${text}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DiscoveryError('invalid-url', `A blog address starts with https:// (got ${url.protocol}).`);
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  return url;
}

/** `Link` header entries: `<url>; rel="a b"; type=…`, comma-separated. URLs are resolved against `base`. */
export function parseLinkHeader(value: string | null, base: string): { url: string; rels: string[] }[] {
  if (!value) return [];
  const links: { url: string; rels: string[] }[] = [];
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const rels = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean);
    try {
      links.push({ url: new URL(match[1] ?? '', base).href, rels });
    } catch {
      // A broken entry does not hide the others.
    }
  }
  return links;
}

/** `<link rel="https://api.w.org/" href="…">` in a page's HTML (WordPress' wp_head prints it). */
export function findApiLinkInHtml(html: string, base: string): string | null {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attr = (name: string): string | undefined => {
      const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
      return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    };
    const rels = (attr('rel') ?? '').split(/\s+/);
    const href = attr('href');
    if (href && rels.includes(API_REL)) {
      try {
        return new URL(href.replace(/&amp;/g, '&'), base).href;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Finds the blog's REST root and reads its index. No credentials needed. */
export async function discoverBlog(address: string, options: DiscoveryOptions = {}): Promise<BlogDiscovery> {
  const start = normalizeBlogUrl(address);
  const http = new HttpClient({ baseUrl: start.href, timeoutMs: options.timeoutMs ?? 20_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
  let page;
  try {
    page = await http.request<string>({ path: start.href, responseType: 'text', acceptAnyStatus: true });
  } catch (error) {
    throw fromTransport(error, start.host);
  }
  const linked = parseLinkHeader(page.headers.get('link'), page.url).find((link) => link.rels.includes(API_REL));
  const htmlLink = linked ? null : findApiLinkInHtml(page.body, page.url);
  if (linked || htmlLink) {
    const root = (linked?.url ?? htmlLink) as string;
    return readIndex(http, root, linked ? 'link-header' : 'html-link', start.host);
  }
  // No announcement: perhaps a proxy stripped it. `?rest_route=/` on the page itself also works for blogs
  // living in a sub-folder; the site root is the last guess.
  const candidates = new Set<string>();
  for (const base of [page.url, new URL('/', page.url).href]) {
    const url = new URL(base);
    url.search = '';
    url.hash = '';
    url.searchParams.set('rest_route', '/');
    candidates.add(url.href);
  }
  let last: unknown;
  for (const root of candidates) {
    try {
      return await readIndex(http, root, 'rest-route', start.host);
    } catch (error) {
      if (!(error instanceof DiscoveryError) || error.kind !== 'not-wordpress') throw error;
      last = error;
    }
  }
  throw last instanceof DiscoveryError ? last : new DiscoveryError('not-wordpress', `${start.host} does not look like a WordPress blog.`);
}

async function readIndex(http: HttpClient, root: string, via: BlogDiscovery['via'], host: string): Promise<BlogDiscovery> {
  const announced = via !== 'rest-route';
  let body: unknown;
  try {
    body = (await http.request({ path: root, query: { _fields: INDEX_FIELDS } })).body;
  } catch (error) {
    if (isSyncError(error) && (error.kind === 'auth' || error.kind === 'rejected' || error.kind === 'bad-response')) {
      if (!announced && error.kind !== 'auth') {
        throw new DiscoveryError('not-wordpress', `${host} does not look like a WordPress blog (no REST API found).`, { cause: error });
      }
      const why = error.serverMessage ? ` The blog says: “${error.serverMessage}”` : '';
      throw new DiscoveryError(
        'rest-disabled',
        `${host} runs WordPress, but its REST API is blocked or disabled (HTTP ${error.status ?? '?'}${error.code ? `, ${error.code}` : ''}).${why} A security plugin or the host may be blocking it.`,
        { cause: error },
      );
    }
    throw fromTransport(error, host);
  }
  const index = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const namespaces = Array.isArray(index.namespaces) ? index.namespaces.map(String) : null;
  if (!namespaces) {
    if (!announced) throw new DiscoveryError('not-wordpress', `${host} does not look like a WordPress blog.`);
    throw new DiscoveryError('rest-disabled', `${host} announces a REST API, but its index is not WordPress'.`);
  }
  if (!namespaces.includes('wp/v2')) {
    throw new DiscoveryError('rest-disabled', `${host} runs WordPress, but the posts API (wp/v2) is disabled.`);
  }
  const auth = (index.authentication ?? {}) as Record<string, { endpoints?: { authorization?: unknown } }>;
  const authorization = auth['application-passwords']?.endpoints?.authorization;
  const offset = Number(index.gmt_offset ?? 0);
  return {
    restRoot: root,
    siteUrl: str(index.url),
    homeUrl: str(index.home) || str(index.url),
    name: str(index.name),
    description: str(index.description),
    namespaces,
    authorizationEndpoint: typeof authorization === 'string' ? authorization : null,
    timezone: str(index.timezone_string) || `UTC${offset >= 0 ? '+' : ''}${offset}`,
    via,
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function fromTransport(error: unknown, host: string): unknown {
  if (!isSyncError(error)) return error;
  const e: SyncError = error;
  if (e.kind === 'tls' || e.code === TLS_HANDSHAKE_FAILED) {
    const why = e.kind === 'tls'
      ? 'its certificate is not valid for this address, expired, or not trusted'
      : 'the server did not complete an https connection (if the blog has no https, its address starts with http://)';
    return new DiscoveryError('tls', `The secure connection to ${host} failed (${e.code}): ${why}.`, { cause: e });
  }
  if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'server' || e.kind === 'rate-limited') {
    const what = e.kind === 'server' || e.kind === 'rate-limited' ? `answered HTTP ${e.status}` : e.kind === 'timeout' ? 'did not answer in time' : `could not be reached (${e.code})`;
    return new DiscoveryError('unreachable', `${host} ${what}. Check the address and your connection.`, { cause: e });
  }
  return e;
}

export interface ConnectedBlog {
  readonly discovery: BlogDiscovery;
  readonly adapter: WordPressAdapter;
  readonly user: RemoteUser;
}

/** Discovery plus a credentials check: what "Add blog" does with a typed-in Application Password. */
export async function connectWordPress(
  address: string,
  credentials: { user: string; password: SecretLike },
  options: DiscoveryOptions = {},
): Promise<ConnectedBlog> {
  const discovery = await discoverBlog(address, options);
  const password = typeof credentials.password === 'string' ? new SecretString(credentials.password) : credentials.password;
  const adapter = new WordPressAdapter({
    restRoot: discovery.restRoot,
    credentials: { user: credentials.user, password },
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  try {
    return { discovery, adapter, user: await adapter.verify() };
  } catch (error) {
    if (isSyncError(error) && error.kind === 'auth') {
      if (!discovery.authorizationEndpoint) {
        throw new DiscoveryError('no-application-passwords', `${new URL(discovery.homeUrl || discovery.restRoot).host} does not offer Application Passwords (WordPress 5.6 or later, enabled, over https), so Longhand cannot sign in.`, { cause: error });
      }
      throw new DiscoveryError('bad-credentials', `WordPress did not accept the user name and password. Use an Application Password (Users → Profile → Application Passwords), not the login password. (If it is right, the web server may be dropping the Authorization header.)`, { cause: error });
    }
    throw fromTransport(error, new URL(discovery.restRoot).host);
  }
}
