import { describe, expect, test } from 'vitest';
import { joinSource, parsePost, serializePost } from '../../../../electron/core/fidelity/index.ts';
import { fixture, loadFixtures } from './fixtures.ts';

const fixtures = loadFixtures();

test('there are at least 8 fixtures in each dialect', () => {
  expect(fixtures.filter((f) => f.dialect === 'classic').length).toBeGreaterThanOrEqual(8);
  expect(fixtures.filter((f) => f.dialect === 'blocks').length).toBeGreaterThanOrEqual(8);
});

describe.each(fixtures)('$name', ({ raw, dialect }) => {
  const post = parsePost(raw);

  test('is detected as its dialect', () => {
    expect(post.dialect).toBe(dialect);
  });

  test('unedited serialisation is the raw content, byte for byte', () => {
    expect(joinSource(post)).toBe(raw);
    expect(serializePost(post.blocks, post.separators, post.dialect)).toBe(raw);
  });

  test('the split is sane', () => {
    expect(post.separators.length).toBe(post.blocks.length + 1);
    expect(post.blocks.length).toBeGreaterThanOrEqual(3);
    for (const s of post.separators) expect(s).toMatch(/^[ \t\r\n\f\v]*$/);
    post.blocks.forEach((b, i) => {
      expect(b.index).toBe(i);
      expect(b.source).not.toBe('');
      expect(b.source).not.toMatch(/^[ \t\r\n\f\v]|[ \t\r\n\f\v]$/);
    });
  });
});

const kinds = (name: string): string[] => parsePost(fixture(name)).blocks.map((b) => b.kind);

