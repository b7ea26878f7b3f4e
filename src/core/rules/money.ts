/**
 * Money in integer euro cents, percentages in basis points (1% = 100 bp). No floats touch money.
 * Rounding: half up to the cent (0.5 cent → 1 cent), stated wherever it is used.
 */
import type { Localised } from './rule-module.ts';

/** `cents × basisPoints / 10 000`, rounded half up to the cent. Both must be non-negative integers. */
export function shareOfCents(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}

/** A whole-cent amount or non-negative safe integer. */
export function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** €1.243,03 (nl), 1 243,03 € (fr), €1,243.03 (en): fixed formats, independent of the runtime's ICU. */
export function formatEuro(cents: number): Localised {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, '0');
  return {
    nl: `${sign}€ ${group(euros, '.')},${rest}`,
    fr: `${sign}${group(euros, '\u202f')},${rest} €`,
    en: `${sign}€${group(euros, ',')}.${rest}`,
  };
}

/** A percentage in basis points as text: 2500 → "25%" (en), "25 %" (fr), "25%" (nl); 1250 → 12.5. */
export function formatPercent(basisPoints: number): Localised {
  const whole = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  const en = fraction === 0 ? String(whole) : `${whole}.${String(fraction).replace(/0$/, '')}`;
  const comma = en.replace('.', ',');
  return { nl: `${comma}%`, fr: `${comma}\u00a0%`, en: `${en}%` };
}
