import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../electron/common/models.ts';
import { onDidRequestAppCommand } from '../commands/bus.ts';
import { PublishBar } from '../sync/PublishBar.tsx';
import { History } from './History.tsx';
import { PostSettings } from './PostSettings.tsx';

export interface InspectorProps {
  readonly post: Post;
  readonly onRestore: (revisionId: number) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

type Tab = 'settings' | 'history';

/** The right-hand panel beside the editor: the post's settings, or its history. */
export function Inspector({ post, onRestore, onError }: InspectorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('settings');
  useEffect(
    () =>
      onDidRequestAppCommand((command) => {
        if (command === 'show-history') setTab('history');
      }),
    [],
  );
  return (
    <aside className="inspector" aria-label={t('inspector.tabs.settings')}>
      <PublishBar post={post} onError={onError} />
      <div className="tabs" role="tablist">
        {(['settings', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            className="tab"
            onClick={() => setTab(name)}
          >
            {t(`inspector.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'settings' ? (
          <PostSettings key={post.id} post={post} onError={onError} />
        ) : (
          <History key={post.id} postId={post.id} onRestore={onRestore} onError={onError} />
        )}
      </div>
    </aside>
  );
}
