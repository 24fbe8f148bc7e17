import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ArchiveEntry, ArchiveQuery } from '../../../../electron/common/api/library.ts';
import { createStores } from '../../../../electron/core/core.ts';
import { archiveSql } from '../../../../electron/core/library/archive.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { WXR_FIXTURE, everything, freshCore, stockholm, tempDir } from './support/core.ts';

describe('archive views', () => {
  test('counts by year and month, in the blog’s wall-clock months, trashed posts left out', async () => {
    const { api } = freshCore();
    await api.importWxr({ path: WXR_FIXTURE });
    const counts = await api.archiveCounts();
    expect(counts.total).toBe(14);
    expect(counts.years).toEqual([
      { year: 2030, count: 1, months: [{ month: 12, count: 1 }] },
      { year: 2011, count: 2, months: [{ month: 1, count: 2 }] },
      {
        year: 2010,
        count: 11,
        months: [
          { month: 12, count: 2 },
          { month: 11, count: 2 },
          { month: 10, count: 3 },
          { month: 9, count: 4 },
        ],
      },
    ]);
    const published = await api.archiveCounts({ statuses: ['published'] });
    expect(published.total).toBe(10);
    expect((await api.archiveCounts({ statuses: ['trashed'] })).years).toEqual([{ year: 2010, count: 1, months: [{ month: 9, count: 1 }] }]);
    expect(await api.statusCounts()).toEqual({ draft: 1, pending: 1, scheduled: 1, published: 10, private: 1, trashed: 1, deleted: 0 });
  });

  test('posts of a month, of a category (with subcategories), of a tag, of a status — newest first', async () => {
    const { api } = freshCore();
    const { blogId } = await api.importWxr({ path: WXR_FIXTURE });
    const terms = await api.listTerms({ blogId });
    const id = (name: string) => terms.find((t) => t.name === name)!.id;
    const titles = async (query: ArchiveQuery) => (await everything(api, query)).map((p) => p.title);

    expect(await titles({ year: 2010, month: 10 })).toEqual(['Frågor inför översynen', 'Skatteprognosen & budgeten', 'Bilder från medborgardialogen']);
    expect(await titles({ year: 2010, month: 9 })).toEqual([
      'Sårbarhet är ingen svaghet',
      'Lön som drivkraft?',
      'Veckans länkar – vecka 37',
      'Nära – vecka 36',
    ]);
    expect(await titles({ categoryId: id('Personligt ledarskap') })).toEqual([
      'Lönesamtal – mina anteckningar',
      'Sårbarhet är ingen svaghet',
      'Lön som drivkraft?',
    ]);
    expect(await titles({ categoryId: id('Ledarskap') })).toEqual([
      'Nära – vecka 52',
      'Lönesamtal – mina anteckningar',
      'Utkast: tankar om tillit',
      'Sårbarhet är ingen svaghet',
      'Lön som drivkraft?',
      'Nära – vecka 36',
    ]);
    expect(await titles({ tagId: id('lön') })).toEqual(['Lönesamtal – mina anteckningar', 'Lön som drivkraft?']);
    expect(await titles({ statuses: ['draft', 'pending'] })).toEqual(['Kommunens digitala brevlåda', 'Utkast: tankar om tillit']);
    expect(await titles({ tagId: id('lön'), statuses: ['published'] })).toEqual(['Lön som drivkraft?']);
    expect(await titles({ year: 2010, month: 10, categoryId: id('Budget') })).toEqual(['Skatteprognosen & budgeten']);
    const entry = (await api.listArchive({ year: 2010, month: 10, limit: 1 })).items[0]!;
    expect(entry).toMatchObject({ title: 'Frågor inför översynen', status: 'published', blogId, remoteId: 207, slug: 'fragor-infor-oversynen' });
    expect(entry.date).toBe(Date.UTC(2010, 9, 15, 16, 30));
  });

  test('keyset pagination walks 1,000 posts once each, and a save in between moves nothing twice', async () => {
    const { api } = freshCore();
    const start = stockholm('2015-01-01T12:00:00');
    for (let i = 0; i < 1000; i++) {
      // Several posts share a timestamp: the cursor must break ties by key, not skip or repeat them.
      await api.createPost({ title: `Inlägg ${i}`, publishedAt: start + Math.floor(i / 3) * 86_400_000 });
    }
    const first = await api.listArchive({ limit: 100 });
    expect(first.items).toHaveLength(100);
    const rest: ArchiveEntry[] = [];
    let cursor = first.next ?? undefined;
    let pages = 1;
    while (cursor) {
      const page = await api.listArchive({ limit: 100, cursor });
      rest.push(...page.items);
      cursor = page.next ?? undefined;
      if (pages++ === 3) await api.savePost(first.items[0]!.id, { title: 'Ändrad medan vi bläddrar' });
    }
    const all = [...first.items, ...rest];
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((p) => p.id)).size).toBe(1000);
    const keys = all.map((p) => p.date);
    expect(keys).toEqual(keys.toSorted((a, b) => b - a));
    expect((await everything(api, { year: 2015, month: 2, limit: 7 })).length).toBe(3 * 28);
  });

  test('every list reads one index range in order: no full scan of posts, no sort of a whole list', () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'plan.sqlite'));
    const { library } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    const { blogId } = library.importWxr({ path: WXR_FIXTURE });
    const terms = library.listTerms({ blogId });
    const cursor = library.listArchive({ limit: 1 }).next!;
    const queries: [ArchiveQuery, RegExp][] = [
      [{ cursor }, /posts_by_date/],
      [{ year: 2010, month: 10, cursor }, /posts_by_month/],
      [{ statuses: ['published'], cursor }, /posts_by_status/],
      [{ blogId: blogId!, cursor }, /posts_by_blog/],
      [{ tagId: terms.find((t) => t.name === 'lön')!.id, cursor }, /SEARCH d USING PRIMARY KEY \(term_pk=\? AND \(sort_date,post_pk\)<\(\?,\?\)\)/],
      [{ categoryId: terms.find((t) => t.name === 'Budget')!.id, cursor }, /SEARCH d USING PRIMARY KEY/],
    ];
    for (const [query, expected] of queries) {
      const { sql, params } = archiveSql(db, query);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, JSON.stringify(query)).toMatch(expected);
      expect(plan, JSON.stringify(query)).not.toMatch(/TEMP B-TREE/);
      expect(plan, JSON.stringify(query)).not.toMatch(/SCAN p$/m);
    }
    db.close();
  });

  test('a month needs both year and month; unknown ids are refused', async () => {
    const { api } = freshCore();
    await expect(api.listArchive({ year: 2010 })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(api.listArchive({ categoryId: 'saknas' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api.listArchive({ blogId: 'saknas' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api.archiveCounts({ statuses: [] })).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
