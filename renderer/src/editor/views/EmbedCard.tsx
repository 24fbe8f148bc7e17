import type { NodeKey } from 'lexical';
import { useTranslation } from 'react-i18next';
import { type EmbedData, videoProvider } from '../nodes/data.ts';
import { sanitizePreview } from '../sanitize.ts';
import { BlockFrame } from './BlockFrame.tsx';

const NAMES: Record<string, string> = { youtube: 'YouTube', vimeo: 'Vimeo', twitter: 'X/Twitter', spotify: 'Spotify', soundcloud: 'SoundCloud' };

/** A quiet card for an embed: the service, the link, the caption. Nothing is loaded from the network. */
export function EmbedCard({ nodeKey, data }: { nodeKey: NodeKey; data: EmbedData }) {
  const { t } = useTranslation();
  const service = (data.provider && NAMES[data.provider]) ?? videoProvider(data.url)?.name ?? data.provider ?? t('editor.embedUnknown');
  return (
    <BlockFrame nodeKey={nodeKey} className="lh-embed">
      <div className="lh-embed-card" role="group" aria-label={t('editor.embedLabel', { service })}>
        <span className="lh-embed-play" aria-hidden="true">▶</span>
        <span className="lh-embed-text">
          <span className="lh-embed-service">{t('editor.embedLabel', { service })}</span>
          <span className="lh-embed-url">{data.url}</span>
        </span>
      </div>
      {data.caption ? <div className="lh-embed-caption" dangerouslySetInnerHTML={{ __html: sanitizePreview(data.caption) }} /> : null}
    </BlockFrame>
  );
}
