// Core's side of keeping a quote's inner blocks (QuoteBlock.childOrigins): what a parse records, and what a
// rewrite of an edited quote writes. The editor's path through Lexical is in tests/unit/renderer/quote-inner-origins.test.ts.

import { describe, expect, test } from 'vitest';
import { documentDraft } from '../../../../electron/common/ipc/contract/documents.ts';
import { parsePost, type QuoteBlock, serializePost, type SourceBlock } from '../../../../electron/core/fidelity/index.ts';
import { fixture } from './fixtures.ts';

const RAW = fixture('blocks/citat-i-stor-stil.html');

/** The post with quote `at` (a block index) replaced by `edit(quote)`, marked changed. */
function rewrite(raw: string, at: number, edit: (q: QuoteBlock) => QuoteBlock = (q) => q): string {
  const post = parsePost(raw);
  const blocks = post.blocks.map((b, i): SourceBlock => (i === at && b.kind === 'quote' ? { ...edit(b), changed: true } : b));
  return serializePost(blocks, post.separators, post.dialect);
}

/** Edits child `k` the way core-side code would: a spread that keeps the (now stale) origin. */
const editChild = (k: number, suffix: string) => (q: QuoteBlock): QuoteBlock =>
  q.children
    ? { ...q, children: q.children.map((c, i) => (i === k && c.kind !== 'list' ? { ...c, html: c.html + suffix } : c)) }
    : { ...q, paragraphs: q.paragraphs.map((p, i) => (i === k ? p + suffix : p)) };

describe('block dialect', () => {
  test('a parse records each inner block: its source, delimiter attributes, tag attributes and whitespace', () => {
    const q = parsePost(RAW).blocks[1] as QuoteBlock;
    expect(q.childOrigins?.map((o) => [o.attrs, o.tagAttrs, o.leading, o.before, o.trailing, o.closing])).toEqual([
      [{ level: 3 }, ' class="wp-block-heading"', '', undefined, undefined, undefined],
      [{ align: 'center' }, ' class="has-text-align-center"', undefined, '\n\n', undefined, undefined],
      [{ className: 'is-style-checkmark' }, ' class="wp-block-list is-style-checkmark"', undefined, '\n\n', undefined, undefined],
      [{ className: 'ingress' }, ' class="ingress"', undefined, '\n\n', '', ''],
    ]);
    expect(q.childOrigins?.[0]?.source).toBe('<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Vi bygger det tillsammans</h3>\n<!-- /wp:heading -->');
  });

  test('rewritten without an edit: byte-identical', () => {
    expect(rewrite(RAW, 1)).toBe(RAW);
    expect(rewrite(RAW, 3)).toBe(RAW);
  });

  test('one inner paragraph edited: only its text differs (a stale source is not used)', () => {
    const center = 'tillsammans.</p>';
    expect(rewrite(RAW, 1, editChild(1, ' Tillägg.'))).toBe(RAW.replace(center, 'tillsammans. Tillägg.</p>'));
    expect(rewrite(RAW, 3, editChild(0, ' Nu.'))).toBe(RAW.replace('gå med!</p>', 'gå med! Nu.</p>'));
  });

  test('an edited heading keeps its level attribute and class; a changed attribution keeps the rest', () => {
    const out = rewrite(RAW, 1, (q) => ({ ...editChild(0, '!')(q), citation: 'Ordföranden' }));
    expect(out).toBe(RAW.replace('tillsammans</h3>', 'tillsammans!</h3>').replace('<cite>Förbundsordföranden, årsmötet 2024</cite>', '<cite>Ordföranden</cite>'));
  });

  test('a new paragraph and a new heading get the markup a new top-level block gets', () => {
    const out = rewrite(RAW, 3, (q) => ({
      ...q,
      paragraphs: [],
      children: [{ kind: 'heading', level: 4, html: 'Ny' }, ...q.paragraphs.map((html) => ({ kind: 'paragraph' as const, html })), { kind: 'paragraph', html: 'Sist.' }],
      childOrigins: [{}, ...(q.childOrigins ?? [])],
    }));
    const wrapper = '<blockquote class="wp-block-quote">';
    expect(out).toBe(
      RAW.replace(`${wrapper}<!-- wp:paragraph {"align":"right"}`, `${wrapper}<!-- wp:heading {"level":4} -->\n<h4>Ny</h4>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph {"align":"right"}`)
        .replace('kollega.</p>\n<!-- /wp:paragraph -->', 'kollega.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Sist.</p>\n<!-- /wp:paragraph -->'),
    );
  });

  test('an old quote of elements (no inner blocks) records no origins: a rewrite upgrades it whole', () => {
    const old = '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p class="x">Ett.</p><cite>Någon</cite></blockquote>\n<!-- /wp:quote -->';
    const q = parsePost(old).blocks[0] as QuoteBlock;
    expect(q.childOrigins).toBeUndefined();
    expect(rewrite(old, 0)).toBe('<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Ett.</p>\n<!-- /wp:paragraph --><cite>Någon</cite></blockquote>\n<!-- /wp:quote -->');
  });
});

