import type { Preferences, PreferencesApi } from '../../common/api/preferences.ts';
import type { Emitter } from '../../common/events.ts';
import { normalizePreferences, type PreferencesBackend } from '../preferences/preferences-store.ts';

export function createPreferencesApi(backend: PreferencesBackend, changes: Emitter<Preferences>): PreferencesApi {
  return {
    getPreferences: async () => normalizePreferences(backend.load()),
    setPreferences: async (patch) => {
      const next = normalizePreferences({ ...normalizePreferences(backend.load()), ...patch });
      backend.save(next);
      changes.fire(next);
      return next;
    },
    onDidChangePreferences: changes.event,
  };
}
