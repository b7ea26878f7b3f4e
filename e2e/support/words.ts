import { en, type MessageKey } from '../../src/app/i18n/en.ts';
import { fr } from '../../src/app/i18n/fr.ts';
import { nl } from '../../src/app/i18n/nl.ts';

export type Language = 'nl' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];
export type Words = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The app's own words in one language, for specs that drive every language: they find buttons
 * and headings by the same message keys the screens use, so a rewording does not break them.
 */
export function wordsFor(language: Language): Words {
  const catalogue = { en, fr, nl }[language];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
