import DOMPurify from 'dompurify';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision, RevisionSummary } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';
import { longDate } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';

export interface HistoryProps {
  readonly postId: string;
  readonly onRestore: (revisionId: number) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/**
 * A post's earlier versions (taken on pauses, before publish and sync, before restores), newest first, with
 * a preview and a restore. The preview is sanitised HTML: a revision may hold anything a blog ever stored.
 */
export function History({ postId, onRestore, onError }: HistoryProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [shown, setShown] = useState<Revision | null>(null);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const load = () => void blog.listRevisions(postId).then(setRevisions, onError);
    load();
    return blog.onDidChangeLibrary((event) => {
      if (event.kind === 'revisions' && event.postId === postId) load();
    });
  }, [postId, onError]);

  if (revisions.length === 0) return <p className="inspector-empty">{t('inspector.history.empty')}</p>;

  return (
    <div className="history">
      {restored && (
        <p className="inspector-note" role="status">
          {t('inspector.history.restored')}
        </p>
      )}
      <ul className="revision-list" aria-label={t('inspector.tabs.history')}>
        {revisions.map((revision) => (
          <li key={revision.id}>
            <button
              type="button"
              className="revision-item"
              aria-current={shown?.id === revision.id ? 'true' : undefined}
              onClick={() => blog.getRevision(revision.id).then(setShown, onError)}
            >
              <span className="revision-date">
                {longDate(revision.createdAt, locale)}{' '}
                {new Date(revision.createdAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
              </span>
              <span className="revision-meta">
                {t(`inspector.history.reason.${revision.reason}`)} · {t('inspector.history.words', { count: revision.words })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown && (
        <section className="revision-preview" aria-label={t('inspector.history.preview')}>
          <h3>{shown.title}</h3>
          <div className="revision-body" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(shown.html, { USE_PROFILES: { html: true } }) }} />
          <button
            type="button"
            className="primary"
            onClick={() =>
              void onRestore(shown.id).then(() => {
                setShown(null);
                setRestored(true);
              }, onError)
            }
          >
            {t('inspector.history.restore')}
          </button>
        </section>
      )}
    </div>
  );
}
