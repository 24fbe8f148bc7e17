import { $isListItemNode, $isListNode } from '@lexical/list';
import { $createParagraphNode, $getRoot, $isDecoratorNode, $isElementNode, $setState, type ElementNode, type LexicalNode } from 'lexical';
import type { Dialect, ParsedPost, QuoteBlock, SourceBlock } from '../../../../electron/common/document.ts';
import { fingerprintOf } from './hash.ts';
import { type BlockKeep, type BlockOrigin, listOriginState, originState, quoteChildOriginState } from './origin.ts';
import { quoteChildren } from './quote-shape.ts';
import { $blockToNode } from './to-nodes.ts';
import { $fingerprintQuoteChild, $nodeToBlock } from './to-blocks.ts';

/** Update tag of the load, so the tracker does not count building the document as editing it. */
export const LOAD_TAG = 'lh-load';

/** The fingerprint of a projected block: the block without its (never edited) source. */
export function fingerprintBlock(block: SourceBlock | null): string {
  return fingerprintOf(block && block.kind !== 'opaque' ? { ...block, source: undefined } : block);
}

/** The fingerprint a node is compared by. */
export function $fingerprintNode(node: LexicalNode, dialect: Dialect): string {
  return fingerprintBlock($nodeToBlock(node, dialect, 'fingerprint'));
}

function keepOf(block: SourceBlock): BlockKeep | undefined {
  const keep: { blockName?: string; attrs?: Record<string, unknown>; tagAttrs?: string } = {};
  if (block.blockName !== undefined) keep.blockName = block.blockName;
  if (block.attrs !== undefined) keep.attrs = block.attrs;
  if (block.tagAttrs !== undefined) keep.tagAttrs = block.tagAttrs;
  return Object.keys(keep).length ? keep : undefined;
}

/**
 * Replaces the editor's content with a parsed post: one top-level node per block, each carrying its origin
 * (source, index, fingerprint as built), and each block inside a quote its own (QuoteChildState in
 * model/origin.ts). Call inside `editor.update(…, { tag: LOAD_TAG })`.
 */
export function $loadDocument(doc: ParsedPost): void {
  const root = $getRoot();
  root.clear();
  for (const block of doc.blocks) {
    const node = $blockToNode(block, doc.dialect);
    const keep = keepOf(block);
    const origin: BlockOrigin = { source: block.source, index: block.index ?? 0, fingerprint: $fingerprintNode(node, doc.dialect), ...(keep ? { keep } : {}) };
    root.append($setState(node, originState, origin));
    // Lexical merges a list into the list before it when they touch (two lists in a row are two blocks
    // here): the origin also rides on the list's first item, which the merge moves along intact.
    const first = $isListNode(node) ? node.getFirstChild() : null;
    if ($isListItemNode(first)) $setState(first, listOriginState, origin);
    if (block.kind === 'quote' && $isElementNode(node)) $keepQuoteChildren(node, block, doc.dialect);
  }
  // Somewhere to type after a trailing image or embed (an empty paragraph writes nothing).
  const last = root.getLastChild();
  if (last === null || $isDecoratorNode(last)) root.append($createParagraphNode());
}

/** Each block of a quote that came from the post keeps its origin on its node (one node per block, in order). */
function $keepQuoteChildren(quote: ElementNode, block: QuoteBlock, dialect: Dialect): void {
  if (!block.childOrigins) return;
  const nodes = quote.getChildren();
  const children = quoteChildren(block);
  children.forEach((child, i) => {
    const origin = block.childOrigins?.[i];
    const node = nodes[i];
    if (origin && node) $setState(node, quoteChildOriginState, { fingerprint: $fingerprintQuoteChild(node, dialect), child, origin });
  });
}

/** The top-level node (child of the root) a node belongs to; shadow roots such as quotes are looked through. */
export function $topLevel(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    const parent: LexicalNode | null = current.getParent();
    if (parent === null) return null;
    if (parent.getKey() === 'root') return current;
    current = parent;
  }
  return null;
}
