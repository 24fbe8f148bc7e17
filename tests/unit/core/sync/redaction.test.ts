// Secrets never reach a log line or an error message: SecretString, redactText, and HttpClient's errors.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { REDACTED, redactText, SecretString } from '../../../../electron/core/secrets/redact.ts';
import { blogAccountKey, MemorySecretStore } from '../../../../electron/core/secrets/secret-store.ts';
import { isSyncError, type SyncError } from '../../../../electron/core/sync/errors.ts';
import { HttpClient } from '../../../../electron/core/sync/http.ts';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
const COMPACT = PASSWORD.replace(/ /g, '');
const TOKEN = Buffer.from(`admin:${COMPACT}`).toString('base64');

/** Every way an error can end up in a log: message, stack, JSON, util.inspect (with causes), String(). */
function everythingShown(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), String(error)].join('\n');
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(COMPACT);
  expect(text).not.toContain(TOKEN);
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!isSyncError(error)) throw error;
  return error;
}

/** A socket error whose text echoes the request's secrets, as a careless layer below might. */
const leaky: typeof fetch = async () => {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error(`socket hang up; headers: Authorization: Basic ${TOKEN}; pw=${PASSWORD}`), { code: 'ECONNRESET' }),
  });
};

function client(fetchImpl: typeof fetch): HttpClient {
  return new HttpClient({ baseUrl: 'https://blogg.example/wp-json/', auth: { user: 'admin', password: new SecretString(PASSWORD) }, fetch: fetchImpl });
}

describe('SecretString', () => {
  test('shows [redacted] however it is printed; reveal() gives the value', () => {
    const secret = new SecretString(PASSWORD);
    const holder = { user: 'admin', password: secret };
    expect([secret].join('')).toBe(REDACTED);
    expect(String(secret)).toBe(REDACTED);
    expect(JSON.stringify(holder)).toBe(`{"user":"admin","password":"${REDACTED}"}`);
    expect(inspect(holder, { showHidden: true, depth: 5 })).not.toContain('abcd');
    expect(secret.reveal()).toBe(PASSWORD);
  });
});

describe('redactText', () => {
  test('removes password parameters, Authorization values, user info in URLs and JSON password fields', () => {
    const text = [
      `longhand://authorize?state=1&site_url=https%3A%2F%2Fb.example&user_login=admin&password=${encodeURIComponent(PASSWORD)}`,
      `Authorization: Basic ${TOKEN}`,
      `authorization="Bearer sk-live-123456"`,
      `https://admin:${COMPACT}@blogg.example/wp-json/`,
      `{"password":"${COMPACT}","user":"admin"}`,
    ].join('\n');
    const out = redactText(text);
    expectNoSecret(out);
    expect(out).not.toContain('sk-live-123456');
    expect(out).toContain('user_login=admin');
    expect(out).toContain('"user":"admin"');
    expect(out).toContain('blogg.example/wp-json/');
  });

  test('removes given secrets wherever they appear, with or without the spaces WordPress shows', () => {
    expectNoSecret(redactText(`oops ${PASSWORD} and ${COMPACT} and ${encodeURIComponent(PASSWORD)}`, [new SecretString(PASSWORD)]));
    // Short "secrets" are ignored rather than blanking common words.
    expect(redactText('a b c', ['a'])).toBe('a b c');
  });
});

describe('HttpClient errors carry no secret', () => {
  test('a 401 answer', async () => {
    const error = await failure(
      client(async () => Response.json({ code: 'rest_not_logged_in', message: 'You are not currently logged in.' }, { status: 401 })).request({ path: 'wp/v2/users/me' }),
    );
    expect(error.kind).toBe('auth');
    expectNoSecret(everythingShown(error));
  });

  test('a socket error whose text echoes the request headers and URL', async () => {
    const error = await failure(client(leaky).request({ method: 'POST', path: 'wp/v2/posts', query: { password: COMPACT } }));
    expect(error.kind).toBe('network');
    const shown = everythingShown(error);
    expectNoSecret(shown);
    expect(shown).toContain('wp/v2/posts');
  });

  test('a server message that repeats the password, and a redirect to a URL with credentials', async () => {
    const echo = await failure(client(async () => Response.json({ code: 'x', message: `bad password ${COMPACT}` }, { status: 400 })).request({ path: 'wp/v2/posts' }));
    expectNoSecret(everythingShown(echo));
    const redirect = await failure(
      client(async () => new Response(null, { status: 301, headers: { Location: `https://admin:${COMPACT}@new.example/wp-json/wp/v2/posts` } })).request({ method: 'POST', path: 'wp/v2/posts', json: {} }),
    );
    expect(redirect).toMatchObject({ kind: 'rejected', code: 'redirected' });
    expectNoSecret(everythingShown(redirect));
  });

  test('the Authorization header is sent, built from the password without its spaces', async () => {
    let seen: string | null = null;
    await client(async (_url, init) => {
      seen = new Headers(init?.headers).get('authorization');
      return Response.json({ id: 1 });
    }).request({ path: 'wp/v2/users/me' });
    expect(seen).toBe(`Basic ${TOKEN}`);
  });
});

describe('MemorySecretStore', () => {
  test('get/set/delete by account key; printing the store shows no secret', async () => {
    const store = new MemorySecretStore();
    const account = blogAccountKey('blog-1', 'admin');
    expect(await store.get(account)).toBeNull();
    await store.set(account, PASSWORD);
    expect(await store.get(account)).toBe(PASSWORD);
    expect(store.accounts()).toEqual([account]);
    expect(JSON.stringify(store)).toBe('{"accounts":1}');
    expect(inspect(store, { showHidden: true, depth: 5 })).not.toContain('abcd');
    expect(await store.delete(account)).toBe(true);
    expect(await store.delete(account)).toBe(false);
    expect(await store.get(account)).toBeNull();
    expect(() => blogAccountKey('', 'admin')).toThrow(/needs a blog id/);
  });
});
