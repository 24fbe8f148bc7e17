import { $isQuoteNode } from '@lexical/rich-text';
import {
  $create, $createParagraphNode, type DOMConversionMap, type EditorConfig, ElementNode, type LexicalNode, type ParagraphNode, type RangeSelection,
} from 'lexical';

/**
 * The attribution line of a quote (`<cite>` inside `<blockquote>`): our author quotes other writers
 * constantly and names them under the quote. It lives as the last child of a shadow-root QuoteNode;
 * Enter in it leaves the quote.
 */
export class QuoteCitationNode extends ElementNode {
  override $config() {
    return this.config('lh-citation', { extends: ElementNode });
  }

  static override importDOM(): DOMConversionMap {
    return {
      cite: (el) =>
        el.parentElement?.nodeName === 'BLOCKQUOTE' ? { conversion: () => ({ node: $createQuoteCitationNode() }), priority: 1 } : null,
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const cite = document.createElement('cite');
    cite.className = config.theme.quoteCitation ?? 'lh-quote-cite';
    return cite;
  }

  override updateDOM(): false {
    return false;
  }

  /** Enter: a new paragraph after the whole quote (the attribution ends it). */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    const quote = this.getParent();
    (quote && $isQuoteNode(quote) ? quote : this).insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createQuoteCitationNode(): QuoteCitationNode {
  return $create(QuoteCitationNode);
}

export function $isQuoteCitationNode(node: LexicalNode | null | undefined): node is QuoteCitationNode {
  return node instanceof QuoteCitationNode;
}
