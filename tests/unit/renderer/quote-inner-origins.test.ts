// Blocks inside a quote keep what they were written with when the quote is rewritten after an edit (issue 4):
// edited in the editor (core parse → Lexical nodes → draft → core serialisation), only the edited inner
// block's text differs; the other inner blocks, the whitespace between them and the quote's wrapper are
// written back byte for byte, and a new block inside gets the dialect's default markup.

import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { documentDraft } from '../../../electron/common/ipc/contract/documents.ts';
import { renderDraft } from '../../../electron/core/api/documents-api.ts';
import { parsePost } from '../../../electron/core/fidelity/index.ts';
import { $loadDocument, LOAD_TAG } from '../../../renderer/src/editor/model/document.ts';
import { DocumentTracker } from '../../../renderer/src/editor/model/tracker.ts';
import { fixture } from '../core/fidelity/fixtures.ts';
import { headlessEditor, read, update } from './headless.ts';

function open(raw: string): { editor: LexicalEditor; save: () => string } {
  const editor = headlessEditor();
  const doc = parsePost(raw);
  const tracker = new DocumentTracker(doc);
  editor.registerUpdateListener((u) => tracker.noteUpdate(u));
  update(editor, () => $loadDocument(doc), LOAD_TAG);
  // Through the IPC contract's validation, as a save from the renderer goes.
  return { editor, save: () => renderDraft(documentDraft(read(editor, () => tracker.$collect()), 'draft')) };
}

/** The element at `path` (indices from the root down). */
function $at(...path: number[]): ElementNode {
  let node: LexicalNode | null = $getRoot();
  for (const i of path) node = $isElementNode(node) ? node.getChildAtIndex(i) : null;
  if (!$isElementNode(node)) throw new Error(`no element at ${path.join('/')}`);
  return node;
}

const append = (editor: LexicalEditor, text: string, ...path: number[]) => update(editor, () => void $at(...path).append($createTextNode(text)));

describe('block dialect (blocks/citat-i-stor-stil.html)', () => {
  const raw = fixture('blocks/citat-i-stor-stil.html');
  const CENTER = 'Ingen av oss klarar det här ensam, men alla av oss klarar det tillsammans.';
  const LAST = 'inte på <em>förhandlarnas</em> skicklighet allena.';

  test('an edit of the centred paragraph changes only its text', () => {
    const { editor, save } = open(raw);
    append(editor, ' Tillägg.', 1, 1);
    expect(save()).toBe(raw.replace(CENTER, `${CENTER} Tillägg.`));
  });

  test('an edit of the last paragraph keeps its class and the attribution after it', () => {
    const { editor, save } = open(raw);
    append(editor, ' Tillägg.', 1, 3);
    expect(save()).toBe(raw.replace(LAST, `${LAST} Tillägg.`));
  });

  test('an edit of the heading and of the list item, both at once', () => {
    const { editor, save } = open(raw);
    append(editor, ' – alla', 1, 0);
    append(editor, ' och fler', 1, 2, 1);
    expect(save()).toBe(raw.replace('tillsammans</h3>', 'tillsammans – alla</h3>').replace('i varje lag</li>', 'i varje lag och fler</li>'));
  });

  test('in a quote of paragraphs only, the aligned paragraph survives an edit of the other', () => {
    const { editor, save } = open(raw);
    append(editor, ' I dag.', 3, 1);
    expect(save()).toBe(raw.replace('Och ta med en kollega.', 'Och ta med en kollega. I dag.'));
  });

  test('a new paragraph inside the quote gets the default markup; the others stay as they were', () => {
    const { editor, save } = open(raw);
    update(editor, () => void $at(3, 1).insertAfter($createParagraphNode().append($createTextNode('Ny rad.'))));
    const tail = '<p>Och ta med en kollega.</p>\n<!-- /wp:paragraph -->';
    expect(save()).toBe(raw.replace(tail, `${tail}\n\n<!-- wp:paragraph -->\n<p>Ny rad.</p>\n<!-- /wp:paragraph -->`));
  });

  test('removing an inner block leaves the others as they were', () => {
    const { editor, save } = open(raw);
    update(editor, () => $at(1, 0).remove());
    const heading = '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Vi bygger det tillsammans</h3>\n<!-- /wp:heading -->\n\n';
    const out = save();
    // The centred paragraph is now first: it takes the place right after the opening tag.
    expect(out).toBe(raw.replace(heading, ''));
  });
});

describe('classic dialect', () => {
  const raw = [
    'Före citatet.',
    '',
    '<blockquote class="stort">',
    '<h3 id="kallan">Ur källan</h3>',
    '<p class="ingress">Det första stycket.</p>',
    '<ul class="punkter">',
    '\t<li>ett</li>',
    '</ul>',
    '<p style="text-align: center;">Det andra stycket.</p>',
    '<cite>Någon</cite>',
    '</blockquote>',
    '',
    'Efter citatet.',
  ].join('\n');

  test('an edit of one paragraph changes only its text', () => {
    const { editor, save } = open(raw);
    append(editor, ' Tillägg.', 1, 1);
    expect(save()).toBe(raw.replace('Det första stycket.', 'Det första stycket. Tillägg.'));
  });

  test('a quote of <p> elements stays elements with their attributes', () => {
    const quote = 'Före.\n\n<blockquote><p class="a">Ett.</p>\n\n<p>Två.</p></blockquote>\n\nEfter.';
    const { editor, save } = open(quote);
    append(editor, ' Tre.', 1, 1);
    expect(save()).toBe(quote.replace('Två.', 'Två. Tre.'));
  });

  test('a new paragraph inside gets a plain <p>', () => {
    const { editor, save } = open(raw);
    update(editor, () => void $at(1, 1).insertAfter($createParagraphNode().append($createTextNode('Nytt.'))));
    expect(save()).toBe(raw.replace('Det första stycket.</p>', 'Det första stycket.</p>\n<p>Nytt.</p>'));
  });
});
