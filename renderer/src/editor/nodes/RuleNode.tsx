import { $create, DecoratorNode, type DOMConversionMap, type LexicalNode } from 'lexical';
import type { JSX } from 'react';
import { BlockFrame, blockHost } from '../views/BlockFrame.tsx';

/** A horizontal rule (`<hr />`, core/separator). Its original attributes travel in the block origin. */
export class RuleNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-rule', { extends: DecoratorNode });
  }

  static override importDOM(): DOMConversionMap {
    return { hr: () => ({ conversion: () => ({ node: $createRuleNode() }), priority: 1 }) };
  }

  override createDOM(): HTMLElement {
    return blockHost('lh-rule-host');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return '\n';
  }

  override decorate(): JSX.Element {
    return (
      <BlockFrame nodeKey={this.getKey()} className="lh-rule">
        <hr />
      </BlockFrame>
    );
  }
}

export function $createRuleNode(): RuleNode {
  return $create(RuleNode);
}

export function $isRuleNode(node: LexicalNode | null | undefined): node is RuleNode {
  return node instanceof RuleNode;
}
