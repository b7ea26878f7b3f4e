/**
 * The message catalogues, one chunk per language (issue 12): a page fetches only the language it
 * shows, and another one when the reader switches to it. Nothing here renders: main.tsx awaits
 * the first catalogue before the first render, and setLanguage (index.ts) awaits the next before
 * the page switches, so no screen ever shows a key instead of its words.
 */
import type { MessageKey, Messages } from './en.ts';

export type { MessageKey, Messages } from './en.ts';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Each language's aggregator (en.ts, nl.ts, fr.ts), imported on demand as a chunk of its own. */
const IMPORTERS: Record<Language, () => Promise<Messages>> = {
  en: async () => (await import('./en.ts')).en,
  nl: async () => (await import('./nl.ts')).nl,
  fr: async () => (await import('./fr.ts')).fr,
};

const loaded: Partial<Record<Language, Messages>> = {};
const loading: Partial<Record<Language, Promise<Messages>>> = {};

/** Fetch a language's catalogue once; later calls return the same one. */
export function loadCatalogue(language: Language): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  loading[language] ??= IMPORTERS[language]().then(
    (messages) => (loaded[language] = messages),
    (error: unknown) => {
      // A failed fetch (offline before the service worker cached it) may be tried again.
      delete loading[language];
      throw error;
    },
  );
  return loading[language];
}

/** Whether a language's catalogue is here, so that translating into it cannot fail. */
export const isCatalogueLoaded = (language: Language): boolean => loaded[language] !== undefined;

export type MessageParams = Record<string, string | number>;

/**
 * Look a message up and fill in `{name}` placeholders. The language's catalogue must have been
 * loaded (loadCatalogue): translating into one that is not is a bug, and says so.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const catalogue = loaded[language];
  if (!catalogue) {
    throw new Error(`The "${language}" catalogue is not loaded: await loadCatalogue first`);
  }
  const text = catalogue[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
