// The fixture itself: a real WordPress that answers REST like the one our users run.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { basicAuth, requireWordPress, resetWordPress, resumeWordPress, stopWordPress } from './wp-fixture.ts';
import type { WpEnv } from './wp-fixture.ts';

let wp: WpEnv | null = null;

beforeAll(async () => {
  wp = await requireWordPress();
  if (wp) await resetWordPress(wp);
});
beforeEach((ctx) => {
  ctx.skip(wp === null, 'the WordPress fixture could not start (reason printed above)');
});
afterAll(async () => {
  if (wp) await resetWordPress(wp);
});

/** The fixture env; beforeEach has already skipped the test when there is none. */
function env(): WpEnv {
  if (!wp) throw new Error('no WordPress fixture');
  return wp;
}

// Our own Swedish text: å, an en dash, typographic (Swedish, same-direction) quotes and
// an astral-plane emoji, which MySQL's 3-byte `utf8` would have mangled.
const SWEDISH = 'Sårbarhet – ”citat” 🙂';

describe('WordPress fixture', () => {
  test('the home page advertises the REST API with a Link header', async () => {
    const res = await fetch(`${env().url}/`);
    expect(res.status).toBe(200);
    const link = res.headers.get('link') ?? '';
    const api = /<([^>]+)>;\s*rel="https:\/\/api\.w\.org\/"/.exec(link);
    expect(api?.[1]).toBe(env().restUrl);
  });

  test('GET /wp/v2/users/me: 200 with the Application Password, 401 with a wrong one', async () => {
    const me = await fetch(`${env().restUrl}wp/v2/users/me?context=edit`, {
      headers: { Authorization: basicAuth(env()) },
    });
    expect(me.status).toBe(200);
    const user = (await me.json()) as { slug: string; roles: string[] };
    expect(user.slug).toBe(env().user);
    expect(user.roles).toContain('administrator');

    const wrong = await fetch(`${env().restUrl}wp/v2/users/me`, {
      headers: { Authorization: basicAuth(env(), 'abcd EFGH ijkl MNOP qrst UVWX') },
    });
    expect(wrong.status).toBe(401);
    // The login password is no REST credential either.
    const login = await fetch(`${env().restUrl}wp/v2/users/me`, {
      headers: { Authorization: basicAuth(env(), env().password) },
    });
    expect(login.status).toBe(401);
  });

  test('a post with Swedish text comes back byte-identical, and reset removes it', async () => {
    const auth = { Authorization: basicAuth(env()) };
    const created = await fetch(`${env().restUrl}wp/v2/posts`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ title: SWEDISH, content: `<p>${SWEDISH}</p>`, status: 'publish' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    const read = await fetch(`${env().restUrl}wp/v2/posts/${id}?context=edit`, { headers: auth });
    expect(read.status).toBe(200);
    const post = (await read.json()) as { title: { raw: string }; content: { raw: string } };
    expect(Buffer.from(post.title.raw, 'utf8')).toEqual(Buffer.from(SWEDISH, 'utf8'));
    expect(Buffer.from(post.content.raw, 'utf8')).toEqual(Buffer.from(`<p>${SWEDISH}</p>`, 'utf8'));

    await resetWordPress(env());
    const gone = await fetch(`${env().restUrl}wp/v2/posts/${id}?context=edit`, { headers: auth });
    expect(gone.status).toBe(404);
    const list = await fetch(`${env().restUrl}wp/v2/posts?status=any`, { headers: auth });
    expect(await list.json()).toEqual([]);
  });

  test('stopWordPress takes the site offline, resumeWordPress brings it back', async () => {
    await stopWordPress(env());
    await expect(fetch(`${env().restUrl}`)).rejects.toThrow(TypeError); // fetch failed: connection refused
    const again = await resumeWordPress(env());
    expect(again).toEqual(env());
    const me = await fetch(`${again.restUrl}wp/v2/users/me`, { headers: { Authorization: basicAuth(again) } });
    expect(me.status).toBe(200);
  });
});
