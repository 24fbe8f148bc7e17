// Connecting a blog through SyncApi against the real WordPress: typed-in Application Password, WordPress' own
// authorize page (its callback simulated), clear errors, secrets kept out of the database, and disconnecting.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BlogError } from '../../../electron/common/errors.ts';
import { connectedCore, syncClean, useWordPressFixture, web, webPost } from './support.ts';

const wp = useWordPressFixture();

async function rejection(promise: Promise<unknown>): Promise<BlogError> {
  const error = await promise.then(() => new Error('expected a rejection'), (reason: unknown) => reason);
  expect(error).toBeInstanceOf(BlogError);
  return error as BlogError;
}

describe('connect', () => {
  test('from a post\'s address; the password goes to the SecretStore, never into the database', async () => {
    const post = await webPost(web(wp()), { title: 'Länkad', content: '<p>Hej.</p>' });
    const { core, blog, secrets, dataDir } = await connectedCore(wp(), { url: post.link });
    expect(blog).toMatchObject({ url: wp().url, userName: wp().user, name: 'Longhand testblogg' });
    expect(secrets.accounts()).toEqual([`blog:${blog.id}:${wp().user}`]);
    await syncClean(core);
    core.close();
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('longhand.sqlite'))) {
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(wp().appPassword))).toBe(false);
    }
  });

  test('a wrong password, a site that is not WordPress, an unreachable one: each says what is wrong', async () => {
    const { core } = await connectedCore(wp());
    const bad = await rejection(core.api.connectBlog({ url: wp().url, userName: wp().user, appPassword: 'abcdEFGHijklMNOPqrstUVWX' }));
    expect(bad.message).toMatch(/Application Password/);
    expect(bad.message).not.toContain('abcdEFGH');
    expect((await rejection(core.api.discoverBlog('http://127.0.0.1:9/'))).message).toMatch(/reached|connection/i);
    const discovered = await core.api.discoverBlog(`${wp().url}/?p=1`);
    expect(discovered).toMatchObject({ restRoot: wp().restUrl, name: 'Longhand testblogg' });
    expect(discovered.authorizeUrl).toMatch(/authorize-application\.php$/);
  });

  test('WordPress\' authorize page: its callback with the password connects the blog; a foreign callback is refused', async () => {
    const { core } = await connectedCore(wp(), { sync: { authorizeCallbackUrl: 'http://127.0.0.1:1/authorized' } });
    const start = await core.api.beginAuthorization(wp().url);
    const authorize = new URL(start.authorizeUrl);
    expect(authorize.pathname).toMatch(/authorize-application\.php$/);
    const success = new URL(authorize.searchParams.get('success_url')!);
    expect(success.origin + success.pathname).toBe('http://127.0.0.1:1/authorized');
    // What WordPress' page appends after the user approves.
    success.searchParams.set('site_url', wp().url);
    success.searchParams.set('user_login', wp().user);
    success.searchParams.set('password', wp().appPassword);
    const forged = new URL(success);
    forged.searchParams.set('state', 'not-ours');
    expect((await rejection(core.api.completeAuthorization(forged.href))).message).toMatch(/start again/);
    const blog = await core.api.completeAuthorization(success.href);
    expect(blog).toMatchObject({ url: wp().url, userName: wp().user });
    // The same answer twice is refused: a sign-in is used once.
    expect((await rejection(core.api.completeAuthorization(success.href))).code).toBe('invalid-argument');
  });

  test('disconnect forgets the password and the queue; the posts stay', async () => {
    const { core, blog, secrets } = await connectedCore(wp());
    const post = await core.api.createPost({ blogId: blog.id, title: 'Stannar', html: '<p>Kvar.</p>' });
    await core.api.requestAction(post.id, 'publish');
    await core.api.disconnectBlog(blog.id);
    expect(secrets.accounts()).toEqual([]);
    expect(await core.api.listOutbox()).toEqual([]);
    expect((await core.api.getSyncStatus()).blogs).toEqual([]);
    expect((await core.api.getPost(post.id)).title).toBe('Stannar');
    expect((await rejection(core.api.requestAction(post.id, 'publish'))).code).toBe('not-found');
  });
});
