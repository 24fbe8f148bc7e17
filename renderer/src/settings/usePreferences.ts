import { useCallback, useEffect, useState } from 'react';
import type { Preferences, ThemePreference } from '../../../electron/common/api/preferences.ts';
import { blog } from '../blog.ts';
import { applyLanguage } from '../i18n/i18n.ts';

function applyTheme(theme: ThemePreference): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Shown for the first few milliseconds, until the stored preferences arrive. */
const UNTIL_LOADED: Preferences = { language: 'system', theme: 'system' };

/** The current preferences, applied to the page (language, theme) now and whenever any window changes them. */
export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState<Preferences>(UNTIL_LOADED);
  const apply = useCallback((next: Preferences) => {
    setPreferences(next);
    applyLanguage(next.language);
    applyTheme(next.theme);
  }, []);
  useEffect(() => {
    blog.getPreferences().then(apply, (error: unknown) => console.error('preferences', error));
    return blog.onDidChangePreferences(apply);
  }, [apply]);
  // Applied from the answer too, not only from the event: this window must not wait for a broadcast.
  const update = useCallback(
    (patch: Partial<Preferences>) => {
      blog.setPreferences(patch).then(apply, (error: unknown) => console.error('preferences', error));
    },
    [apply],
  );
  return [preferences, update];
}
