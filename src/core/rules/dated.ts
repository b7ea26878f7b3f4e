/**
 * Looking up dated parameters. A figure applies on a day when validFrom ≤ day ≤ validUntil (ISO
 * dates compare as text). No figure for the day → undefined: the caller answers 'unknown' or says
 * the step was not done. An old figure is never carried forward.
 */
import type { DatedValue, TraceParameter } from './rule-module.ts';

export function valueOn(values: readonly DatedValue[], day: string): DatedValue | undefined {
  return values.find(
    (value) =>
      value.validFrom <= day && (value.validUntil === undefined || day <= value.validUntil),
  );
}

/** The trace form of a parameter (or of a missing one: valueCents null). */
export function traceParameter(name: string, value: DatedValue | undefined): TraceParameter {
  if (value === undefined) return { name, valueCents: null };
  return {
    name,
    valueCents: value.valueCents,
    validFrom: value.validFrom,
    ...(value.validUntil === undefined ? {} : { validUntil: value.validUntil }),
    source: value.source,
    ...(value.derived === undefined ? {} : { derived: value.derived }),
  };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isMonth(text: unknown): text is string {
  return typeof text === 'string' && MONTH.test(text);
}

/** A real calendar day in ISO form (2024-02-30 is refused). */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
