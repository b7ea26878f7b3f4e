/**
 * Reading an amount the citizen typed in euros: "1250", "1250,50", "1.250,50", "1,250.50",
 * "€ 1250". Returns whole cents, null for an empty field, or 'invalid'.
 */
export function parseEuroInput(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/[€\s\u00a0\u202f]/g, '');
  if (cleaned === '') return null;
  const match = /^(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(cleaned);
  if (!match) return 'invalid';
  const [, whole = '', group, decimal, fraction] = match;
  if (group !== undefined && decimal === group) return 'invalid';
  // "1.250" or "1,250" alone: a thousands group, not a decimal (decimals have 1 or 2 digits).
  const euros = Number(whole.replace(/[.,]/g, ''));
  const cents = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : 'invalid';
}

/** Cents back into the form's text: 125050 → "1250,50" (or "1250.50" in English). */
export function centsToInput(cents: number, decimalSeparator: ',' | '.'): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros}${decimalSeparator}${String(rest).padStart(2, '0')}`;
}
