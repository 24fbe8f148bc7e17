import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SearchHit } from '../../../../electron/common/api/library.ts';
import { createStores } from '../../../../electron/core/core.ts';
import { searchSql } from '../../../../electron/core/library/search.ts';
import { optimizeSearchIndex } from '../../../../electron/core/library/search-index.ts';
import { openDatabase, transaction } from '../../../../electron/core/storage/database.ts';
import { WXR_FIXTURE, freshCore, stockholm, tempDir } from './support/core.ts';

const titles = (hits: readonly SearchHit[]) => hits.map((h) => h.post.title);
const marked = (spans: readonly { text: string; match: boolean }[]) => spans.filter((s) => s.match).map((s) => s.text);

describe('full-text search', () => {
  test('å, ä and ö are letters of their own; case does not matter', async () => {
    const { api } = freshCore();
    await api.createPost({ title: 'Sårbarhet', html: '<p>Om att våga visa SÅRBARHET.</p>' });
    await api.createPost({ title: 'Fåren', html: '<p>Fåren betar. Vi får se.</p>' });
    await api.createPost({ title: 'Far och son', html: '<p>Min far körde.</p>' });
    await api.createPost({ title: 'Öppenhet', html: '<p>Ärlighet och öppenhet.</p>' });

    for (const text of ['sårbarhet', 'SÅRBARHET', 'Sårbarhet']) expect(titles((await api.search({ text })).items)).toEqual(['Sårbarhet']);
    expect((await api.search({ text: 'sarbarhet' })).total).toBe(0);
    expect(titles((await api.search({ text: 'får', prefix: false })).items)).toEqual(['Fåren']);
    expect(titles((await api.search({ text: 'far', prefix: false })).items)).toEqual(['Far och son']);
    expect(titles((await api.search({ text: 'ärlighet' })).items)).toEqual(['Öppenhet']);
    expect(titles((await api.search({ text: 'ÖPPENHET' })).items)).toEqual(['Öppenhet']);
  });

  test('accent-insensitive matching is an option', async () => {
    const { api } = freshCore();
    await api.createPost({ title: 'En idé', html: '<p>Kaffe på ett café.</p>' });
    await api.createPost({ title: 'Sårbarhet', html: '' });
    await api.createPost({ title: 'Far', html: '' });
    expect((await api.search({ text: 'ide', prefix: false })).total).toBe(0);
    expect(titles((await api.search({ text: 'ide', prefix: false, accentInsensitive: true })).items)).toEqual(['En idé']);
    expect(titles((await api.search({ text: 'cafe', accentInsensitive: true })).items)).toEqual(['En idé']);
    expect(titles((await api.search({ text: 'sarbarhet', accentInsensitive: true })).items)).toEqual(['Sårbarhet']);
    // The price of the option, and why it is not the default: "får" now finds "far".
    expect(titles((await api.search({ text: 'får', prefix: false, accentInsensitive: true })).items)).toEqual(['Far']);
    const hit = (await api.search({ text: 'cafe', accentInsensitive: true })).items[0]!;
    expect(marked(hit.snippet)).toEqual(['café']);
  });

  test('ranked by bm25: a word in the title beats the same word once in a long body', async () => {
    const { api } = freshCore();
    const filler = '<p>' + 'Kommunen arbetar vidare med planen för centrum och skolorna. '.repeat(30) + '</p>';
    await api.createPost({ title: 'Rapport från hösten', html: `${filler}<p>Något om budgeten.</p>` });
    await api.createPost({ title: 'Budgeten för 2011', html: '<p>Kort om läget.</p>' });
    const page = await api.search({ text: 'budgeten' });
    expect(titles(page.items)).toEqual(['Budgeten för 2011', 'Rapport från hösten']);
    expect(page.items[0]!.score).toBeLessThan(page.items[1]!.score);
  });

  test('highlighted title and snippet come as text spans, never HTML', async () => {
    const { api } = freshCore();
    await api.createPost({
      title: 'Sårbarhet <i>och</i> mod',
      html: '<p>Inledning.</p><p>Att visa <strong>sårbarhet</strong> är modigt &amp; klokt – skrev hon 🙂</p>',
      excerpt: 'Ett inlägg om sårbarhet.',
    });
    const [hit] = (await api.search({ text: 'sårbarhet' })).items;
    expect(hit!.title).toEqual([
      { text: 'Sårbarhet', match: true },
      { text: ' <i>och</i> mod', match: false },
    ]);
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('Att visa sårbarhet är modigt & klokt – skrev hon 🙂');
    expect(marked(hit!.snippet)).toEqual(['sårbarhet']);
  });

  test('prefix matching as you type, phrases, and any input without a syntax error', async () => {
    const { api } = freshCore();
    await api.createPost({ title: 'Medborgardialog på torget', html: '<p>Vi pratade om webb-logg och e-post.</p>' });
    await api.createPost({ title: 'Dialog', html: '<p>Medborgare och politiker.</p>' });
    expect(titles((await api.search({ text: 'medborgard' })).items)).toEqual(['Medborgardialog på torget']);
    expect((await api.search({ text: 'medborgard', prefix: false })).total).toBe(0);
    expect((await api.search({ text: 'medborgard ' })).total).toBe(0);
    expect((await api.search({ text: 'medb' })).total).toBe(2);
    expect(titles((await api.search({ text: 'webb-logg' })).items)).toEqual(['Medborgardialog på torget']);
    expect(titles((await api.search({ text: '"pratade om"' })).items)).toEqual(['Medborgardialog på torget']);
    expect((await api.search({ text: '"om pratade"' })).total).toBe(0);
    expect(titles((await api.search({ text: 'torget medb' })).items)).toEqual(['Medborgardialog på torget']);
    for (const text of ['"', '-', 'NEAR(', '*', 'title:x', 'a OR', '(((', 'AND', "'; DROP TABLE posts; --", '   ', '']) {
      await expect(api.search({ text })).resolves.toBeDefined();
    }
    expect((await api.search({ text: '' })).items).toEqual([]);
  });

  test('the index follows saves, tag renames and deletes', async () => {
    const { api } = freshCore();
    const tag = await api.createTerm({ blogId: null, taxonomy: 'tag', name: 'klarspråk' });
    const post = await api.createPost({ title: 'Första', html: '<p>Ett ord: hallonbåt.</p>', tagIds: [tag.id] });
    expect((await api.search({ text: 'hallonbåt' })).total).toBe(1);
    expect((await api.search({ text: 'klarspråk' })).total).toBe(1);
    await api.savePost(post.id, { html: '<p>Nu står det lakritsbåt.</p>' });
    expect((await api.search({ text: 'hallonbåt' })).total).toBe(0);
    expect((await api.search({ text: 'lakritsbåt' })).total).toBe(1);
    await api.updateTerm(tag.id, { name: 'begriplighet' });
    expect((await api.search({ text: 'klarspråk' })).total).toBe(0);
    expect((await api.search({ text: 'begriplighet' })).total).toBe(1);
    await api.deletePost(post.id);
    expect((await api.search({ text: 'lakritsbåt' })).total).toBe(0);
  });

  test('merging the index after a bulk import changes no result', () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'lib.sqlite'));
    const { library } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    library.importWxr({ path: WXR_FIXTURE });
    const before = ['sårbarhet', 'torg', 'medarbetare'].map((text) => library.search({ text }));
    transaction(db, () => optimizeSearchIndex(db));
    expect(['sårbarhet', 'torg', 'medarbetare'].map((text) => library.search({ text }))).toEqual(before);
    db.exec(`INSERT INTO post_fts (post_fts) VALUES ('integrity-check')`);
    db.close();
  });

  test('filters: status, blog, category with its subcategories, tag, date range — combined with the words', async () => {
    const { api } = freshCore();
    const { blogId } = await api.importWxr({ path: WXR_FIXTURE });
    const terms = await api.listTerms({ blogId });
    const id = (name: string) => terms.find((t) => t.name === name)!.id;

    expect(titles((await api.search({ text: 'sårbarhet' })).items).toSorted()).toEqual(['Sårbarhet är ingen svaghet', 'Utkast: tankar om tillit']);
    expect(titles((await api.search({ text: 'sårbarhet', statuses: ['published'] })).items)).toEqual(['Sårbarhet är ingen svaghet']);
    // Ledarskap includes Personligt ledarskap, where "Sårbarhet är ingen svaghet" is filed.
    expect((await api.search({ text: 'sårbarhet', categoryId: id('Ledarskap') })).total).toBe(2);
    expect((await api.search({ text: 'sårbarhet', categoryId: id('Kommunen') })).total).toBe(0);
    expect((await api.search({ text: 'lön', tagId: id('drivkrafter') })).total).toBe(1);
    expect((await api.search({ text: 'twitter', blogId: blogId! })).total).toBeGreaterThan(0);
    const september = { from: stockholm('2010-09-01T00:00:00'), to: stockholm('2010-10-01T00:00:00') };
    expect(titles((await api.search({ text: 'torget', ...september })).items)).toEqual(['Veckans länkar – vecka 37']);
    // The post published 00:30 on 1 October, Stockholm time, is October's.
    expect(titles((await api.search({ text: 'torget', from: september.to })).items)).toEqual(['Bilder från medborgardialogen']);
    // Trashed posts only when asked for.
    expect((await api.search({ text: 'regnar' })).total).toBe(0);
    expect((await api.search({ text: 'regnar', statuses: ['trashed'] })).total).toBe(1);
  });

  test('keyset pages: every match once, in rank order, with the total on each page', async () => {
    const { api } = freshCore();
    for (let i = 0; i < 45; i++) {
      await api.createPost({ title: `Inlägg ${i}`, html: `<p>${'Vi pratar om kommunen. '.repeat(1 + (i % 7))}Nummer ${i}.</p>` });
    }
    const seen: SearchHit[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.search({ text: 'kommunen', limit: 20, cursor });
      expect(page).toMatchObject({ total: 45, totalIsLowerBound: false });
      seen.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(45);
    expect(new Set(seen.map((h) => h.post.id)).size).toBe(45);
    const scores = seen.map((h) => h.score);
    expect(scores).toEqual(scores.toSorted((a, b) => a - b));
    await expect(api.search({ text: 'kommunen', cursor: 'inte-en-markör' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  test('equal scores across page boundaries: each tied post still comes exactly once', async () => {
    const { api } = freshCore();
    const ids: string[] = [];
    // More ties than the ranked query fetches beyond a page, so the exhaustive fallback runs too.
    for (let i = 0; i < 90; i++) ids.push((await api.createPost({ title: 'Veckobrev', html: '<p>Samma text om medborgardialog.</p>' })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.search({ text: 'medborgardialog', limit: 7, cursor });
      expect(new Set(page.items.map((h) => h.score)).size).toBe(1);
      seen.push(...page.items.map((h) => h.post.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen.toSorted()).toEqual(ids.toSorted());
  });

  test('the MATCH runs once, in its own subquery, as the outer loop; hits are checked by key (no FTS-join trap)', async () => {
    const dataDir = tempDir();
    const db = openDatabase(join(dataDir, 'plan.sqlite'));
    const { library } = createStores(db, dataDir, { timeZone: 'Europe/Stockholm' });
    const { blogId } = library.importWxr({ path: WXR_FIXTURE });
    const terms = library.listTerms({ blogId });
    const built = searchSql(db, {
      text: 'sårbarhet kommun',
      statuses: ['published', 'draft'],
      blogId: blogId!,
      categoryId: terms.find((t) => t.name === 'Ledarskap')!.id,
      tagId: terms.find((t) => t.name === 'sårbarhet')!.id,
      from: 0,
      to: Date.now(),
      cursor: library.search({ text: 'kommun', limit: 1 }).next!,
    })!;
    const planOf = (s: { sql: string; params: unknown[] }) =>
      db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as { id: number; parent: number; detail: string }[];
    const plans: Record<string, string> = {};
    for (const [name, statement] of Object.entries({ ranked: built.ranked, exhaustive: built.exhaustive, count: built.count })) {
      const plan = planOf(statement);
      const text = plan.map((r) => r.detail).join('\n');
      const fts = plan.filter((row) => /post_fts/.test(row.detail));
      expect(fts, name).toHaveLength(1);
      expect(fts[0]!.detail, name).toMatch(/SCAN post_fts VIRTUAL TABLE INDEX/);
      // The full-text scan comes before (outside) the posts lookup: never the inner loop of a join.
      const lookup = plan.find((row) => /SEARCH p USING COVERING INDEX posts_filter \(pk=\?\)/.test(row.detail));
      expect(lookup, name).toBeDefined();
      expect(plan.indexOf(fts[0]!), name).toBeLessThan(plan.indexOf(lookup!));
      expect(text, name).not.toMatch(/SCAN p\b/);
      plans[name] = text;
    }
    expect(plans.exhaustive).toMatch(/MATERIALIZE hits/);
    // Ranked: FTS5 delivers the hits in rank order itself, so there is no sort of all hits.
    expect(plans.ranked).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
