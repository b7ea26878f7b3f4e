import { useCallback } from 'react';
import { create } from 'zustand';
import { en, type MessageKey, type Messages } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

export type { MessageKey } from './en.ts';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
};

const catalogues: Record<Language, Messages> = { en, nl, fr };
const STORAGE_KEY = 'vouch.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's preferred languages that we speak, else English. */
export function pickLanguage(preferred: readonly string[], stored: string | null): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export type MessageParams = Record<string, string | number>;

/** Look a message up and fill in `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function initialLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return pickLanguage(preferred, readStoredLanguage());
}

interface LanguageState {
  language: Language;
}

export const useLanguageStore = create<LanguageState>(() => ({ language: initialLanguage() }));

/** The language choice is not sensitive, so it lives in localStorage: it is needed before unlock. */
export function setLanguage(language: Language): void {
  useLanguageStore.setState({ language });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}
