import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

export interface TextDialogProps {
  readonly title: string;
  readonly label: string;
  readonly initial: string;
  readonly applyLabel: string;
  readonly cancelLabel: string;
  /** Shown under the text area (e.g. what applying does). */
  readonly hint?: string;
  /** Monospaced, no spellcheck, no wrapping changes: for HTML source. */
  readonly code?: boolean;
  readonly onApply: (text: string) => void;
  readonly onCancel: () => void;
}

/**
 * A modal with one large text field (native <dialog>: focus trapped, Escape cancels). Rendered into
 * document.body, outside the editor's contenteditable, so the editor never sees its keystrokes.
 */
export function TextDialog({ title, label, initial, applyLabel, cancelLabel, hint, code, onApply, onCancel }: TextDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(initial);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className="text-dialog"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      <label className="text-dialog-field">
        <span>{label}</span>
        <textarea
          className={code ? 'code' : undefined}
          value={text}
          spellCheck={!code}
          autoFocus
          wrap={code ? 'off' : 'soft'}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {hint ? <p className="dialog-hint">{hint}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="primary" onClick={() => onApply(text)}>
          {applyLabel}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
