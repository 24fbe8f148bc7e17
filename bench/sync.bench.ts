import { loadavg } from 'node:os';
import type { Post } from '../electron/common/models.ts';
import type { Core } from '../electron/core/core.ts';
import { POST_FIELDS } from '../electron/core/sync/wordpress/wp-map.ts';
import { closeCores, connectedCore } from '../tests/integration/sync/support.ts';
import { runSoak } from '../tests/integration/sync/soak.ts';
import { basicAuth, resetWordPress, startWordPress, type WpEnv } from '../tests/integration/wp-fixture.ts';
import { seeded } from './support/random.ts';
import { type BenchRow, report } from './support/report.ts';
import { SYNTHETIC_CATEGORIES, loadSourceText, syntheticPosts, syntheticTags } from './support/synthetic-archive.ts';

/**
 * `npm run bench sync`: the sync engine against the local WordPress fixture (WP_PORT, default 8089).
 *
 * - first pull of 1,000 posts (every status, context=edit, 100 per page) against the raw time to page through
 *   the same endpoint with plain fetch in the same run (median of RUNS each, alternating); also to its last page
 *   stored (the sync's later steps, e.g. the preview's stylesheet, left out), and the search rows it leaves to
 *   the background, timed as the first search that waits for them;
 * - a no-change sync at 100 and at 1,000 posts: requests and bytes (the cursor's overlap has passed);
 * - publishing 100 new posts through the outbox;
 * - the fault soak with LONGHAND_BENCH_SOAK_OPS (default 1,000) random publishes/updates.
 * The archive is seeded from the project's own Swedish fixture texts (support/synthetic-archive.ts).
 */
const RUNS = Number(process.env.LONGHAND_BENCH_SYNC_RUNS ?? 3);
const SOAK_OPS = Number(process.env.LONGHAND_BENCH_SOAK_OPS ?? 1000);
const SEED = 19101;
const STATUS = { published: 'publish', draft: 'draft', pending: 'pending', scheduled: 'publish', private: 'private', trashed: 'publish', deleted: 'publish' } as const;
/** The cursor's overlap (engine/pull.ts) plus a margin: a sync after that sees no change as "[]". */
const SETTLE_MS = 3_500;

export async function run(): Promise<void> {
  const wp = await startWordPress();
  await resetWordPress(wp);
  const rows: BenchRow[] = [];
  const notes: Record<string, unknown> = { seed: SEED, runs: RUNS, wordpress: wp.version };
  try {
    const seed = await seeder(wp);
    await seed(100);
    const idle100 = await noChangeSync(wp);
    await seed(900);
    const idle1000 = await noChangeSync(wp);
    for (const [label, idle] of [['100', idle100], ['1,000', idle1000]] as const) {
      rows.push({ metric: `no-change sync at ${label} posts · requests`, value: idle.requests, unit: 'requests', goal: '≤ 2, equal at both sizes', met: idle.requests <= 2 && idle100.requests === idle1000.requests });
      rows.push({ metric: `no-change sync at ${label} posts · bytes in+out`, value: idle.bytes, unit: 'B', goal: 'equal at both sizes', met: idle100.bytes === idle1000.bytes });
    }

    const pulls: number[] = [];
    const phases: number[] = [];
    const indexing: number[] = [];
    const raws: number[] = [];
    let pulled = 0;
    for (let i = 0; i < RUNS; i++) {
      raws.push(await rawPaging(wp));
      const { core } = await connectedCore(wp);
      // The last page stored: what follows in the same sync (the preview's stylesheet refresh) is not the pull.
      let lastPage = 0;
      const off = core.api.onDidSyncProgress((p) => {
        if (p.phase === 'pull' && p.total !== null && p.done >= p.total) lastPage = performance.now();
      });
      const started = performance.now();
      const result = await core.api.syncNow();
      pulls.push(performance.now() - started);
      phases.push((lastPage || performance.now()) - started);
      off();
      // The pull leaves the search rows to the background (library/search-index.ts); a search finishes them now.
      const searchStarted = performance.now();
      await core.api.search({ text: 'budget', limit: 1 });
      indexing.push(performance.now() - searchStarted);
      pulled = result.pulled;
      closeCores();
    }
    const pull = median(pulls);
    const phase = median(phases);
    const raw = median(raws);
    // The machine is shared: its load says how far apart the two sides' CPU time and wall time are.
    notes.firstPull = { pullsMs: pulls.map(Math.round), pullPhaseMs: phases.map(Math.round), searchIndexMs: indexing.map(Math.round), rawMs: raws.map(Math.round), pulled, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) };
    rows.push({ metric: `first pull of ${pulled} posts (terms + every post, stored)`, value: Math.round(pull), unit: 'ms', baseline: Math.round(raw), baselineLabel: 'plain fetch paging', goal: '≤ 1.2×', met: pull / raw <= 1.2 });
    rows.push({ metric: '  … to the last page stored (without the sync\'s other steps)', value: Math.round(phase), unit: 'ms', baseline: Math.round(raw), baselineLabel: 'plain fetch paging', goal: '≤ 1.2×', met: phase / raw <= 1.2 });
    rows.push({ metric: '  … then its search rows (background; a first search waits)', value: Math.round(median(indexing)), unit: 'ms' });

    const { core, blog } = await connectedCore(wp);
    await core.api.syncNow();
    rows.push(...(await push100(core, blog.id, notes)));
    closeCores();

    await resetWordPress(wp);
    const soak = await runSoak(wp, { operations: SOAK_OPS, seed: SEED });
    closeCores();
    notes.soak = soak;
    const clean = soak.remotePerLocal.missing + soak.remotePerLocal.extra + soak.remotePerLocal.provisionalLeft + soak.contentMismatches + soak.statusMismatches + soak.entriesNotDone;
    rows.push({ metric: `fault soak · ${soak.operations} operations on ${soak.posts} posts`, value: soak.seconds, unit: 's' });
    rows.push({ metric: 'fault soak · requests / faults injected', value: soak.faults.requests, unit: `requests (${soak.faults.requests - soak.faults.pass} faulted)` });
    rows.push({ metric: 'fault soak · violations (missing, extra, mismatched, not done)', value: clean, unit: '', goal: '0', met: clean === 0 });
    rows.push({ metric: 'fault soak · duplicates trashed by the engine / left', value: soak.duplicatesRemoved, unit: `trashed, ${soak.remotePerLocal.extra} left`, goal: '0 left', met: soak.remotePerLocal.extra === 0 });
  } finally {
    closeCores();
    await resetWordPress(wp);
  }
  report('sync', rows, notes);
}

