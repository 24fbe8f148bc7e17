import Store from 'electron-store';
import type { WindowBounds } from './window-state.ts';

/**
 * Preferences that are not part of the library: window placement now, language and theme later.
 * Never secrets (those go through safeStorage), never posts (those live in SQLite).
 */
export interface Preferences {
  windowBounds?: WindowBounds;
}

export function openPreferences(): Store<Preferences> {
  return new Store<Preferences>({ name: 'preferences', clearInvalidConfig: true });
}
