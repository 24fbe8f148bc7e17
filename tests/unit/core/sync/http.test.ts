// HttpClient without a network: URLs in both REST root styles, counting, deadlines, redirects, bodies.
import { describe, expect, test } from 'vitest';
import { isSyncError, type SyncError } from '../../../../electron/core/sync/errors.ts';
import { HttpClient, routeUrl } from '../../../../electron/core/sync/http.ts';

/** A server that never answers: the request ends only when its signal aborts. */
const hang: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!isSyncError(error)) throw error;
  return error;
}

describe('routes under the REST root', () => {
  test('pretty (/wp-json/) and plain (?rest_route=/) roots', () => {
    expect(routeUrl('https://b.example/wp-json/', 'wp/v2/posts').href).toBe('https://b.example/wp-json/wp/v2/posts');
    expect(routeUrl('https://b.example/blogg/wp-json', '/wp/v2/posts').href).toBe('https://b.example/blogg/wp-json/wp/v2/posts');
    const plain = routeUrl('https://b.example/?rest_route=/', 'wp/v2/posts');
    expect(plain.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(routeUrl('https://b.example/?rest_route=%2F', '').searchParams.get('rest_route')).toBe('/');
  });

  test('query values: lists joined with commas, undefined left out', () => {
    const http = new HttpClient({ baseUrl: 'https://b.example/?rest_route=/' });
    const url = http.url('wp/v2/posts', { status: ['draft', 'publish'], page: 2, modified_after: undefined, sticky: false });
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('status')).toBe('draft,publish');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('sticky')).toBe('false');
    expect(url.searchParams.has('modified_after')).toBe(false);
  });
});

describe('requests', () => {
  test('count requests and body bytes both ways, failures included', async () => {
    const http = new HttpClient({
      baseUrl: 'https://b.example/wp-json/',
      fetch: async (_url, init) => (init?.method === 'POST' ? Response.json({ id: 1, title: 'Sjö 🙂' }, { status: 201 }) : new Response('nej', { status: 500 })),
    });
    const created = await http.request<{ title: string }>({ method: 'POST', path: 'wp/v2/posts', json: { title: 'Sjö 🙂' } });
    expect(created.body.title).toBe('Sjö 🙂');
    await failure(http.request({ path: 'wp/v2/posts' }));
    expect(http.stats).toEqual({
      requests: 2,
      bytesSent: Buffer.byteLength(JSON.stringify({ title: 'Sjö 🙂' })),
      bytesReceived: Buffer.byteLength(JSON.stringify({ id: 1, title: 'Sjö 🙂' })) + 3,
    });
  });

  test('a server that never answers hits the deadline: timeout, outcome unknown', async () => {
    const started = Date.now();
    const error = await failure(new HttpClient({ baseUrl: 'https://b.example/wp-json/', fetch: hang, timeoutMs: 50 }).request({ method: 'POST', path: 'wp/v2/posts', json: {} }));
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("the caller's signal cancels", async () => {
    const controller = new AbortController();
    const pending = new HttpClient({ baseUrl: 'https://b.example/wp-json/', fetch: hang }).request({ path: 'wp/v2/posts', signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  test('writes never follow redirects; reads may', async () => {
    const modes: string[] = [];
    const http = new HttpClient({
      baseUrl: 'https://b.example/wp-json/',
      fetch: async (_url, init) => {
        modes.push(`${init?.method} ${init?.redirect}`);
        return init?.method === 'GET' ? Response.json([]) : new Response(null, { status: 301, headers: { Location: 'https://c.example/wp-json/wp/v2/posts' } });
      },
    });
    await http.request({ path: 'wp/v2/posts' });
    const error = await failure(http.request({ method: 'POST', path: 'wp/v2/posts', json: {} }));
    expect(modes).toEqual(['GET follow', 'POST manual']);
    expect(error).toMatchObject({ kind: 'rejected', code: 'redirected', outcomeUnknown: false });
    expect(error.message).toContain('https://c.example/wp-json/wp/v2/posts');
  });

  test('a 200 that is not JSON (a captive portal, a PHP notice) is a bad response, retryable', async () => {
    const http = new HttpClient({ baseUrl: 'https://b.example/wp-json/', fetch: async () => new Response('<html>Logga in på wifi</html>', { headers: { 'Content-Type': 'text/html' } }) });
    const error = await failure(http.request({ method: 'POST', path: 'wp/v2/posts', json: {} }));
    expect(error).toMatchObject({ kind: 'bad-response', outcomeUnknown: true, retryable: true });
    expect(error.message).toContain('text/html');
  });

  test('a BOM before the JSON is tolerated; acceptAnyStatus hands over error pages', async () => {
    const http = new HttpClient({ baseUrl: 'https://b.example/wp-json/', fetch: async () => new Response('\uFEFF{"ok":true}', { status: 404 }) });
    expect((await http.request({ path: 'x', acceptAnyStatus: true })).body).toEqual({ ok: true });
    expect((await failure(http.request({ path: 'x' }))).kind).toBe('rejected');
  });
});
