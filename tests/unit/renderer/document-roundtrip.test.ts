// The editor's side of the fidelity contract, in Node: every fixture parsed by core, built into Lexical
// nodes by the renderer's model code, collected back into a draft and serialised by core.

import { $getRoot, $isElementNode, $createTextNode, type LexicalEditor } from 'lexical';
import { describe, expect, test } from 'vitest';
import type { ParsedPost, SourceBlock } from '../../../electron/common/document.ts';
import { renderDraft } from '../../../electron/core/api/documents-api.ts';
import { parsePost, textContent } from '../../../electron/core/fidelity/index.ts';
import { $loadDocument, LOAD_TAG } from '../../../renderer/src/editor/model/document.ts';
import { DocumentTracker } from '../../../renderer/src/editor/model/tracker.ts';
import { $nodeToBlock } from '../../../renderer/src/editor/model/to-blocks.ts';
import { loadFixtures } from '../core/fidelity/fixtures.ts';
import { headlessEditor, read, update } from './headless.ts';

function open(raw: string): { editor: LexicalEditor; doc: ParsedPost; tracker: DocumentTracker } {
  const editor = headlessEditor();
  const doc = parsePost(raw);
  const tracker = new DocumentTracker(doc);
  editor.registerUpdateListener((u) => tracker.noteUpdate(u));
  update(editor, () => $loadDocument(doc), LOAD_TAG);
  return { editor, doc, tracker };
}

const collect = (editor: LexicalEditor, tracker: DocumentTracker) => read(editor, () => tracker.$collect());

/** Marks every top-level node as edited (without changing it), so the tracker projects and compares all of them. */
function touchAll(editor: LexicalEditor): void {
  update(editor, () => {
    for (const node of $getRoot().getChildren()) node.markDirty();
  });
}

describe.each(loadFixtures())('$name', ({ raw }) => {
  test('opened and saved without an edit: byte-identical, even when every node is re-examined', () => {
    const { editor, tracker } = open(raw);
    expect(renderDraft(collect(editor, tracker))).toBe(raw);
    touchAll(editor);
    const draft = collect(editor, tracker);
    expect(draft.blocks.filter((b) => b.kind !== 'kept' && b.changed)).toEqual([]);
    expect(renderDraft(draft)).toBe(raw);
  });

  test('an edit undone (the old state swapped back in) writes the original again', () => {
    const { editor, doc, tracker } = open(raw);
    const before = editor.getEditorState();
    const i = Math.max(0, doc.blocks.findIndex((b) => b.kind === 'paragraph'));
    update(editor, () => {
      const node = $getRoot().getChildAtIndex(i);
      if ($isElementNode(node)) node.append($createTextNode(' Ångrat.'));
    });
    expect(renderDraft(collect(editor, tracker)) === raw).toBe(doc.blocks[i]?.kind !== 'paragraph');
    editor.setEditorState(before, { tag: 'historic' });
    expect(renderDraft(collect(editor, tracker))).toBe(raw);
  });

  test('one paragraph edited: only its bytes differ, and it reads back as written', () => {
    const { editor, doc, tracker } = open(raw);
    const i = doc.blocks.findIndex((b) => b.kind === 'paragraph');
    if (i < 0) return;
    update(editor, () => {
      const node = $getRoot().getChildAtIndex(i);
      if (!$isElementNode(node)) throw new Error('not an element');
      node.append($createTextNode(' Tillägg.'));
    });
    const out = renderDraft(collect(editor, tracker));
    const original = doc.blocks[i]!;
    let start = doc.separators[0]!.length;
    for (let k = 0; k < i; k++) start += doc.blocks[k]!.source.length + doc.separators[k + 1]!.length;
    const suffix = raw.slice(start + original.source.length);
    expect(out.slice(0, start)).toBe(raw.slice(0, start));
    expect(out.endsWith(suffix)).toBe(true);
    const again = parsePost(out).blocks[i]!;
    const html = (b: SourceBlock) => (b.kind === 'paragraph' ? b.html : `(${b.kind})`);
    expect(textContent(html(again)).replace(/\s+/g, ' ')).toBe(`${textContent(html(original))} Tillägg.`.replace(/\s+/g, ' '));
  });

  test('every block written fresh by the editor parses back to the same content', () => {
    const { editor, doc } = open(raw);
    const blocks = read(editor, () =>
      $getRoot()
        .getChildren()
        .map((node) => $nodeToBlock(node, doc.dialect, 'write'))
        .filter((b): b is SourceBlock => b !== null && !(b.kind === 'paragraph' && b.html === '')),
    );
    const html = renderDraft({ dialect: doc.dialect, separators: [''], blocks: blocks.map((b) => ({ ...b, changed: true })) });
    const reparsed = parsePost(html);
    const expected = doc.blocks.filter((b) => !(b.kind === 'paragraph' && b.html.trim() === ''));
    expect(reparsed.blocks.map(summary)).toEqual(expected.map(summary));
  });
});

