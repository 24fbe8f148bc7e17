import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './autosave.ts';
import { type Store, useStore } from './store.ts';

export interface SaveState {
  readonly status: SaveStatus;
  readonly error: string | null;
}

/** Quiet when all is well; says so clearly when a save failed (the text stays in the editor meanwhile). */
export function SaveIndicator({ store }: { store: Store<SaveState> }) {
  const { t } = useTranslation();
  const { status, error } = useStore(store);
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-status={status} title={error ?? undefined}>
      {t(`save.${status}`)}
    </span>
  );
}
