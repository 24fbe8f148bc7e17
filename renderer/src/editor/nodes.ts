import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { EmbedNode } from './nodes/EmbedNode.tsx';
import { ImageNode } from './nodes/ImageNode.tsx';
import { InlineHtmlNode } from './nodes/InlineHtmlNode.tsx';
import { MoreNode } from './nodes/MoreNode.tsx';
import { OpaqueNode } from './nodes/OpaqueNode.tsx';
import { QuoteCitationNode } from './nodes/QuoteCitationNode.ts';
import { RuleNode } from './nodes/RuleNode.tsx';

/** Every node type the editor knows (the block model maps onto exactly these). */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode, QuoteNode, QuoteCitationNode, ListNode, ListItemNode, LinkNode, AutoLinkNode,
  ImageNode, EmbedNode, OpaqueNode, MoreNode, RuleNode, InlineHtmlNode,
];
