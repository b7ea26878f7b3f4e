import type { Language } from '../i18n/index.ts';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-GB' };

/** 720 → "12 minutes ago" / "12 minuten geleden" / "il y a 12 minutes". */
export function formatAgo(seconds: number, language: Language): string {
  const s = Math.max(0, Math.round(seconds));
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  if (s < 60) return format.format(-s, 'second');
  if (s < 7200) return format.format(-Math.round(s / 60), 'minute');
  if (s < 172_800) return format.format(-Math.round(s / 3600), 'hour');
  return format.format(-Math.round(s / 86_400), 'day');
}

export function secondsSince(iso: string, now = Date.now()): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : Math.max(0, (now - time) / 1000);
}
