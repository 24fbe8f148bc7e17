// Pulling the real WordPress: the whole archive of our Swedish fixture posts, then only what changed, then the
// sweep that finds posts deleted on the blog.
import { describe, expect, test } from 'vitest';
import type { SyncProgress } from '../../../electron/common/api/sync.ts';
import { basicAuth } from '../wp-fixture.ts';
import { sha256Hex, solidPng } from '../../support/png.ts';
import { connectedCore, fixturePosts, seedFixtures, sleep, syncClean, TICK_MS, useWordPressFixture, web, webPost } from './support.ts';

const wp = useWordPressFixture();

describe('pull', () => {
  test('first pull mirrors every post in every status, byte for byte, with terms, hierarchy and progress', async () => {
    const blog = web(wp());
    const seeded = await seedFixtures(blog);
    const leadership = (await blog.listTerms('category')).find((t) => t.name === 'Ledarskap')!;
    const child = await blog.createTerm('category', 'Personligt ledarskap – fördjupning', leadership.id);
    const extra = await webPost(blog, { title: 'Under en underkategori', content: '<p>Hej.</p>', categories: [child.term.id], status: 'future', date: '2031-05-01T08:00:00Z' });
    const { core, blog: local } = await connectedCore(wp());
    const progress: SyncProgress[] = [];
    core.api.onDidSyncProgress((p) => progress.push(p));

    const report = await syncClean(core);
    expect(report.pulled).toBe(seeded.length + 1);
    const page = await core.api.listArchive({ blogId: local.id, statuses: ['draft', 'pending', 'scheduled', 'published', 'private'], limit: 500 });
    expect(page.items).toHaveLength(seeded.length + 1);
    for (const remote of [...seeded, extra]) {
      const entry = page.items.find((p) => p.remoteId === Number(remote.id))!;
      const post = await core.api.getPost(entry.id);
      expect(post.html).toBe(remote.content);
      expect(post.title).toBe(remote.title);
      expect(post.excerpt).toBe(remote.excerpt);
    }
    const statuses = new Set(page.items.map((p) => p.status));
    expect(statuses).toEqual(new Set(['published', 'draft', 'pending', 'private', 'scheduled']));
    const sub = (await core.api.listTerms({ blogId: local.id, taxonomy: 'category' })).find((t) => t.name.startsWith('Personligt ledarskap –'))!;
    const parent = (await core.api.listTerms({ blogId: local.id, taxonomy: 'category' })).find((t) => t.id === sub.parentId);
    expect(parent?.name).toBe('Ledarskap');
    expect((await core.api.listTerms({ blogId: local.id, taxonomy: 'tag' })).map((t) => t.name)).toContain('sårbarhet');
    // Progress counted the posts, with the total from X-WP-Total.
    const pulls = progress.filter((p) => p.phase === 'pull');
    expect(pulls.at(-1)).toMatchObject({ done: seeded.length + 1, total: seeded.length + 1 });
    expect(fixturePosts().length).toBeGreaterThan(25);
  });

  test('a first pull cut off half-way (offline) resumes at the page it stopped, and misses nothing', async () => {
    let next = 0;
    const seed = async () => {
      while (next < 230) {
        const i = next++;
        const res = await fetch(`${wp().restUrl}wp/v2/posts`, {
          method: 'POST',
          headers: { Authorization: basicAuth(wp()), 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: `Arkivinlägg ${i}`, content: `<p>Nummer ${i}.</p>`, status: 'publish' }),
        });
        await res.arrayBuffer();
      }
    };
    await Promise.all([seed(), seed(), seed()]);
    let cut = true;
    const pages: number[] = [];
    const flaky: typeof fetch = (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname.endsWith('/wp/v2/posts')) pages.push(Number(url.searchParams.get('page')));
      if (cut && url.pathname.endsWith('/wp/v2/posts') && url.searchParams.get('page') === '3') {
        cut = false;
        return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      }
      return fetch(input, init);
    };
    const { core, blog } = await connectedCore(wp(), { sync: { fetch: flaky } });
    const first = await core.api.syncNow();
    expect((await core.api.getSyncStatus()).blogs[0]?.problem?.kind).toBe('offline');
    expect(first.pulled).toBe(200);
    pages.length = 0;
    const rest = await syncClean(core);
    expect(rest.pulled).toBe(30);
    expect(pages[0]).toBe(3);
    expect((await core.api.archiveCounts({ blogId: blog.id })).total).toBe(230);
  });

  test('later pulls ask only for what changed, keep a revision of what they overwrite, and cost one request when nothing did', async () => {
    const blog = web(wp());
    const [a, b] = await Promise.all([
      webPost(blog, { title: 'Första', content: '<p>Ett.</p>' }),
      webPost(blog, { title: 'Andra', content: '<p>Två.</p>' }),
    ]);
    const { core, blog: local } = await connectedCore(wp());
    await syncClean(core);
    await sleep(TICK_MS);
    await blog.updatePost(a!.id, { content: '<p>Ett, ändrat på webben.</p>' });
    const c = await webPost(blog, { title: 'Tredje', content: '<p>Tre.</p>' });
    const report = await syncClean(core);
    expect(report.pulled).toBe(2);
    expect(report.requests).toBe(1);
    const entries = (await core.api.listArchive({ blogId: local.id })).items;
    const changed = entries.find((e) => e.remoteId === Number(a!.id))!;
    expect((await core.api.getPost(changed.id)).html).toBe('<p>Ett, ändrat på webben.</p>');
    expect((await core.api.listRevisions(changed.id)).map((r) => r.reason)).toContain('sync');
    expect(entries.map((e) => e.remoteId).toSorted((x, y) => x! - y!)).toEqual([a, b, c].map((p) => Number(p!.id)).toSorted((x, y) => x - y));

    // Once the last change is older than the cursor's overlap, a sync with no change is one request for "[]".
    await sleep(3_500);
    await syncClean(core);
    const idle = await syncClean(core);
    expect(idle).toMatchObject({ pulled: 0, pushed: 0, requests: 1, bytesReceived: 2 });
  });

  test('media the posts use: metadata always, files within the limit, nothing twice', async () => {
    const blog = web(wp());
    const small = solidPng([200, 30, 30]);
    const large = solidPng([30, 200, 30], 300, 300);
    const up = async (bytes: Uint8Array, name: string) => blog.uploadMedia(bytes, { filename: name, mime: 'image/png', sha256: sha256Hex(bytes), alt: `Bild ${name}` });
    const [m1, m2] = [await up(small, 'liten.png'), await up(large, 'stor.png')];
    const post = await webPost(blog, {
      title: 'Med bilder',
      content: `<p>Se här:</p>\n\n<img class="wp-image-${m1.id}" src="${m1.sourceUrl}" alt="">\n\n<img class="wp-image-${m2.id}" src="${m2.sourceUrl}" alt="">`,
    });
    await blog.updatePost(post.id, { featuredMedia: m1.id });
    const { core } = await connectedCore(wp());
    await core.api.updateSyncSettings({ mediaDownloadMaxBytes: small.byteLength + 10 });
    await syncClean(core);
    const local = (await core.api.listArchive()).items[0]!;
    const media = (await core.api.listMedia({ postId: local.id })).items;
    expect(media).toHaveLength(2);
    const smallLocal = media.find((m) => m.remotes[0]?.remoteId === Number(m1.id))!;
    const largeLocal = media.find((m) => m.remotes[0]?.remoteId === Number(m2.id))!;
    expect(smallLocal).toMatchObject({ sha256: sha256Hex(small), alt: 'Bild liten.png' });
    expect(largeLocal).toMatchObject({ sha256: null, alt: 'Bild stor.png' });
    expect((await core.api.getPost(local.id)).featuredMediaId).toBe(smallLocal.id);
    expect(Buffer.from((await core.api.readMedia(smallLocal.id)).data, 'base64')).toEqual(Buffer.from(small));
  });

  test('the sweep marks posts deleted on the blog, trash shows as trashed, and no local text is lost', async () => {
    const blog = web(wp());
    const posts = await Promise.all(['Kvar', 'Papperskorgen', 'Raderad'].map((title) => webPost(blog, { title, content: `<p>${title}.</p>` })));
    const { core, blog: local } = await connectedCore(wp());
    await syncClean(core);
    await sleep(TICK_MS);
    await blog.trashPost(posts[1]!.id);
    const response = await fetch(`${wp().restUrl}wp/v2/posts/${posts[2]!.id}?force=true`, { method: 'DELETE', headers: { Authorization: basicAuth(wp()) } });
    expect(response.status).toBe(200);

    const plain = await syncClean(core);
    expect(plain.deletedOnBlog).toBe(0);
    const swept = await syncClean(core, { sweep: true });
    expect(swept.deletedOnBlog).toBe(1);
    const all = (await core.api.listArchive({ blogId: local.id, statuses: ['published', 'trashed', 'deleted'] })).items;
    const byTitle = Object.fromEntries(all.map((p) => [p.title, p]));
    expect(byTitle.Kvar?.status).toBe('published');
    expect(byTitle.Papperskorgen?.status).toBe('trashed');
    expect(byTitle.Raderad?.status).toBe('deleted');
    expect((await core.api.getPost(byTitle.Raderad!.id)).html).toBe('<p>Raderad.</p>');
    expect((await core.api.getPostSyncStates([byTitle.Raderad!.id]))[0]).toMatchObject({ deletedOnBlog: true });
  });
});
