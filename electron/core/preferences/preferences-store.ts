import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DEFAULT_PREFERENCES, type Preferences } from '../../common/api/preferences.ts';

/**
 * Where preferences live. The app passes one backed by electron-store (electron/main/preferences.ts); the
 * harness and the CLI use a JSON file in the data dir. Core only needs load and save.
 */
export interface PreferencesBackend {
  load(): unknown;
  save(preferences: Preferences): void;
}

/** Whatever was stored (maybe by an older or newer version, maybe hand-edited) → valid preferences. */
export function normalizePreferences(stored: unknown): Preferences {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value[key] as T) ? (value[key] as T) : fallback;
  return {
    language: pick('language', ['system', 'sv', 'en'] as const, DEFAULT_PREFERENCES.language),
    theme: pick('theme', ['system', 'light', 'dark'] as const, DEFAULT_PREFERENCES.theme),
  };
}

/** A JSON file, replaced atomically (write then rename), so a crash leaves the old or the new file. */
export function jsonFilePreferences(path: string): PreferencesBackend {
  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch {
        return {};
      }
    },
    save(preferences) {
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(preferences, null, 2)}\n`);
      renameSync(temp, path);
    },
  };
}
