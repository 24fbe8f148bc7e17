import { $create, $getState, $setState, DecoratorNode, type LexicalNode, NODE_STATE_DIRECT } from 'lexical';
import type { JSX } from 'react';
import { blockHost } from '../views/BlockFrame.tsx';
import { EmbedCard } from '../views/EmbedCard.tsx';
import { type EmbedData, embedState } from './data.ts';

/**
 * An embedded video or post (WordPress oEmbed): shown as a card with its link, never fetched (the editor
 * works offline, and an embed's player is the blog's business). Old embeds — a URL on its own line,
 * [embed]/[youtube] shortcodes, iframes, <object><embed> — arrive as this node and keep their source.
 */
export class EmbedNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-embed', { extends: DecoratorNode, stateConfigs: [{ stateConfig: embedState }] });
  }

  override createDOM(): HTMLElement {
    return blockHost('lh-embed-host');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getData(): EmbedData {
    return $getState(this, embedState);
  }

  override getTextContent(): string {
    return `${this.getData().url}\n`;
  }

  override decorate(): JSX.Element {
    return <EmbedCard nodeKey={this.getKey()} data={$getState(this, embedState, NODE_STATE_DIRECT)} />;
  }
}

export function $createEmbedNode(data: EmbedData): EmbedNode {
  return $setState($create(EmbedNode), embedState, data);
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
