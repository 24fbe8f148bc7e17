import { useTranslation } from 'react-i18next';
import type { SyncProgress, SyncStatus } from '../../../electron/common/api/sync.ts';
import { blog } from '../blog.ts';
import type { LibraryOverview } from '../desk/useLibraryData.ts';
import { formatModified } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';

export interface SyncStatusBarProps {
  readonly overview: LibraryOverview;
  readonly status: SyncStatus;
  readonly progress: SyncProgress | null;
  readonly onReauthenticate: (blogId: string) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Quiet when all is well (connected, last sync, how much is in the library); clear when something needs the
 * writer, with the action that fixes it right there.
 */
export function SyncStatusBar({ overview, status, progress, onReauthenticate, onError }: SyncStatusBarProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const blogs = status.blogs;
  const online = blogs.length > 0 && blogs.every((b) => b.online);
  const syncing = blogs.some((b) => b.syncing);
  const outbox = blogs.reduce((n, b) => n + b.outbox, 0);
  const conflicts = blogs.reduce((n, b) => n + b.conflicts, 0);
  const lastSync = Math.max(0, ...blogs.map((b) => b.lastSyncAt ?? 0));
  const problem = blogs.find((b) => b.problem);
  const syncNow = () => void blog.syncNow().catch(onError);

  return (
    <footer className="status-bar" role="contentinfo">
      <span className={`status-dot ${online ? 'online' : 'offline'}`} aria-hidden="true" />
      {blogs.length === 0 ? (
        <span>{t('desk.statusBar.offline')}</span>
      ) : (
        // Offline is normal for a writer on a train: said calmly, details in the tooltip, no alert.
        <span title={problem?.problem?.kind === 'offline' ? problem.problem.message : undefined}>
          {syncing ? t('sync.status.syncing') : online ? t('sync.status.online') : t('sync.status.offline')}
        </span>
      )}
      {progress && (
        <span className="sync-progress" role="progressbar" aria-valuemin={0} aria-valuenow={progress.done} aria-valuemax={progress.total ?? undefined}>
          <span className="sync-progress-bar" style={{ width: progress.total ? `${Math.round((100 * progress.done) / Math.max(1, progress.total))}%` : '30%' }} />
          <span className="sync-progress-text">
            {progress.total !== null
              ? t('sync.status.progress', { phase: t(`sync.status.phase.${progress.phase}`), done: progress.done, total: progress.total })
              : t('sync.status.progressUnknown', { phase: t(`sync.status.phase.${progress.phase}`), done: progress.done })}
            {progress.current ? ` – ${progress.current}` : ''}
          </span>
        </span>
      )}
      {outbox > 0 && <span className="status-chip">{t('sync.status.outbox', { count: outbox })}</span>}
      {conflicts > 0 && <span className="status-chip warn">{t('sync.status.conflicts', { count: conflicts })}</span>}
      {problem?.problem && problem.problem.kind !== 'offline' && (
        <span className="status-problem" role="alert" title={problem.problem.message}>
          {shorten(problem.problem.message)}{' '}
          {problem.problem.kind === 're-authenticate' ? (
            <button type="button" className="link-button" onClick={() => onReauthenticate(problem.blogId)}>
              {t('sync.status.reauthenticate')}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={syncNow}>
              {t('sync.status.retry')}
            </button>
          )}
        </span>
      )}
      {blogs.some((b) => b.weakSecretStorage) && <span className="status-chip warn">{t('sync.status.weakSecrets')}</span>}
      <span className="status-spacer" />
      {blogs.length > 0 && <span>{lastSync ? t('sync.status.lastSync', { time: formatModified(lastSync, locale) }) : t('sync.status.never')}</span>}
      <span>{t('desk.statusBar.library', { count: overview.archive.total })}</span>
      {blogs.length > 0 && (
        <button type="button" className="quiet small" onClick={syncNow} disabled={syncing}>
          {t('sync.status.syncNow')}
        </button>
      )}
    </footer>
  );
}

/** The server's words, cut to fit a status bar (the whole text is in the tooltip). */
function shorten(message: string): string {
  return message.length > 120 ? `${message.slice(0, 117)}…` : message;
}
