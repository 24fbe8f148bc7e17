// Random local and web edits of one post, interleaved with syncs, many times, against the real WordPress.
// Every edit carries a unique marker. The property: a marker only ever disappears when the user, shown it in a
// conflict, chose a version without it. Nothing is lost silently; at the end both sides hold the same text.
import { expect, test } from 'vitest';
import type { Core } from '../../../electron/core/core.ts';
import { seededRandom } from '../support/fault-proxy.ts';
import { connectedCore, syncClean, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

const ROUNDS = Number(process.env.LONGHAND_INTERLEAVE_ROUNDS ?? 60);
const markers = (text: string): string[] => [...text.matchAll(/\[(?:L|W)\d+\]/g)].map((m) => m[0]);

/** Appends a marker to a random paragraph, or inserts a new paragraph carrying it. */
function edit(html: string, marker: string, random: () => number): string {
  const paragraphs = html.split('\n\n');
  const at = Math.floor(random() * paragraphs.length);
  if (random() < 0.25) paragraphs.splice(at, 0, `<p>Nytt stycke ${marker}</p>`);
  else paragraphs[at] = paragraphs[at]!.replace('</p>', ` ${marker}</p>`);
  return paragraphs.join('\n\n');
}

async function resolveAll(core: Core, random: () => number, discarded: Set<string>): Promise<number> {
  const conflicts = await core.api.listConflicts();
  for (const { postId } of conflicts) {
    const view = await core.api.getConflict(postId);
    const shown = new Set(view.blocks.flatMap((b) => [...markers(b.mine ?? ''), ...markers(b.theirs ?? '')]));
    const r = random();
    const kind = r < 0.4 ? ('mine' as const) : r < 0.6 ? ('theirs' as const) : ('merged' as const);
    const resolution =
      kind === 'merged'
        ? { kind, choices: view.blocks.map((b) => (b.change === 'theirs' ? ('theirs' as const) : b.change === 'both' ? (random() < 0.5 ? 'mine' : 'theirs') : ('mine' as const))) }
        : { kind };
    const result = await core.api.resolveConflict(postId, resolution);
    const kept = new Set(markers(result.html));
    // What the user chose away had been shown to them: that, and only that, may go.
    for (const m of shown) if (!kept.has(m)) discarded.add(m);
  }
  return conflicts.length;
}

test(`${ROUNDS} rounds of random local and web edits: no edit is ever silently lost`, { timeout: 300_000 }, async () => {
  const random = seededRandom(Number(process.env.LONGHAND_INTERLEAVE_SEED ?? 2010));
  const { core, blog } = await connectedCore(wp());
  const site = web(wp());
  const html = Array.from({ length: 6 }, (_, i) => `<p>Stycke ${i + 1} om kommunens budget.</p>`).join('\n\n');
  const post = await core.api.createPost({ blogId: blog.id, title: 'Veckobrev', html });
  await core.api.requestAction(post.id, 'publish');
  await syncClean(core);
  const remoteId = String((await core.api.getPost(post.id)).remoteId);

  const made: string[] = [];
  const discarded = new Set<string>();
  let next = 0;
  let conflicts = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let op = 1 + Math.floor(random() * 3); op > 0; op--) {
      const r = random();
      if (r < 0.4) {
        const marker = `[L${next++}]`;
        made.push(marker);
        const local = await core.api.getPost(post.id);
        await core.api.savePost(post.id, { html: edit(local.html, marker, random) });
        if (random() < 0.6) await core.api.requestAction(post.id, 'update');
      } else if (r < 0.8) {
        const marker = `[W${next++}]`;
        made.push(marker);
        const remote = (await site.getPost(remoteId))!;
        await site.updatePost(remoteId, { content: edit(remote.content, marker, random) });
      } else {
        await core.api.syncNow();
      }
    }
    if (random() < 0.5) {
      await core.api.syncNow();
      conflicts += await resolveAll(core, random, discarded);
    }
  }
  // Settle: resolve what is left, send the local text, pull the web's.
  for (let i = 0; i < 5; i++) {
    conflicts += await resolveAll(core, random, discarded);
    const states = await core.api.getPostSyncStates([post.id]);
    if (states[0]!.changedHere) await core.api.requestAction(post.id, 'update').catch(() => undefined);
    await syncClean(core);
  }
  const local = await core.api.getPost(post.id);
  const remote = (await site.getPost(remoteId))!;
  expect(remote.content).toBe(local.html);
  const final = new Set(markers(local.html));
  const lost = made.filter((m) => !final.has(m) && !discarded.has(m));
  expect(lost).toEqual([]);
  expect(await core.api.listConflicts()).toEqual([]);
  console.log(`[interleave] ${ROUNDS} rounds, ${made.length} edits, ${conflicts} conflicts resolved, ${discarded.size} markers chosen away by the user, ${final.size} in the final text`);
  expect(conflicts).toBeGreaterThan(0);
});
