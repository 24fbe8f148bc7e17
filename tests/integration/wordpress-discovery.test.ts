// Connecting a blog: discovery from any page, each failure with its own error, and WordPress' authorize page.
// The stand-ins for broken sites are tiny real HTTP(S) servers on 127.0.0.1, never mocked fetches.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildAuthorizeUrl, parseAuthorizeCallback } from '../../electron/core/sync/authorize.ts';
import { connectWordPress, DiscoveryError, discoverBlog } from '../../electron/core/sync/discovery.ts';
import { WordPressAdapter } from '../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { requireWordPress, resetWordPress, type WpEnv } from './wp-fixture.ts';

let wp: WpEnv | null = null;
const servers: Server[] = [];

beforeAll(async () => {
  wp = await requireWordPress();
  if (wp) await resetWordPress(wp);
});
beforeEach((ctx) => {
  ctx.skip(wp === null, 'the WordPress fixture could not start (reason printed above)');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  if (wp) await resetWordPress(wp);
});

function env(): WpEnv {
  if (!wp) throw new Error('no WordPress fixture');
  return wp;
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function serve(handler: RequestListener): Promise<string> {
  return `http://127.0.0.1:${await listen(createHttpServer(handler))}`;
}

async function discoveryError(promise: Promise<unknown>): Promise<DiscoveryError> {
  const error = await promise.then(
    () => new Error('expected discovery to fail'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof DiscoveryError)) throw error;
  return error;
}

describe('discovery', () => {
  test('from the home page: the Link header names the REST root and the authorize page', async () => {
    const found = await discoverBlog(env().url);
    expect(found).toMatchObject({ restRoot: env().restUrl, via: 'link-header', siteUrl: env().url });
    expect(found.namespaces).toContain('wp/v2');
    expect(found.authorizationEndpoint).toBe(`${env().url}/wp-admin/authorize-application.php`);
  });

  test('through a redirect, and from a bare host:port without a scheme', async () => {
    const redirect = await serve((_req, res) => res.writeHead(301, { Location: `${env().url}/?p=1` }).end());
    expect(await discoverBlog(`${redirect}/gammal-adress/`)).toMatchObject({ restRoot: env().restUrl });
    // No scheme means https; a plain-http blog then fails as a TLS problem, which says what to fix.
    expect((await discoveryError(discoverBlog(`127.0.0.1:${env().port}`))).kind).toBe('tls');
  });

  test('without the Link header: the <link> in the HTML, then ?rest_route=/', async () => {
    const html = await serve((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<html><head><link rel='https://api.w.org/' href='${env().restUrl}' /></head></html>`),
    );
    expect(await discoverBlog(html)).toMatchObject({ restRoot: env().restUrl, via: 'html-link' });
    // A static file is served without the header; `?rest_route=/` on the site root still finds the API.
    const viaRoute = await discoverBlog(`${env().url}/readme.html`);
    expect(viaRoute).toMatchObject({ via: 'rest-route', siteUrl: env().url });
    // The adapter works on a `?rest_route=` root as well as on `/wp-json/`.
    const adapter = new WordPressAdapter({ restRoot: viaRoute.restRoot, credentials: { user: env().user, password: env().appPassword } });
    expect((await adapter.verify()).login).toBe(env().user);
    const key = crypto.randomUUID();
    const post = await adapter.createPost({ title: 'Via rest_route' }, key);
    expect((await adapter.findPostsByClientKey(key)).map((p) => p.id)).toEqual([post.id]);
  });

  test('not reachable', async () => {
    const port = await listen(createHttpServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const error = await discoveryError(discoverBlog(`http://127.0.0.1:${port}/`));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  test('not WordPress', async () => {
    const site = await serve((req, res) => {
      if (req.url?.includes('rest_route')) res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Min hemsida</body></html>');
    });
    expect((await discoveryError(discoverBlog(site))).kind).toBe('not-wordpress');
  });

  test('WordPress with its REST API blocked: 401 from a plugin, or a 404 page', async () => {
    const blocked = await serve((req, res) => {
      const base = `http://${req.headers.host}`;
      if (req.url?.startsWith('/wp-json/')) {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ code: 'rest_login_required', message: 'REST API restricted to authenticated users.', data: { status: 401 } }));
      } else if (req.url?.startsWith('/gone/')) {
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>404</h1>');
      } else {
        const root = req.url?.startsWith('/other/') ? `${base}/gone/` : `${base}/wp-json/`;
        res.writeHead(200, { 'Content-Type': 'text/html', Link: `<${root}>; rel="https://api.w.org/"` }).end('<p>Blogg</p>');
      }
    });
    const plugin = await discoveryError(discoverBlog(blocked));
    expect(plugin.kind).toBe('rest-disabled');
    expect(plugin.message).toContain('REST API restricted to authenticated users.');
    expect((await discoveryError(discoverBlog(`${blocked}/other/`))).kind).toBe('rest-disabled');
  });

  test('TLS: a self-signed certificate is a TLS error, not "unreachable"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'longhand-tls-'));
    let tls: { key: Buffer; cert: Buffer };
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const server = createHttpsServer(tls, (_req, res) => res.end('hej'));
    const port = await listen(server);
    const error = await discoveryError(discoverBlog(`https://127.0.0.1:${port}/`));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/certificate/);
  });

  test('bad credentials: a wrong Application Password, or the login password; neither is ever shown', async () => {
    for (const password of ['abcd EFGH ijkl MNOP qrst UVWX', env().password]) {
      const error = await discoveryError(connectWordPress(env().url, { user: env().user, password }));
      expect(error.kind).toBe('bad-credentials');
      const shown = `${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`;
      expect(shown).not.toContain(password);
      expect(shown).not.toContain(password.replace(/ /g, ''));
      expect(shown).not.toContain(Buffer.from(`${env().user}:${password.replace(/ /g, '')}`).toString('base64'));
    }
    const ok = await connectWordPress(env().url, { user: env().user, password: env().appPassword });
    expect(ok.user.login).toBe(env().user);
  });
});