describe('classic dialect', () => {
  const raw = 'Före.\n\n<blockquote class="stort">\n<h3 id="kallan">Ur källan</h3>\n<p class="ingress">Ett.</p>\n<p>Två.</p>\n<cite class="vem"> Någon </cite>\n</blockquote>\n\nEfter.';

  test('rewritten without an edit: byte-identical', () => {
    expect(rewrite(raw, 1)).toBe(raw);
  });

  test('one paragraph edited: only its text differs, its attributes stay', () => {
    expect(rewrite(raw, 1, editChild(1, ' Tillägg.'))).toBe(raw.replace('Ett.', 'Ett. Tillägg.'));
  });

  test('the attribution element is kept while it reads the same, written fresh once it is edited', () => {
    expect(rewrite(raw, 1, editChild(0, '!'))).toBe(raw.replace('Ur källan', 'Ur källan!'));
    expect(rewrite(raw, 1, (q) => ({ ...q, citation: 'Någon annan' }))).toBe(raw.replace('<cite class="vem"> Någon </cite>', '<cite>Någon annan</cite>'));
  });

  test('a quote of wpautop text (no elements) is still written as text', () => {
    const text = 'Före.\n\n<blockquote>Ett.\n\nTvå.</blockquote>\n\nEfter.';
    expect(parsePost(text).blocks[1]).not.toHaveProperty('childOrigins');
    expect(rewrite(text, 1, editChild(0, ' Tillägg.'))).toBe(text.replace('Ett.', 'Ett. Tillägg.'));
  });
});

const draft = (origin: Record<string, unknown>) => ({
  dialect: 'blocks',
  separators: ['', ''],
  blocks: [{ kind: 'quote', source: '', paragraphs: ['Ett.'], childOrigins: [origin], changed: true }],
});

describe('the IPC contract', () => {

  test('passes a quote with the origins of its blocks', () => {
    const origin = { source: '<!-- wp:paragraph -->\n<p>Ett.</p>\n<!-- /wp:paragraph -->', attrs: {}, tagAttrs: '', leading: '', trailing: '\n' };
    expect(documentDraft(draft(origin), 'draft').blocks[0]).toMatchObject({ childOrigins: [origin] });
  });

  test.each([
    ['whitespace that is not whitespace', { before: '<script>' }],
    ['an unknown field', { onclick: 'x' }],
    ['attributes that are not an object', { attrs: [1] }],
  ])('refuses %s', (_name, origin) => {
    expect(() => documentDraft(draft(origin), 'draft')).toThrow(/childOrigins/);
  });
});

test('a block that became another kind is written with the new kind\'s default markup', () => {
  const out = rewrite(RAW, 3, (q) => ({ ...q, paragraphs: [], children: [{ kind: 'heading', level: 2, html: 'Kort och gott: gå med!' }, { kind: 'paragraph', html: 'Och ta med en kollega.' }] }));
  expect(out).toBe(RAW.replace('<!-- wp:paragraph {"align":"right"} -->\n<p class="has-text-align-right">Kort och gott: gå med!</p>\n<!-- /wp:paragraph -->', '<!-- wp:heading -->\n<h2>Kort och gott: gå med!</h2>\n<!-- /wp:heading -->'));
});
