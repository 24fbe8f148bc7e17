// The three-way merge of a whole post (engine/merge.ts), metadata field by field: one side changed → that side;
// both alike → fine; both differently → term sets merge as sets, title/excerpt/slug are a conflict (no merge).
// (The basics — one side whole, title conflicts, sets — are in tests/unit/core/sync-engine/merge.test.ts.)
import { describe, expect, it } from 'vitest';
import type { RemoteFields } from '../../../../electron/core/sync/engine/fields.ts';
import { mergeFields } from '../../../../electron/core/sync/engine/merge.ts';

const base: RemoteFields = {
  title: 'Budgeten för nästa år',
  content: '<p>Första stycket.</p>\n\n<p>Andra stycket.</p>',
  excerpt: 'Kort om budgeten.',
  slug: 'budgeten',
  status: 'draft',
  dateGmt: null,
  categories: ['3'],
  tags: ['10', '11'],
  featuredMedia: null,
  commentStatus: 'open',
  sticky: false,
  format: 'standard',
};

function merge(mine: Partial<RemoteFields>, theirs: Partial<RemoteFields>) {
  return mergeFields(base, { ...base, ...mine }, { ...base, ...theirs });
}

describe('mergeFields: metadata three-way', () => {
  it.each(['title', 'excerpt', 'slug'] as const)('%s: one side changed → that side, whichever side it is', (key) => {
    expect(merge({ [key]: 'här' }, {}).merged?.[key]).toBe('här');
    expect(merge({}, { [key]: 'webben' }).merged?.[key]).toBe('webben');
    // Another field changed on the other side: still merges, each side's change kept.
    const both = merge({ [key]: 'här' }, { content: '<p>Första stycket.</p>\n\n<p>Andra, ändrat på webben.</p>' });
    expect(both.merged?.[key]).toBe('här');
    expect(both.merged?.content).toContain('ändrat på webben');
  });

  it.each(['title', 'excerpt', 'slug'] as const)('%s: both changed alike → no conflict', (key) => {
    const result = merge({ [key]: 'samma', tags: ['10'] }, { [key]: 'samma' });
    expect(result.conflicting).toEqual([]);
    expect(result.merged?.[key]).toBe('samma');
  });

  it.each(['title', 'excerpt', 'slug'] as const)('%s: both changed differently → a conflict naming it, nothing merged', (key) => {
    const result = merge({ [key]: 'här' }, { [key]: 'webben' });
    expect(result.merged).toBeNull();
    expect(result.conflicting).toEqual([key]);
  });

  it('title and tags edited on both sides: tags merge as sets, the title conflicts', () => {
    const result = merge({ title: 'Min rubrik', tags: ['10', '11', '12'] }, { title: 'Webbens rubrik', tags: ['11', '13'] });
    expect(result.merged).toBeNull();
    expect(result.conflicting).toEqual(['title']);
  });

  it('categories and tags: additions and removals of both sides apply', () => {
    const result = merge({ categories: ['3', '4'], tags: ['11', '12'] }, { categories: [], tags: ['10', '11', '13'] });
    expect(result.conflicting).toEqual([]);
    expect(result.merged?.categories).toEqual(['4']);
    expect(result.merged?.tags).toEqual(['11', '12', '13']);
  });

  it('status-like fields: one side → that side; both differently → mine (the deliberate local action)', () => {
    expect(merge({}, { status: 'publish', dateGmt: '2026-01-02T10:00:00Z' }).merged).toMatchObject({ status: 'publish', dateGmt: '2026-01-02T10:00:00Z' });
    expect(merge({ sticky: true, tags: ['10'] }, { commentStatus: 'closed' }).merged).toMatchObject({ sticky: true, commentStatus: 'closed' });
    expect(merge({ status: 'private', title: 'Ny' }, { status: 'pending' }).merged).toMatchObject({ status: 'private', title: 'Ny' });
  });
});
