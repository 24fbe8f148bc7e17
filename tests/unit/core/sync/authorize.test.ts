// The authorize page's URL and its callback, as WordPress 6.1's auth-app.js builds it.
import { describe, expect, test } from 'vitest';
import {
  AuthorizeCallbackError,
  buildAuthorizeUrl,
  LONGHAND_APP_ID,
  parseAuthorizeCallback,
} from '../../../../electron/core/sync/authorize.ts';

const ENDPOINT = 'https://blogg.example/wp-admin/authorize-application.php';
const PASSWORD = 'Abcd Efgh Ijkl Mnop Qrst Uvwx';

/** What auth-app.js does on approval: append three parameters to success_url with `?` or `&`. */
function approve(successUrl: string, site = 'https://blogg.example', user = 'anna', password = PASSWORD): string {
  return `${successUrl}${successUrl.includes('?') ? '&' : '?'}site_url=${encodeURIComponent(site)}&user_login=${encodeURIComponent(user)}&password=${encodeURIComponent(password)}`;
}

function thrown(fn: () => unknown): AuthorizeCallbackError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AuthorizeCallbackError) return error;
    throw error;
  }
  throw new Error('expected AuthorizeCallbackError');
}

describe('buildAuthorizeUrl', () => {
  test('app name and id, and success/reject URLs carrying our state', () => {
    const request = buildAuthorizeUrl(ENDPOINT, { callbackUrl: 'longhand://authorize', state: 's1' });
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(ENDPOINT);
    expect(url.searchParams.get('app_name')).toBe('Longhand');
    expect(url.searchParams.get('app_id')).toBe(LONGHAND_APP_ID);
    expect(url.searchParams.get('success_url')).toBe('longhand://authorize?state=s1');
    expect(url.searchParams.get('reject_url')).toBe('longhand://authorize?state=s1&success=false');
    expect(request.state).toBe('s1');
  });

  test('a random state by default; a loopback callback keeps its own path and query', () => {
    const a = buildAuthorizeUrl(ENDPOINT, { callbackUrl: 'http://127.0.0.1:5123/cb?blog=7' });
    const b = buildAuthorizeUrl(ENDPOINT, { callbackUrl: 'http://127.0.0.1:5123/cb?blog=7' });
    expect(a.state).toMatch(/^[0-9a-f]{32}$/);
    expect(a.state).not.toBe(b.state);
    expect(new URL(a.url).searchParams.get('success_url')).toBe(`http://127.0.0.1:5123/cb?blog=7&state=${a.state}`);
  });

  test('a callback without a host is refused (WordPress would refuse it too)', () => {
    expect(() => buildAuthorizeUrl(ENDPOINT, { callbackUrl: 'longhand:authorize' })).toThrow(AuthorizeCallbackError);
  });
});

describe('parseAuthorizeCallback', () => {
  const request = buildAuthorizeUrl(ENDPOINT, { callbackUrl: 'longhand://authorize', state: 'abc123' });
  const success = new URL(request.url).searchParams.get('success_url')!;
  const reject = new URL(request.url).searchParams.get('reject_url')!;

  test('approval: site, user and the password (held as a SecretString)', () => {
    const result = parseAuthorizeCallback(approve(success, 'https://blogg.example', 'anna.åberg'), { state: 'abc123', siteUrl: 'https://blogg.example/' });
    expect(result).toMatchObject({ kind: 'approved', siteUrl: 'https://blogg.example', user: 'anna.åberg' });
    if (result.kind !== 'approved') throw new Error('approved expected');
    expect(result.password.reveal()).toBe(PASSWORD);
    expect(JSON.stringify(result)).not.toContain('Abcd');
  });

  test('rejection by the user, and Application Passwords disabled', () => {
    expect(parseAuthorizeCallback(reject, { state: 'abc123' })).toEqual({ kind: 'rejected', reason: 'user' });
    expect(parseAuthorizeCallback(`${reject}&error=disabled`, { state: 'abc123' })).toEqual({ kind: 'rejected', reason: 'disabled' });
  });

  test('a foreign state, another site, or missing fields are errors that never show the password', () => {
    const errors = [
      thrown(() => parseAuthorizeCallback(approve('longhand://authorize?state=evil'), { state: 'abc123' })),
      thrown(() => parseAuthorizeCallback(approve(success, 'https://evil.example'), { state: 'abc123', siteUrl: 'https://blogg.example' })),
      thrown(() => parseAuthorizeCallback(`${success}&password=${encodeURIComponent(PASSWORD)}`, { state: 'abc123' })),
      thrown(() => parseAuthorizeCallback(`not a url password=${PASSWORD}`, { state: 'abc123' })),
    ];
    expect(errors[0]!.message).toMatch(/does not belong/);
    expect(errors[1]!.message).toContain('evil.example');
    expect(errors[2]!.message).toMatch(/site_url, user_login/);
    for (const error of errors) {
      expect(error.message).not.toContain('Abcd');
      expect(error.message).not.toContain(encodeURIComponent(PASSWORD));
    }
  });
});
