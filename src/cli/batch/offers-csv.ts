/**
 * `vouch issue --batch … --offers csv`: every offer of a batch in ONE file, `<out>/offers.csv`,
 * for a mail merge (RFC 4180: a header row, then one record a good row, CRLF line ends):
 *
 *   employee_id,offer
 *   E00001,VOUCH1:VgEAAQJ…
 *
 * Neither field ever needs quoting: an employee_id is 1–64 of `A–Z a–z 0–9 . _ -` (payroll-row.ts)
 * and an offer is `VOUCH1:` and base64url. The offer is the same text a `<employee_id>.vouch` file
 * holds (without its line end), so the wallet reads each one as it reads that file.
 *
 * The file is written as the batch goes, one append a chunk of rows through one descriptor, in the
 * payroll's row order whatever order the worker threads finish their chunks in. Creating 10,000
 * files costs the kernel about as much CPU as issuing the offers; one file costs next to nothing.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const OFFERS_CSV_FILE = 'offers.csv';
export const OFFERS_CSV_HEADER = 'employee_id,offer\r\n';

/** One record of offers.csv (with its CRLF). */
export function offersCsvRecord(employeeId: string, offerText: string): string {
  return `${employeeId},${offerText}\r\n`;
}

export interface OffersCsvWriter {
  readonly path: string;
  /** The records of chunk `seq` (0, 1, 2, … in row order; each given once, in any order). */
  put(seq: number, records: string): void;
  /** Writes what is still held back (only if a chunk is missing: a failed batch) and closes. */
  close(): void;
}

/** Creates (or truncates) `<outDir>/offers.csv` and writes its header row. */
export function createOffersCsvWriter(outDir: string): OffersCsvWriter {
  const path = join(outDir, OFFERS_CSV_FILE);
  const fd = openSync(path, 'w', 0o644);
  let closed = false;
  let next = 0;
  /** Chunks finished before an earlier one, by their number. */
  const waiting = new Map<number, string>();
  const write = (text: string) => {
    if (text !== '') writeSync(fd, text);
  };
  write(OFFERS_CSV_HEADER);
  return {
    path,
    put(seq, records) {
      if (closed) throw new Error(`${path} is closed`);
      waiting.set(seq, records);
      let ready = '';
      for (let text = waiting.get(next); text !== undefined; text = waiting.get(next)) {
        waiting.delete(next);
        ready += text;
        next++;
      }
      write(ready);
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        // A failed batch: the rows after a missing chunk are kept too (still in row order).
        write(
          [...waiting.keys()]
            .sort((a, b) => a - b)
            .map((seq) => waiting.get(seq))
            .join(''),
        );
      } finally {
        closeSync(fd);
      }
    },
  };
}
