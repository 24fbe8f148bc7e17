// Quotes that hold headings and lists (the brief of issue 4: "keeps structure (headings, lists…)"): read into
// `children`, written back byte-identical when unedited, and written fresh with the structure kept.

import { describe, expect, test } from 'vitest';
import { parsePost, type QuoteBlock, serializePost, type SourceBlock } from '../../../../electron/core/fidelity/index.ts';

const quoteOf = (raw: string): QuoteBlock => {
  const q = parsePost(raw).blocks.find((b) => b.kind === 'quote');
  if (!q || q.kind !== 'quote') throw new Error(`no quote in ${raw}`);
  return q;
};

/** The quote with its first paragraph child edited, the rest of the post untouched. */
function editQuote(raw: string): string {
  const post = parsePost(raw);
  const blocks = post.blocks.map((b): SourceBlock => {
    if (b.kind !== 'quote' || !b.children) return b;
    const at = b.children.findIndex((c) => c.kind === 'paragraph');
    return { ...b, changed: true, children: b.children.map((c, i) => (i === at && c.kind === 'paragraph' ? { ...c, html: `${c.html} Ändrat.` } : c)) };
  });
  return serializePost(blocks, post.separators, post.dialect);
}

const CLASSIC = 'Före.\n\n<blockquote><h3>Rubrik</h3><ul><li>ett</li><li>två<ol><li>inne</li></ol></li></ul><p>Text.</p><cite>Någon</cite></blockquote>\n\nEfter.';
const BLOCKS = [
  '<!-- wp:quote -->',
  '<blockquote class="wp-block-quote"><!-- wp:heading {"level":4} -->',
  '<h4 class="wp-block-heading">Rubrik</h4>',
  '<!-- /wp:heading -->',
  '',
  '<!-- wp:list {"ordered":true} -->',
  '<ol><!-- wp:list-item -->',
  '<li>ett</li>',
  '<!-- /wp:list-item --></ol>',
  '<!-- /wp:list -->',
  '',
  '<!-- wp:paragraph -->',
  '<p>Text.</p>',
  '<!-- /wp:paragraph --></blockquote>',
  '<!-- /wp:quote -->',
].join('\n');

describe.each([
  ['classic', CLASSIC, [{ kind: 'heading', level: 3, html: 'Rubrik' }, { kind: 'list', ordered: false, items: [{ html: 'ett' }, { html: 'två', children: { ordered: true, items: [{ html: 'inne' }] } }] }, { kind: 'paragraph', html: 'Text.' }]],
  ['blocks', BLOCKS, [{ kind: 'heading', level: 4, html: 'Rubrik' }, { kind: 'list', ordered: true, items: [{ html: 'ett' }] }, { kind: 'paragraph', html: 'Text.' }]],
] as const)('%s', (_dialect, raw, children) => {
  test('reads the heading, the list and the paragraph as the quote\'s children', () => {
    const q = quoteOf(raw);
    expect(q.children).toEqual(children);
    expect(q.paragraphs).toEqual([]);
  });

  test('unedited: byte-identical', () => {
    const post = parsePost(raw);
    expect(serializePost(post.blocks, post.separators, post.dialect)).toBe(raw);
  });

  test('edited inside: the structure survives and reads back with the edit', () => {
    const out = editQuote(raw);
    expect(out).not.toBe(raw);
    const again = quoteOf(out);
    expect(again.children?.map((c) => c.kind)).toEqual(['heading', 'list', 'paragraph']);
    expect(again.children?.[2]).toEqual({ kind: 'paragraph', html: 'Text. Ändrat.' });
    expect(again.children?.slice(0, 2)).toEqual(children.slice(0, 2));
  });
});

test('a quote of paragraphs keeps the simple shape (no children)', () => {
  const q = quoteOf('<blockquote><p>Ett.</p><p>Två.</p></blockquote>');
  expect(q.children).toBeUndefined();
  expect(q.paragraphs).toEqual(['Ett.', 'Två.']);
});

test('text beside a list in a quote is not guessed at: the quote stays opaque', () => {
  expect(parsePost('<blockquote>Lös text\n<ul><li>ett</li></ul></blockquote>').blocks[0]!.kind).toBe('opaque');
});
