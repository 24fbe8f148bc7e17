// Random local and web edits of one post — its body, its title and its tags — interleaved with syncs, many
// times, against the real WordPress. Every edit carries a unique marker (a new tag is named after its marker).
// The property: a marker only ever disappears when the user, shown it in a conflict, chose a version without
// it. Nothing is lost silently; at the end both sides hold the same text, title and tags.
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
    if (view.conflictingFields.includes('title')) for (const m of [...markers(view.title.mine), ...markers(view.title.theirs)]) shown.add(m);
    const r = random();
    const kind = r < 0.4 ? ('mine' as const) : r < 0.6 ? ('theirs' as const) : ('merged' as const);
    const resolution =
      kind === 'merged'
        ? { kind, choices: view.blocks.map((b) => (b.change === 'theirs' ? ('theirs' as const) : b.change === 'both' ? (random() < 0.5 ? 'mine' : 'theirs') : ('mine' as const))) }
        : { kind };
    const result = await core.api.resolveConflict(postId, resolution);
    const kept = new Set(markers(`${result.title} ${result.html}`));
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
  const tagsMade: string[] = [];
  const discarded = new Set<string>();
  let next = 0;
  let conflicts = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let op = 1 + Math.floor(random() * 3); op > 0; op--) {
      const r = random();
      if (r < 0.08) {
        const marker = `[L${next++}]`;
        made.push(marker);
        await core.api.savePost(post.id, { title: `${(await core.api.getPost(post.id)).title} ${marker}` });
      } else if (r < 0.16) {
        const marker = `[W${next++}]`;
        made.push(marker);
        await site.updatePost(remoteId, { title: `${(await site.getPost(remoteId))!.title} ${marker}` });
      } else if (r < 0.22) {
        // Tags merge as sets: a tag added on either side is never a conflict and never lost.
        const marker = `[L${next++}]`;
        tagsMade.push(marker);
        const tag = await core.api.createTerm({ blogId: blog.id, taxonomy: 'tag', name: marker });
        await core.api.savePost(post.id, { tagIds: [...(await core.api.getPost(post.id)).tagIds, tag.id] });
      } else if (r < 0.28) {
        const marker = `[W${next++}]`;
        tagsMade.push(marker);
        const { term } = await site.createTerm('tag', marker);
        await site.updatePost(remoteId, { tags: [...(await site.getPost(remoteId))!.tags, term.id] });
      } else if (r < 0.6) {
        const marker = `[L${next++}]`;
        made.push(marker);
        const local = await core.api.getPost(post.id);
        await core.api.savePost(post.id, { html: edit(local.html, marker, random) });
        if (random() < 0.6) await core.api.requestAction(post.id, 'update');
      } else if (r < 0.85) {
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
  expect(remote.title).toBe(local.title);
  const final = new Set(markers(`${local.title} ${local.html}`));
  const lost = made.filter((m) => !final.has(m) && !discarded.has(m));
  expect(lost).toEqual([]);
  const tagNames = async (ids: readonly string[], onBlog: boolean) => {
    const terms = onBlog ? await site.listTerms('tag') : await core.api.listTerms({ blogId: blog.id, taxonomy: 'tag' });
    return terms.filter((t) => ids.includes(t.id)).map((t) => t.name).toSorted();
  };
  const localTags = await tagNames(local.tagIds, false);
  expect(await tagNames(remote.tags, true)).toEqual(localTags);
  expect(localTags).toEqual(tagsMade.toSorted());
  expect(await core.api.listConflicts()).toEqual([]);
  console.log(`[interleave] ${ROUNDS} rounds, ${made.length} text and title edits, ${tagsMade.length} tags added, ${conflicts} conflicts resolved, ${discarded.size} markers chosen away by the user, ${final.size} in the final text`);
  expect(conflicts).toBeGreaterThan(0);
});
