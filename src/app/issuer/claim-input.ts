import type { ClaimSpec } from '../../core/credentials/index.ts';

/**
 * Form text → claim value. Money is typed in euros ("1234,56" or "1234.56") and becomes integer
 * cents; numbers become numbers; everything else stays text. Unparseable input is passed through
 * as text so the type's schema reports it at the field.
 */
export function parseClaimInput(spec: ClaimSpec, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (spec.kind) {
    case 'cents': {
      const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s€]/g, ''));
      if (!match) return text;
      return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
    }
    case 'number':
    case 'integer': {
      const value = Number(text.replace(',', '.'));
      return Number.isFinite(value) ? value : text;
    }
    default:
      return text;
  }
}

/** Claims → the form's starting text (cents shown as euros). */
export function formatClaimInput(spec: ClaimSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'cents' && typeof value === 'number') return (value / 100).toFixed(2);
  return String(value);
}

export function inputTypeFor(spec: ClaimSpec): string {
  switch (spec.kind) {
    case 'date':
      return 'date';
    case 'month':
      return 'month';
    case 'number':
    case 'integer':
      return 'number';
    default:
      return 'text';
  }
}
