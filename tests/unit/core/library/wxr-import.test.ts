import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Post } from '../../../../electron/common/models.ts';
import { WXR_FIXTURE, freshCore, rejection, stockholm } from './support/core.ts';

const xml = readFileSync(WXR_FIXTURE, 'utf8');

describe('WordPress export (WXR) import', () => {
  test('the fixture: posts with status, dates, terms, excerpts, slugs, formats and attachments as references', async () => {
    const { api } = freshCore();
    const report = await api.importWxr({ path: WXR_FIXTURE });
    expect(report).toMatchObject({ posts: { created: 15, updated: 0 }, terms: { created: 16, updated: 0 }, media: { created: 4, updated: 0 }, skippedCount: 2 });
    expect(report.skipped.map((s) => s.reason)).toEqual(['page (only posts are imported)', 'nav_menu_item (only posts are imported)']);
    const [blog] = await api.listBlogs();
    expect(blog).toMatchObject({ id: report.blogId, url: 'http://kommunbloggen.example', name: 'Kommunbloggen – tankar från en kommunchef' });

    const entries = (await api.listArchive({ statuses: ['draft', 'pending', 'scheduled', 'published', 'private', 'trashed'], limit: 100 })).items;
    const byTitle = new Map<string, Post>();
    for (const entry of entries) byTitle.set(entry.title, await api.getPost(entry.id));
    expect(byTitle.size).toBe(15);
    const terms = await api.listTerms({ blogId: report.blogId });
    const name = (id: string) => terms.find((t) => t.id === id)!.name;
    const post = (title: string) => byTitle.get(title)!;

    const statuses: Record<string, number> = {};
    for (const p of byTitle.values()) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
    expect(statuses).toEqual({ published: 10, draft: 1, pending: 1, scheduled: 1, private: 1, trashed: 1 });
    const sarbarhet = post('Sårbarhet är ingen svaghet');
    expect(sarbarhet).toMatchObject({
      remoteId: 204,
      slug: 'sarbarhet-ar-ingen-svaghet',
      excerpt: 'Om varför sårbarhet hos en chef kan vara en styrka.',
      status: 'published',
      publishedAt: Date.UTC(2010, 8, 24, 10, 10),
      remoteModifiedAt: Date.UTC(2010, 8, 24, 10, 10),
      format: 'quote',
      sticky: true,
      commentStatus: 'open',
      editorState: null,
    });
    expect(sarbarhet.html).toMatch(/^”Det modigaste en chef kan säga är: jag vet inte.”\n\n/);
    expect(sarbarhet.categoryIds.map(name)).toEqual(['Personligt ledarskap']);
    expect(sarbarhet.tagIds.map(name)).toEqual(['sårbarhet']);
    expect(post('Lön som drivkraft?')).toMatchObject({ format: 'video', commentStatus: 'closed' });
    expect(post('Lön som drivkraft?').html).toContain('\nhttps://www.youtube.com/watch?v=dR1vKr4ft3r\n');
    expect(post('Skatteprognosen & budgeten').html).toContain('slutar med tecknen ]]> av någon anledning');
    expect(post('Riktlinjer för sociala medier antagna').tagIds.map(name).toSorted()).toEqual(['facebook', 'klarspråk', 'twitter']);

    // Undated draft: no publish date; filed under the day it was written (Stockholm wall clock in the export).
    expect(post('Utkast: tankar om tillit')).toMatchObject({ status: 'draft', publishedAt: null, slug: '', createdAt: stockholm('2010-11-20T21:05:00') });
    expect(post('Nära – vecka 52')).toMatchObject({ status: 'scheduled', publishedAt: Date.UTC(2030, 11, 24, 8) });
    expect(post('Gammalt inlägg om väder').status).toBe('trashed');
    expect(post('Lönesamtal – mina anteckningar').status).toBe('private');

    // Categories keep their hierarchy even though the export lists a child before its parent.
    const parentOf = (n: string) => terms.find((t) => t.id === terms.find((x) => x.name === n)!.parentId)?.name;
    expect(parentOf('Personligt ledarskap')).toBe('Ledarskap');
    expect(parentOf('Budget')).toBe('Kommunen');
    expect(terms.find((t) => t.name === 'Ledarskap')).toMatchObject({ remoteId: 2, slug: 'ledarskap', description: 'Om att leda och att bli ledd' });
    expect(terms.find((t) => t.slug === 'klarsprak')).toMatchObject({ taxonomy: 'tag', remoteId: null, name: 'klarspråk' });

    // Attachments: the featured image and the images named in the HTML are related to the post.
    const bilder = post('Bilder från medborgardialogen');
    const media = await Promise.all(bilder.mediaIds.map((id) => api.getMedia(id)));
    expect(media.map((m) => m.fileName).toSorted()).toEqual(['medborgardialog-torget.jpg', 'stadshuset-kvall.png']);
    expect((await api.getMedia(bilder.featuredMediaId!)).fileName).toBe('medborgardialog-torget.jpg');
    expect(bilder.publishedAt).toBe(Date.UTC(2010, 8, 30, 22, 30));
    const pdf = (await api.listMedia()).items.find((m) => m.fileName === 'personalenkat-2010.pdf')!;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', sha256: null, width: null });
  });

  test('importing the same export again changes nothing; an edited export updates and keeps the local text as a revision', async () => {
    const { api } = freshCore();
    const first = await api.importWxr({ xml });
    const before = await api.listArchive({ limit: 100 });
    const again = await api.importWxr({ xml });
    expect(again).toMatchObject({ blogId: first.blogId, posts: { created: 0, updated: 0 }, terms: { created: 0, updated: 0 }, media: { created: 0, updated: 0 } });
    expect(await api.listArchive({ limit: 100 })).toEqual(before);

    const edited = xml
      .replace('Sonen fyller år på söndag', 'Dottern fyller år på lördag')
      .replace('<wp:cat_name><![CDATA[Sociala medier]]></wp:cat_name>', '<wp:cat_name><![CDATA[Sociala medier och webb]]></wp:cat_name>');
    const third = await api.importWxr({ xml: edited });
    expect(third).toMatchObject({ posts: { created: 0, updated: 1 }, terms: { created: 0, updated: 1 } });
    const nara = (await api.search({ text: 'dottern lördag' })).items[0]!.post;
    expect(nara.title).toBe('Nära – vecka 36');
    const [revision] = await api.listRevisions(nara.id);
    expect(revision!.reason).toBe('sync');
    expect((await api.getRevision(revision!.id)).html).toContain('Sonen fyller år på söndag');
    expect((await api.listTerms({ blogId: first.blogId })).some((t) => t.name === 'Sociala medier och webb')).toBe(true);
  });

  test('a broken, truncated or foreign file is refused with a clear error and changes nothing', async () => {
    const { api } = freshCore();
    await api.createPost({ title: 'Finns sedan tidigare' });
    const before = await api.listPosts();
    const truncated = await rejection(api.importWxr({ xml: xml.slice(0, Math.floor(xml.length * 0.6)) }));
    expect(truncated.code).toBe('invalid-argument');
    expect(truncated.message).toMatch(/truncated|unterminated/);
    const mismatched = await rejection(api.importWxr({ xml: xml.replace('</wp:post_id>', '</wp:post_parent>') }));
    expect(mismatched.message).toMatch(/line \d+/);
    expect((await rejection(api.importWxr({ xml: '<html><body>Hej</body></html>' }))).message).toMatch(/Not a WordPress export/);
    expect((await rejection(api.importWxr({ path: '/finns/inte/export.xml' }))).code).toBe('not-found');
    // An item that fails mid-import (here: an unknown blog to import into) rolls everything back.
    expect((await rejection(api.importWxr({ xml, blogId: 'okand-blogg' }))).code).toBe('not-found');
    expect(await api.listPosts()).toEqual(before);
    expect(await api.listBlogs()).toEqual([]);
    expect(await api.listTerms()).toEqual([]);
  });

  test('entities are never expanded from a DOCTYPE (no XXE, no billion laughs)', async () => {
    const { api } = freshCore();
    const evil = xml.replace(
      '<rss version="2.0"',
      '<!DOCTYPE rss [ <!ENTITY lol "lol"> <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<rss version="2.0"',
    ).replace('<title>Tack för i år!</title>', '<title>&xxe;&lol;</title>');
    await api.importWxr({ xml: evil });
    const titles = (await api.listArchive({ limit: 100 })).items.map((p) => p.title);
    expect(titles).toContain('&xxe;&lol;');
  });
});
