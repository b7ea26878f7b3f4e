/** Times and durations in words a desk clerk reads at a glance. */

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** 42 → "42 seconds", 420 → "7 minutes", 7200 → "2 hours", 172800 → "2 days". */
export function describeDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return plural(s, 'second');
  if (s < 7200) return plural(Math.round(s / 60), 'minute');
  if (s < 172_800) return plural(Math.round(s / 3600), 'hour');
  return plural(Math.round(s / 86_400), 'day');
}

/** A NumericDate as "2026-01-31 23:59 UTC". */
export function describeDate(numericDate: number): string {
  const date = new Date(numericDate * 1000);
  if (!Number.isFinite(date.getTime())) return String(numericDate);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
