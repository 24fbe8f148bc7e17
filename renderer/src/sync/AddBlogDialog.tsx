import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlogDiscovery, SyncProgress } from '../../../electron/common/api/sync.ts';
import type { Blog } from '../../../electron/common/models.ts';
import { blog } from '../blog.ts';

export interface AddBlogDialogProps {
  /** Prefilled when re-authenticating a blog that is already known. */
  readonly initialUrl?: string;
  readonly onClose: () => void;
}

type Step = 'address' | 'credentials' | 'pulling' | 'done';

/**
 * Address → discovery → Application Password (typed in, or via WordPress' authorize page) → first pull with
 * progress. Every failure says what went wrong in the server's or the network's words, and keeps what was typed.
 */
export function AddBlogDialog({ initialUrl = '', onClose }: AddBlogDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>('address');
  const [url, setUrl] = useState(initialUrl);
  const [found, setFound] = useState<BlogDiscovery | null>(null);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitingForBrowser, setWaitingForBrowser] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pulled, setPulled] = useState(0);
  const [progress, setProgress] = useState<SyncProgress | null>(null);

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const fail = (reason: unknown) => {
    setBusy(false);
    setError(reason instanceof Error ? reason.message : String(reason));
  };

  const firstPull = async (connected: Blog) => {
    setStep('pulling');
    // The first pull of a ten-year archive takes a while: show how far it got (the same events the status bar uses).
    const stop = blog.onDidSyncProgress((event) => {
      if (event.blogId === connected.id) setProgress(event);
    });
    try {
      const report = await blog.syncNow(connected.id);
      setPulled(report.pulled);
      setStep('done');
    } finally {
      stop();
    }
  };

  const discover = (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    blog.discoverBlog(url.trim()).then((discovery) => {
      setFound(discovery);
      setBusy(false);
      setStep('credentials');
    }, fail);
  };

  const connect = (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    blog
      .connectBlog({ url: found?.siteUrl ?? url.trim(), userName: user.trim(), appPassword: password })
      .then((connected) => {
        setPassword('');
        setBusy(false);
        return firstPull(connected);
      })
      .catch(fail);
  };

  // The authorize page sends the password to our callback; core connects the blog and says so.
  useEffect(() => {
    if (!waitingForBrowser) return undefined;
    return blog.onDidChangeLibrary((event) => {
      if (event.kind !== 'blogs' || !found) return;
      void blog.listBlogs().then(async (blogs) => {
        const connected = blogs.find((b) => b.url === found.siteUrl);
        if (!connected) return;
        setWaitingForBrowser(false);
        await firstPull(connected);
      }).catch(fail);
    });
  }, [waitingForBrowser, found]);

  const authorize = () => {
    setError(null);
    blog.beginAuthorization(found?.siteUrl ?? url.trim()).then((start) => {
      setWaitingForBrowser(true);
      // The shell opens allow-listed links in the OS browser; the page itself never navigates away.
      window.open(start.authorizeUrl, '_blank', 'noopener');
    }, fail);
  };

  return (
    <dialog
      ref={ref}
      className="wizard-dialog"
      aria-labelledby="wizard-title"
      onCancel={(event) => {
        event.preventDefault();
        if (step !== 'pulling') onClose();
      }}
    >
      <h2 id="wizard-title">{t(initialUrl ? 'sync.wizard.titleAgain' : 'sync.wizard.title')}</h2>
      {step === 'address' && (
        <form onSubmit={discover}>
          <label className="field-stack">
            <span>{t('sync.wizard.addressLabel')}</span>
            <input type="url" required autoFocus value={url} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
            <small>{t('sync.wizard.addressHint')}</small>
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('sync.wizard.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !url.trim()}>
              {busy ? t('sync.wizard.finding') : t('sync.wizard.find')}
            </button>
          </div>
        </form>
      )}
      {step === 'credentials' && found && (
        <form onSubmit={connect}>
          <p className="wizard-found">{t('sync.wizard.found', { name: found.name })}</p>
          <label className="field-stack">
            <span>{t('sync.wizard.userLabel')}</span>
            <input autoFocus required autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
          </label>
          <label className="field-stack">
            <span>{t('sync.wizard.passwordLabel')}</span>
            <input type="password" required autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
            <small>{t('sync.wizard.passwordHint')}</small>
          </label>
          {found.authorizeUrl && (
            <p className="wizard-or">
              {t('sync.wizard.orAuthorize')}{' '}
              <button type="button" className="link-button" onClick={authorize}>
                {t('sync.wizard.authorize')}
              </button>
            </p>
          )}
          {waitingForBrowser && <p role="status">{t('sync.wizard.waitingForBrowser')}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={() => setStep('address')}>
              {t('sync.wizard.back')}
            </button>
            <button type="submit" className="primary" disabled={busy || !user.trim() || !password.trim()}>
              {busy ? t('sync.wizard.connecting') : t('sync.wizard.connect')}
            </button>
          </div>
        </form>
      )}
      {step === 'pulling' && (
        <div role="status" className="wizard-progress">
          <p>{t('sync.wizard.pulling')}</p>
          {progress && (
            <>
              <progress max={progress.total ?? undefined} value={progress.total === null ? undefined : progress.done} />
              <small>
                {progress.total !== null
                  ? t('sync.status.progress', { phase: t(`sync.status.phase.${progress.phase}`), done: progress.done, total: progress.total })
                  : t('sync.status.progressUnknown', { phase: t(`sync.status.phase.${progress.phase}`), done: progress.done })}
              </small>
            </>
          )}
        </div>
      )}
      {step === 'done' && (
        <>
          <p role="status">{t('sync.wizard.pulled', { count: pulled })}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              {t('sync.wizard.done')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </dialog>
  );
}
