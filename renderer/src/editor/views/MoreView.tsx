import type { NodeKey } from 'lexical';
import { useTranslation } from 'react-i18next';
import type { MoreData } from '../nodes/data.ts';
import { BlockFrame } from './BlockFrame.tsx';

export function MoreView({ nodeKey, data }: { nodeKey: NodeKey; data: MoreData }) {
  const { t } = useTranslation();
  return (
    <BlockFrame nodeKey={nodeKey} className="lh-more">
      <span className="lh-more-label">{data.customText ? t('editor.moreCustom', { text: data.customText }) : t('editor.more')}</span>
    </BlockFrame>
  );
}