describe("WordPress' authorize page", () => {
  test('accepts our longhand:// callback; the approval and the rejection parse', async () => {
    const discovery = await discoverBlog(env().url);
    const request = buildAuthorizeUrl(discovery.authorizationEndpoint!, { callbackUrl: 'longhand://authorize' });

    // Sign in to wp-admin as the user would in the browser.
    const login = await fetch(`${env().url}/wp-login.php`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
      body: new URLSearchParams({ log: env().user, pwd: env().password, testcookie: '1', 'wp-submit': 'Log In' }),
    });
    expect(login.status).toBe(302);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const page = await fetch(request.url, { headers: { Cookie: cookie } });
    const html = await page.text();
    expect(page.status, html.slice(0, 500)).toBe(200);
    const authApp = JSON.parse(/var authApp = (\{.*?\});/.exec(html)![1]!) as { site_url: string; user_login: string; success: string; reject: string };
    const nonce = /"nonce":"([0-9a-f]+)"/.exec(html)![1]!;

    // What auth-app.js does on "Yes, I approve": create the password, then go to success_url with it appended.
    const created = await fetch(`${discovery.restRoot}wp/v2/users/me/application-passwords`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-WP-Nonce': nonce, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Longhand', app_id: new URL(request.url).searchParams.get('app_id') }),
    });
    expect(created.status).toBe(201);
    const { password } = (await created.json()) as { password: string };
    const sep = authApp.success.includes('?') ? '&' : '?';
    const callback = `${authApp.success}${sep}site_url=${encodeURIComponent(authApp.site_url)}&user_login=${encodeURIComponent(authApp.user_login)}&password=${encodeURIComponent(password)}`;

    const approved = parseAuthorizeCallback(callback, { state: request.state, siteUrl: discovery.siteUrl });
    if (approved.kind !== 'approved') throw new Error('expected an approval');
    expect(approved).toMatchObject({ user: env().user, siteUrl: env().url });
    expect(String(approved.password)).toBe('[redacted]');
    const connected = await connectWordPress(env().url, { user: approved.user, password: approved.password });
    expect(connected.user.login).toBe(env().user);

    // "No, I do not approve": WordPress sends the browser to our reject_url as it is.
    expect(parseAuthorizeCallback(authApp.reject, { state: request.state })).toEqual({ kind: 'rejected', reason: 'user' });
  });
});
