// Block formats inside a quote, in Node: the toolbar's and shortcuts' setBlockType on a paragraph in a
// quote makes a heading there (not outside, not instead of the quote), back again, undo, Markdown "## ",
// and the quote written by core in both dialects as WordPress writes a quote that already holds a heading.

import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerList } from '@lexical/list';
import { registerMarkdownShortcuts } from '@lexical/markdown';
import {
  $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, type ElementNode, type LexicalEditor, UNDO_COMMAND,
} from 'lexical';
import { describe, expect, test } from 'vitest';
import { renderDraft } from '../../../electron/core/api/documents-api.ts';
import { parsePost, textContent } from '../../../electron/core/fidelity/index.ts';
import { $currentBlock, type BlockType, setBlockType } from '../../../renderer/src/editor/blockFormat.ts';
import { $loadDocument, LOAD_TAG } from '../../../renderer/src/editor/model/document.ts';
import { DocumentTracker } from '../../../renderer/src/editor/model/tracker.ts';
import { MARKDOWN_TRANSFORMERS } from '../../../renderer/src/editor/plugins/markdown.ts';
import { registerQuote } from '../../../renderer/src/editor/plugins/QuotePlugin.tsx';
import { fixture } from '../core/fidelity/fixtures.ts';
import { headlessEditor, read, update } from './headless.ts';

const CLASSIC = 'Före.\n\n<blockquote><p>Beslut om <strong>arbetstider</strong></p><p>Flextiden utökas.</p><cite>Protokoll 14</cite></blockquote>\n\nEfter.';

function open(raw: string): { editor: LexicalEditor; html: () => string } {
  const editor = headlessEditor();
  registerQuote(editor);
  registerList(editor);
  const tracker = new DocumentTracker(parsePost(raw));
  editor.registerUpdateListener((u) => tracker.noteUpdate(u));
  update(editor, () => $loadDocument(parsePost(raw)), LOAD_TAG);
  return { editor, html: () => renderDraft(read(editor, () => tracker.$collect())) };
}

const $quote = (): ElementNode => {
  const quote = $getRoot().getChildren().find((n) => n.getType() === 'quote');
  if (!$isElementNode(quote)) throw new Error('no quote');
  return quote;
};
const $inQuote = (i: number): ElementNode => $quote().getChildAtIndex(i) as ElementNode;
const quoteShape = (editor: LexicalEditor) => read(editor, () => $quote().getChildren().map((c) => ('getTag' in c ? (c.getTag as () => string)() : c.getType())));

/** The caret inside the quote's i-th child, `offset` characters into its first text. */
function caretIn(editor: LexicalEditor, i: number, offset = 2): void {
  update(editor, () => {
    const text = $inQuote(i).getFirstDescendant();
    if (!$isTextNode(text)) throw new Error('no text');
    text.select(offset, offset);
  });
}

/** What the toolbar does on a click, committed. */
function choose(editor: LexicalEditor, type: BlockType): void {
  setBlockType(editor, type);
  editor.read(() => undefined); // flushes the pending update
}

