import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageAlign } from '../../../../electron/common/document.ts';
import { useImageUrl } from '../media.ts';
import { $isImageNode } from '../nodes/ImageNode.tsx';
import type { ImageData } from '../nodes/data.ts';
import { sanitizePreview } from '../sanitize.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { type ImageSize, IMAGE_SIZES, sizedTo } from './caption.ts';
import { ImageDialog } from './ImageDialog.tsx';

const ALIGNS: readonly ImageAlign[] = ['none', 'left', 'center', 'right'];
const SIZES: readonly ImageSize[] = ['thumbnail', 'medium', 'large', 'full'];

/** An image as the post will show it: aligned, sized, captioned; its settings while selected. */
export function ImageView({ nodeKey, data }: { nodeKey: NodeKey; data: ImageData }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const url = useImageUrl(data.src);
  const [dialog, setDialog] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  const update = (next: ImageData) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setData(next);
    });
  const align = data.align ?? 'none';
  const size: ImageSize = (SIZES as readonly string[]).includes(data.sizeSlug ?? '') ? (data.sizeSlug as ImageSize) : 'full';
  const resize = (next: ImageSize) => {
    const natural = img.current?.naturalWidth ? { width: img.current.naturalWidth, height: img.current.naturalHeight } : undefined;
    update({ ...data, ...sizedTo(next, data, natural), sizeSlug: next });
  };
  const fileName = decodeURIComponent(data.src.split(/[?#]/)[0]!.split('/').pop() ?? '');
  const width = data.width ?? (size !== 'full' ? IMAGE_SIZES[size] : undefined);

  const actions = (
    <>
      <span className="lh-block-group" role="group" aria-label={t('image.align')}>
        {ALIGNS.map((a) => (
          <button key={a} type="button" className="lh-block-button" aria-pressed={align === a} onClick={() => update({ ...data, align: a })}>
            {t(`image.align_${a}`)}
          </button>
        ))}
      </span>
      <label className="lh-block-select">
        <span>{t('image.size')}</span>
        <select value={size} onChange={(e) => resize(e.target.value as ImageSize)}>
          {SIZES.map((s) => (
            <option key={s} value={s}>
              {t(`image.size_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="lh-block-button" onClick={() => setDialog(true)}>
        {t('image.edit')}
      </button>
    </>
  );

  return (
    <BlockFrame nodeKey={nodeKey} className={`lh-image lh-align-${align}`} actions={actions}>
      <figure className="lh-figure" style={width ? { width: `min(${width}px, 100%)` } : undefined}>
        {url ? (
          <img ref={img} src={url} alt={data.alt} width={data.width} height={data.height} draggable={false} />
        ) : (
          <div className="lh-image-missing" role="img" aria-label={data.alt || fileName}>
            <span>{url === undefined ? '…' : t('image.notLocal')}</span>
            <span className="lh-image-file">{data.alt || fileName}</span>
          </div>
        )}
        {data.caption ? <figcaption dangerouslySetInnerHTML={{ __html: sanitizePreview(data.caption) }} /> : null}
      </figure>
      {dialog ? (
        <ImageDialog
          data={data}
          onCancel={() => setDialog(false)}
          onApply={(next) => {
            setDialog(false);
            update(next);
          }}
        />
      ) : null}
    </BlockFrame>
  );
}
