// The exactly-once soak: random publishes, updates and status changes of many posts, synced through the
// fault-injecting proxy (dropped answers, resets, stalls past the deadline, 500 after the commit, 429), then
// checked against the blog directly: exactly one remote post per local post, the same text on both sides, and
// every outbox entry done. Used by soak.test.ts (≥ 200 operations) and bench/sync.bench.ts (≥ 1,000).
import type { PostAction, SyncReport } from '../../../electron/common/api/sync.ts';
import { isProvisionalSlug } from '../../../electron/core/sync/engine/fields.ts';
import { type FaultMode, startFaultProxy, seededRandom } from '../support/fault-proxy.ts';
import type { WpEnv } from '../wp-fixture.ts';
import { allRemote, connectedCore, redirectedFetch, web } from './support.ts';

export interface SoakSummary {
  readonly operations: number;
  readonly posts: number;
  readonly syncs: number;
  readonly seconds: number;
  readonly requests: number;
  readonly faults: Record<FaultMode, number> & { requests: number; upstream: number };
  readonly duplicatesRemoved: number;
  /** Checks: each must be 0 / true. */
  readonly remotePerLocal: { readonly missing: number; readonly extra: number; readonly provisionalLeft: number };
  readonly contentMismatches: number;
  readonly statusMismatches: number;
  readonly entriesNotDone: number;
  readonly trashedDuplicates: number;
}

const STATUS: Record<string, string> = { published: 'publish', scheduled: 'future', draft: 'draft', private: 'private' };

export async function runSoak(wp: WpEnv, options: { operations: number; seed: number; syncEvery?: number }): Promise<SoakSummary> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const proxy = await startFaultProxy({
    target: wp.url,
    seed: options.seed,
    // Stalls and 429s cost wall time (a deadline, a Retry-After), so they are drawn a little less often.
    weights: { pass: 12, drop: 1, reset: 1, stall: 0.6, http500: 1, http429: 0.6 },
    retryAfterSeconds: 1,
    maxStallMs: 10_000,
  });
  const viaProxy = redirectedFetch(wp.url, proxy.url);
  const { core, blog } = await connectedCore(wp, {
    sync: { fetch: viaProxy, timeoutMs: 1_500, maxInlineWaitMs: 5_000, backoff: { baseMs: 50, maxDelayMs: 1_000, maxAttempts: 40, maxRetryAfterMs: 5_000 } },
  });
  proxy.setMode('random');
  const api = core.api;
  const posts: string[] = [];
  const entries = new Set<number>();
  const reports: SyncReport[] = [];
  const future = Date.UTC(new Date().getUTCFullYear() + 3, 0, 1, 12, 0, 0);
  try {
    for (let op = 0; op < options.operations; op++) {
      const r = random();
      let postId: string;
      let action: PostAction;
      if (posts.length === 0 || r < 0.3) {
        const post = await api.createPost({ blogId: blog.id, title: `Soak ${op}: åäö`, html: `<p>Inlägg ${op}, första stycket.</p>\n\n<p>Andra stycket.</p>` });
        posts.push(post.id);
        postId = post.id;
        action = 'publish';
      } else {
        postId = posts[Math.floor(random() * posts.length)]!;
        const local = await api.getPost(postId);
        if (r < 0.85) {
          await api.savePost(postId, { html: `${local.html}\n\n<p>Tillägg ${op}.</p>` });
          action = 'update';
        } else {
          const actions: PostAction[] = ['make-private', 'unpublish', 'publish', 'schedule'];
          action = actions[Math.floor(random() * actions.length)]!;
        }
      }
      entries.add((await api.requestAction(postId, action, action === 'schedule' ? { at: future } : {})).id);
      if ((op + 1) % (options.syncEvery ?? 10) === 0) reports.push(await api.syncNow());
    }
    // The network heals; whatever is still queued goes through.
    proxy.setMode('pass');
    for (let i = 0; i < 10 && (await api.listOutbox()).length > 0; i++) reports.push(await api.syncNow());
    reports.push(await api.syncNow());

    const site = web(wp);
    const remote = await allRemote(site);
    const byId = new Map(remote.map((p) => [p.id, p]));
    let missing = 0;
    let contentMismatches = 0;
    let statusMismatches = 0;
    const claimed = new Set<string>();
    for (const id of posts) {
      const local = await api.getPost(id);
      const there = local.remoteId === null ? undefined : byId.get(String(local.remoteId));
      if (!there) {
        missing++;
        continue;
      }
      claimed.add(there.id);
      if (there.content !== local.html || there.title !== local.title) contentMismatches++;
      if (STATUS[local.status] !== there.status) statusMismatches++;
    }
    const outbox = await api.listOutbox(undefined, { includeDone: true });
    const done = new Set(outbox.filter((e) => e.state === 'done').map((e) => e.id));
    const trash = await site.listPosts({ page: 1, perPage: 100, statuses: ['trash'] });
    return {
      operations: options.operations,
      posts: posts.length,
      syncs: reports.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      requests: reports.reduce((n, rep) => n + rep.requests, 0),
      faults: { ...proxy.counters },
      duplicatesRemoved: reports.reduce((n, rep) => n + rep.duplicatesRemoved, 0),
      remotePerLocal: {
        missing,
        extra: remote.filter((p) => !claimed.has(p.id)).length,
        provisionalLeft: remote.filter((p) => isProvisionalSlug(p.slug)).length,
      },
      contentMismatches,
      statusMismatches,
      entriesNotDone: [...entries].filter((id) => !done.has(id)).length + outbox.filter((e) => e.state !== 'done').length,
      trashedDuplicates: (trash.total ?? 0),
    };
  } finally {
    await proxy.close();
  }
}
