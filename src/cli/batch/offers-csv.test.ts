// offers.csv (`vouch issue --batch … --offers csv`): one RFC 4180 file, header first, records in
// the payroll's row order whatever order the chunks finish in.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { createOffersCsvWriter, OFFERS_CSV_HEADER, offersCsvRecord } from './offers-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'vouch-offers-csv-'));

describe('offers.csv', () => {
  it('Given chunks that finish out of order, when written, then the file holds the header and every record in chunk order', () => {
    const out = mkdtempSync(join(dir, 'order-'));
    const writer = createOffersCsvWriter(out);
    writer.put(2, offersCsvRecord('E3', 'VOUCH1:c'));
    writer.put(0, offersCsvRecord('E1', 'VOUCH1:a'));
    // Chunk 2 waits for chunk 1; an empty chunk (every row refused) moves the order on.
    expect(readFileSync(writer.path, 'utf8')).toBe(`${OFFERS_CSV_HEADER}E1,VOUCH1:a\r\n`);
    writer.put(1, '');
    writer.put(3, offersCsvRecord('E4', 'VOUCH1:d') + offersCsvRecord('E5', 'VOUCH1:e'));
    writer.close();
    const text = readFileSync(join(out, 'offers.csv'), 'utf8');
    expect(text).toBe(
      'employee_id,offer\r\nE1,VOUCH1:a\r\nE3,VOUCH1:c\r\nE4,VOUCH1:d\r\nE5,VOUCH1:e\r\n',
    );
    // Read back by the batch's own strict RFC 4180 reader: two fields a record.
    expect(parseCsv(text).map((r) => ('fields' in r ? r.fields : r.error))).toEqual([
      ['employee_id', 'offer'],
      ['E1', 'VOUCH1:a'],
      ['E3', 'VOUCH1:c'],
      ['E4', 'VOUCH1:d'],
      ['E5', 'VOUCH1:e'],
    ]);
  });

  it('Given a chunk that never came (a failed batch), when closed, then the later chunks are still written, in order, and nothing more is accepted', () => {
    const out = mkdtempSync(join(dir, 'failed-'));
    const writer = createOffersCsvWriter(out);
    writer.put(3, offersCsvRecord('E4', 'VOUCH1:d'));
    writer.put(0, offersCsvRecord('E1', 'VOUCH1:a'));
    writer.put(2, offersCsvRecord('E3', 'VOUCH1:c'));
    writer.close();
    writer.close();
    expect(readFileSync(writer.path, 'utf8')).toBe(
      `${OFFERS_CSV_HEADER}E1,VOUCH1:a\r\nE3,VOUCH1:c\r\nE4,VOUCH1:d\r\n`,
    );
    expect(() => writer.put(1, offersCsvRecord('E2', 'VOUCH1:b'))).toThrow(/is closed/);
  });
});