describe('a heading made in a quote (classic)', () => {
  test('H3 on the quote’s first paragraph makes that paragraph a heading inside the quote', () => {
    const { editor, html } = open(CLASSIC);
    caretIn(editor, 0);
    choose(editor, 'h3');
    expect(read(editor, () => $getRoot().getChildren().map((n) => n.getType()))).toEqual(['paragraph', 'quote', 'paragraph']);
    expect(quoteShape(editor)).toEqual(['h3', 'paragraph', 'lh-citation']);
    expect(read(editor, $currentBlock)).toEqual({ block: 'h3', quote: true });
    // Whitespace between the quote's blocks is core's choice (kept or written fresh); the markup is not.
    expect(html()).toMatch(/^Före\.\n\n<blockquote><h3>Beslut om <strong>arbetstider<\/strong><\/h3>\s*<p>Flextiden utökas\.<\/p>\s*<cite>Protokoll 14<\/cite><\/blockquote>\n\nEfter\.$/);
    const quote = parsePost(html()).blocks[1]!;
    expect(quote.kind === 'quote' && quote.children?.map((c) => c.kind)).toEqual(['heading', 'paragraph']);
  });

  test('"Paragraph" (and the same heading again) turns it back, and the post is as it was', () => {
    const { editor, html } = open(CLASSIC);
    caretIn(editor, 0);
    choose(editor, 'h2');
    choose(editor, 'paragraph');
    expect(quoteShape(editor)).toEqual(['paragraph', 'paragraph', 'lh-citation']);
    expect(read(editor, $currentBlock)).toEqual({ block: 'paragraph', quote: true });
    choose(editor, 'h4');
    choose(editor, 'h4');
    expect(quoteShape(editor)).toEqual(['paragraph', 'paragraph', 'lh-citation']);
    expect(parsePost(html()).blocks[1]).toMatchObject({ kind: 'quote', paragraphs: ['Beslut om <strong>arbetstider</strong>', 'Flextiden utökas.'], citation: 'Protokoll 14' });
  });

  test('one undo restores the quote as it was', () => {
    const { editor, html } = open(CLASSIC);
    registerHistory(editor, createEmptyHistoryState(), 0);
    caretIn(editor, 1);
    choose(editor, 'h3');
    expect(quoteShape(editor)).toEqual(['paragraph', 'h3', 'lh-citation']);
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    editor.read(() => undefined);
    expect(quoteShape(editor)).toEqual(['paragraph', 'paragraph', 'lh-citation']);
    expect(html()).toBe(CLASSIC);
  });

  test('the attribution line stays one, even when the selection reaches into it', () => {
    const { editor } = open(CLASSIC);
    caretIn(editor, 2);
    choose(editor, 'h3');
    expect(quoteShape(editor)).toEqual(['paragraph', 'paragraph', 'lh-citation']);
    update(editor, () => {
      const from = $inQuote(1).getFirstDescendant();
      const to = $inQuote(2).getFirstDescendant();
      const selection = $getSelection();
      if (!$isTextNode(from) || !$isTextNode(to) || !$isRangeSelection(selection)) throw new Error('no text');
      selection.setTextNodeRange(from, 0, to, 4);
    });
    choose(editor, 'h3');
    expect(quoteShape(editor)).toEqual(['paragraph', 'h3', 'lh-citation']);
    expect(read(editor, () => $quote().getTextContent())).toContain('Protokoll 14');
  });

  test('a list made in a quote stays in it too, and so does a heading made from it', () => {
    const { editor } = open(CLASSIC);
    caretIn(editor, 1);
    choose(editor, 'bullet');
    expect(quoteShape(editor)).toEqual(['paragraph', 'ul', 'lh-citation']);
    expect(read(editor, $currentBlock)).toEqual({ block: 'bullet', quote: true });
    choose(editor, 'h3');
    expect(quoteShape(editor)).toEqual(['paragraph', 'h3', 'lh-citation']);
    choose(editor, 'bullet');
    choose(editor, 'bullet');
    expect(quoteShape(editor)).toEqual(['paragraph', 'paragraph', 'lh-citation']);
  });

  test('Markdown "## " typed at the start of a paragraph in a quote makes a heading there', () => {
    const { editor } = open(CLASSIC);
    registerMarkdownShortcuts(editor, MARKDOWN_TRANSFORMERS);
    caretIn(editor, 1, 0);
    for (const ch of '## ') {
      update(editor, () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(ch);
      });
      editor.read(() => undefined);
    }
    expect(quoteShape(editor)).toEqual(['paragraph', 'h2', 'lh-citation']);
    expect(read(editor, () => $inQuote(1).getTextContent())).toBe('Flextiden utökas.');
  });
});

/** A quote's blocks as core reads them back: kind, level and text (not how their markup is spelled). */
function quoteContent(raw: string): unknown {
  const quote = parsePost(raw).blocks.find((b) => b.kind === 'quote');
  if (quote?.kind !== 'quote') throw new Error('no quote');
  const children = quote.children?.map((c) => [c.kind, c.kind === 'heading' ? c.level : null, textContent(c.kind === 'list' ? c.items.map((it) => it.html).join('|') : c.html)]);
  return { children, citation: quote.citation };
}

describe('a heading made in a quote (block markup)', () => {
  // The fixture's quote with its heading written as a paragraph, as the writer had it before choosing H3.
  const withHeading = fixture('blocks/citat-med-rubrik.html');
  const asParagraph = withHeading.replace(
    '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Det vi såg</h3>\n<!-- /wp:heading -->',
    '<!-- wp:paragraph -->\n<p>Det vi såg</p>\n<!-- /wp:paragraph -->',
  );

  test('reads back as the quote that already held the heading, with the heading’s own delimiter', () => {
    expect(asParagraph).not.toBe(withHeading);
    const { editor, html } = open(asParagraph);
    caretIn(editor, 0);
    choose(editor, 'h3');
    expect(quoteShape(editor)).toEqual(['h3', 'ul', 'paragraph', 'lh-citation']);
    const out = html();
    expect(quoteContent(out)).toEqual(quoteContent(withHeading));
    expect(out).toMatch(/<blockquote class="wp-block-quote"><!-- wp:heading \{"level":3\} -->\n<h3( class="wp-block-heading")?>Det vi såg<\/h3>\n<!-- \/wp:heading -->\n\n<!-- wp:list -->/);
    // Only the quote was written again: what stands before and after it keeps its bytes.
    const [before, after] = [withHeading.indexOf('<!-- wp:quote -->'), withHeading.indexOf('<!-- /wp:quote -->')];
    expect(out.startsWith(withHeading.slice(0, before))).toBe(true);
    expect(out.endsWith(withHeading.slice(after))).toBe(true);
  });

  test('an edit elsewhere in the quote keeps the new heading, as it keeps one that was there', () => {
    const made = open(asParagraph);
    caretIn(made.editor, 0);
    choose(made.editor, 'h3');
    const existing = open(withHeading);
    for (const { editor } of [made, existing]) {
      update(editor, () => {
        const last = $inQuote(2).getLastDescendant();
        if ($isTextNode(last)) last.setTextContent(`${last.getTextContent()} Bra.`);
      });
    }
    expect(quoteContent(made.html())).toEqual(quoteContent(existing.html()));
  });
});
