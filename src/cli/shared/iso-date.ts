/** ISO 8601 dates on the command line (runtime.ts re-exports it; no crypto loaded for it). */

/** Parses --expires / --now style ISO dates; undefined when the text is not one. */
export function parseIsoDate(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
