// Metadata three-way against the real WordPress: title, slug and tags edited here and on the web (as wp-admin
// would, through REST). One side changed → it wins; tags merge as sets; titles changed differently on both
// sides are a conflict that keeps both, and the writer's choice reaches the blog.
import { describe, expect, test } from 'vitest';
import type { Core } from '../../../electron/core/core.ts';
import type { WordPressAdapter } from '../../../electron/core/sync/wordpress/wp-rest-adapter.ts';
import { connectedCore, sleep, syncClean, TICK_MS, useWordPressFixture, web } from './support.ts';

const wp = useWordPressFixture();

/** A published post with one tag, known to both sides. */
async function published(): Promise<{ core: Core; blogId: string; postId: string; remoteId: string; site: WordPressAdapter }> {
  const { core, blog } = await connectedCore(wp());
  const tag = await core.api.createTerm({ blogId: blog.id, taxonomy: 'tag', name: 'budget' });
  const post = await core.api.createPost({ blogId: blog.id, title: 'Veckobrev 12', html: '<p>Om budgeten.</p>' });
  await core.api.savePost(post.id, { tagIds: [tag.id] });
  await core.api.requestAction(post.id, 'publish');
  await syncClean(core);
  await sleep(TICK_MS);
  return { core, blogId: blog.id, postId: post.id, remoteId: String((await core.api.getPost(post.id)).remoteId), site: web(wp()) };
}

async function tagNames(core: Core, blogId: string, ids: readonly string[]): Promise<string[]> {
  return (await core.api.listTerms({ blogId, taxonomy: 'tag' })).filter((t) => ids.includes(t.id)).map((t) => t.name).toSorted();
}

describe('metadata conflicts', () => {
  test('a title changed here and tags changed on the web merge on update: both reach both sides', async () => {
    const { core, blogId, postId, remoteId, site } = await published();
    const { term } = await site.createTerm('tag', 'skola');
    await site.updatePost(remoteId, { tags: [...(await site.getPost(remoteId))!.tags, term.id] });
    await core.api.savePost(postId, { title: 'Veckobrev 12 – rättad' });
    await core.api.requestAction(postId, 'update');
    expect(await syncClean(core)).toMatchObject({ conflicts: 0 });
    const remote = (await site.getPost(remoteId))!;
    const local = await core.api.getPost(postId);
    expect(remote.title).toBe('Veckobrev 12 – rättad');
    expect(local.title).toBe('Veckobrev 12 – rättad');
    expect(await tagNames(core, blogId, local.tagIds)).toEqual(['budget', 'skola']);
    expect((await site.listTerms('tag')).filter((t) => remote.tags.includes(t.id)).map((t) => t.name).toSorted()).toEqual(['budget', 'skola']);
  });

  test('tags added and removed on both sides merge as sets; no conflict', async () => {
    const { core, blogId, postId, remoteId, site } = await published();
    const { term: web1 } = await site.createTerm('tag', 'webbtagg');
    await site.updatePost(remoteId, { tags: [web1.id] }); // the web removed "budget" and added its own
    const mine = await core.api.createTerm({ blogId, taxonomy: 'tag', name: 'lokal tagg' });
    await core.api.savePost(postId, { tagIds: [...(await core.api.getPost(postId)).tagIds, mine.id] });
    await core.api.requestAction(postId, 'update');
    expect(await syncClean(core)).toMatchObject({ conflicts: 0 });
    const local = await core.api.getPost(postId);
    expect(await tagNames(core, blogId, local.tagIds)).toEqual(['lokal tagg', 'webbtagg']);
    const remoteTags = (await site.getPost(remoteId))!.tags;
    expect((await site.listTerms('tag')).filter((t) => remoteTags.includes(t.id)).map((t) => t.name).toSorted()).toEqual(['lokal tagg', 'webbtagg']);
  });

  test('titles changed differently on both sides: a conflict keeping both; the chosen title reaches the blog', async () => {
    const { core, postId, remoteId, site } = await published();
    await site.updatePost(remoteId, { title: 'Veckobrev 12 (webben)' });
    await core.api.savePost(postId, { title: 'Veckobrev 12 (här)' });
    await core.api.requestAction(postId, 'update');
    expect(await core.api.syncNow()).toMatchObject({ conflicts: 1, pushed: 0 });
    expect((await site.getPost(remoteId))!.title).toBe('Veckobrev 12 (webben)');
    expect((await core.api.getPost(postId)).title).toBe('Veckobrev 12 (här)');
    const conflict = await core.api.getConflict(postId);
    expect(conflict.conflictingFields).toEqual(['title']);
    expect(conflict.title).toEqual({ base: 'Veckobrev 12', mine: 'Veckobrev 12 (här)', theirs: 'Veckobrev 12 (webben)' });
    const resolved = await core.api.resolveConflict(postId, { kind: 'merged', choices: conflict.blocks.map(() => 'mine' as const), title: 'Veckobrev 12 (webben)' });
    expect(resolved.title).toBe('Veckobrev 12 (webben)');
    await syncClean(core);
    expect((await site.getPost(remoteId))!.title).toBe('Veckobrev 12 (webben)');
    expect(await core.api.listConflicts()).toEqual([]);
  });

  test('slugs changed differently on both sides are a conflict too; one side only → that side', async () => {
    const { core, postId, remoteId, site } = await published();
    await site.updatePost(remoteId, { slug: 'veckobrev-webben' });
    await syncClean(core, { mode: 'pull' });
    expect((await core.api.getPost(postId)).slug).toBe('veckobrev-webben');
    await sleep(TICK_MS);
    await site.updatePost(remoteId, { slug: 'andra-webben' });
    await core.api.savePost(postId, { slug: 'andra-har' });
    await core.api.requestAction(postId, 'update');
    expect(await core.api.syncNow()).toMatchObject({ conflicts: 1 });
    const conflict = await core.api.getConflict(postId);
    expect(conflict.conflictingFields).toEqual(['slug']);
    expect(conflict.slug).toEqual({ base: 'veckobrev-webben', mine: 'andra-har', theirs: 'andra-webben' });
    expect((await site.getPost(remoteId))!.slug).toBe('andra-webben');
  });
});
