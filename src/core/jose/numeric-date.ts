/**
 * NumericDate (RFC 7519 §2): seconds since the epoch. A JSON number may be any double, but a
 * JavaScript Date holds ±8.64e15 ms only: `new Date(1e300 * 1000).toISOString()` throws a
 * RangeError. Decoders accept a NumericDate only within the Date range (found by `npm run fuzz`).
 */

/** The largest NumericDate a Date can hold: +275760-09-13T00:00:00Z. */
export const MAX_NUMERIC_DATE = 8.64e12;

/** A finite number of seconds whose Date exists. */
export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_NUMERIC_DATE;
}
