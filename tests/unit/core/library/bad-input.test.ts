import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BlogError } from '../../../../electron/common/errors.ts';
import { createDispatcher } from '../../../../electron/common/ipc/dispatcher.ts';
import { createStores } from '../../../../electron/core/core.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { WXR_FIXTURE, freshCore, rejection, tempDir } from './support/core.ts';

/** A library whose file may grow by only a few pages: SQLite then fails exactly as on a full disk (SQLITE_FULL). */
function cramped() {
  const dataDir = tempDir();
  const db = openDatabase(join(dataDir, 'lib.sqlite'));
  const stores = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
  const limit = (extraPages: number) => {
    const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    db.exec(`PRAGMA max_page_count = ${pages + extraPages}`);
  };
  return { ...stores, limit };
}

describe('bad input and a full disk', () => {
  test('a full disk refuses the save with a clear error; the stored post and the index stay as they were', () => {
    const { db, posts, limit } = cramped();
    const post = posts.create({ title: 'Före', html: '<p>Kort text om budgeten.</p>' });
    limit(3);
    const huge = `<p>${'Sårbarhet och ledarskap i en växande kommun. '.repeat(20_000)}</p>`;
    let error: unknown;
    try {
      posts.save(post.id, { title: 'Efter', html: huge });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlogError);
    expect(error).toMatchObject({ code: 'storage', message: expect.stringMatching(/disk is full.*nothing was saved/) });
    expect(posts.get(post.id)).toEqual(post);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.exec(`INSERT INTO post_fts (post_fts) VALUES ('integrity-check')`);
    // Once there is room again, saving works.
    limit(10_000);
    expect(posts.save(post.id, { title: 'Efter' }).title).toBe('Efter');
    db.close();
  });

  test('a full disk in the middle of an import leaves the library as it was', () => {
    const { db, library, posts, limit } = cramped();
    posts.create({ title: 'Fanns innan' });
    limit(2);
    expect(() => library.importWxr({ path: WXR_FIXTURE })).toThrow(expect.objectContaining({ code: 'storage' }));
    expect(posts.list().map((p) => p.title)).toEqual(['Fanns innan']);
    expect(library.listBlogs()).toEqual([]);
    expect(library.listTerms()).toEqual([]);
    expect(library.listMedia().items).toEqual([]);
    db.close();
  });

  test('unknown ids: not-found naming the id, and nothing changes', async () => {
    const { api } = freshCore();
    const post = await api.createPost({ title: 'Orörd' });
    const term = await api.createTerm({ blogId: null, taxonomy: 'tag', name: 'orörd' });
    const missing = 'a0000000-0000-4000-8000-000000000000';
    const calls: [string, () => Promise<unknown>][] = [
      ['getPost', () => api.getPost(missing)],
      ['savePost', () => api.savePost(missing, { title: 'x' })],
      ['deletePost', () => api.deletePost(missing)],
      ['createPost blog', () => api.createPost({ blogId: missing })],
      ['createPost category', () => api.createPost({ categoryIds: [missing] })],
      ['savePost media', () => api.savePost(post.id, { featuredMediaId: missing })],
      ['savePost tags', () => api.savePost(post.id, { tagIds: [term.id, missing] })],
      ['listRevisions', () => api.listRevisions(missing)],
      ['takeRevision', () => api.takeRevision(missing)],
      ['restoreRevision', () => api.restoreRevision(missing, 1)],
      ['getRevision', () => api.getRevision(424_242)],
      ['getMedia', () => api.getMedia(missing)],
      ['readMedia', () => api.readMedia(missing)],
      ['updateMedia', () => api.updateMedia(missing, { alt: 'x' })],
      ['listMedia', () => api.listMedia({ postId: missing })],
      ['addMedia to post', () => api.addMedia({ fileName: 'a.txt', data: 'aGVq', postId: missing })],
      ['updateTerm', () => api.updateTerm(missing, { name: 'x' })],
      ['deleteTerm', () => api.deleteTerm(missing)],
      ['createTerm parent', () => api.createTerm({ blogId: null, taxonomy: 'category', name: 'x', parentId: missing })],
      ['createTerm blog', () => api.createTerm({ blogId: missing, taxonomy: 'tag', name: 'x' })],
      ['search tag', () => api.search({ text: 'x', tagId: missing })],
      ['statusCounts', () => api.statusCounts({ blogId: missing })],
    ];
    for (const [name, call] of calls) {
      const error = await rejection(call());
      expect(error.code, name).toBe('not-found');
      expect(error.message, name).toMatch(/a0000000-0000-4000-8000-000000000000|424242/);
    }
    expect(await api.getPost(post.id)).toEqual(post);
    expect((await api.listTerms()).map((t) => t.name)).toEqual(['orörd']);
    expect((await api.listMedia()).items).toEqual([]);
  });

  test('the IPC boundary refuses malformed arguments before they reach core', async () => {
    const { api } = freshCore();
    const dispatcher = createDispatcher(api);
    const refused = async (method: string, args: unknown[]) => {
      const envelope = await dispatcher.invoke(method, args);
      expect(envelope.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
      return (envelope as { error: { code: string; message: string } }).error;
    };
    expect((await refused('search', [{ text: 42 }])).code).toBe('invalid-argument');
    expect((await refused('search', [{ text: 'x', statuses: ['publish'] }])).message).toMatch(/statuses\[0\]/);
    expect((await refused('listArchive', [{ month: 13, year: 2010 }])).code).toBe('invalid-argument');
    expect((await refused('savePost', ['abc', { status: 'published' }])).message).toMatch(/unknown field "status"/);
    expect((await refused('createPost', [{ sticky: 'ja' }])).message).toMatch(/true or false/);
    expect((await refused('addMedia', [{ fileName: 'x', data: 'inte base64!' }])).code).toBe('invalid-argument');
    expect((await refused('importWxr', [{ path: '/x', xml: '<rss/>' }])).code).toBe('invalid-argument');
    expect((await refused('addBlog', [{ url: 'ftp://blogg' }])).code).toBe('invalid-argument');
    expect((await refused('addBlog', [{ url: 'https://blogg.example', capabilities: { publish_posts: 'yes' } }])).code).toBe('invalid-argument');
    const ok = await dispatcher.invoke('search', [{ text: 'hej', statuses: ['published'], limit: 5 }]);
    expect(ok).toMatchObject({ ok: true, value: { items: [], total: 0 } });
  });
});
