/**
 * Synthetic payroll CSVs for tests and the benchmark: `rows` employees spread over a few
 * relationship xpubs (deriving thousands of hardened keys would dominate the set-up time).
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { describeKey, relationshipPath } from '../../core/keys/index.ts';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { REQUIRED_COLUMNS } from './payroll-row.ts';

export function payrollRow(i: number, xpub: string): string[] {
  const gross = 180_000 + ((i * 7_919) % 250_000);
  return [
    `E${String(i).padStart(5, '0')}`,
    i % 7 === 0 ? `"Jansen, Jan ""${i}"""` : `Employee ${i}`,
    `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    '2025-01',
    String(gross),
    String(Math.round(gross * 0.78)),
    String(120 + (i % 60)),
    xpub,
    String(i),
  ];
}

export function relationshipXpubs(count: number): string[] {
  const seed = sha512(utf8ToBytes('vouch payroll fixture'));
  return Array.from({ length: count }, (_, r) => describeKey(seed, relationshipPath(r)).xpub);
}

/** A CSV (CRLF line ends, header row) of `rows` good rows. */
export function payrollCsv(rows: number, xpubs: readonly string[] = relationshipXpubs(8)): string {
  const lines = [REQUIRED_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++)
    lines.push(payrollRow(i, xpubs[i % xpubs.length] as string).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
