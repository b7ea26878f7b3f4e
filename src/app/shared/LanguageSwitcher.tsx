import { useId } from 'react';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  isLanguage,
  setLanguage,
  useLanguageStore,
  useT,
} from '../i18n/index.ts';

/** The language menu of the top bar: its label is for screen readers, the menu names itself. */
export function LanguageSwitcher() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
