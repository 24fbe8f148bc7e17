import { $isListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR, BOLD_ITALIC_UNDERSCORE, BOLD_STAR, BOLD_UNDERSCORE, type ElementTransformer, INLINE_CODE, ITALIC_STAR,
  ITALIC_UNDERSCORE, LINK, ORDERED_LIST, STRIKETHROUGH, type Transformer, UNORDERED_LIST,
} from '@lexical/markdown';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode, HeadingNode, type HeadingTagType, QuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, type ElementNode } from 'lexical';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createRuleNode, $isRuleNode, RuleNode } from '../nodes/RuleNode.tsx';

/**
 * Markdown the editor understands while typing and in pasted text: "## " to "#### " headings (a post's
 * title is its only h1), "> " quotes (our quote shape), "- "/"* " and "1. " lists, "---" rules, and
 * **bold**, __bold__, _italic_, *italic*, ~~strike~~, `code`, [text](url).
 */
const HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, children) => ($isHeadingNode(node) ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${children(node)}` : null),
  regExp: /^(#{2,4})\s/,
  // In a quote too: it may hold headings (the paragraph is replaced where it is, inside the quote).
  replace: (parent, children, match, isImport) => {
    const heading = $createHeadingNode(`h${match[1]!.length}` as HeadingTagType);
    heading.append(...children);
    parent.replace(heading);
    // Only while typing: an import builds detached nodes, and a selection in them would be lost.
    if (!isImport) heading.select(0, 0);
    return true;
  },
  type: 'element',
};

const QUOTE: ElementTransformer = {
  dependencies: [QuoteNode],
  export: (node, children) => ($isQuoteNode(node) ? node.getChildren().map((c) => `> ${children(c as ElementNode)}`).join('\n') : null),
  regExp: /^>\s/,
  replace: (parent, children, _match, isImport) => {
    if ($isQuoteNode(parent.getParent())) return false;
    const paragraph = $createParagraphNode();
    paragraph.append(...children);
    const previous = parent.getPreviousSibling();
    if (isImport && $isQuoteNode(previous)) {
      previous.append(paragraph);
      parent.remove();
      return true;
    }
    const quote = $createQuoteNode({ shadowRoot: true });
    quote.append(paragraph);
    parent.replace(quote);
    if (!isImport) paragraph.select(0, 0);
    return true;
  },
  type: 'element',
};

const RULE: ElementTransformer = {
  dependencies: [RuleNode],
  export: (node) => ($isRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parent, _children, _match, isImport) => {
    if ($isQuoteNode(parent.getParent()) || $isListNode(parent.getParent())) return false;
    const rule = $createRuleNode();
    if (isImport || parent.getNextSibling() !== null) parent.replace(rule);
    else parent.insertBefore(rule);
    if (!isImport) rule.selectNext();
    return true;
  },
  triggerOnEnter: true,
  type: 'element',
};

export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  RULE, HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST,
  INLINE_CODE, BOLD_ITALIC_STAR, BOLD_ITALIC_UNDERSCORE, BOLD_STAR, BOLD_UNDERSCORE, ITALIC_STAR, ITALIC_UNDERSCORE, STRIKETHROUGH,
  LINK,
];

/** Does plain text look like Markdown (so pasting converts it) rather than prose? */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const marked = lines.filter((l) => /^(#{1,6}\s|>\s|[-*+]\s|\d+[.)]\s|```|---\s*$)/.test(l)).length;
  const inline = /\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)|`[^`\n]+`/.test(text);
  return marked > 0 || inline;
}
