import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguagePreference } from '../../../electron/common/api/preferences.ts';
import { deskEn, deskSv } from './desk.ts';
import { en } from './en.ts';
import { inspectorEn, inspectorSv } from './inspector.ts';
import { previewEn, previewSv } from './preview.ts';
import { syncEn, syncSv } from './sync.ts';
import { sv } from './sv.ts';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

/** 'system' means the OS's language when we have it, else English. */
export function resolveLanguage(preference: LanguagePreference, systemLanguages: readonly string[] = navigator.languages): Language {
  if (preference !== 'system') return preference;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'sv' || base === 'en') return base;
    // Norwegian and Danish readers read Swedish more easily than English.
    if (base === 'nb' || base === 'nn' || base === 'no' || base === 'da') return 'sv';
  }
  return 'en';
}

/** Starts i18next in the system language; preferences switch it later without a restart. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: { ...sv, desk: deskSv, inspector: inspectorSv, preview: previewSv, sync: syncSv } }, en: { translation: { ...en, desk: deskEn, inspector: inspectorEn, preview: previewEn, sync: syncEn } } },
    lng: resolveLanguage('system'),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

export function applyLanguage(preference: LanguagePreference): void {
  const language = resolveLanguage(preference);
  document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

/** BCP 47 locale for Intl (dates, numbers) matching the UI language. */
export function localeOf(language: string): string {
  return language === 'sv' ? 'sv-SE' : 'en-GB';
}
