import { $create, $getState, $setState, DecoratorNode, type LexicalNode, NODE_STATE_DIRECT } from 'lexical';
import type { JSX } from 'react';
import { blockHost } from '../views/BlockFrame.tsx';
import { MoreView } from '../views/MoreView.tsx';
import { type MoreData, moreState } from './data.ts';

/** WordPress' "more" divider (`<!--more-->`, core/more): what comes before it is the teaser on the front page. */
export class MoreNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-more', { extends: DecoratorNode, stateConfigs: [{ stateConfig: moreState }] });
  }

  override createDOM(): HTMLElement {
    return blockHost('lh-more-host');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getData(): MoreData {
    return $getState(this, moreState);
  }

  override decorate(): JSX.Element {
    return <MoreView nodeKey={this.getKey()} data={$getState(this, moreState, NODE_STATE_DIRECT)} />;
  }
}

export function $createMoreNode(data: MoreData = {}): MoreNode {
  return $setState($create(MoreNode), moreState, data);
}

export function $isMoreNode(node: LexicalNode | null | undefined): node is MoreNode {
  return node instanceof MoreNode;
}
