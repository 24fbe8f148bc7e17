// The acceptance suite every BlogAdapter passes against a real blog: WordPress REST today, XML-RPC/Ghost/Micropub
// later. One call registers it:
//
//   runAdapterContract('WordPress REST', async () => (wp ? target : null));
//
// A target whose blog cannot run returns null: the tests skip, printing why (the fixture decides; under CI=true
// requireWordPress() throws instead). Every test starts from an empty blog (target.reset()).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { BlogAdapter, PostStatus, RemotePost } from '../../electron/core/sync/adapter.ts';
import { isSyncError, type SyncError } from '../../electron/core/sync/errors.ts';
import { sha256Hex, solidPng } from '../support/png.ts';

export interface ContractTarget {
  /** Back to an empty blog (no posts, media or terms but the defaults); called before every test. */
  reset(): Promise<void>;
  /** An adapter signed in with valid credentials. */
  adapter(): BlogAdapter;
  /** The same blog, with a wrong password. */
  adapterWithBadCredentials(): BlogAdapter;
  /** "Add blog" from any page of the blog (discovery + credential check), as the app does. */
  connect(pageUrl: string): Promise<BlogAdapter>;
  /** How long until the blog's modification times certainly move on (WordPress: 1 s resolution). */
  readonly clockResolutionMs: number;
}

// Our own Swedish: å ä ö (also decomposed, NFD), typographic quotes and an en dash, an astral emoji, a
// zero-width space and a no-break space, and ASCII that WordPress would texturize in `rendered`.
const SWEDISH = 'Sjön låg blank – ”tyst”, sa hon 🙂 och gick vidare.';
const TRICKY = `${'Åäö'.normalize('NFD')} "raka" -- :) \u00a0\u200b 🇸🇪`;

/** A fresh client key (a UUID, as the local library will use). */
function clientKey(): string {
  return crypto.randomUUID();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function rejection(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!isSyncError(error)) throw error;
  return error;
}

/** Runs `fn` over `items` with at most `limit` in flight (seeding is I/O-bound; 2 cores are shared). */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const FUTURE = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 5, 1, 12, 30, 0)).toISOString().replace('.000Z', 'Z');

