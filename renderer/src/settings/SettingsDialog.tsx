import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguagePreference, Preferences, ThemePreference } from '../../../electron/common/api/preferences.ts';
import { BlogAccounts } from './BlogAccounts.tsx';

export interface SettingsDialogProps {
  readonly preferences: Preferences;
  readonly onChange: (patch: Partial<Preferences>) => void;
  readonly onClose: () => void;
}

/** Language, theme and blog accounts. Changes apply at once (no restart, no OK button needed). */
export function SettingsDialog({ preferences, onChange, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby="settings-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select value={preferences.language} onChange={(e) => onChange({ language: e.target.value as LanguagePreference })}>
          <option value="system">{t('settings.languageSystem')}</option>
          <option value="sv">Svenska</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select value={preferences.theme} onChange={(e) => onChange({ theme: e.target.value as ThemePreference })}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
      <BlogAccounts />
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('settings.done')}
        </button>
      </div>
    </dialog>
  );
}
