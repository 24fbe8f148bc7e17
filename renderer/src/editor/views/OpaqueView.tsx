import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextDialog } from '../../ui/TextDialog.tsx';
import { $isOpaqueNode } from '../nodes/OpaqueNode.tsx';
import { restoreLineEndings } from '../source.ts';
import type { OpaqueData } from '../nodes/data.ts';
import { sanitizePreview } from '../sanitize.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { whenIdle } from './idle.ts';

const BLOCK_START = /^\s*<(?:table|ul|ol|dl|div|blockquote|pre|h[1-6]|figure|hr|p|object|iframe|video|audio|form|section|!--)/i;

/**
 * Classic HTML reads as paragraphs only after WordPress' wpautop; do a little of it for the preview (a
 * preview only: the block's source is never touched).
 */
export function autop(source: string): string {
  if (/<p[\s>]/i.test(source)) return source;
  return source
    .split(/\r?\n[ \t]*\r?\n/)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.trim().replace(/\r?\n/g, '<br>')}</p>`))
    .join('\n');
}

/** A block kept as source: what it is, a readable sanitised preview, and "Edit HTML". */
export function OpaqueView({ nodeKey, data }: { nodeKey: NodeKey; data: OpaqueData }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState(false);
  // Sanitised when the page is idle (see idle.ts); until then an empty box of about the preview's height.
  const [preview, setPreview] = useState<{ source: string; html: string } | null>(null);
  useEffect(() => whenIdle(() => setPreview({ source: data.source, html: sanitizePreview(autop(data.source)) })), [data.source]);
  const ready = preview?.source === data.source;
  const label = data.label === 'freeform' ? t('editor.opaqueFreeform') : t('editor.opaqueLabel', { label: data.label });
  const edit = (
    <button type="button" className="lh-block-button" onClick={() => setEditing(true)}>
      {t('editor.editHtml')}
    </button>
  );
  return (
    <BlockFrame nodeKey={nodeKey} className="lh-opaque">
      <div className="lh-opaque-head">
        <span className="lh-opaque-label">{label}</span>
        {edit}
      </div>
      <div className={`lh-opaque-preview${ready ? '' : ' is-pending'}`} dangerouslySetInnerHTML={{ __html: ready ? preview.html : '' }} />
      {editing ? (
        <TextDialog
          title={t('editor.editHtmlTitle')}
          label={label}
          initial={data.source}
          applyLabel={t('editor.apply')}
          cancelLabel={t('editor.cancel')}
          hint={t('editor.editHtmlHint')}
          code
          onCancel={() => setEditing(false)}
          onApply={(source) => {
            setEditing(false);
            editor.update(() => {
              const node = $getNodeByKey(nodeKey);
              // The text area shows CR LF as LF: keep the block's own line endings where it was not edited.
              const next = restoreLineEndings(data.source, source);
              if ($isOpaqueNode(node) && next !== node.getData().source) node.setSource(next);
            });
          }}
        />
      ) : null}
    </BlockFrame>
  );
}
