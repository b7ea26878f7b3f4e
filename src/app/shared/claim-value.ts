import type { ClaimSpec } from '../../core/credentials/index.ts';
import type { Language } from '../i18n/index.ts';
import { formatCents, formatDate, formatMonth } from './format.ts';

/** A claim's value as a person reads it (the citizen, the clerk): money in euros, dates and months in their language. */
export function formatClaim(
  spec: ClaimSpec | undefined,
  value: unknown,
  language: Language,
): string {
  if (value === undefined || value === null) return '—';
  switch (spec?.kind) {
    case 'cents':
      return typeof value === 'number' ? formatCents(value, language) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, language) : String(value);
    case 'month':
      return typeof value === 'string' ? formatMonth(value, language) : String(value);
    case 'enum':
      return spec.optionLabels?.[String(value)]?.[language] ?? String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
