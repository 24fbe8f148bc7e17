import type { PreferencesApi } from '../../api/preferences.ts';
import { literal, object, optional } from '../../validate.ts';
import type { ContractSection } from './section.ts';

export const PREFERENCES_CONTRACT = {
  methods: {
    getPreferences: [],
    setPreferences: [object({ language: optional(literal('system', 'sv', 'en')), theme: optional(literal('system', 'light', 'dark')) })],
  },
  events: { onDidChangePreferences: true },
} as const satisfies ContractSection<PreferencesApi>;
