import type { Disposer, Listener } from '../events.ts';

/** 'system' follows the OS (its language, its light/dark setting) and changes with it. */
export type LanguagePreference = 'system' | 'sv' | 'en';
export type ThemePreference = 'system' | 'light' | 'dark';

/** The user's preferences: small, not part of the library, stored with electron-store in the app. */
export interface Preferences {
  readonly language: LanguagePreference;
  readonly theme: ThemePreference;
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'system', theme: 'system' };

export interface PreferencesApi {
  getPreferences(): Promise<Preferences>;
  /** Changes some preferences; the others stay. Every window hears about it (onDidChangePreferences). */
  setPreferences(patch: Partial<Preferences>): Promise<Preferences>;
  onDidChangePreferences(listener: Listener<Preferences>): Disposer;
}