describe('hand-checked splits', () => {
  test('classic weekly note: more tag, headings, a list between lines of text', () => {
    expect(kinds('classic/nara-vecka-17.html')).toEqual([
      'paragraph', 'more', 'heading', 'paragraph', 'paragraph', 'heading', 'paragraph', 'list', 'paragraph',
      'heading', 'paragraph', 'paragraph', 'paragraph',
    ]);
    const post = parsePost(fixture('classic/nara-vecka-17.html'));
    expect(post.separators.slice(6, 10)).toEqual(['\n', '\n', '\n', '\n\n']);
    expect(post.blocks[7]).toMatchObject({ kind: 'list', ordered: false, items: [{ html: 'under 50 – behöver åtgärdas' }, {}, {}] });
    expect(post.separators.at(-1)).toBe('\n');
  });

  test('classic quote with blank lines and <cite>, nested list, no trailing newline', () => {
    const post = parsePost(fixture('classic/citat-om-lon.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual(['paragraph', 'quote', 'paragraph', 'paragraph', 'list', 'paragraph']);
    expect(post.blocks[1]).toMatchObject({ kind: 'quote', citation: 'Karin Ek, veckobrev 12' });
    expect(post.blocks[1]?.kind === 'quote' && post.blocks[1].paragraphs).toHaveLength(2);
    expect(post.blocks[4]).toMatchObject({
      kind: 'list',
      items: [{}, { html: 'Hur mäter vi det som invånarna faktiskt märker?', children: { items: [{ html: 'i skolan' }, { html: 'i hemtjänsten' }] } }, {}],
    });
    expect(post.separators.at(-1)).toBe('');
  });

  test('classic embeds: bare URL lines, [embed], [youtube]', () => {
    const post = parsePost(fixture('classic/film-om-drivkrafter.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual([
      'paragraph', 'embed', 'paragraph', 'list', 'paragraph', 'embed', 'paragraph', 'embed', 'paragraph', 'embed',
    ]);
    expect(post.blocks[5]).toMatchObject({ url: 'https://vimeo.com/15388212', provider: 'vimeo' });
    expect(post.blocks[7]).toMatchObject({ url: 'https://youtu.be/Lp7xW2cVb9e', provider: 'youtube' });
    expect(post.blocks[9]).toMatchObject({ url: 'https://www.youtube.com/watch?v=Zr4kN1pQw8s&w=560&h=315' });
  });

  test('classic captions, a plain image and a [gallery]', () => {
    const post = parsePost(fixture('classic/bilder-fran-invigningen.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual([
      'paragraph', 'image', 'paragraph', 'image', 'image', 'paragraph', 'opaque', 'paragraph',
    ]);
    expect(post.blocks[1]).toMatchObject({
      wpImageId: 412, sizeSlug: 'large', width: 500, height: 333, caption: 'Barnen på Ekbacken sjunger för gästerna.',
      linkHref: 'https://example.se/wp-content/uploads/2013/09/invigning-stor.jpg', alt: 'Barn som sjunger vid invigningen',
    });
    expect(post.blocks[3]).toMatchObject({ align: 'right', caption: 'Ateljén med utsikt mot skogen – <em>foto: Eva Lind</em>' });
    expect(post.blocks[4]).toMatchObject({ align: 'none', wpImageId: 420, alt: 'Skylten vid entrén & grinden' });
    expect(post.blocks[6]).toMatchObject({ kind: 'opaque', label: '[gallery]' });
  });

  test('classic table and <pre> with blank lines stay whole', () => {
    const post = parsePost(fixture('classic/budget-i-siffror.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual([
      'heading', 'paragraph', 'opaque', 'paragraph', 'paragraph', 'paragraph', 'opaque', 'paragraph',
    ]);
    expect(post.blocks[2]?.source).toMatch(/^<table>[\s\S]*<\/table>$/);
    expect(post.blocks[6]?.source).toMatch(/^<pre>[\s\S]*<\/pre>$/);
  });

  test('classic \\r\\n post with an old <object><embed> film', () => {
    const post = parsePost(fixture('classic/gammal-film-2010.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual(['paragraph', 'embed', 'paragraph', 'paragraph', 'opaque', 'quote', 'paragraph']);
    expect(post.blocks[1]).toMatchObject({ url: 'https://www.youtube.com/watch?v=Xq2bT9kLmN0', provider: 'youtube' });
    expect(post.separators[1]).toBe('\r\n\r\n');
  });

  test('classic inline <!--more custom-->, <p style>, <hr />, comments, trailing spaces', () => {
    const post = parsePost(fixture('classic/helgtankar.html'));
    expect(post.blocks.slice(0, 5).map((b) => b.kind)).toEqual(['paragraph', 'more', 'paragraph', 'paragraph', 'separator']);
    expect(post.separators[1]).toBe('');
    expect(post.blocks[1]).toMatchObject({ customText: 'Läs hela texten' });
    expect(post.blocks[2]).toMatchObject({ tagAttrs: ' style="text-align: center;"' });
    expect(post.separators.at(-1)).toBe('   ');
  });

  test('block post: quotes old and new, aligned paragraph', () => {
    const post = parsePost(fixture('blocks/citat-ur-rapporten.html'));
    expect(post.blocks.map((b) => b.kind)).toEqual(['paragraph', 'quote', 'paragraph', 'quote', 'paragraph']);
    expect(post.blocks[1]).toMatchObject({ citation: 'Forskarrapport 7, Kommunforum' });
    expect(post.blocks[3]).toMatchObject({ paragraphs: ['Den som vill bli lyssnad på får börja med att lyssna.'] });
    expect(post.blocks[2]).toMatchObject({ attrs: { align: 'center' }, tagAttrs: ' class="has-text-align-center"' });
  });

  test('block post: freeform text, void more, nested and plugin blocks, adjacent blocks, \\r\\n', () => {
    const post = parsePost(fixture('blocks/blandat-freeform.html'));
    expect(post.blocks.map((b) => (b.kind === 'opaque' ? b.label : b.kind))).toEqual([
      'freeform', 'more', 'heading', 'paragraph', 'core/columns', 'jetpack/markdown', 'freeform', 'more', 'separator', 'paragraph',
    ]);
    expect(post.separators[9]).toBe('');
    expect(post.blocks[7]).toMatchObject({ customText: 'Läs vidare', noTeaser: true });
  });

  test('broken block markup is opaque, never lost', () => {
    expect(kinds('blocks/trasig-blocks.html')).toEqual(['paragraph', 'opaque', 'opaque', 'opaque', 'opaque', 'opaque', 'opaque']);
  });
});
