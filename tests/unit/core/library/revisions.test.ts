import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createStores } from '../../../../electron/core/core.ts';
import { KEEP_NEWEST, MAX_AGE_MS, MAX_PER_POST, PAUSE_MS } from '../../../../electron/core/posts/revisions.ts';
import { applyRemote, getSyncBase } from '../../../../electron/core/posts/sync-base.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { freshCore, rejection, tempDir } from './support/core.ts';

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2024, 0, 8, 9)) {
  let now = start;
  const clock = () => now++;
  return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}

describe('revisions', () => {
  test('the first save after a pause keeps the text as it was before the pause', async () => {
    const clock = manualClock();
    const { api } = freshCore({ clock });
    const post = await api.createPost({ title: 'Nära', html: '<p>Måndag.</p>' });
    await api.savePost(post.id, { html: '<p>Måndag. Tisdag.</p>' });
    clock.advance(60_000);
    await api.savePost(post.id, { html: '<p>Måndag. Tisdag. Onsdag.</p>' });
    expect(await api.listRevisions(post.id)).toEqual([]);

    clock.advance(PAUSE_MS);
    await api.savePost(post.id, { html: '<p>Helt omskrivet.</p>' });
    const [rev] = await api.listRevisions(post.id);
    expect(rev).toMatchObject({ postId: post.id, reason: 'pause', postVersion: 3, title: 'Nära', words: 3 });
    expect((await api.getRevision(rev!.id)).html).toBe('<p>Måndag. Tisdag. Onsdag.</p>');
  });

  test('manual snapshots skip unchanged text; restore snapshots first, so it can be undone', async () => {
    const clock = manualClock();
    const { api } = freshCore({ clock });
    const post = await api.createPost({ title: 'Tillit', html: '<p>Version ett.</p>', editorState: '{"v":1}' });
    const first = await api.takeRevision(post.id);
    expect(first).toMatchObject({ reason: 'manual', postVersion: 1 });
    expect(await api.takeRevision(post.id)).toBeNull();
    const edited = await api.savePost(post.id, { html: '<p>Version två.</p>', editorState: '{"v":2}' });

    const restored = await api.restoreRevision(post.id, first!.id, edited.version);
    expect(restored).toMatchObject({ html: '<p>Version ett.</p>', editorState: '{"v":1}', version: edited.version + 1 });
    const list = await api.listRevisions(post.id);
    expect(list.map((r) => r.reason)).toEqual(['restore', 'manual']);
    expect((await api.getRevision(list[0]!.id)).html).toBe('<p>Version två.</p>');
    expect((await api.search({ text: 'två' })).total).toBe(0);
    expect((await api.search({ text: 'ett' })).total).toBe(1);

    expect((await rejection(api.restoreRevision(post.id, first!.id, 1))).code).toBe('conflict');
    const other = await api.createPost({ title: 'Annat' });
    expect((await rejection(api.restoreRevision(other.id, first!.id))).code).toBe('invalid-argument');
    expect((await rejection(api.getRevision(999_999))).code).toBe('not-found');
  });

  test(`pruning: the newest ${KEEP_NEWEST} always stay; older ones go after ${MAX_AGE_MS / 86_400_000} days or beyond ${MAX_PER_POST}`, async () => {
    const clock = manualClock();
    const { api } = freshCore({ clock });
    const post = await api.createPost({ title: 'Många versioner' });
    for (let i = 0; i < MAX_PER_POST + 15; i++) {
      await api.savePost(post.id, { html: `<p>Version ${i}</p>` });
      await api.takeRevision(post.id);
    }
    let list = await api.listRevisions(post.id);
    expect(list).toHaveLength(MAX_PER_POST);
    expect(list[0]!.title).toBe('Många versioner');
    expect((await api.getRevision(list[0]!.id)).html).toBe(`<p>Version ${MAX_PER_POST + 14}</p>`);

    clock.advance(MAX_AGE_MS + 1);
    await api.savePost(post.id, { html: '<p>Efter lång tid</p>' });
    list = await api.listRevisions(post.id);
    // The text before the pause equals the newest manual snapshot, so no new one: only pruning happened.
    expect(list).toHaveLength(KEEP_NEWEST);
    expect(list[0]!.reason).toBe('manual');
  });

  test('a sync overwrite snapshots the local text first (publish when it publishes) and records the sync base', () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'lib.sqlite'));
    const { posts, library } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    const blog = library.addBlog({ url: 'https://kommunbloggen.example' });
    const post = posts.create({ blogId: blog.id, title: 'Lokalt', html: '<p>Skrivet på tåget.</p>' });
    const base = { remoteId: 77, remoteModifiedAt: Date.UTC(2024, 0, 9), fields: { 'content.raw': '<p>Från bloggen.</p>', status: 'publish' }, syncedAt: Date.UTC(2024, 0, 9, 1) };
    const after = applyRemote(
      db,
      post.id,
      { blogId: blog.id, remoteId: 77, status: 'published', html: '<p>Från bloggen.</p>', publishedAt: Date.UTC(2024, 0, 9), remoteModifiedAt: base.remoteModifiedAt },
      base,
      Date.UTC(2024, 0, 9, 1),
    );
    expect(after).toMatchObject({ remoteId: 77, status: 'published', html: '<p>Från bloggen.</p>', version: 2 });
    expect(posts.revisions(post.id).map((r) => r.reason)).toEqual(['publish']);
    expect(library.getRevision(posts.revisions(post.id)[0]!.id).html).toBe('<p>Skrivet på tåget.</p>');
    expect(getSyncBase(db, post.id)).toEqual(base);
    db.close();
  });
});
