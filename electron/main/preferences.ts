import Store from 'electron-store';
import type { Preferences } from '../common/api/preferences.ts';
import type { PreferencesBackend } from '../core/preferences/preferences-store.ts';
import type { WindowBounds } from './window-state.ts';

/**
 * Preferences that are not part of the library, in electron-store: the user's choices (language, theme) and
 * where the window was. Never secrets (those go through safeStorage), never posts (those live in SQLite).
 */
interface StoredPreferences {
  app?: Preferences;
  windowBounds?: WindowBounds;
}

export function openPreferences(): Store<StoredPreferences> {
  return new Store<StoredPreferences>({ name: 'preferences', clearInvalidConfig: true });
}

/** Core's view of the store: it validates what it loads (a hand-edited file must not break the app). */
export function storeBackend(store: Store<StoredPreferences>): PreferencesBackend {
  return {
    load: () => store.get('app'),
    save: (preferences) => store.set('app', preferences),
  };
}
