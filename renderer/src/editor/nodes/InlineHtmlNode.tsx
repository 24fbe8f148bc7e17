import { $create, $getState, $setState, DecoratorNode, type LexicalNode, NODE_STATE_DIRECT } from 'lexical';
import type { JSX } from 'react';
import { InlineHtmlView } from '../views/InlineHtmlView.tsx';
import { inlineHtmlState } from './data.ts';

/**
 * Inline markup the editor has no node for (a styled span, an inline image, an abbreviation…), kept as its
 * exact HTML so that editing the text around it never loses it. Shown through DOMPurify; not editable
 * itself (select and delete it, or edit the block's HTML).
 */
export class InlineHtmlNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-inline-html', { extends: DecoratorNode, stateConfigs: [{ stateConfig: inlineHtmlState }] });
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'lh-inline-html-host';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  getHtml(): string {
    return $getState(this, inlineHtmlState);
  }

  override getTextContent(): string {
    return this.getHtml().replace(/<[^>]*>/g, '');
  }

  override decorate(): JSX.Element {
    return <InlineHtmlView html={$getState(this, inlineHtmlState, NODE_STATE_DIRECT)} />;
  }
}

export function $createInlineHtmlNode(html: string): InlineHtmlNode {
  return $setState($create(InlineHtmlNode), inlineHtmlState, html);
}

export function $isInlineHtmlNode(node: LexicalNode | null | undefined): node is InlineHtmlNode {
  return node instanceof InlineHtmlNode;
}
