import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ImageData } from '../nodes/data.ts';
import { captionForEditing, captionFromEditing } from './caption.ts';

/** Alt text and caption of an image (a modal outside the editor, so the editor never sees its keys). */
export function ImageDialog({ data, onApply, onCancel }: { data: ImageData; onApply: (next: ImageData) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const initial = captionForEditing(data.caption);
  const [alt, setAlt] = useState(data.alt);
  const [caption, setCaption] = useState(initial.text);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const next: ImageData = { ...data, alt: alt.trim() };
    const html = captionFromEditing({ text: caption, html: initial.html });
    if (html === undefined) delete (next as { caption?: string }).caption;
    else (next as { caption?: string }).caption = html;
    onApply(next);
  };
  return createPortal(
    <dialog
      ref={ref}
      className="text-dialog"
      aria-label={t('image.dialogTitle')}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={apply}>
        <h2>{t('image.dialogTitle')}</h2>
        <label className="text-dialog-field">
          <span>{t('image.alt')}</span>
          <input value={alt} autoFocus onChange={(e) => setAlt(e.target.value)} />
        </label>
        <p className="dialog-hint">{t('image.altHint')}</p>
        <label className="text-dialog-field">
          <span>{initial.html ? t('image.captionHtml') : t('image.caption')}</span>
          <textarea className={initial.html ? 'code short' : 'short'} value={caption} onChange={(e) => setCaption(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('editor.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('editor.apply')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
