import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode, type QuoteNode } from '@lexical/rich-text';
import { $getState, $isDecoratorNode, $isElementNode, $isParagraphNode, type LexicalNode } from 'lexical';
import type { Dialect, HeadingBlock, ListItem, ListModel, QuoteBlock, QuoteChild, QuoteChildOrigin, SourceBlock } from '../../../../electron/common/document.ts';
import { $isEmbedNode } from '../nodes/EmbedNode.tsx';
import { $isImageNode } from '../nodes/ImageNode.tsx';
import { $isMoreNode } from '../nodes/MoreNode.tsx';
import { $isOpaqueNode } from '../nodes/OpaqueNode.tsx';
import { $isQuoteCitationNode } from '../nodes/QuoteCitationNode.ts';
import { $isRuleNode } from '../nodes/RuleNode.tsx';
import { fingerprintOf } from './hash.ts';
import { $inlineHtml, type InlineMode } from './inline-write.ts';
import { quoteChildOriginState } from './origin.ts';
import { quoteShape } from './quote-shape.ts';

/**
 * A top-level node as a block of the model — what core serialises when the node is new or changed, and
 * (in fingerprint mode) what the editor compares to notice a change. Only fields the editor shows are
 * produced; the caller adds the origin's kept fields (attributes, tag attributes). `source` is '' here.
 * Returns null for nodes that write nothing (an empty paragraph).
 */
export function $nodeToBlock(node: LexicalNode, dialect: Dialect, mode: InlineMode = 'write'): SourceBlock | null {
  const inline = inlineOf(dialect, mode);
  if ($isParagraphNode(node)) return { kind: 'paragraph', source: '', html: inline(node) };
  if ($isHeadingNode(node)) {
    const level = Number(node.getTag().slice(1)) as HeadingBlock['level'];
    return { kind: 'heading', source: '', level, html: inline(node) };
  }
  if ($isListNode(node)) return { kind: 'list', source: '', ...$listModel(node, inline) };
  if ($isQuoteNode(node)) return $quoteBlock(node, dialect, mode);
  if ($isImageNode(node)) return { kind: 'image', source: '', ...node.getData() };
  if ($isEmbedNode(node)) return { kind: 'embed', source: '', ...node.getData() };
  if ($isMoreNode(node)) return { kind: 'more', source: '', ...node.getData() };
  if ($isRuleNode(node)) return { kind: 'separator', source: '' };
  if ($isOpaqueNode(node)) {
    const { source, label } = node.getData();
    return { kind: 'opaque', source, label };
  }
  if ($isDecoratorNode(node)) return null;
  return { kind: 'paragraph', source: '', html: $isElementNode(node) ? inline(node) : '' };
}

/** Inline HTML of an element's children (nested lists excluded: they are structure, not text). */
type Inline = (n: LexicalNode) => string;

function inlineOf(dialect: Dialect, mode: InlineMode): Inline {
  return (n) => ($isElementNode(n) ? $inlineHtml(n.getChildren().filter((c) => !$isListNode(c)), dialect, mode) : '');
}

/** The model of a ListNode: an item holding only a nested list belongs to the item before it. */
export function $listModel(list: ListNode, inline: Inline): ListModel {
  return $itemsModel(list.getChildren(), list.getListType() === 'number', inline);
}

/** A list block of some of a ListNode's items (a run: see model/document.ts on merged lists). */
export function $listRunBlock(items: readonly LexicalNode[], ordered: boolean, dialect: Dialect, mode: InlineMode): SourceBlock {
  return { kind: 'list', source: '', ...$itemsModel(items, ordered, inlineOf(dialect, mode)) };
}

function $itemsModel(children: readonly LexicalNode[], ordered: boolean, inline: Inline): ListModel {
  const items: ListItem[] = [];
  for (const li of children) {
    if (!$isListItemNode(li)) continue;
    const only = li.getChildrenSize() === 1 ? li.getFirstChild() : null;
    if ($isListNode(only)) {
      const nested = $listModel(only, inline);
      const prev = items[items.length - 1];
      if (prev && !prev.children) items[items.length - 1] = { ...prev, children: nested };
      else if (prev?.children && prev.children.ordered === nested.ordered) prev.children.items.push(...nested.items);
      else items.push({ html: '', children: nested });
      continue;
    }
    // A nested list after the item's text (Lexical keeps them apart, but be lenient).
    const nestedList = li.getChildren().find($isListNode);
    items.push(nestedList ? { html: inline(li), children: $listModel(nestedList, inline) } : { html: inline(li) });
  }
  return { ordered, items };
}

/** One block inside a quote as a quote child; null for an empty one (an Enter too many) and the attribution. */
function $quoteChildOf(child: LexicalNode, inline: Inline): QuoteChild | null {
  if ($isQuoteCitationNode(child)) return null;
  if ($isListNode(child)) {
    const list = $listModel(child, inline);
    return list.items.some((i) => i.html.trim() !== '' || i.children) ? { kind: 'list', ...list } : null;
  }
  const html = $isElementNode(child) ? inline(child) : '';
  if (html.trim() === '') return null;
  return $isHeadingNode(child) ? { kind: 'heading', level: Number(child.getTag().slice(1)) as HeadingBlock['level'], html } : { kind: 'paragraph', html };
}

/** The fingerprint a block inside a quote is compared by (see model/origin.ts, QuoteChildState). */
export function $fingerprintQuoteChild(child: LexicalNode, dialect: Dialect): string {
  return fingerprintOf($quoteChildOf(child, inlineOf(dialect, 'fingerprint')));
}

/**
 * A quote: its paragraphs, headings and lists, and the attribution. `children` only when there is a heading
 * or a list (as core parses it), so a quote of paragraphs keeps the simple shape. Empty paragraphs (an Enter
 * too many) are left out. When written, blocks that came from the post carry their origin (`childOrigins`),
 * and an unedited one the block as it was read, so core writes it back as it was.
 */
function $quoteBlock(node: QuoteNode, dialect: Dialect, mode: InlineMode): SourceBlock {
  const inline = inlineOf(dialect, mode);
  let citation: string | undefined;
  const children: QuoteChild[] = [];
  const origins: QuoteChildOrigin[] = [];
  for (const child of node.isShadowRoot() ? node.getChildren() : [node]) {
    if ($isQuoteCitationNode(child)) citation = inline(child);
    const projected = $quoteChildOf(child, inline);
    if (!projected) continue;
    const kept = mode === 'write' ? $getState(child, quoteChildOriginState) : null;
    children.push(kept && $fingerprintQuoteChild(child, dialect) === kept.fingerprint ? kept.child : projected);
    origins.push(kept?.origin ?? {});
  }
  const block: QuoteBlock = { kind: 'quote', source: '', ...quoteShape(children) };
  if (citation !== undefined && citation.trim() !== '') block.citation = citation;
  if (origins.some((o) => Object.keys(o).length)) block.childOrigins = origins;
  return block;
}
