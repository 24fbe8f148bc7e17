import { $create, $getState, $setState, DecoratorNode, type LexicalNode, NODE_STATE_DIRECT } from 'lexical';
import type { JSX } from 'react';
import { blockHost } from '../views/BlockFrame.tsx';
import { OpaqueView } from '../views/OpaqueView.tsx';
import { type OpaqueData, opaqueState } from './data.ts';

/**
 * A block the editor does not understand (a table, a gallery shortcode, a Gutenberg block it has no node
 * for, broken markup): shown as a sanitised, readable preview, written back byte for byte. "Edit HTML"
 * changes its source; nothing else does.
 */
export class OpaqueNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-opaque', { extends: DecoratorNode, stateConfigs: [{ stateConfig: opaqueState }] });
  }

  override createDOM(): HTMLElement {
    return blockHost('lh-opaque-host');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getData(): OpaqueData {
    return $getState(this, opaqueState);
  }

  setSource(source: string): this {
    return $setState(this, opaqueState, (prev) => ({ ...prev, source }));
  }

  override decorate(): JSX.Element {
    return <OpaqueView nodeKey={this.getKey()} data={$getState(this, opaqueState, NODE_STATE_DIRECT)} />;
  }
}

export function $createOpaqueNode(data: OpaqueData): OpaqueNode {
  return $setState($create(OpaqueNode), opaqueState, data);
}

export function $isOpaqueNode(node: LexicalNode | null | undefined): node is OpaqueNode {
  return node instanceof OpaqueNode;
}
