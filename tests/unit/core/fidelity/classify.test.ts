// Small hand-written cases for what each kind of markup becomes.

import { expect, test } from 'vitest';
import { decodeEntities, parsePost, textContent } from '../../../../electron/core/fidelity/index.ts';

const one = (raw: string): unknown => {
  const { blocks } = parsePost(raw);
  expect(blocks).toHaveLength(1);
  return blocks[0];
};

test.each([
  ['<strong>Fakta om översynen</strong>', { kind: 'paragraph', html: '<strong>Fakta om översynen</strong>' }],
  ['<a href="https://example.se/">Bara en länk</a>', { kind: 'paragraph' }],
  ['Rad ett<br />\nrad två', { kind: 'paragraph', html: 'Rad ett<br />\nrad två' }],
  ['https://example.com/inte-en-film', { kind: 'paragraph' }],
  ['<h2>Rubrik</h2> och text på samma rad', { kind: 'opaque' }],
  ['<h5 id="x">Liten rubrik</h5>', { kind: 'heading', level: 5, tagAttrs: ' id="x"' }],
  ['<iframe width="560" height="315" src="https://www.youtube.com/embed/Qm3vR8sTn2k" frameborder="0" allowfullscreen></iframe>',
    { kind: 'embed', url: 'https://www.youtube.com/watch?v=Qm3vR8sTn2k', provider: 'youtube' }],
  ['[youtube=http://www.youtube.com/watch?v=Zr4kN1pQw8s&w=425&h=350]', { kind: 'embed', provider: 'youtube' }],
  ['[vimeo 15388212]', { kind: 'embed', url: 'https://vimeo.com/15388212', provider: 'vimeo' }],
  ['[embed width="400"]https://example.com/film[/embed]', { kind: 'embed', url: 'https://example.com/film' }],
  ['[audio mp3="https://example.se/pod.mp3"][/audio]', { kind: 'opaque', label: '[audio]' }],
  ['<ul><li>ett<li>två</ul>', { kind: 'list', items: [{ html: 'ett' }, { html: 'två' }] }],
  ['<ol start="3"><li>tre</li></ol>', { kind: 'list', ordered: true, tagAttrs: ' start="3"' }],
  ['<ul><li>ett</li><p>stycke</p></ul>', { kind: 'opaque' }],
  ['<ul><li>ett<ul><li>under</li></ul> och mer</li></ul>', { kind: 'opaque' }],
  ['<blockquote><p>Ett.</p><p>Två.</p><cite>Någon</cite></blockquote>', { kind: 'quote', paragraphs: ['Ett.', 'Två.'], citation: 'Någon' }],
  ['<blockquote>Citat<ul><li>lista</li></ul></blockquote>', { kind: 'opaque' }],
  ['<img src="a.jpg" alt="A &amp; B" class="alignright size-medium wp-image-5 rund" />',
    { kind: 'image', src: 'a.jpg', alt: 'A & B', align: 'right', sizeSlug: 'medium', wpImageId: 5, imgClassExtra: ['rund'] }],
  ['<hr>', { kind: 'separator' }],
  ['<!--more-->', { kind: 'more' }],
  ['<!--noteaser-->', { kind: 'opaque', label: 'comment' }],
  ['<div class="x">Ruta</div>', { kind: 'opaque', label: '<div>' }],
  ['<!-- wp:heading {"level":4} -->\n<h4>Fyra</h4>\n<!-- /wp:heading -->', { kind: 'heading', level: 4, attrs: { level: 4 } }],
  ['<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    { kind: 'list', tagAttrs: ' class="wp-block-list"', items: [{ html: 'a' }] }],
  ['<!-- wp:separator /-->', { kind: 'opaque', label: 'core/separator' }],
  ['<!-- wp:image {"id":3} -->\n<figure class="wp-block-image"><img src="b.jpg" alt=""/><p>extra</p></figure>\n<!-- /wp:image -->',
    { kind: 'opaque', label: 'core/image' }],
  ['<!-- wp:embed {"url":"https://vimeo.com/1"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/1\n</div></figure>\n<!-- /wp:embed -->',
    { kind: 'embed', url: 'https://vimeo.com/1', provider: 'vimeo' }],
])('%j', (raw, expected) => {
  expect(one(raw)).toMatchObject(expected);
});

test('inline helpers', () => {
  expect(decodeEntities('Öl &amp; ärtsoppa &#8211; &#x1F642; &hellip; &okänd;')).toBe('Öl & ärtsoppa – 🙂 … &okänd;');
  expect(textContent('<strong>Fet</strong> &amp; <a href="x">länk</a><br>ny rad')).toBe('Fet & länk\nny rad');
});
