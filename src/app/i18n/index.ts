import { useCallback } from 'react';
import { create } from 'zustand';
import {
  isLanguage,
  loadCatalogue,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from './catalogues.ts';

export {
  isCatalogueLoaded,
  isLanguage,
  LANGUAGES,
  loadCatalogue,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from './catalogues.ts';

export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
};

const STORAGE_KEY = 'vouch.language';

/** The first of the browser's preferred languages that we speak, else English. */
export function pickLanguage(preferred: readonly string[], stored: string | null): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The language a page starts in: the reader's earlier choice, else the browser's. */
export function initialLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return pickLanguage(preferred, readStoredLanguage());
}

interface LanguageState {
  language: Language;
}

export const useLanguageStore = create<LanguageState>(() => ({ language: initialLanguage() }));

/** The language last asked for: a slower catalogue must not undo a later choice. */
let requested: Language | null = null;

/**
 * Switch the page's language once its catalogue is here (fetched on first use). The choice is not
 * sensitive, so it lives in localStorage: it is needed before unlock.
 */
export async function switchLanguage(language: Language): Promise<void> {
  requested = language;
  await loadCatalogue(language);
  if (requested !== language) return;
  useLanguageStore.setState({ language });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** switchLanguage for event handlers and effects; a catalogue that cannot be fetched changes nothing. */
export function setLanguage(language: Language): void {
  switchLanguage(language).catch(() => {
    // Offline before this language was ever fetched: the page stays in the language it shows.
  });
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}
