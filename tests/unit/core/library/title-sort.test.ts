import { describe, expect, test } from 'vitest';
import { createStores } from '../../../../electron/core/core.ts';
import { titleSql } from '../../../../electron/core/library/archive.ts';
import { openDatabase } from '../../../../electron/core/storage/database.ts';
import { WXR_FIXTURE, everything, freshCore, rejection, tempDir } from './support/core.ts';

describe('the list sorted by title', () => {
  test('A to Ö in Swedish order: å ä ö after z, case and accents folded, leading quotes skipped, untitled last', async () => {
    const { api } = freshCore();
    const titles = ['Örnen', 'zebra', 'Ärlig talat', 'åska', 'Äpple', 'Bäck', 'banan', 'Édith', 'Ödmjuk', '”Citat” först', 'Åtta', 'ämne', '', 'Zon', 'Ångest', 'Effekt', '2010 i backspegeln', 'Bøgh'];
    for (const title of titles) await api.createPost({ title });
    const sorted = (await everything(api, { sort: 'title', limit: 4 })).map((p) => p.title);
    expect(sorted).toEqual([
      '2010 i backspegeln',
      'banan',
      'Bäck',
      'Bøgh',
      '”Citat” först',
      'Édith',
      'Effekt',
      'zebra',
      'Zon',
      'Ångest',
      'åska',
      'Åtta',
      'ämne',
      'Äpple',
      'Ärlig talat',
      'Ödmjuk',
      'Örnen',
      '',
    ]);
    // The same order a Swedish collator gives (for titles it handles alike: no empty one, no quotes).
    const plain = sorted.filter((t) => t && !t.startsWith('”') && t !== 'Édith' && t !== 'Effekt');
    expect(plain).toEqual(plain.toSorted(new Intl.Collator('sv', { sensitivity: 'base' }).compare));
  });

  test('paging is stable: every post once across pages of any size, even when titles repeat or a post is saved between pages', async () => {
    const { api } = freshCore();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await api.createPost({ title: ['Lika', 'lika', 'Ödla', 'Alfa', ''][i % 5]! + (i % 3 ? '' : ` ${i % 2}`) })).id);
    const first = await api.listArchive({ sort: 'title', limit: 7 });
    // A post not yet listed is renamed to the top of the order: a keyset cursor neither repeats nor skips the rest.
    const unseen = ids.find((id) => !first.items.some((p) => p.id === id))!;
    await api.savePost(unseen, { title: 'Aaa' });
    const seen = [...first.items];
    let cursor = first.next ?? undefined;
    while (cursor) {
      const page = await api.listArchive({ sort: 'title', limit: 7, cursor });
      seen.push(...page.items);
      cursor = page.next ?? undefined;
    }
    const seenIds = seen.map((p) => p.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(seenIds.filter((id) => id !== unseen).toSorted()).toEqual(ids.filter((id) => id !== unseen).toSorted());
    for (const size of [1, 5, 50]) {
      expect((await everything(api, { sort: 'title', limit: size })).map((p) => p.id)).toEqual((await everything(api, { sort: 'title', limit: 100 })).map((p) => p.id));
    }
  });

  test('filters combine with the title order; a date cursor is refused by the title list and the other way round', async () => {
    const { api } = freshCore();
    const { blogId } = await api.importWxr({ path: WXR_FIXTURE });
    const month = (await everything(api, { year: 2010, month: 9, sort: 'title' })).map((p) => p.title);
    expect(month).toEqual((await everything(api, { year: 2010, month: 9 })).map((p) => p.title).toSorted(new Intl.Collator('sv').compare));
    const published = await everything(api, { statuses: ['published'], blogId: blogId ?? undefined, sort: 'title' });
    expect(published).toHaveLength(10);
    expect(published.every((p) => p.status === 'published')).toBe(true);
    const tags = await api.listTerms({ blogId, taxonomy: 'tag' });
    const tagged = await everything(api, { tagId: tags[0]!.id, sort: 'title' });
    expect(tagged.map((p) => p.id).toSorted()).toEqual((await everything(api, { tagId: tags[0]!.id })).map((p) => p.id).toSorted());

    const byDate = await api.listArchive({ limit: 2 });
    const byTitle = await api.listArchive({ limit: 2, sort: 'title' });
    expect((await rejection(api.listArchive({ sort: 'title', cursor: byDate.next! }))).code).toBe('invalid-argument');
    expect((await rejection(api.listArchive({ cursor: byTitle.next! }))).code).toBe('invalid-argument');
    expect((await rejection(api.listArchive({ sort: 'size' as 'title' }))).code).toBe('invalid-argument');
  });

  test('the whole view is one walk of posts_by_title, never a sort', () => {
    const { db } = createStores(openDatabase(`${tempDir()}/plan.sqlite`), tempDir());
    const { sql, params } = titleSql(db, { sort: 'title', limit: 50 });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('posts_by_title');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});
