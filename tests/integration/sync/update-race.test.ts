// The update race against the real WordPress: a web edit saved between the engine's read of the post and its
// update (injected by a fetch hook just before the update leaves) would be overwritten, since WordPress has no
// If-Match. The engine finds it in the post's revisions afterwards, puts it back and merges again: apart → both
// edits on both sides; overlapping → a conflict with both versions kept. Without revisions it degrades to the
// old behaviour and says nothing is verified (the sync still succeeds).
import { describe, expect, test } from 'vitest';
import type { Core } from '../../../electron/core/core.ts';
import { connectedCore, sleep, syncClean, TICK_MS, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

const BODY = ['<p>Måndag: ledningsgruppen.</p>', '<p>Onsdag: rådslaget i aulan.</p>', '<p>Fredag: budgetmöte.</p>'].join('\n\n');

interface Hook {
  /** Runs once, just before the next update (POST to an existing post) leaves. */
  beforeUpdate: ((postId: string) => Promise<void>) | null;
  /** Answers revision requests with this status instead of asking WordPress. */
  revisionsStatus: number | null;
}

function hookedFetch(hook: Hook): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (hook.revisionsStatus !== null && /\/wp\/v2\/posts\/\d+\/revisions/.test(url)) {
      return new Response(JSON.stringify({ code: 'rest_no_route', message: 'No route', data: { status: hook.revisionsStatus } }), { status: hook.revisionsStatus, headers: { 'Content-Type': 'application/json' } });
    }
    const update = init?.method === 'POST' ? /\/wp\/v2\/posts\/(\d+)(?:\?|$)/.exec(url) : null;
    if (update && hook.beforeUpdate) {
      const run = hook.beforeUpdate;
      hook.beforeUpdate = null;
      await run(update[1]!);
    }
    return fetch(input, init);
  };
}

async function published(hook: Hook): Promise<{ core: Core; postId: string; remoteId: string }> {
  const { core, blog } = await connectedCore(wp(), { sync: { fetch: hookedFetch(hook) } });
  const post = await core.api.createPost({ blogId: blog.id, title: 'Veckan', html: BODY });
  await core.api.requestAction(post.id, 'publish');
  await syncClean(core);
  await sleep(TICK_MS);
  return { core, postId: post.id, remoteId: String((await core.api.getPost(post.id)).remoteId) };
}

describe('a web edit slipping in between the read and the update', () => {
  test('edits of different paragraphs: found in the revisions, put back and merged — both sides end with both', async () => {
    const hook: Hook = { beforeUpdate: null, revisionsStatus: null };
    const { core, postId, remoteId } = await published(hook);
    const site = web(wp());
    hook.beforeUpdate = async (id) => {
      await site.updatePost(id, { content: BODY.replace('Måndag: ledningsgruppen.', 'Måndag: ledningsgruppen (webben).') });
    };
    await core.api.savePost(postId, { html: BODY.replace('Fredag: budgetmöte.', 'Fredag: budgetmöte (här).') });
    await core.api.requestAction(postId, 'update');
    expect(await syncClean(core, { mode: 'push' })).toMatchObject({ conflicts: 0 });
    expect(hook.beforeUpdate).toBeNull();
    const both = BODY.replace('Måndag: ledningsgruppen.', 'Måndag: ledningsgruppen (webben).').replace('Fredag: budgetmöte.', 'Fredag: budgetmöte (här).');
    expect((await site.getPost(remoteId))!.content).toBe(both);
    expect((await core.api.getPost(postId)).html).toBe(both);
  });

  test('edits of the same paragraph: a conflict with both versions kept; the blog shows the web edit again', async () => {
    const hook: Hook = { beforeUpdate: null, revisionsStatus: null };
    const { core, postId, remoteId } = await published(hook);
    const site = web(wp());
    const theirs = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: rådslaget flyttat till biblioteket.');
    const mine = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: rådslaget, hundra deltagare.');
    hook.beforeUpdate = async (id) => {
      await site.updatePost(id, { content: theirs });
    };
    await core.api.savePost(postId, { html: mine });
    await core.api.requestAction(postId, 'update');
    expect(await core.api.syncNow(undefined, { mode: 'push' })).toMatchObject({ conflicts: 1, pushed: 0 });
    expect((await site.getPost(remoteId))!.content).toBe(theirs);
    expect((await core.api.getPost(postId)).html).toBe(mine);
    const conflict = await core.api.getConflict(postId);
    const clash = conflict.blocks.filter((b) => b.change === 'both');
    expect(clash).toHaveLength(1);
    expect(clash[0]).toMatchObject({ mine: expect.stringContaining('hundra'), theirs: expect.stringContaining('biblioteket') });
    // The writer keeps theirs: the blog and the library agree on it.
    await core.api.resolveConflict(postId, { kind: 'theirs' });
    await syncClean(core);
    expect((await core.api.getPost(postId)).html).toBe(theirs);
    expect((await site.getPost(remoteId))!.content).toBe(theirs);
  });

  test('revisions unavailable: the update goes through unverified, as before; the sync does not fail', async () => {
    const hook: Hook = { beforeUpdate: null, revisionsStatus: 404 };
    const { core, postId, remoteId } = await published(hook);
    const mine = BODY.replace('Fredag', 'Fredag (här)');
    await core.api.savePost(postId, { html: mine });
    await core.api.requestAction(postId, 'update');
    expect(await syncClean(core, { mode: 'push' })).toMatchObject({ pushed: 1, conflicts: 0, failed: 0 });
    expect((await web(wp()).getPost(remoteId))!.content).toBe(mine);
  });
});