export function runAdapterContract(name: string, makeTarget: () => Promise<ContractTarget | null>): void {
  describe(`BlogAdapter contract: ${name}`, () => {
    let target: ContractTarget | null = null;
    let blog: BlogAdapter;

    beforeAll(async () => {
      target = await makeTarget();
    });
    beforeEach(async (ctx) => {
      ctx.skip(target === null, `${name}: no blog to test against (reason printed above)`);
      await target!.reset();
      blog = target!.adapter();
    });
    afterAll(async () => {
      await target?.reset();
    });

    /** Creates a draft and, unless `status` is draft, moves it there by update (the way the engine publishes). */
    async function seed(title: string, status: Exclude<PostStatus, 'trash'> = 'draft'): Promise<RemotePost> {
      const draft = await blog.createPost({ title, content: `<p>${title}</p>` }, clientKey());
      if (status === 'draft') return draft;
      return blog.updatePost(draft.id, { status, slug: '', ...(status === 'future' ? { dateGmt: FUTURE } : {}) });
    }

    test('verify: the credentials name a real user', async () => {
      const user = await blog.verify();
      expect(user.id).toMatch(/\S/);
      expect(user.login).toMatch(/\S/);
    });

    test('bad credentials are an auth error, even where public reads would succeed', async () => {
      const bad = target!.adapterWithBadCredentials();
      const verify = await rejection(bad.verify());
      expect(verify.kind).toBe('auth');
      expect(verify.action).toBe('reauthenticate');
      // Raw fields and unpublished statuses need a signed-in user: a pull must not quietly return public posts.
      await seed('Publicerad', 'publish');
      expect((await rejection(bad.listPosts({ page: 1, perPage: 10 }))).kind).toBe('auth');
    });

    test('connect from the URL of a published post', async () => {
      const post = await seed(SWEDISH, 'publish');
      expect(post.link).toMatch(/^https?:\/\//);
      const connected = await target!.connect(post.link);
      expect((await connected.verify()).login).toBe((await blog.verify()).login);
      expect((await connected.getPost(post.id))?.title).toBe(SWEDISH);
    });

    test('pull pages through more than 100 posts in every status; the id sweep agrees', async () => {
      const statuses = ['publish', 'draft', 'pending', 'private', 'future'] as const;
      const seeded = await pool(Array.from({ length: 101 }, (_, i) => i), 3, (i) =>
        seed(`Inlägg ${i + 1} – ${statuses[i % 5]}`, statuses[i % 5]),
      );
      const first = await blog.listPosts({ page: 1, perPage: 100 });
      expect(first).toMatchObject({ total: 101, totalPages: 2, hasMore: true });
      expect(first.items).toHaveLength(100);
      const second = await blog.listPosts({ page: 2, perPage: 100 });
      expect(second).toMatchObject({ total: 101, totalPages: 2, hasMore: false });
      expect(second.items).toHaveLength(1);
      // Past the end (the archive shrank while paging): an empty, final page, not an error.
      expect(await blog.listPosts({ page: 3, perPage: 100 })).toMatchObject({ items: [], hasMore: false });

      const pulled = [...first.items, ...second.items];
      expect(new Set(pulled.map((p) => p.id)).size).toBe(101);
      expect(new Set(pulled.map((p) => p.status))).toEqual(new Set(statuses));
      expect(pulled.map((p) => p.id).toSorted()).toEqual(seeded.map((p) => p.id).toSorted());
      for (const post of pulled) expect(post.content).toBe(`<p>${post.title}</p>`);
      expect((await blog.listPostIds()).toSorted()).toEqual(seeded.map((p) => p.id).toSorted());
      expect((await blog.listPosts({ page: 1, perPage: 100, statuses: ['pending'] })).items).toHaveLength(20);
    });

    test('create is a draft with the provisional slug; find it by client key; publish by update, twice', async () => {
      const key = clientKey();
      const created = await blog.createPost({ title: SWEDISH, content: `<p>${SWEDISH}</p>`, excerpt: 'Kort.' }, key);
      expect(created).toMatchObject({ status: 'draft', slug: `lh-${key}`, title: SWEDISH, excerpt: 'Kort.' });
      expect((await blog.findPostsByClientKey(key)).map((p) => p.id)).toEqual([created.id]);
      expect(await blog.findPostsByClientKey(clientKey())).toEqual([]);

      const patch = { status: 'publish', slug: 'sjon-lag-blank' } as const;
      const published = await blog.updatePost(created.id, patch);
      expect(published).toMatchObject({ id: created.id, status: 'publish', slug: 'sjon-lag-blank', content: `<p>${SWEDISH}</p>` });
      // The same update again (a retry after a lost response) changes nothing and makes nothing new.
      expect(await blog.updatePost(created.id, patch)).toMatchObject({ status: 'publish', slug: 'sjon-lag-blank' });
      expect(await blog.listPostIds()).toEqual([created.id]);
      // Published, the post no longer answers to its client key.
      expect(await blog.findPostsByClientKey(key)).toEqual([]);
    });

    test('a create repeated with the same client key (a stalled first try) is found too, oldest first', async () => {
      const key = clientKey();
      const first = await blog.createPost({ title: 'Första försöket' }, key);
      const second = await blog.createPost({ title: 'Andra försöket' }, key);
      expect(second.id).not.toBe(first.id);
      expect((await blog.findPostsByClientKey(key)).map((p) => p.id)).toEqual([first.id, second.id]);
      // Another key never matches them.
      expect(await blog.findPostsByClientKey(clientKey())).toEqual([]);
    });

    test('schedule: future with a date', async () => {
      const draft = await seed('Schemalagd');
      const scheduled = await blog.updatePost(draft.id, { status: 'future', dateGmt: FUTURE, slug: '' });
      expect(scheduled).toMatchObject({ status: 'future', dateGmt: FUTURE });
      expect(await blog.getPost(draft.id)).toEqual(scheduled);
    });

    test('update changes raw fields and moves modifiedGmt on', async () => {
      const post = await seed('Före', 'publish');
      await sleep(target!.clockResolutionMs);
      const updated = await blog.updatePost(post.id, { title: 'Efter', content: `<p>${SWEDISH}</p>`, excerpt: SWEDISH, commentStatus: 'closed', sticky: true });
      expect(updated).toMatchObject({ title: 'Efter', content: `<p>${SWEDISH}</p>`, excerpt: SWEDISH, commentStatus: 'closed', sticky: true, status: 'publish' });
      expect(updated.modifiedGmt > post.modifiedGmt).toBe(true);
      expect(await blog.getPost(post.id)).toEqual(updated);
    });

    test('unpublish back to draft, and make private', async () => {
      const post = await seed('Av och på', 'publish');
      const draft = await blog.updatePost(post.id, { status: 'draft' });
      expect(draft).toMatchObject({ status: 'draft', slug: post.slug });
      const secret = await blog.updatePost(post.id, { status: 'private' });
      expect(secret.status).toBe('private');
      expect((await blog.listPosts({ page: 1, perPage: 10, statuses: ['private'] })).items.map((p) => p.id)).toEqual([post.id]);
    });

    test('trash: out of the live lists, still readable, and trashing again is fine', async () => {
      const keep = await seed('Kvar', 'publish');
      const gone = await seed('Bort', 'publish');
      expect((await blog.trashPost(gone.id)).status).toBe('trash');
      expect((await blog.trashPost(gone.id)).status).toBe('trash');
      expect((await blog.getPost(gone.id))?.status).toBe('trash');
      expect(await blog.listPostIds()).toEqual([keep.id]);
      expect((await blog.listPosts({ page: 1, perPage: 10 })).items.map((p) => p.id)).toEqual([keep.id]);
      expect((await blog.listPosts({ page: 1, perPage: 10, statuses: ['trash'] })).items.map((p) => p.id)).toEqual([gone.id]);
      expect(await blog.getPost('999999')).toBeNull();
    });

    test('terms: hierarchy, existing names reused, and attached to a post', async () => {
      const travel = await blog.createTerm('category', 'Resor');
      expect(travel).toMatchObject({ created: true, term: { name: 'Resor', parent: null, taxonomy: 'category' } });
      const sweden = await blog.createTerm('category', 'Sverige', travel.term.id);
      expect(sweden.term.parent).toBe(travel.term.id);
      // The same name again (an offline-created term meeting the blog's) reuses the term, whatever the case.
      expect(await blog.createTerm('category', 'Resor')).toEqual({ created: false, term: travel.term });
      expect((await blog.createTerm('category', 'resor')).term.id).toBe(travel.term.id);
      expect(await blog.createTerm('category', 'Sverige', travel.term.id)).toMatchObject({ created: false, term: { id: sweden.term.id } });
      const cake = await blog.createTerm('tag', 'Kaffe & kaka');
      expect(cake).toMatchObject({ created: true, term: { name: 'Kaffe & kaka', parent: null } });
      expect((await blog.createTerm('tag', 'Kaffe & kaka')).term.id).toBe(cake.term.id);

      const categories = await blog.listTerms('category');
      expect(categories).toEqual(expect.arrayContaining([travel.term, sweden.term]));
      expect(await blog.listTerms('tag')).toEqual([cake.term]);

      const post = await seed('Med termer');
      const tagged = await blog.updatePost(post.id, { categories: [sweden.term.id], tags: [cake.term.id] });
      expect(tagged).toMatchObject({ categories: [sweden.term.id], tags: [cake.term.id] });
    });

    test('media: uploaded once under its hash, found again by hash, usable as featured image', async () => {
      const bytes = solidPng([30, 120, 200]);
      const sha256 = sha256Hex(bytes);
      expect(await blog.findMediaBySha256(sha256)).toBeNull();
      const media = await blog.uploadMedia(bytes, { filename: 'Sjö bild.PNG', mime: 'image/png', sha256, alt: 'Sjön i dimma', caption: SWEDISH });
      expect(media).toMatchObject({ mime: 'image/png', size: bytes.byteLength, alt: 'Sjön i dimma', caption: SWEDISH });
      expect(media.sourceUrl).toContain(sha256.slice(0, 16));
      const served = new Uint8Array(await (await fetch(media.sourceUrl)).arrayBuffer());
      expect(sha256Hex(served)).toBe(sha256);

      expect(await blog.findMediaBySha256(sha256)).toEqual(media);
      expect(await blog.findMediaBySha256(sha256Hex(solidPng([1, 2, 3])))).toBeNull();

      const post = await seed('Med bild');
      expect((await blog.updatePost(post.id, { featuredMedia: media.id })).featuredMedia).toBe(media.id);
      expect((await blog.updatePost(post.id, { featuredMedia: null })).featuredMedia).toBeNull();
    });

    test('modifiedAfter lists only what changed since', async () => {
      const posts = await Promise.all(['Ett', 'Två', 'Tre'].map((t) => seed(t, 'publish')));
      const since = posts.map((p) => p.modifiedGmt).toSorted().at(-1)!;
      await sleep(target!.clockResolutionMs);
      const changed = await blog.updatePost(posts[1]!.id, { content: '<p>Ändrad.</p>' });
      const page = await blog.listPosts({ page: 1, perPage: 100, modifiedAfter: since });
      expect(page.items.map((p) => p.id)).toEqual([changed.id]);
      expect(page).toMatchObject({ total: 1, hasMore: false });
      // Nothing changed since the last change: the no-change sync gets an empty page.
      expect((await blog.listPosts({ page: 1, perPage: 100, modifiedAfter: changed.modifiedGmt })).items).toEqual([]);
    });

    test('the id sweep shows deletions (trashed posts leave it)', async () => {
      const posts = await Promise.all((['publish', 'future', 'draft'] as const).map((status) => seed(status, status)));
      expect((await blog.listPostIds()).toSorted()).toEqual(posts.map((p) => p.id).toSorted());
      await blog.trashPost(posts[0]!.id);
      expect((await blog.listPostIds()).toSorted()).toEqual([posts[1]!.id, posts[2]!.id].toSorted());
      expect(await blog.listPostIds(['trash'])).toEqual([posts[0]!.id]);
    });

    test('Swedish text and emoji come back byte-identical in the raw fields', async () => {
      const content = `<!-- wp:paragraph -->\n<p>${SWEDISH}</p>\n<!-- /wp:paragraph -->\n\n<p>${TRICKY}</p>`;
      const created = await blog.createPost({ title: TRICKY, content, excerpt: SWEDISH }, clientKey());
      for (const post of [created, await blog.getPost(created.id), (await blog.listPosts({ page: 1, perPage: 10 })).items[0]]) {
        expect(Buffer.from(post!.title)).toEqual(Buffer.from(TRICKY));
        expect(Buffer.from(post!.content)).toEqual(Buffer.from(content));
        expect(Buffer.from(post!.excerpt)).toEqual(Buffer.from(SWEDISH));
      }
    });
  });
}
