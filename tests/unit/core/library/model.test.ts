import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import { DATABASE_FILE, createCore } from '../../../../electron/core/core.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { freshCore, rejection, stockholm, tempDir } from './support/core.ts';

describe('the data model', () => {
  test('a post carries every field of a blog post, and they survive a reopen', async () => {
    const dataDir = tempDir();
    let core = freshCore({ dataDir });
    const blog = await core.api.addBlog({ url: 'https://kommunbloggen.example/', name: 'Kommunbloggen', userName: 'karin', capabilities: { publish_posts: true } });
    expect(blog).toMatchObject({ url: 'https://kommunbloggen.example', kind: 'wordpress', capabilities: { publish_posts: true }, timeZone: null });
    const parent = await core.api.createTerm({ blogId: blog.id, taxonomy: 'category', name: 'Ledarskap' });
    const child = await core.api.createTerm({ blogId: blog.id, taxonomy: 'category', name: 'Personligt ledarskap', parentId: parent.id });
    const tag = await core.api.createTerm({ blogId: blog.id, taxonomy: 'tag', name: 'Sårbarhet' });
    expect(child).toMatchObject({ slug: 'personligt-ledarskap', parentId: parent.id, remoteId: null, count: 0 });
    expect(tag.slug).toBe('sarbarhet');
    const image = await core.api.addMedia({ fileName: 'torget.png', data: PNG_1x1 });
    const post = await core.api.createPost({
      blogId: blog.id,
      title: 'Sårbarhet är ingen svaghet',
      html: '<p>Text</p>',
      slug: 'sarbarhet',
      excerpt: 'Kort om sårbarhet.',
      publishedAt: stockholm('2010-09-24T12:10:00'),
      format: 'quote',
      commentStatus: 'closed',
      sticky: true,
      featuredMediaId: image.id,
      categoryIds: [child.id],
      tagIds: [tag.id],
    });
    const expected = {
      blogId: blog.id,
      remoteId: null,
      slug: 'sarbarhet',
      excerpt: 'Kort om sårbarhet.',
      status: 'draft',
      publishedAt: stockholm('2010-09-24T12:10:00'),
      remoteModifiedAt: null,
      format: 'quote',
      commentStatus: 'closed',
      sticky: true,
      featuredMediaId: image.id,
      categoryIds: [child.id],
      tagIds: [tag.id],
      mediaIds: [image.id],
      version: 1,
    };
    expect(post).toMatchObject(expected);
    core.close();
    core = freshCore({ dataDir });
    expect(await core.api.getPost(post.id)).toEqual(post);
    expect((await core.api.listTerms({ blogId: blog.id, taxonomy: 'tag' }))[0]!.count).toBe(1);
  });

  test('a patch changes only what it names; lists replace; a draft assigned to a blog keeps its terms', async () => {
    const { api } = freshCore();
    const local = await api.createTerm({ blogId: null, taxonomy: 'tag', name: 'medarbetare' });
    const draft = await api.createPost({ title: 'Utkast', tagIds: [local.id] });
    const saved = await api.savePost(draft.id, { excerpt: 'Ny sammanfattning', sticky: true });
    expect(saved).toMatchObject({ title: 'Utkast', excerpt: 'Ny sammanfattning', sticky: true, tagIds: [local.id], version: 2 });

    const blog = await api.addBlog({ url: 'https://blogg.example' });
    const moved = await api.savePost(draft.id, { blogId: blog.id });
    const blogTags = await api.listTerms({ blogId: blog.id });
    expect(blogTags.map((t) => [t.name, t.slug])).toEqual([['medarbetare', 'medarbetare']]);
    expect(moved.tagIds).toEqual([blogTags[0]!.id]);
    expect((await api.savePost(draft.id, { tagIds: [] })).tagIds).toEqual([]);
  });

  test('terms must belong to the post’s blog and be of the right kind; categories never form a cycle', async () => {
    const { api } = freshCore();
    const a = await api.addBlog({ url: 'https://a.example' });
    const b = await api.addBlog({ url: 'https://b.example' });
    const catA = await api.createTerm({ blogId: a.id, taxonomy: 'category', name: 'Kommunen' });
    const tagA = await api.createTerm({ blogId: a.id, taxonomy: 'tag', name: 'budget' });
    expect((await rejection(api.createPost({ blogId: b.id, categoryIds: [catA.id] }))).code).toBe('invalid-argument');
    expect((await rejection(api.createPost({ blogId: a.id, categoryIds: [tagA.id] }))).message).toMatch(/is a tag, not a category/);
    expect((await rejection(api.createPost({ blogId: a.id, tagIds: ['finns-inte'] }))).code).toBe('not-found');
    expect((await rejection(api.createTerm({ blogId: a.id, taxonomy: 'tag', name: 'x', parentId: catA.id }))).code).toBe('invalid-argument');
    const child = await api.createTerm({ blogId: a.id, taxonomy: 'category', name: 'Budget', parentId: catA.id });
    expect((await rejection(api.updateTerm(catA.id, { parentId: child.id }))).message).toMatch(/under itself/);
    // Same name twice: the slug is made unique, as WordPress does.
    expect((await api.createTerm({ blogId: a.id, taxonomy: 'tag', name: 'Budget' })).slug).toBe('budget-2');
    expect(await api.listPosts()).toEqual([]);
  });

  test('deleting a category moves its children up to its parent and takes it off its posts', async () => {
    const { api } = freshCore();
    const top = await api.createTerm({ blogId: null, taxonomy: 'category', name: 'Kommunen' });
    const mid = await api.createTerm({ blogId: null, taxonomy: 'category', name: 'Ekonomi', parentId: top.id });
    const leaf = await api.createTerm({ blogId: null, taxonomy: 'category', name: 'Budget', parentId: mid.id });
    const post = await api.createPost({ title: 'x', categoryIds: [mid.id, leaf.id] });
    await api.deleteTerm(mid.id);
    expect((await api.listTerms()).map((t) => [t.name, t.parentId])).toEqual([
      ['Budget', top.id],
      ['Kommunen', null],
    ]);
    expect((await api.getPost(post.id)).categoryIds).toEqual([leaf.id]);
  });

  test('migrating a library of the walking skeleton fills every new column and the search index', async () => {
    const dataDir = tempDir();
    const old = openDatabase(join(dataDir, DATABASE_FILE), { targetVersion: 2 });
    old.prepare(`INSERT INTO posts (id, title, html, created_at, modified_at, snippet) VALUES ('p1', 'Gammal', '<p>Sårbarhet från förr</p>', ?, ?, '')`).run(
      Date.UTC(2010, 8, 30, 22, 30),
      Date.UTC(2010, 9, 1),
    );
    old.close();
    const core = createCore({ dataDir, timeZone: 'Europe/Stockholm' });
    expect(await core.api.getPost('p1')).toMatchObject({ title: 'Gammal', blogId: null, publishedAt: null, categoryIds: [], version: 1 });
    expect((await core.api.search({ text: 'sårbarhet' })).items.map((h) => h.post.id)).toEqual(['p1']);
    // Created 00:30 on 1 October in Stockholm: October's, whatever zone migrated it.
    expect((await core.api.archiveCounts()).years).toEqual([{ year: 2010, count: 1, months: [{ month: 10, count: 1 }] }]);
    core.close();
    const raw = new DatabaseSync(join(dataDir, DATABASE_FILE));
    expect(raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    raw.close();
  });
});

/** The smallest PNG: 1×1, one transparent pixel. */
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
