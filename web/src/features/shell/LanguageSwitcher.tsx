/** Switches the UI language; i18n.ts remembers the choice and updates <html lang>. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/i18n.js';

export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.resolvedLanguage ?? i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          // Each language is named in itself, so people find theirs whatever the current one.
          <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>
        ))}
      </select>
    </div>
  );
};
