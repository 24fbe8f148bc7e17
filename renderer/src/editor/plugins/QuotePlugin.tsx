import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isListNode } from '@lexical/list';
import { $createQuoteNode, $isHeadingNode, $isQuoteNode, QuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode, $getSelection, $isElementNode, $isParagraphNode, $isRangeSelection, $isRootNode, COMMAND_PRIORITY_LOW,
  INSERT_PARAGRAPH_COMMAND, KEY_BACKSPACE_COMMAND, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { QUOTE_CITATION_COMMAND, TOGGLE_QUOTE_COMMAND } from '../commands.ts';
import { $createQuoteCitationNode, $isQuoteCitationNode } from '../nodes/QuoteCitationNode.ts';

/**
 * Quotes hold paragraphs, headings, lists and an optional attribution (a shadow-root QuoteNode, as the
 * block model has them). This keeps that shape whatever made the quote (toolbar, Markdown "> ", paste) and
 * gives the keys their expected meaning: Enter on an empty last line leaves the quote, Backspace at its
 * start lifts the first paragraph out.
 */
export function $quoteAt(node: LexicalNode): QuoteNode | null {
  return $findMatchingParent(node, $isQuoteNode);
}

function $normalizeQuote(quote: QuoteNode): void {
  if (!quote.isShadowRoot()) quote.setIsShadowRoot(true);
  let paragraph: LexicalNode | null = null;
  for (const child of quote.getChildren()) {
    if ($isElementNode(child) && !child.isInline()) {
      paragraph = null;
      continue;
    }
    if (!paragraph) {
      paragraph = $createParagraphNode();
      child.insertBefore(paragraph);
    }
    (paragraph as ReturnType<typeof $createParagraphNode>).append(child);
  }
  const citations = quote.getChildren().filter($isQuoteCitationNode);
  const last = citations[citations.length - 1];
  for (const cite of citations) {
    if (cite !== last) cite.replace($createParagraphNode(), true);
  }
  if (last && last.getNextSibling() !== null) quote.append(last);
  if (quote.getChildrenSize() === 0) quote.remove();
}

function $toggleQuote(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const quote = $quoteAt(selection.anchor.getNode());
  if (quote) {
    for (const child of quote.getChildren()) {
      quote.insertBefore($isQuoteCitationNode(child) ? $createParagraphNode().append(...child.getChildren()) : child);
    }
    quote.remove();
    return;
  }
  const blocks: LexicalNode[] = [];
  for (const node of selection.getNodes()) {
    const top = node.getTopLevelElement();
    if (top && ($isParagraphNode(top) || $isHeadingNode(top) || $isListNode(top)) && !blocks.some((b) => b.is(top))) blocks.push(top);
  }
  if (blocks.length === 0) return;
  const created = $createQuoteNode({ shadowRoot: true });
  blocks[0]!.insertBefore(created);
  created.append(...blocks);
}

function $citation(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const quote = $quoteAt(selection.anchor.getNode());
  if (!quote) return;
  const existing = quote.getLastChild();
  if ($isQuoteCitationNode(existing)) existing.selectEnd();
  else quote.append($createQuoteCitationNode()).getLastChildOrThrow<ReturnType<typeof $createQuoteCitationNode>>().select();
}

/** The quote commands, transform and keys on an editor (also headless, for tests); returns the unregister. */
export function registerQuote(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(QuoteNode, $normalizeQuote),
    editor.registerCommand(TOGGLE_QUOTE_COMMAND, () => ($toggleQuote(), true), COMMAND_PRIORITY_LOW),
    editor.registerCommand(QUOTE_CITATION_COMMAND, () => ($citation(), true), COMMAND_PRIORITY_LOW),
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
        const block = selection.anchor.getNode().getTopLevelElement();
        const quote = block?.getParent();
        if (!$isParagraphNode(block) || !$isQuoteNode(quote) || block.getTextContentSize() !== 0) return false;
        const next = block.getNextSibling();
        if (next !== null && !$isQuoteCitationNode(next)) return false;
        quote.insertAfter(block);
        block.select();
        if (quote.getChildrenSize() === 0) quote.remove();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (event) => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.offset !== 0) return false;
        const block = selection.anchor.getNode().getTopLevelElement();
        const quote = block?.getParent();
        if (!block || !$isQuoteNode(quote) || $isRootNode(block) || quote.getFirstChild() !== block) return false;
        if (selection.anchor.getNode() !== block && block.getFirstDescendant() !== selection.anchor.getNode()) return false;
        event?.preventDefault();
        const lifted = $isQuoteCitationNode(block) ? $createParagraphNode().append(...block.getChildren()) : block;
        quote.insertBefore(lifted);
        if (lifted !== block) block.remove();
        lifted.selectStart();
        if (quote.getChildrenSize() === 0) quote.remove();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}

export function QuotePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerQuote(editor), [editor]);
  return null;
}
