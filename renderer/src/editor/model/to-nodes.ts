import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $createParagraphNode, type ElementFormatType, type LexicalNode } from 'lexical';
import type { Dialect, ListModel, SourceBlock } from '../../../../electron/common/document.ts';
import { $createEmbedNode } from '../nodes/EmbedNode.tsx';
import { $createImageNode } from '../nodes/ImageNode.tsx';
import { $createMoreNode } from '../nodes/MoreNode.tsx';
import { $createOpaqueNode } from '../nodes/OpaqueNode.tsx';
import { $createQuoteCitationNode } from '../nodes/QuoteCitationNode.ts';
import { $createRuleNode } from '../nodes/RuleNode.tsx';
import { parseEmbed, parseImage, parseMore } from '../nodes/data.ts';
import { $appendInline } from './inline-parse.ts';
import { quoteChildren } from './quote-shape.ts';

/**
 * One block of the model as one top-level Lexical node (so a node's origin is exactly one block):
 * paragraph, heading, list (nested lists as Lexical nests them), quote (a shadow-root QuoteNode holding
 * paragraphs, headings and lists, and an optional attribution), and a decorator for image, embed, more,
 * rule and opaque blocks.
 */
export function $blockToNode(block: SourceBlock, dialect: Dialect): LexicalNode {
  switch (block.kind) {
    case 'paragraph': {
      const p = $createParagraphNode();
      $appendInline(p, block.html, dialect);
      const align = alignOf(block.tagAttrs);
      if (align) p.setFormat(align);
      return p;
    }
    case 'heading': {
      const h = $createHeadingNode(`h${block.level}` as HeadingTagType);
      $appendInline(h, block.html, dialect);
      return h;
    }
    case 'list':
      return $buildList(block, dialect);
    case 'quote': {
      const quote = $createQuoteNode({ shadowRoot: true });
      for (const child of quoteChildren(block)) {
        if (child.kind === 'list') {
          quote.append($buildList(child, dialect));
          continue;
        }
        const el = child.kind === 'heading' ? $createHeadingNode(`h${child.level}` as HeadingTagType) : $createParagraphNode();
        $appendInline(el, child.html, dialect);
        quote.append(el);
      }
      if (block.citation !== undefined) {
        const cite = $createQuoteCitationNode();
        $appendInline(cite, block.citation, dialect);
        quote.append(cite);
      }
      if (quote.getChildrenSize() === 0) quote.append($createParagraphNode());
      return quote;
    }
    case 'image':
      return $createImageNode(parseImage(block));
    case 'embed':
      return $createEmbedNode(parseEmbed(block));
    case 'more':
      return $createMoreNode(parseMore(block));
    case 'separator':
      return $createRuleNode();
    default:
      return $createOpaqueNode({ source: block.source, label: block.label });
  }
}

/** Lexical nests a list as an item whose only child is the nested list, right after the item it belongs to. */
export function $buildList(model: ListModel, dialect: Dialect): ListNode {
  const list = $createListNode(model.ordered ? 'number' : 'bullet');
  for (const item of model.items) {
    const li = $createListItemNode();
    $appendInline(li, item.html, dialect);
    list.append(li);
    if (item.children) list.append($createListItemNode().append($buildList(item.children, dialect)));
  }
  return list;
}

/** Paragraph alignment from its tag's attributes, for display only (the attributes themselves are kept). */
function alignOf(tagAttrs: string | undefined): ElementFormatType | null {
  const m = /text-align:\s*(center|right|justify)|has-text-align-(center|right)/i.exec(tagAttrs ?? '');
  return m ? ((m[1] ?? m[2])!.toLowerCase() as ElementFormatType) : null;
}
