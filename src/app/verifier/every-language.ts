/**
 * A text in every language, for what the desk sends to wallets (a request's purpose): each
 * language's catalogue is fetched first (catalogues.ts loads one language at a time), so
 * translating into a language the page does not show cannot fail.
 */
import { LANGUAGES, loadCatalogue, type Language } from '../i18n/index.ts';

export async function inEveryLanguage(
  words: (language: Language) => string,
): Promise<Record<Language, string>> {
  await Promise.all(LANGUAGES.map((language) => loadCatalogue(language)));
  const texts = {} as Record<Language, string>;
  for (const language of LANGUAGES) texts[language] = words(language);
  return texts;
}
