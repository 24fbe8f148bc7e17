import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostPreview } from '../../../electron/common/api/preview.ts';
import { blog } from '../blog.ts';
import { longDate } from '../i18n/dates.ts';
import { localeOf } from '../i18n/i18n.ts';
import { hardenPreview } from './harden.ts';
import './preview.css';

type Width = 'desktop' | 'mobile';

/**
 * The post as its blog would show it, in a frame that can do nothing: `sandbox=""` (no scripts, no forms,
 * an opaque origin that can't reach the app, no top navigation) around a document that loads nothing (core's
 * CSP and sanitiser, then hardenPreview). A native modal <dialog>: focus stays inside, Escape closes.
 * The preview follows autosave: when the open post is saved again it is rebuilt.
 */
export function PreviewDialog({ postId, onClose }: { postId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<PostPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [width, setWidth] = useState<Width>('desktop');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // A key pressed inside the frame stays in the frame's document (which runs no script to pass it on), so
    // Escape would stop closing the dialog once the reader clicked into the post: focus comes back out at once.
    // The wheel still scrolls the frame; the frame has nothing else to focus (its links have no href).
    // After the click has settled: the frame runs in its own process, and a synchronous focus() loses the race.
    const refocus = () =>
      setTimeout(() => {
        if (document.activeElement?.classList.contains('preview-frame')) dialog?.focus();
      }, 50);
    window.addEventListener('blur', refocus);
    return () => window.removeEventListener('blur', refocus);
  }, []);

  useEffect(() => {
    let live = true;
    const load = () =>
      blog.getPreview(postId).then(
        (next) => live && setPreview(next),
        (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
      );
    void load();
    const dispose = blog.onDidChangePost((event) => {
      if (event.kind === 'saved' && event.post.id === postId) void load();
    });
    return () => {
      live = false;
      dispose();
    };
  }, [postId]);

  const srcDoc = useMemo(() => (preview ? hardenPreview(preview.html) : null), [preview]);
  const fetchedAt = preview?.styleFetchedAt ? Date.parse(preview.styleFetchedAt) : Number.NaN;

  return (
    <dialog
      ref={ref}
      className="preview-dialog"
      tabIndex={-1}
      aria-labelledby="preview-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // Chromium may close a modal on Escape without a cancel event (no user activation since it opened).
      onClose={onClose}
    >
      <header className="preview-header">
        <h2 id="preview-title">{t('preview.title')}</h2>
        <div className="preview-widths" role="group" aria-label={t('preview.width')}>
          {(['desktop', 'mobile'] as const).map((w) => (
            <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}>
              {t(`preview.${w}`)}
            </button>
          ))}
        </div>
        <button type="button" className="preview-close" aria-label={t('preview.close')} autoFocus onClick={onClose}>
          ×
        </button>
      </header>
      {preview && !preview.hasBlogStyle && (
        <p className="preview-note" role="note">
          {t('preview.noStyle')}
        </p>
      )}
      {problem && (
        <p className="preview-note error" role="alert">
          {problem}
        </p>
      )}
      <div className="preview-stage">
        {srcDoc === null ? (
          !problem && <p className="preview-loading">{t('preview.loading')}</p>
        ) : (
          <iframe
            className={`preview-frame ${width}`}
            title={t('preview.frame')}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={srcDoc}
          />
        )}
      </div>
      <footer className="preview-footer">
        <span>{t('preview.offline')}</span>
        {Number.isFinite(fetchedAt) && <span>{t('preview.styleFrom', { when: longDate(fetchedAt, localeOf(i18n.language)) })}</span>}
      </footer>
    </dialog>
  );
}
