import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BlogError } from '../../../electron/common/errors.ts';
import { LIMITS } from '../../../electron/common/models.ts';
import { type Core, createCore } from '../../../electron/core/core.ts';

const cores: Core[] = [];
function freshCore(dataDir = mkdtempSync(join(tmpdir(), 'longhand-posts-'))): Core {
  const core = createCore({ dataDir });
  cores.push(core);
  return core;
}
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function rejection(promise: Promise<unknown>): Promise<BlogError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BlogError);
  return error as BlogError;
}

describe('posts in local storage', () => {
  test('create, get, save, list and delete', async () => {
    const { api } = freshCore();
    const created = await api.createPost({ title: 'Första', html: '<p>Hej</p>' });
    expect(created).toMatchObject({ title: 'Första', html: '<p>Hej</p>', status: 'draft', version: 1 });
    expect(await api.getPost(created.id)).toEqual(created);

    const saved = await api.savePost(created.id, { html: '<p>Hej igen</p>' });
    expect(saved).toMatchObject({ title: 'Första', html: '<p>Hej igen</p>', version: 2 });
    expect(saved.modifiedAt).toBeGreaterThan(created.modifiedAt);

    expect(await api.listPosts()).toEqual([
      { id: created.id, title: 'Första', snippet: 'Hej igen', status: 'draft', modifiedAt: saved.modifiedAt },
    ]);
    await api.deletePost(created.id);
    expect(await api.listPosts()).toEqual([]);
    expect((await rejection(api.getPost(created.id))).code).toBe('not-found');
  });

  test('the list is ordered by last modification, newest first', async () => {
    const { api } = freshCore();
    const a = await api.createPost({ title: 'A' });
    const b = await api.createPost({ title: 'B' });
    const c = await api.createPost({ title: 'C' });
    expect((await api.listPosts()).map((p) => p.title)).toEqual(['C', 'B', 'A']);
    await api.savePost(a.id, { title: 'A2' });
    expect((await api.listPosts()).map((p) => p.title)).toEqual(['A2', 'C', 'B']);
    await api.savePost(b.id, { html: '<p>x</p>' });
    expect((await api.listPosts()).map((p) => p.id)).toEqual([b.id, a.id, c.id]);
    expect((await api.listPosts({ limit: 2 })).length).toBe(2);
  });

  test('Swedish text and emoji come back byte-identical, across a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'longhand-posts-'));
    const title = 'Sårbarhet – ”citat” … 🙂 Ärligt, Öppet, Åtaget';
    const html = '<p>Det är ”viktigt” – sa hon… 🙂 <strong>åäö ÅÄÖ é ü</strong> 👩🏽‍💻 \u00a0&amp; tab\there</p>\r\n';
    const core = freshCore(dataDir);
    const post = await core.api.createPost({ title, html, editorState: '{"root":"å🙂"}' });
    core.close();
    const reopened = freshCore(dataDir);
    const back = await reopened.api.getPost(post.id);
    expect(Buffer.from(back.title, 'utf8').equals(Buffer.from(title, 'utf8'))).toBe(true);
    expect(Buffer.from(back.html, 'utf8').equals(Buffer.from(html, 'utf8'))).toBe(true);
    expect(back.editorState).toBe('{"root":"å🙂"}');
  });

  test('bad input is refused with a clear error and nothing changes', async () => {
    const { api } = freshCore();
    const post = await api.createPost({ title: 'Orörd', html: '<p>Orörd</p>' });
    const before = await api.listPosts();

    const unknown = await rejection(api.savePost('00000000-0000-0000-0000-000000000000', { title: 'x' }));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toContain('00000000-0000-0000-0000-000000000000');

    const huge = await rejection(api.savePost(post.id, { title: 'å'.repeat(LIMITS.titleChars + 1) }));
    expect(huge.code).toBe('invalid-argument');
    expect(huge.message).toMatch(/title: too long/);

    const wrongType = await rejection(api.savePost(post.id, { title: 42 as unknown as string }));
    expect(wrongType.code).toBe('invalid-argument');

    const stale = await rejection(api.savePost(post.id, { title: 'Ny', baseVersion: 0 }));
    expect(stale.code).toBe('conflict');

    expect((await rejection(api.deletePost('no-such-post'))).code).toBe('not-found');
    expect(await api.listPosts()).toEqual(before);
    expect(await api.getPost(post.id)).toMatchObject({ title: 'Orörd', html: '<p>Orörd</p>', version: 1 });
  });

  test('events fire after the change is stored', async () => {
    const { api } = freshCore();
    const seen: string[] = [];
    const dispose = api.onDidChangePost((event) => seen.push(event.kind));
    const post = await api.createPost();
    await api.savePost(post.id, { title: 'x' });
    await api.deletePost(post.id);
    dispose();
    await api.createPost();
    expect(seen).toEqual(['created', 'saved', 'deleted']);
  });
});
