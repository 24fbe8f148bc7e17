// Never overwrite a web edit: a post edited here and on the blog (through REST, as wp-admin would) merges when
// the edits touch different blocks and becomes a conflict when they overlap; each resolution then reaches the blog.
import { describe, expect, test } from 'vitest';
import type { Core } from '../../../electron/core/core.ts';
import type { WordPressAdapter } from '../../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { connectedCore, sleep, syncClean, TICK_MS, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

const BODY = [
  '<!-- wp:paragraph -->\n<p>Måndag: ledningsgruppen.</p>\n<!-- /wp:paragraph -->',
  '<!-- wp:paragraph -->\n<p>Onsdag: rådslaget i aulan.</p>\n<!-- /wp:paragraph -->',
  '<!-- wp:paragraph -->\n<p>Fredag: budgetmöte.</p>\n<!-- /wp:paragraph -->',
].join('\n\n');

/** A published post known to both sides, and the web's view of it. */
async function published(): Promise<{ core: Core; postId: string; remoteId: string; blog: WordPressAdapter }> {
  const { core, blog: local } = await connectedCore(wp());
  const post = await core.api.createPost({ blogId: local.id, title: 'Nära – vecka 37', html: BODY });
  await core.api.requestAction(post.id, 'publish');
  await syncClean(core);
  await sleep(TICK_MS);
  return { core, postId: post.id, remoteId: String((await core.api.getPost(post.id)).remoteId), blog: web(wp()) };
}

describe('conflicts', () => {
  test('edits of different blocks, one here and one on the web, merge on update: both sides keep both', async () => {
    const { core, postId, remoteId, blog } = await published();
    await blog.updatePost(remoteId, { content: BODY.replace('Måndag: ledningsgruppen.', 'Måndag: ledningsgruppen, kort möte.') });
    await core.api.savePost(postId, { html: BODY.replace('Fredag: budgetmöte.', 'Fredag: budgetmöte med facket.') });
    await core.api.requestAction(postId, 'update');
    const report = await syncClean(core, { mode: 'push' });
    expect(report).toMatchObject({ pushed: 1, conflicts: 0 });
    const expected = BODY.replace('Måndag: ledningsgruppen.', 'Måndag: ledningsgruppen, kort möte.').replace('Fredag: budgetmöte.', 'Fredag: budgetmöte med facket.');
    expect((await blog.getPost(remoteId))!.content).toBe(expected);
    expect((await core.api.getPost(postId)).html).toBe(expected);
  });

  test('a web edit and an unpushed local edit of different blocks merge on pull; the local edit stays queued for the user', async () => {
    const { core, postId, remoteId, blog } = await published();
    await blog.updatePost(remoteId, { title: 'Nära – vecka 37 (rättad)' });
    await core.api.savePost(postId, { html: BODY.replace('Onsdag', 'Onsdag kväll') });
    await syncClean(core);
    const post = await core.api.getPost(postId);
    expect(post).toMatchObject({ title: 'Nära – vecka 37 (rättad)', html: BODY.replace('Onsdag', 'Onsdag kväll') });
    expect((await core.api.getPostSyncStates([postId]))[0]).toMatchObject({ state: 'synced', changedHere: true });
    expect((await blog.getPost(remoteId))!.content).toBe(BODY);
  });

  test('overlapping edits become a conflict with base, mine and theirs kept; nothing is overwritten on either side', async () => {
    const { core, postId, remoteId, blog } = await published();
    const theirs = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: rådslaget flyttat till biblioteket.');
    const mine = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: rådslaget, hundra deltagare.');
    await blog.updatePost(remoteId, { content: theirs });
    await core.api.savePost(postId, { html: mine });
    await core.api.requestAction(postId, 'update');
    const report = await core.api.syncNow(undefined, { mode: 'push' });
    expect(report).toMatchObject({ pushed: 0, conflicts: 1 });
    expect((await blog.getPost(remoteId))!.content).toBe(theirs);
    expect((await core.api.getPost(postId)).html).toBe(mine);
    expect(await core.api.listConflicts()).toMatchObject([{ postId, conflictingBlocks: 1 }]);
    const conflict = await core.api.getConflict(postId);
    expect(conflict.conflictingFields).toEqual(['content']);
    const both = conflict.blocks.filter((b) => b.change === 'both');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ base: expect.stringContaining('i aulan'), mine: expect.stringContaining('hundra'), theirs: expect.stringContaining('biblioteket') });
    expect((await core.api.getPostSyncStates([postId]))[0]!.state).toBe('conflict');
    expect((await core.api.listOutbox())[0]).toMatchObject({ state: 'pending', error: expect.stringContaining('conflict') });
    // A second sync leaves it alone.
    expect(await core.api.syncNow()).toMatchObject({ pushed: 0 });
    expect((await blog.getPost(remoteId))!.content).toBe(theirs);
  });

  for (const kind of ['mine', 'theirs', 'merged'] as const) {
    test(`resolution "${kind}" reaches the blog and both sides agree afterwards`, async () => {
      const { core, postId, remoteId, blog } = await published();
      const theirs = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: WEBB.').replace('Måndag', 'Måndag (webb)');
      const mine = BODY.replace('Onsdag: rådslaget i aulan.', 'Onsdag: LOKALT.').replace('Fredag', 'Fredag (lokalt)');
      await blog.updatePost(remoteId, { content: theirs });
      await core.api.savePost(postId, { html: mine });
      await core.api.requestAction(postId, 'update');
      await core.api.syncNow();
      const conflict = await core.api.getConflict(postId);
      const resolution =
        kind === 'merged'
          ? { kind, choices: conflict.blocks.map((b) => (b.change === 'theirs' ? ('theirs' as const) : ('mine' as const))) }
          : { kind };
      const resolved = await core.api.resolveConflict(postId, resolution);
      const expected = { mine, theirs, merged: mine.replace('Måndag', 'Måndag (webb)') }[kind];
      expect(resolved.html).toBe(expected);
      expect(await core.api.listConflicts()).toEqual([]);
      expect((await core.api.listRevisions(postId)).length).toBeGreaterThan(0);
      await syncClean(core);
      expect((await blog.getPost(remoteId))!.content).toBe(expected);
      expect((await core.api.getPost(postId)).html).toBe(expected);
      expect((await core.api.getPostSyncStates([postId]))[0]).toMatchObject({ state: 'synced' });
      expect((await core.api.listOutbox()).length).toBe(0);
    });
  }
});
