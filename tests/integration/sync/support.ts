// Shared by the sync integration tests: a core on a temp dir connected to the real WordPress fixture, a second
// client that plays "the web" (edits through REST, as wp-admin would), and our Swedish fixture posts.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Blog } from '../../../electron/common/models.ts';
import { type Core, type CoreOptions, createCore } from '../../../electron/core/core.ts';
import { readWxr } from '../../../electron/core/library/wxr/read.ts';
import { SecretString } from '../../../electron/core/secrets/redact.ts';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store.ts';
import type { PostStatus, RemotePost } from '../../../electron/core/sync/adapter.ts';
import { WordPressAdapter } from '../../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { requireWordPress, resetWordPress, type WpEnv } from '../wp-fixture.ts';

export interface SyncRig {
  readonly core: Core;
  readonly blog: Blog;
  readonly secrets: MemorySecretStore;
  readonly dataDir: string;
}

const open: { core: Core; dir: string }[] = [];

/** A fresh core connected to the fixture (as "Add blog" with an Application Password does). */
export async function connectedCore(wp: WpEnv, options: Partial<CoreOptions> & { url?: string } = {}): Promise<SyncRig> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'longhand-sync-'));
  const secrets = new MemorySecretStore();
  const core = createCore({ dataDir, timeZone: 'Europe/Stockholm', secrets, ...options, sync: { timeoutMs: 20_000, ...options.sync } });
  open.push({ core, dir: dataDir });
  const blog = await core.api.connectBlog({ url: options.url ?? wp.url, userName: wp.user, appPassword: wp.appPassword });
  return { core, blog, secrets, dataDir };
}

export function closeCores(): void {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The web side: the same blog through its REST API, never through Longhand's engine. */
export function web(wp: WpEnv, restRoot = wp.restUrl): WordPressAdapter {
  return new WordPressAdapter({ restRoot, credentials: { user: wp.user, password: new SecretString(wp.appPassword) }, timeoutMs: 20_000 });
}

/** Creates a post the way wp-admin would end up with it: a draft, then the status by update. */
export async function webPost(blog: WordPressAdapter, post: { title: string; content: string; excerpt?: string; status?: Exclude<PostStatus, 'trash'>; date?: string; categories?: string[]; tags?: string[] }): Promise<RemotePost> {
  const draft = await blog.createPost({ title: post.title, content: post.content, excerpt: post.excerpt ?? '', categories: post.categories ?? [], tags: post.tags ?? [] }, crypto.randomUUID());
  const status = post.status ?? 'publish';
  if (status === 'draft') return blog.updatePost(draft.id, { slug: '' });
  return blog.updatePost(draft.id, { status, slug: '', ...(post.date ? { dateGmt: post.date } : {}) });
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Our Swedish fixture posts: the 18 post bodies, and the WXR's posts (with their terms and statuses). */
export function fixturePosts(): { title: string; content: string; excerpt: string; status: Exclude<PostStatus, 'trash'>; date: string | null; categories: string[]; tags: string[] }[] {
  const out: ReturnType<typeof fixturePosts> = [];
  for (const dialect of ['classic', 'blocks']) {
    for (const file of readdirSync(join(FIXTURES, 'posts', dialect)).toSorted()) {
      const content = readFileSync(join(FIXTURES, 'posts', dialect, file), 'utf8');
      const title = file.replace(/\.html$/, '').replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
      out.push({ title, content, excerpt: '', status: 'publish', date: null, categories: [], tags: [] });
    }
  }
  const wxr = readWxr(readFileSync(join(FIXTURES, 'wxr', 'kommunbloggen.wxr.xml'), 'utf8'));
  const statuses: Record<string, Exclude<PostStatus, 'trash'>> = { publish: 'publish', draft: 'draft', pending: 'pending', private: 'private', future: 'publish' };
  for (const item of wxr.items) {
    if (item.type !== 'post' || !statuses[item.status]) continue;
    out.push({
      title: item.title,
      content: item.content,
      excerpt: item.excerpt,
      status: statuses[item.status]!,
      date: item.dateGmt ? `${item.dateGmt.replace(' ', 'T')}Z` : null,
      categories: item.terms.filter((t) => t.domain === 'category').map((t) => t.name),
      tags: item.terms.filter((t) => t.domain === 'post_tag').map((t) => t.name),
    });
  }
  return out;
}

/** Seeds the fixture posts on the blog (terms made as needed); returns the remote posts. */
export async function seedFixtures(blog: WordPressAdapter): Promise<RemotePost[]> {
  const termIds = new Map<string, string>();
  const term = async (taxonomy: 'category' | 'tag', name: string) => {
    const key = `${taxonomy}:${name.toLowerCase()}`;
    if (!termIds.has(key)) termIds.set(key, (await blog.createTerm(taxonomy, name)).term.id);
    return termIds.get(key)!;
  };
  const made: RemotePost[] = [];
  for (const post of fixturePosts()) {
    const categories = await Promise.all(post.categories.map((name) => term('category', name)));
    const tags = await Promise.all(post.tags.map((name) => term('tag', name)));
    const { date, ...rest } = post;
    made.push(await webPost(blog, { ...rest, categories, tags, ...(date && post.status !== 'draft' && post.status !== 'pending' ? { date } : {}) }));
  }
  return made;
}

/** Every live post on the blog (all statuses but trash). */
export async function allRemote(blog: WordPressAdapter): Promise<RemotePost[]> {
  const out: RemotePost[] = [];
  for (let page = 1; ; page++) {
    const p = await blog.listPosts({ page, perPage: 100 });
    out.push(...p.items);
    if (!p.hasMore) return out;
  }
}

/** A fetch whose requests to `from` go to `to` instead (the fault proxy in front of WordPress). */
export function redirectedFetch(from: string, to: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace(from, to), init);
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** WordPress' modified_gmt has whole seconds: wait until the next second has surely begun. */
export const TICK_MS = 1_100;

export async function syncClean(core: Core, options: Parameters<Core['api']['syncNow']>[1] = {}) {
  const report = await core.api.syncNow(undefined, options);
  const status = await core.api.getSyncStatus();
  expect(status.blogs.map((b) => b.problem)).toEqual(status.blogs.map(() => null));
  return report;
}

/**
 * The hooks every sync integration file needs, registered once: start (or find) the WordPress fixture, skip
 * with the reason when it is missing — `requireWordPress` throws instead under CI=true — reset the blog before
 * each test and after the file, and close the cores a test opened. Returns the running fixture's env.
 */
export function useWordPressFixture(): () => WpEnv {
  let wp: WpEnv | null = null;
  beforeAll(async () => {
    wp = await requireWordPress();
  });
  beforeEach(async (ctx) => {
    ctx.skip(wp === null, 'the WordPress fixture could not start (reason printed above)');
    await resetWordPress(wp!);
  });
  afterEach(() => closeCores());
  afterAll(async () => {
    if (wp) await resetWordPress(wp);
  });
  return () => wp!;
}
