import {
  $create, $getState, $setState, DecoratorNode, type DOMConversionMap, type DOMExportOutput, type LexicalNode, NODE_STATE_DIRECT,
} from 'lexical';
import type { JSX } from 'react';
import { blockHost } from '../views/BlockFrame.tsx';
import { ImageView } from '../views/ImageView.tsx';
import { type ImageData, imageState, parseImage } from './data.ts';

/**
 * An image: src (a remote URL of an old post, or local media inserted here), alt text, caption, alignment
 * and size. Old posts' forms — [caption] shortcodes, <figure>/<figcaption>, wp-image-N classes, links
 * around the image — are all this node; what it does not edit (extra attributes and classes) travels in
 * its data and is written back.
 */
export class ImageNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('lh-image', { extends: DecoratorNode, stateConfigs: [{ stateConfig: imageState }] });
  }

  static override importDOM(): DOMConversionMap {
    return {
      img: () => ({ conversion: (el) => ({ node: $createImageNode(imageFromElement(el as HTMLImageElement)) }), priority: 1 }),
      figure: (el) =>
        el.querySelector('img')
          ? {
              priority: 2,
              conversion: (figure) => {
                const img = figure.querySelector('img')!;
                const caption = figure.querySelector('figcaption')?.innerHTML.trim();
                const data = imageFromElement(img);
                return { node: $createImageNode(caption ? { ...data, caption } : data), after: () => [] };
              },
            }
          : null,
    };
  }

  override createDOM(): HTMLElement {
    return blockHost('lh-image-host');
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  getData(): ImageData {
    return $getState(this, imageState);
  }

  setData(data: ImageData): this {
    return $setState(this, imageState, data);
  }

  override exportDOM(): DOMExportOutput {
    const { src, alt } = this.getData();
    const img = document.createElement('img');
    img.setAttribute('src', src);
    img.setAttribute('alt', alt);
    return { element: img };
  }

  override decorate(): JSX.Element {
    return <ImageView nodeKey={this.getKey()} data={$getState(this, imageState, NODE_STATE_DIRECT)} />;
  }
}

function imageFromElement(img: HTMLImageElement): ImageData {
  const num = (name: string) => {
    const v = Number(img.getAttribute(name));
    return Number.isSafeInteger(v) && v > 0 ? v : undefined;
  };
  return parseImage({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '', width: num('width'), height: num('height') });
}

export function $createImageNode(data: ImageData): ImageNode {
  return $setState($create(ImageNode), imageState, data);
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
