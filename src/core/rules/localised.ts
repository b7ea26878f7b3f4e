/** Small helpers for trilingual trace text. */
import type { Localised } from './rule-module.ts';

export function localised(nl: string, fr: string, en: string): Localised {
  return { nl, fr, en };
}

/** Builds a Localised from one template applied to each language's pieces. */
export function perLanguage(build: (lang: 'nl' | 'fr' | 'en') => string): Localised {
  return { nl: build('nl'), fr: build('fr'), en: build('en') };
}
