import type { SaveStatus } from './autosave.ts';

const LABELS: Record<SaveStatus, string> = {
  saved: 'Sparat',
  dirty: 'Ändrat',
  saving: 'Sparar…',
  error: 'Kunde inte spara – försöker igen',
};

/** Quiet when all is well; says so clearly when a save failed (the text stays in the editor meanwhile). */
export function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-status={status} title={error ?? undefined}>
      {LABELS[status]}
    </span>
  );
}
