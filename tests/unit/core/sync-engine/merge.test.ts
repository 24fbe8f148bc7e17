// Whole-post three-way merge (electron/core/sync/engine/merge.ts): text fields, term sets, metadata.
import { describe, expect, test } from 'vitest';
import type { RemoteFields } from '../../../../electron/core/sync/engine/fields.ts';
import { fieldsOf, isProvisionalSlug, parseFields } from '../../../../electron/core/sync/engine/fields.ts';
import { mergeFields, mergeSet, patchOf } from '../../../../electron/core/sync/engine/merge.ts';

const BASE: RemoteFields = {
  title: 'Nära – vecka 36',
  content: '<p>Måndag.</p>\n\n<p>Onsdag.</p>\n\n<p>Fredag.</p>',
  excerpt: 'Om veckan.',
  slug: 'nara-vecka-36',
  status: 'publish',
  dateGmt: '2010-09-10T14:20:00Z',
  categories: ['2', '4'],
  tags: ['11'],
  featuredMedia: null,
  commentStatus: 'open',
  sticky: false,
  format: 'standard',
};

describe('mergeFields', () => {
  test('only one side changed: that side wins whole', () => {
    const theirs = { ...BASE, title: 'Ny titel', tags: ['11', '12'] };
    expect(mergeFields(BASE, BASE, theirs).merged).toEqual(theirs);
    expect(mergeFields(BASE, theirs, BASE).merged).toEqual(theirs);
  });

  test('title on one side, body on the other, terms on both: all kept', () => {
    const mine = { ...BASE, title: 'Nära – vecka 36 (rättad)', categories: ['2', '4', '7'] };
    const theirs = { ...BASE, content: BASE.content.replace('Fredag.', 'Fredag: budgetmöte.'), categories: ['2'] };
    const { merged } = mergeFields(BASE, mine, theirs);
    expect(merged).toMatchObject({ title: mine.title, content: theirs.content, categories: ['2', '7'] });
  });

  test('a title changed on both sides is a conflict, and says so', () => {
    const result = mergeFields(BASE, { ...BASE, title: 'A' }, { ...BASE, title: 'B' });
    expect(result.merged).toBeNull();
    expect(result.conflicting).toEqual(['title']);
  });

  test('metadata changed on both sides: the local action wins; one side: that side', () => {
    const mine = { ...BASE, status: 'private' as const };
    const theirs = { ...BASE, status: 'draft' as const, sticky: true, dateGmt: null };
    expect(mergeFields(BASE, mine, theirs).merged).toMatchObject({ status: 'private', sticky: true });
  });

  test('term sets: additions of both sides, removals of either', () => {
    expect(mergeSet(['1', '2', '3'], ['1', '2', '3', '4'], ['2', '3', '5'])).toEqual(['2', '3', '4', '5']);
  });

  test('patchOf names only what differs', () => {
    expect(patchOf(BASE, { ...BASE, excerpt: 'Kort.', sticky: true })).toEqual({ excerpt: 'Kort.', sticky: true });
  });
});

describe('fields', () => {
  test('a provisional slug is no slug; drafts have no date; ids are sorted', () => {
    const post = {
      id: '9', title: 't', content: 'c', excerpt: '', slug: 'lh-0b6f6c4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b-2', status: 'draft' as const,
      dateGmt: '2026-01-01T00:00:00Z', modifiedGmt: '2026-01-01T00:00:00Z', categories: ['5', '1'], tags: [], featuredMedia: null,
      commentStatus: 'open' as const, sticky: false, format: 'standard', link: '',
    };
    expect(fieldsOf(post)).toMatchObject({ slug: '', dateGmt: null, categories: ['1', '5'] });
    expect(isProvisionalSlug('lh-0b6f6c4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toBe(true);
    expect(isProvisionalSlug('lh-0b6f6c4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b__trashed')).toBe(false);
    expect(parseFields(JSON.parse(JSON.stringify(BASE)))).toEqual(BASE);
  });
});
