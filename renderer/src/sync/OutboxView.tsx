import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../../electron/common/api/sync.ts';
import { blog } from '../blog.ts';
import { formatModified } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';

/** What waits to be sent, with each entry's state, attempts and the server's words when it failed. */
export function OutboxView({ onOpenPost, onError }: { onOpenPost: (id: string) => void; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const load = () => void blog.listOutbox().then(setEntries, onError);
    load();
    return blog.onDidChangeSyncStatus(load);
  }, [onError]);
  return (
    <section className="outbox-view" aria-label={t('sync.outbox.title')}>
      <h2>{t('sync.outbox.title')}</h2>
      {entries.length === 0 ? (
        <p className="empty-list">{t('sync.outbox.empty')}</p>
      ) : (
        <ul className="outbox-list">
          {entries.map((entry) => (
            <li key={entry.id} className={`outbox-entry state-${entry.state}`}>
              <div>
                <button type="button" className="link-button" disabled={!entry.postId} onClick={() => entry.postId && onOpenPost(entry.postId)}>
                  {entry.postTitle || t('list.untitled')}
                </button>{' '}
                <span className="badge">{entry.action in ACTION_KEYS ? t(`sync.actions.${entry.action}`) : entry.action}</span>
              </div>
              <div className="outbox-meta">
                {t(`sync.outbox.state.${entry.state}`)} · {formatModified(entry.createdAt, locale)}
                {entry.attempts > 0 && ` · ${t('sync.outbox.attempts', { count: entry.attempts })}`}
              </div>
              {entry.error && <div className="outbox-error">{entry.error}</div>}
              {entry.state === 'failed' && (
                <div className="outbox-actions">
                  <button type="button" onClick={() => void blog.retryOutboxEntry(entry.id).catch(onError)}>
                    {t('sync.outbox.retry')}
                  </button>
                  <button type="button" className="danger" onClick={() => void blog.cancelOutboxEntry(entry.id).catch(onError)}>
                    {t('sync.outbox.cancel')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const ACTION_KEYS = { publish: 1, schedule: 1, update: 1, 'save-draft': 1, unpublish: 1, 'make-private': 1, trash: 1 };
