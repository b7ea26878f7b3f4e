/**
 * A small strict CSV reader (RFC 4180): fields separated by ",", records by CRLF or LF; a field
 * in double quotes may hold commas, line breaks and doubled quotes (""); a UTF-8 BOM is skipped;
 * blank lines are skipped. A record that breaks the rules (a quote inside an unquoted field,
 * text after a closing quote, a quote never closed) is reported with its line and the reader
 * goes on with the next line, so one bad row does not hide the others.
 */

export type CsvRecord =
  | { readonly line: number; readonly fields: readonly string[] }
  | { readonly line: number; readonly error: string };

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  const length = source.length;

  /** Skips to just after the next line break (for error recovery). */
  const skipLine = () => {
    while (i < length && source[i] !== '\n') i++;
    if (i < length) {
      i++;
      line++;
    }
  };

  while (i < length) {
    const startLine = line;
    // Blank line (LF or CRLF): skip.
    if (source[i] === '\n' || (source[i] === '\r' && source[i + 1] === '\n')) {
      i += source[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (source[i] === '"') {
        i++;
        let closed = false;
        while (i < length) {
          const ch = source[i] as string;
          if (ch === '"') {
            if (source[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        if (!closed) {
          error = `a quoted field starting on line ${startLine} is never closed`;
          break;
        }
        const next = source[i];
        if (
          next !== undefined &&
          next !== ',' &&
          next !== '\n' &&
          !(next === '\r' && source[i + 1] === '\n')
        ) {
          error = `unexpected ${JSON.stringify(next)} after a closing quote in field ${fields.length + 1}`;
          break;
        }
      } else {
        // Scan to the field's end, then take it in one slice (not a character at a time).
        const start = i;
        while (i < length) {
          const code = source.charCodeAt(i);
          if (code === COMMA || code === LF || code === CR || code === QUOTE) break;
          i++;
        }
        field = source.slice(start, i);
        if (source[i] === '"') {
          error = `a quote inside unquoted field ${fields.length + 1} (quote the whole field and double the quote)`;
          break;
        }
        if (source[i] === '\r' && source[i + 1] !== '\n') {
          error = `a carriage return without a line feed in field ${fields.length + 1}`;
          break;
        }
      }
      fields.push(field);
      if (source[i] === ',') {
        i++;
        continue;
      }
      // End of record: CRLF, LF or end of input.
      if (source[i] === '\r') i++;
      if (source[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (error) {
      records.push({ line: startLine, error });
      if (i < length) skipLine();
      continue;
    }
    records.push({ line: startLine, fields });
  }
  return records;
}