/** Adds posts to the blog (plain REST, 4 at a time: the fixture runs 4 PHP workers). */
export async function seeder(wp: WpEnv): Promise<(count: number) => Promise<void>> {
  const source = loadSourceText();
  const auth = { Authorization: basicAuth(wp), 'Content-Type': 'application/json' };
  const term = async (route: string, name: string) => {
    const res = await fetch(`${wp.restUrl}wp/v2/${route}`, { method: 'POST', headers: auth, body: JSON.stringify({ name }) });
    const body = (await res.json()) as { id?: number; data?: { term_id?: number } };
    return String(body.id ?? body.data?.term_id);
  };
  const categories = await Promise.all(SYNTHETIC_CATEGORIES.map((name) => term('categories', name)));
  const tags: string[] = [];
  for (const name of syntheticTags(source).slice(0, 40)) tags.push(await term('tags', name));
  const posts = syntheticPosts(1000, SEED, source, 'bench', categories, tags);
  return async (count) => {
    const batch = Array.from({ length: count }, () => posts.next().value as Post);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const post = batch[next++]!;
        const res = await fetch(`${wp.restUrl}wp/v2/posts`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            title: post.title, content: post.html, excerpt: post.excerpt, status: STATUS[post.status],
            ...(post.publishedAt ? { date_gmt: new Date(post.publishedAt).toISOString().slice(0, 19) } : {}),
            categories: post.categoryIds.map(Number), tags: post.tagIds.map(Number),
          }),
        });
        if (!res.ok) throw new Error(`seeding: HTTP ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  };
}

/** The baseline: the same pages the first pull asks for, with plain fetch and JSON.parse, nothing stored. */
async function rawPaging(wp: WpEnv): Promise<number> {
  const started = performance.now();
  for (let page = 1; ; page++) {
    const url = `${wp.restUrl}wp/v2/posts?context=edit&status=publish,future,draft,pending,private&page=${page}&per_page=100&orderby=id&order=asc&_fields=${POST_FIELDS}`;
    const res = await fetch(url, { headers: { Authorization: basicAuth(wp) } });
    await res.json();
    if (page >= Number(res.headers.get('x-wp-totalpages'))) return performance.now() - started;
  }
}

/** A synced library, the overlap waited out, one settling sync, then the measured one. */
async function noChangeSync(wp: WpEnv): Promise<{ requests: number; bytes: number }> {
  const { core } = await connectedCore(wp);
  await core.api.syncNow();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await core.api.syncNow();
  const idle = await core.api.syncNow();
  closeCores();
  return { requests: idle.requests, bytes: idle.bytesReceived + idle.bytesSent };
}

async function push100(core: Core, blogId: string, notes: Record<string, unknown>): Promise<BenchRow[]> {
  const random = seeded(SEED + 1);
  for (let i = 0; i < 100; i++) {
    const post = await core.api.createPost({ blogId, title: `Nytt inlägg ${i}`, html: `<p>Stycke ${Math.floor(random() * 1e6)} om budgeten.</p>\n\n<p>Och ett till.</p>` });
    await core.api.requestAction(post.id, 'publish');
  }
  const started = performance.now();
  const result = await core.api.syncNow(undefined, { mode: 'push' });
  const ms = performance.now() - started;
  notes.push100 = result;
  return [
    { metric: 'push of 100 new posts (create draft + publish by update)', value: Math.round(ms), unit: 'ms' },
    { metric: 'push of 100 new posts · requests', value: result.requests, unit: 'requests', goal: '2 per post', met: result.requests === 200 && result.pushed === 100 },
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
