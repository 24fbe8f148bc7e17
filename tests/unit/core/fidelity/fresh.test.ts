// Fresh serialisation: a parsed block written anew reads back as the same block (same fingerprint),
// and new blocks come out as WordPress' own editors would save them.

import { describe, expect, test } from 'vitest';
import {
  type SourceBlock, fingerprint, parsePost, serializeBlock,
} from '../../../../electron/core/fidelity/index.ts';
import { loadFixtures } from './fixtures.ts';

const reparsed = (html: string): SourceBlock[] => parsePost(html).blocks;

describe.each(loadFixtures())('$name', ({ raw, dialect }) => {
  const blocks = parsePost(raw).blocks.filter((b) => b.kind !== 'opaque');
  test.each(blocks.map((b) => ({ b, label: `${b.index} ${b.kind}` })))('block $label re-serialised fresh is equivalent', ({ b }) => {
    const fresh = serializeBlock(b, dialect);
    const again = reparsed(fresh);
    expect(again).toHaveLength(1);
    expect(again[0]!.kind).toBe(b.kind);
    expect(fingerprint(again[0]!)).toBe(fingerprint(b));
    // Writing it fresh once more is a fixed point.
    expect(serializeBlock(again[0]!, dialect)).toBe(fresh);
  });
});

describe('new blocks in the block dialect (WordPress 6.1 markup)', () => {
  const cases: Array<[SourceBlock, string]> = [
    [{ kind: 'paragraph', source: '', html: 'Hej <strong>där</strong>' },
      '<!-- wp:paragraph -->\n<p>Hej <strong>där</strong></p>\n<!-- /wp:paragraph -->'],
    [{ kind: 'heading', source: '', level: 2, html: 'Rubrik' }, '<!-- wp:heading -->\n<h2>Rubrik</h2>\n<!-- /wp:heading -->'],
    [{ kind: 'heading', source: '', level: 3, html: 'Under' },
      '<!-- wp:heading {"level":3} -->\n<h3>Under</h3>\n<!-- /wp:heading -->'],
    [{ kind: 'list', source: '', ordered: false, items: [{ html: 'ett' }, { html: 'två', children: { ordered: true, items: [{ html: 'a' }] } }] },
      '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>ett</li>\n<!-- /wp:list-item -->\n\n' +
      '<!-- wp:list-item -->\n<li>två<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->'],
    [{ kind: 'quote', source: '', paragraphs: ['Citat.'], citation: 'Någon' },
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Citat.</p>\n<!-- /wp:paragraph --><cite>Någon</cite></blockquote>\n<!-- /wp:quote -->'],
    [{ kind: 'image', source: '', src: 'https://example.se/a.jpg', alt: 'Alt', wpImageId: 12, sizeSlug: 'large', caption: 'Bildtext' },
      '<!-- wp:image {"id":12,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://example.se/a.jpg" alt="Alt" class="wp-image-12"/><figcaption class="wp-element-caption">Bildtext</figcaption></figure>\n<!-- /wp:image -->'],
    [{ kind: 'embed', source: '', url: 'https://www.youtube.com/watch?v=Qm3vR8sTn2k' },
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=Qm3vR8sTn2k","providerNameSlug":"youtube","type":"video","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->\n' +
      '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=Qm3vR8sTn2k\n</div></figure>\n<!-- /wp:embed -->'],
    [{ kind: 'more', source: '' }, '<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->'],
    [{ kind: 'separator', source: '' },
      '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->'],
  ];
  test.each(cases.map(([b, html]) => ({ b, html, kind: b.kind })))('$kind', ({ b, html }) => {
    expect(serializeBlock(b, 'blocks')).toBe(html);
    expect(parsePost(html).blocks[0]?.kind).toBe(b.kind);
  });

  test('attribute JSON is escaped the way WordPress escapes it', () => {
    const b: SourceBlock = { kind: 'paragraph', source: '', html: 'x', attrs: { className: 'a--b <c> & "d"' } };
    expect(serializeBlock(b, 'blocks')).toBe(
      '<!-- wp:paragraph {"className":"a\\u002d\\u002db \\u003cc\\u003e \\u0026 \\u0022d\\u0022"} -->\n<p>x</p>\n<!-- /wp:paragraph -->',
    );
    expect(parsePost(serializeBlock(b, 'blocks')).blocks[0]?.attrs).toEqual(b.attrs);
  });
});

describe('new blocks in the classic dialect', () => {
  const cases: Array<[SourceBlock, string]> = [
    [{ kind: 'paragraph', source: '', html: 'Rad ett\nrad två' }, 'Rad ett\nrad två'],
    [{ kind: 'paragraph', source: '', html: 'Ingen\n\ntom rad' }, 'Ingen\ntom rad'],
    [{ kind: 'heading', source: '', level: 2, html: 'Rubrik' }, '<h2>Rubrik</h2>'],
    [{ kind: 'list', source: '', ordered: false, items: [{ html: 'ett' }, { html: 'två' }] }, '<ul>\n<li>ett</li>\n<li>två</li>\n</ul>'],
    [{ kind: 'quote', source: '', paragraphs: ['Ett.', 'Två.'], citation: 'Någon' },
      '<blockquote>Ett.\n\nTvå.\n\n<cite>Någon</cite></blockquote>'],
    [{ kind: 'image', source: '', src: 'https://example.se/a.jpg', alt: 'Alt', wpImageId: 12, sizeSlug: 'large', align: 'center', width: 500, height: 333, caption: 'Bildtext' },
      '[caption id="attachment_12" align="aligncenter" width="500"]<img class="size-large wp-image-12" src="https://example.se/a.jpg" alt="Alt" width="500" height="333" /> Bildtext[/caption]'],
    [{ kind: 'image', source: '', src: 'https://example.se/a.jpg', alt: '', wpImageId: 12, sizeSlug: 'full', align: 'none' },
      '<img class="alignnone size-full wp-image-12" src="https://example.se/a.jpg" alt="" />'],
    [{ kind: 'embed', source: '', url: 'https://youtu.be/Lp7xW2cVb9e' }, 'https://youtu.be/Lp7xW2cVb9e'],
    [{ kind: 'embed', source: '', url: 'https://example.com/film' }, '[embed]https://example.com/film[/embed]'],
    [{ kind: 'more', source: '' }, '<!--more-->'],
    [{ kind: 'separator', source: '' }, '<hr />'],
  ];
  test.each(cases.map(([b, html]) => ({ b, html, kind: b.kind })))('$kind → $html', ({ b, html }) => {
    expect(serializeBlock(b, 'classic')).toBe(html);
    const again = parsePost(html).blocks;
    expect(again).toHaveLength(1);
    expect(again[0]?.kind).toBe(b.kind);
  });
});
