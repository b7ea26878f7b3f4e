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

/**
 * The input's attributes for a claim kind: a keyboard that fits, and the bounds the type's schema
 * checks (shown to the browser and to assistive technology; the schema still decides). An ISCED-F
 * code stays text so that its leading zero ("0613") survives.
 */
export function inputAttributesFor(spec: ClaimSpec): {
  type: string;
  inputMode?: 'decimal' | 'numeric';
  step?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
} {
  switch (spec.kind) {
    case 'cents':
      return { type: 'text', inputMode: 'decimal' };
    case 'number':
      return { type: 'number', step: 'any', ...bounds(spec) };
    case 'integer':
      return { type: 'number', step: '1', inputMode: 'numeric', ...bounds(spec) };
    case 'isced-f':
      return { type: 'text', inputMode: 'numeric', maxLength: 4, pattern: '[0-9]{2,4}' };
    default:
      return { type: inputTypeFor(spec) };
  }
}

function bounds(spec: ClaimSpec): { min?: number; max?: number } {
  return {
    ...(spec.min === undefined ? {} : { min: spec.min }),
    ...(spec.max === undefined ? {} : { max: spec.max }),
  };
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
