import { $isAutoLinkNode, $isLinkNode, type LinkNode } from '@lexical/link';
import { $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode, type TextFormatType } from 'lexical';
import type { Dialect } from '../../../../electron/common/document.ts';
import { $isInlineHtmlNode } from '../nodes/InlineHtmlNode.tsx';
import { escapeAttr, escapeText } from './entities.ts';

/**
 * Lexical inline nodes back into inline HTML, the way WordPress' editors write it: strong, em, u, s, code,
 * sub, sup, a href; a line break is a newline in the classic dialect (wpautop makes it a <br>) and <br>
 * in block markup. Formats are opened in one fixed order and kept open across neighbouring text, so the
 * output does not depend on how Lexical happened to split or merge text nodes.
 *
 * `fingerprint` mode is for noticing edits, not for writing: an autolink counts as its text there, because
 * the autolinker links bare URLs of an opened post on load and that must not count as the user's edit.
 */
export type InlineMode = 'write' | 'fingerprint';

const ORDER: ReadonlyArray<[TextFormatType, string]> = [
  ['bold', 'strong'], ['italic', 'em'], ['underline', 'u'], ['strikethrough', 's'],
  ['subscript', 'sub'], ['superscript', 'sup'], ['code', 'code'],
];

class Writer {
  out = '';
  private open: string[] = [];
  private readonly dialect: Dialect;
  private readonly mode: InlineMode;
  constructor(dialect: Dialect, mode: InlineMode) {
    this.dialect = dialect;
    this.mode = mode;
  }

  /** Close tags until the open ones are a prefix of `tags`, then open the rest. */
  private formats(tags: readonly string[]): void {
    let keep = 0;
    while (keep < this.open.length && keep < tags.length && this.open[keep] === tags[keep]) keep++;
    while (this.open.length > keep) this.out += `</${this.open.pop()!}>`;
    for (const tag of tags.slice(keep)) {
      this.out += `<${tag}>`;
      this.open.push(tag);
    }
  }

  closeAll(): void {
    this.formats([]);
  }

  node(node: LexicalNode): void {
    if ($isTextNode(node)) {
      const text = node.getTextContent();
      if (text === '') return;
      this.formats(ORDER.filter(([f]) => node.hasFormat(f)).map(([, tag]) => tag));
      this.out += escapeText(text);
    } else if ($isLineBreakNode(node)) {
      this.out += this.dialect === 'classic' ? '\n' : '<br>';
    } else if ($isInlineHtmlNode(node)) {
      // Raw markup inside whatever formats are open: it was read from inside them.
      this.out += node.getHtml();
    } else if ($isLinkNode(node)) {
      if ((this.mode === 'fingerprint' && $isAutoLinkNode(node)) || ($isAutoLinkNode(node) && node.getIsUnlinked())) {
        for (const child of node.getChildren()) this.node(child);
        return;
      }
      this.link(node);
    } else if ($isElementNode(node)) {
      for (const child of node.getChildren()) this.node(child);
    } else {
      this.formats([]);
      this.out += escapeText(node.getTextContent());
    }
  }

  private link(node: LinkNode): void {
    this.closeAll();
    let tag = `<a href="${escapeAttr(node.getURL())}"`;
    const target = node.getTarget();
    const rel = node.getRel();
    const title = node.getTitle();
    if (target) tag += ` target="${escapeAttr(target)}"`;
    if (rel) tag += ` rel="${escapeAttr(rel)}"`;
    if (title) tag += ` title="${escapeAttr(title)}"`;
    this.out += `${tag}>`;
    for (const child of node.getChildren()) this.node(child);
    this.closeAll();
    this.out += '</a>';
  }
}

/** The inline HTML of some nodes (usually an element's children). Call inside a read or update. */
export function $inlineHtml(nodes: readonly LexicalNode[], dialect: Dialect, mode: InlineMode = 'write'): string {
  const writer = new Writer(dialect, mode);
  for (const node of nodes) writer.node(node);
  writer.closeAll();
  return writer.out;
}
