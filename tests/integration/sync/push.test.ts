// Pushing through the outbox to the real WordPress: every action, terms made offline, media uploaded once,
// exactly-once creates when the answer is lost, and a blog that is offline.
import { describe, expect, test } from 'vitest';
import { sha256Hex, solidPng } from '../../support/png.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { resumeWordPress, stopWordPress } from '../wp-fixture.ts';
import { allRemote, connectedCore, redirectedFetch, sleep, syncClean, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

const FUTURE = Date.UTC(new Date().getUTCFullYear() + 2, 2, 14, 9, 30, 0);

describe('push through the outbox', () => {
  test('publish, update, schedule, unpublish, make private, trash: each reaches the blog once', async () => {
    const { core, blog } = await connectedCore(wp());
    const api = core.api;
    const post = await api.createPost({ blogId: blog.id, title: 'Sjön låg blank – ”tyst”', html: '<p>Första stycket.</p>\n\n<p>Andra stycket.</p>', excerpt: 'Kort.' });
    const entry = await api.requestAction(post.id, 'publish');
    expect(entry).toMatchObject({ action: 'publish', state: 'pending', postTitle: post.title });
    expect((await api.getPost(post.id)).status).toBe('published');
    expect((await api.listRevisions(post.id)).map((r) => r.reason)).toEqual(['publish']);
    expect(await syncClean(core)).toMatchObject({ pushed: 1, failed: 0 });

    const remoteBlog = web(wp());
    const published = (await api.getPost(post.id)).remoteId!;
    let remote = (await remoteBlog.getPost(String(published)))!;
    expect(remote).toMatchObject({ status: 'publish', slug: 'sjon-lag-blank-tyst', title: post.title, content: post.html, excerpt: 'Kort.' });
    expect((await api.getPost(post.id)).slug).toBe('sjon-lag-blank-tyst');

    await api.savePost(post.id, { html: '<p>Första stycket.</p>\n\n<p>Andra stycket, omskrivet.</p>' });
    await api.requestAction(post.id, 'update');
    await syncClean(core);
    remote = (await remoteBlog.getPost(String(published)))!;
    expect(remote.content).toBe('<p>Första stycket.</p>\n\n<p>Andra stycket, omskrivet.</p>');

    for (const [action, status] of [['unpublish', 'draft'], ['make-private', 'private'], ['schedule', 'future']] as const) {
      await api.requestAction(post.id, action, action === 'schedule' ? { at: FUTURE } : {});
      await syncClean(core);
      remote = (await remoteBlog.getPost(String(published)))!;
      expect(remote.status, action).toBe(status);
    }
    expect(remote.dateGmt).toBe(new Date(FUTURE).toISOString().replace('.000Z', 'Z'));
    expect((await api.getPost(post.id))).toMatchObject({ status: 'scheduled', publishedAt: FUTURE });

    await api.requestAction(post.id, 'trash');
    await syncClean(core);
    expect((await remoteBlog.getPost(String(published)))?.status).toBe('trash');
    expect((await api.getPost(post.id))).toMatchObject({ status: 'trashed', slug: 'sjon-lag-blank-tyst' });
    expect(await allRemote(remoteBlog)).toEqual([]);
    const outbox = await api.listOutbox(undefined, { includeDone: true });
    expect(outbox.every((e) => e.state === 'done')).toBe(true);
  });

  test('terms made offline are created on sync, and an existing term of the same name is reused', async () => {
    const remoteBlog = web(wp());
    const existing = await remoteBlog.createTerm('tag', 'kaffe & kaka');
    const { core, blog } = await connectedCore(wp());
    await syncClean(core);
    const api = core.api;
    const travel = await api.createTerm({ blogId: blog.id, taxonomy: 'category', name: 'Resor' });
    const sweden = await api.createTerm({ blogId: blog.id, taxonomy: 'category', name: 'Sverige', parentId: travel.id });
    const cake = await api.createTerm({ blogId: blog.id, taxonomy: 'tag', name: 'Kaffe & kaka' });
    const post = await api.createPost({ blogId: blog.id, title: 'Fika i Sverige', html: '<p>Kanelbulle.</p>', categoryIds: [sweden.id], tagIds: [cake.id] });
    await api.requestAction(post.id, 'publish');
    await syncClean(core);

    const categories = await remoteBlog.listTerms('category');
    const remoteTravel = categories.find((t) => t.name === 'Resor')!;
    const remoteSweden = categories.find((t) => t.name === 'Sverige')!;
    expect(remoteSweden.parent).toBe(remoteTravel.id);
    expect((await remoteBlog.listTerms('tag')).map((t) => t.id)).toEqual([existing.term.id]);
    const remote = (await remoteBlog.getPost(String((await api.getPost(post.id)).remoteId)))!;
    expect(remote).toMatchObject({ categories: [remoteSweden.id], tags: [existing.term.id] });
    const localTags = await api.listTerms({ blogId: blog.id, taxonomy: 'tag' });
    expect(localTags.filter((t) => t.remoteId === Number(existing.term.id))).toHaveLength(1);
  });

  test('media: uploaded once, before the post; the blog gets remote URLs, the local copy keeps its own', async () => {
    const { core, blog } = await connectedCore(wp());
    const api = core.api;
    const png = solidPng([10, 90, 170]);
    const media = await api.addMedia({ fileName: 'Sjö bild.png', data: Buffer.from(png).toString('base64'), alt: 'Sjön i dimma' });
    const html = `<p>Bilden:</p>\n\n<img src="longhand://media/${media.id}" alt="Sjön i dimma">\n\n<p>Igen:</p>\n\n<img src="longhand://media/${media.id}" alt="">`;
    const first = await api.createPost({ blogId: blog.id, title: 'Bild ett', html, featuredMediaId: media.id });
    const second = await api.createPost({ blogId: blog.id, title: 'Bild två', html: `<img src="longhand://media/${media.id}" alt="">` });
    expect((await api.preflight(first.id, 'publish')).mediaToUpload).toBe(1);
    await api.requestAction(first.id, 'publish');
    await api.requestAction(second.id, 'publish');
    await syncClean(core);

    const remoteBlog = web(wp());
    const uploaded = await remoteBlog.findMediaBySha256(sha256Hex(png));
    expect(uploaded).not.toBeNull();
    const listed = await fetch(`${wp().restUrl}wp/v2/media?per_page=100`).then((r) => r.json() as Promise<unknown[]>);
    expect(listed).toHaveLength(1);
    const remoteFirst = (await remoteBlog.getPost(String((await api.getPost(first.id)).remoteId)))!;
    expect(remoteFirst.content).toBe(html.replaceAll(`longhand://media/${media.id}`, uploaded!.sourceUrl));
    expect(remoteFirst.featuredMedia).toBe(uploaded!.id);
    expect((await api.getPost(first.id)).html).toBe(html);
    expect((await api.getPostSyncStates([first.id, second.id])).map((s) => s.state)).toEqual(['synced', 'synced']);
  });

  test('exactly once: a create whose answer is lost (dropped, stalled, 500) is found again, never made twice', async () => {
    const proxy = await startFaultProxy({ target: wp().url, seed: 3, faultable: (method) => method === 'POST' });
    try {
      // Every request of the engine goes through the proxy (as if the user's network were that flaky).
      const viaProxy = redirectedFetch(wp().url, proxy.url);
      const backoff = { baseMs: 50, maxDelayMs: 200, maxAttempts: 8, maxRetryAfterMs: 5_000 };
      const { core, blog } = await connectedCore(wp(), { sync: { fetch: viaProxy, timeoutMs: 1_500, maxInlineWaitMs: 10_000, backoff } });
      const ids: string[] = [];
      for (const mode of ['drop', 'stall', 'http500', 'reset'] as const) {
        const post = await core.api.createPost({ blogId: blog.id, title: `Via ${mode}`, html: `<p>${mode}</p>` });
        ids.push(post.id);
        proxy.script([mode]);
        await core.api.requestAction(post.id, 'publish');
        await core.api.syncNow();
      }
      const remote = await allRemote(web(wp()));
      expect(remote).toHaveLength(4);
      for (const id of ids) {
        const local = await core.api.getPost(id);
        expect(remote.filter((r) => r.id === String(local.remoteId) && r.status === 'publish' && r.content === local.html)).toHaveLength(1);
      }
      expect(proxy.counters).toMatchObject({ drop: 1, stall: 1, http500: 1, reset: 1 });
    } finally {
      await proxy.close();
    }
  });

  test('a create that landed more than once (a stalled first try): one is kept, the others go to the trash', async () => {
    const proxy = await startFaultProxy({ target: wp().url, seed: 4, faultable: (method) => method === 'POST' });
    try {
      const viaProxy = redirectedFetch(wp().url, proxy.url);
      // Retries wait for the next sync, so the test can act in between.
      const backoff = { baseMs: 400, maxDelayMs: 400, maxAttempts: 8, maxRetryAfterMs: 5_000 };
      const { core, blog } = await connectedCore(wp(), { sync: { fetch: viaProxy, maxInlineWaitMs: 0, backoff } });
      const post = await core.api.createPost({ blogId: blog.id, title: 'Två gånger', html: '<p>En gång räcker.</p>' });
      await core.api.requestAction(post.id, 'publish');
      proxy.script(['drop']);
      expect(await core.api.syncNow()).toMatchObject({ pushed: 0 });
      // The lost create landed; two more copies land late, as stalled retries of another client would.
      const remoteBlog = web(wp());
      await remoteBlog.createPost({ title: 'Två gånger', content: '<p>En gång räcker.</p>' }, post.id);
      await remoteBlog.createPost({ title: 'Två gånger', content: '<p>En gång räcker.</p>' }, post.id);
      expect(await remoteBlog.findPostsByClientKey(post.id)).toHaveLength(3);
      await sleep(450);
      const report = await syncClean(core);
      expect(report).toMatchObject({ pushed: 1, duplicatesRemoved: 2 });
      const live = await allRemote(remoteBlog);
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ id: String((await core.api.getPost(post.id)).remoteId), status: 'publish', slug: 'tva-ganger' });
      expect(await remoteBlog.listPosts({ page: 1, perPage: 10, statuses: ['trash'] })).toMatchObject({ total: 2 });
    } finally {
      await proxy.close();
    }
  });

  test('a revoked password stops the blog and asks to sign in again; the queue waits, attempts unspent', async () => {
    const { core, blog, secrets } = await connectedCore(wp());
    await syncClean(core);
    const post = await core.api.createPost({ blogId: blog.id, title: 'Väntar', html: '<p>På inloggning.</p>' });
    await core.api.requestAction(post.id, 'publish');
    await secrets.set(`blog:${blog.id}:${wp().user}`, 'abcdEFGHijklMNOPqrstUVWX');
    expect(await core.api.syncNow()).toMatchObject({ pushed: 0, failed: 0 });
    expect((await core.api.getSyncStatus()).blogs[0]).toMatchObject({ problem: { kind: 're-authenticate' }, outbox: 1 });
    expect((await core.api.listOutbox())[0]).toMatchObject({ state: 'pending', attempts: 0 });
    await core.api.connectBlog({ url: wp().url, userName: wp().user, appPassword: wp().appPassword });
    expect(await syncClean(core)).toMatchObject({ pushed: 1 });
    expect(await allRemote(web(wp()))).toHaveLength(1);
  });

  test('offline: three posts published with WordPress stopped go up once each on the first sync back', async () => {
    const { core, blog } = await connectedCore(wp());
    await syncClean(core);
    await stopWordPress(wp());
    try {
      const posts = await Promise.all(['Tåget', 'Stationen', 'Hemma'].map((title) => core.api.createPost({ blogId: blog.id, title, html: `<p>Skrivet på ${title.toLowerCase()}.</p>` })));
      for (const post of posts) await core.api.requestAction(post.id, 'publish');
      const offline = await core.api.syncNow();
      expect(offline).toMatchObject({ pushed: 0, failed: 0 });
      const status = (await core.api.getSyncStatus()).blogs[0]!;
      expect(status).toMatchObject({ online: false, outbox: 3, problem: { kind: 'offline' } });
      expect((await core.api.listOutbox()).map((e) => [e.state, e.attempts])).toEqual([['pending', 0], ['pending', 0], ['pending', 0]]);
    } finally {
      await resumeWordPress(wp()); // same env: the fixture comes back on its port and state dir
    }
    const back = await syncClean(core);
    expect(back).toMatchObject({ pushed: 3, failed: 0, duplicatesRemoved: 0 });
    const remote = await allRemote(web(wp()));
    expect(remote.map((p) => p.title).toSorted()).toEqual(['Hemma', 'Stationen', 'Tåget']);
    expect(remote.every((p) => p.status === 'publish')).toBe(true);
    expect((await core.api.getSyncStatus()).blogs[0]).toMatchObject({ online: true, outbox: 0, problem: null });
  });
});
