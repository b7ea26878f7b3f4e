/**
 * zod schemas for each claim kind, and the sentence that says what a kind expects (for a desk
 * clerk: "period must be a month YYYY-MM, got …").
 */
import { z } from 'zod';
import type { ClaimSpec } from './credential-type.ts';

export const MAX_TEXT_LENGTH = 200;
/** ICD-10 code: a letter, two digits, optionally a dot and 1–4 digits or letters (J61, C45.0). */
export const ICD10_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
/**
 * ISCED-F 2013 field of education code (UNESCO): a broad field (2 digits, "06"), a narrow field
 * (3 digits, "061") or a detailed field (4 digits, "0613"); each narrower code starts with its
 * broader one, so the pattern alone is the check.
 */
export const ISCED_F_PATTERN = /^[0-9]{2}([0-9]{1,2})?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function isRealMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12;
}

const text = z
  .string()
  .min(1)
  .max(MAX_TEXT_LENGTH)
  .refine((value) => value.trim() === value && !CONTROL_CHARACTERS.test(value));

export function schemaForKind(spec: ClaimSpec): z.ZodType {
  switch (spec.kind) {
    case 'text':
      return text;
    case 'date':
      return z.string().refine(isRealDate);
    case 'month':
      return z.string().refine(isRealMonth);
    case 'cents':
      return z.int().min(0).max(Number.MAX_SAFE_INTEGER);
    case 'integer':
      return z
        .int()
        .min(spec.min ?? 0)
        .max(spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'number':
      return z
        .number()
        .min(spec.min ?? 0)
        .max(spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'icd10':
      return z.string().regex(ICD10_PATTERN);
    case 'isced-f':
      return z.string().regex(ISCED_F_PATTERN);
    case 'enum':
      return z.enum(spec.options as [string, ...string[]]);
  }
}

export function expectationOf(spec: ClaimSpec): string {
  switch (spec.kind) {
    case 'text':
      return `text of 1 to ${MAX_TEXT_LENGTH} characters without leading or trailing spaces`;
    case 'date':
      return 'a calendar date YYYY-MM-DD (1900–2199)';
    case 'month':
      return 'a month YYYY-MM with a month from 01 to 12';
    case 'cents':
      return 'a whole number of euro cents, 0 or more';
    case 'integer':
      return `a whole number from ${spec.min ?? 0}${spec.max === undefined ? ' up' : ` to ${spec.max}`}`;
    case 'number':
      return `a number from ${spec.min ?? 0}${spec.max === undefined ? ' up' : ` to ${spec.max}`}`;
    case 'icd10':
      return 'an ICD-10 code such as J61 or C45.0';
    case 'isced-f':
      return 'an ISCED-F 2013 field code of 2, 3 or 4 digits, such as 06 or 0613';
    case 'enum':
      return `one of ${(spec.options ?? []).join(', ')}`;
  }
}