/** What a block says, independent of how its HTML is spelled (entities, <b> or <strong>, whitespace). */
function summary(b: SourceBlock): unknown {
  const t = (html: string) => textContent(html).replace(/\s+/g, ' ').trim();
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return [b.kind, t(b.html)];
    case 'list':
      return [b.kind, JSON.stringify(b.items, (k, v: unknown) => (k === 'html' && typeof v === 'string' ? t(v) : v))];
    case 'quote': {
      const children = b.children?.map((c) => (c.kind === 'list' ? summary({ ...c, source: '' }) : [c.kind, t(c.html)]));
      return [b.kind, b.paragraphs.map(t), children ?? null, b.citation === undefined ? null : t(b.citation)];
    }
    case 'image':
      return [b.kind, b.src, b.alt, t(b.caption ?? ''), b.align ?? null];
    case 'embed':
      return [b.kind, b.url];
    case 'opaque':
      return [b.kind, b.source];
    default:
      return [b.kind];
  }
}

describe('lists Lexical merges (two lists of a kind in a row are two blocks)', () => {
  const classic = 'Före.\n\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n\n<ul class="andra">\n\t<li>tre</li>\n</ul>\n\nEfter.\n';

  test('are merged in the editor but written back as they were', () => {
    const { editor, tracker } = open(classic);
    expect(read(editor, () => $getRoot().getChildrenSize())).toBe(3);
    expect(renderDraft(collect(editor, tracker))).toBe(classic);
    touchAll(editor);
    expect(renderDraft(collect(editor, tracker))).toBe(classic);
  });

  test('an edit in the second list changes only the second list', () => {
    const { editor, tracker } = open(classic);
    update(editor, () => {
      const list = $getRoot().getChildAtIndex(1);
      if (!$isElementNode(list)) throw new Error('no list');
      const last = list.getLastChild();
      if (!$isElementNode(last)) throw new Error('no item');
      last.append($createTextNode(' och fyra'));
    });
    expect(renderDraft(collect(editor, tracker))).toBe('Före.\n\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n\n<ul class="andra">\n<li>tre och fyra</li>\n</ul>\n\nEfter.\n');
  });
});

describe('a quote holding a heading and a list', () => {
  const classic = 'Före.\n\n<blockquote><h3>Rubrik</h3><ul><li>ett</li><li>två</li></ul><p>Text i citatet.</p><cite>Någon</cite></blockquote>\n\nEfter.';

  test('opens as a quote of a heading, a list and a paragraph, and is written back byte-identical', () => {
    const { editor, tracker } = open(classic);
    const types = read(editor, () => {
      const quote = $getRoot().getChildAtIndex(1);
      return $isElementNode(quote) ? quote.getChildren().map((c) => c.getType()) : [];
    });
    expect(types).toEqual(['heading', 'list', 'paragraph', 'lh-citation']);
    touchAll(editor);
    expect(renderDraft(collect(editor, tracker))).toBe(classic);
  });

  test('an edit inside keeps the heading and the list, and only the quote changes', () => {
    const { editor, tracker } = open(classic);
    update(editor, () => {
      const quote = $getRoot().getChildAtIndex(1);
      const paragraph = $isElementNode(quote) ? quote.getChildAtIndex(2) : null;
      if (!$isElementNode(paragraph)) throw new Error('no paragraph in the quote');
      paragraph.append($createTextNode(' Tillägg.'));
    });
    const out = renderDraft(collect(editor, tracker));
    // The heading and the list are written back as they were (their origins ride on their nodes).
    expect(out).toBe(classic.replace('Text i citatet.', 'Text i citatet. Tillägg.'));
    const quote = parsePost(out).blocks[1]!;
    expect(quote.kind === 'quote' && quote.children?.map((c) => c.kind)).toEqual(['heading', 'list', 'paragraph']);
  });
});
