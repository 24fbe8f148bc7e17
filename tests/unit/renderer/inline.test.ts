import { $createParagraphNode, $getRoot, type ParagraphNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import type { Dialect } from '../../../electron/common/document.ts';
import { $appendInline } from '../../../renderer/src/editor/model/inline-parse.ts';
import { $inlineHtml } from '../../../renderer/src/editor/model/inline-write.ts';
import { headlessEditor, read, update } from './headless.ts';

/** Inline HTML → Lexical → inline HTML, as the editor writes a paragraph it changed. */
function roundtrip(html: string, dialect: Dialect = 'classic'): { out: string; text: string; types: string[] } {
  const editor = headlessEditor();
  update(editor, () => {
    const p = $createParagraphNode();
    $appendInline(p, html, dialect);
    $getRoot().append(p);
  });
  return read(editor, () => {
    const p = $getRoot().getFirstChildOrThrow<ParagraphNode>();
    return { out: $inlineHtml(p.getChildren(), dialect), text: p.getTextContent(), types: p.getChildren().map((c) => c.getType()) };
  });
}

describe('inline HTML', () => {
  test.each([
    ['plain text with Swedish typography', 'Det är ”modigt” – sa hon… 🙂'],
    ['formats in the canonical order', 'a <strong>fet <em>och kursiv</em></strong> <u>under</u> <s>struken</s> <code>kod</code>'],
    ['a link with target and rel', 'Se <a href="https://exempel.se/?a=1&amp;b=2" target="_blank" rel="noopener">sidan</a>.'],
    ['a bold link', '<a href="https://exempel.se"><strong>Fet länk</strong></a>'],
    ['entities that must stay escaped', 'Mindre &lt; större &gt; och &amp; och&nbsp;hårt mellanslag'],
  ])('%s reads back as written', (_name, html) => {
    expect(roundtrip(html).out).toBe(html);
  });

  test('other spellings become the editor’s: b → strong, i → em, entities decoded', () => {
    expect(roundtrip('<b>fet</b> <i>kursiv</i> <del>bort</del> Fler &hellip; &#8211; &#x201D;').out).toBe('<strong>fet</strong> <em>kursiv</em> <s>bort</s> Fler … – ”');
  });

  test('markup the editor has no node for is kept byte for byte, inside the formats around it', () => {
    const html = 'Före <strong>fet <span class="x" style="color:red">röd</span> mer</strong> <img class="wp-smiley" src="s.png" alt=":)" /> efter';
    const r = roundtrip(html);
    expect(r.out).toBe(html);
    expect(r.types).toContain('lh-inline-html');
  });

  test('a TinyMCE underline span is an underline', () => {
    expect(roundtrip('<span style="text-decoration: underline;">under</span>').out).toBe('<u>under</u>');
  });

  test('misnested formats are read the way browsers read them', () => {
    expect(roundtrip('<b>trasig <i>markering</b></i> slut').out).toBe('<strong>trasig <em>markering</em></strong> slut');
    expect(roundtrip('<b>a<a href="x">b</b>c</a>d').out).toBe('<strong>a</strong><a href="x"><strong>b</strong></a><a href="x">c</a>d');
  });

  test('classic: a newline is a line break (not after a <br>); block markup: a newline is a space', () => {
    const classic = roundtrip('rad ett\nrad två<br />\nrad tre', 'classic');
    expect(classic.types.filter((t) => t === 'linebreak')).toHaveLength(2);
    expect(classic.out).toBe('rad ett\nrad två\nrad tre');
    const blocks = roundtrip('rad ett\n  rad två<br>rad tre', 'blocks');
    expect(blocks.out).toBe('rad ett rad två<br>rad tre');
  });

  test('stray closers and unclosed unknown tags do not swallow text', () => {
    expect(roundtrip('</span> Ett lösryckt sluttagg.').out).toBe(' Ett lösryckt sluttagg.');
    expect(roundtrip('<span class="x">aldrig stängd').text).toBe('aldrig stängd');
    expect(roundtrip('En mening med < mindre än-tecken').text).toBe('En mening med < mindre än-tecken');
  });
});
