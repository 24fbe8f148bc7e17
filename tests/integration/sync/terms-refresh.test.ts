// Categories and tags changed on the web after the first pull (renamed, re-parented, deleted) reach the library
// with the sweep — a term's change moves no post's modified time — while the no-change sync stays one request.
// A deleted term that a post not yet on the blog still uses is kept (as a term made here), never deleted.
import { expect, test } from 'vitest';
import { basicAuth } from '../wp-fixture.ts';
import { connectedCore, syncClean, useWordPressFixture, web, webPost } from './support.ts';

const wp = useWordPressFixture();

/** wp-admin's term screens, through REST. */
async function termRequest(method: 'POST' | 'DELETE', route: string, body?: object): Promise<void> {
  const env = wp();
  const res = await fetch(`${env.restUrl}wp/v2/${route}`, {
    method,
    headers: { Authorization: basicAuth(env), 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status} ${await res.text()}`);
}

test('renames, new parents and deletions of terms on the web reach the library with the sweep', async () => {
  const site = web(wp());
  const skola = (await site.createTerm('category', 'Skola')).term;
  const forskola = (await site.createTerm('category', 'Förskola', skola.id)).term;
  const budget = (await site.createTerm('tag', 'budget')).term;
  const lokal = (await site.createTerm('tag', 'lokal')).term;
  await webPost(site, { title: 'Om förskolan', content: '<p>Nya platser.</p>', categories: [forskola.id], tags: [budget.id] });

  const { core, blog } = await connectedCore(wp());
  await syncClean(core);
  const terms = async () => new Map((await core.api.listTerms({ blogId: blog.id })).map((t) => [t.name, t]));
  const before = await terms();
  expect(before.get('Förskola')?.parentId).toBe(before.get('Skola')?.id);
  // A draft here, never pushed, tagged with the web's "lokal".
  const draft = await core.api.createPost({ blogId: blog.id, title: 'Utkast', html: '<p>Text.</p>' });
  await core.api.savePost(draft.id, { tagIds: [before.get('lokal')!.id] });

  await termRequest('POST', `categories/${skola.id}`, { name: 'Skolan', slug: 'skolan' });
  await termRequest('POST', `categories/${forskola.id}`, { parent: 0 });
  await termRequest('DELETE', `tags/${budget.id}?force=true`);
  await termRequest('DELETE', `tags/${lokal.id}?force=true`);

  // The ordinary sync does not look (it stays one request when no post changed) …
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  await syncClean(core);
  expect((await syncClean(core)).requests).toBe(1);
  expect((await terms()).has('Skola')).toBe(true);

  // … the sweep does.
  await syncClean(core, { mode: 'pull', sweep: true });
  const after = await terms();
  expect(after.get('Skolan')).toMatchObject({ id: before.get('Skola')!.id, slug: 'skolan', remoteId: Number(skola.id) });
  expect(after.get('Förskola')).toMatchObject({ id: before.get('Förskola')!.id, parentId: null });
  // Deleted on the web, used only by a post in step with the blog: gone here too, and that post is not "changed here".
  expect(after.has('budget')).toBe(false);
  const pulled = (await core.api.listArchive({ blogId: blog.id })).items.find((p) => p.title === 'Om förskolan')!;
  expect((await core.api.getPost(pulled.id)).tagIds).toEqual([]);
  expect((await core.api.getPostSyncStates([pulled.id]))[0]).toMatchObject({ state: 'synced', changedHere: false });
  // Deleted on the web but used by the unpushed draft: kept, as a term made here (the draft's push makes it again).
  expect(after.get('lokal')).toMatchObject({ id: before.get('lokal')!.id, remoteId: null });
  expect((await core.api.getPost(draft.id)).tagIds).toEqual([before.get('lokal')!.id]);
  await core.api.requestAction(draft.id, 'publish');
  await syncClean(core, { mode: 'push' });
  const remoteDraft = (await site.getPost(String((await core.api.getPost(draft.id)).remoteId)))!;
  expect((await site.listTerms('tag')).filter((t) => remoteDraft.tags.includes(t.id)).map((t) => t.name)).toEqual(['lokal']);
});
