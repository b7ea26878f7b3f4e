import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv (RFC 4180, strict)', () => {
  it.each([
    [
      'plain LF rows',
      'a,b\n1,2\n',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    ],
    [
      'CRLF and no final line break',
      'a,b\r\n1,2',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    ],
    ['a BOM', '\uFEFFa,b\n', [{ line: 1, fields: ['a', 'b'] }]],
    [
      'quoted commas, quotes and line breaks',
      'x,"a, ""b""\nc"\n2,3\n',
      [
        { line: 1, fields: ['x', 'a, "b"\nc'] },
        { line: 3, fields: ['2', '3'] },
      ],
    ],
    ['empty fields', ',,\n', [{ line: 1, fields: ['', '', ''] }]],
    [
      'blank lines skipped',
      'a\n\n\r\nb\n',
      [
        { line: 1, fields: ['a'] },
        { line: 4, fields: ['b'] },
      ],
    ],
    [
      'a quote inside an unquoted field, then a good row',
      'a"b,c\n1,2\n',
      [
        {
          line: 1,
          error: 'a quote inside unquoted field 1 (quote the whole field and double the quote)',
        },
        { line: 2, fields: ['1', '2'] },
      ],
    ],
    [
      'text after a closing quote',
      '"a"b,c\n1\n',
      [
        { line: 1, error: 'unexpected "b" after a closing quote in field 1' },
        { line: 2, fields: ['1'] },
      ],
    ],
    [
      'a quote never closed',
      '1\n"abc,\n2\n',
      [
        { line: 1, fields: ['1'] },
        { line: 2, error: 'a quoted field starting on line 2 is never closed' },
      ],
    ],
    [
      'a lone carriage return',
      'a\rb\n',
      [{ line: 1, error: 'a carriage return without a line feed in field 1' }],
    ],
  ])('Given %s, when parsed, then the records are as expected', (_, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});
