import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './autosave.ts';

/** Quiet when all is well; says so clearly when a save failed (the text stays in the editor meanwhile). */
export function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  const { t } = useTranslation();
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-status={status} title={error ?? undefined}>
      {t(`save.${status}`)}
    </span>
  );
}
