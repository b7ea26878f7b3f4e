// `vouch issue --batch` in this process: the rows issued in this thread, on worker threads from
// the sources (tsx), and through the built CLI (dist-node, its bundled worker), all give offers
// bound to the right child key of the right relationship, whose .vouch text and PNG hold the
// same frame.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../../core/brand.ts';
import { createIssuerKeyFile, parsePublicJwk } from '../../core/jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../../core/keys/index.ts';
import { parseCredentialOffer, relationshipFingerprint } from '../../core/protocol/index.ts';
import { verifySdJwtVc } from '../../core/sd-jwt/index.ts';
import { createStatusList } from '../../core/status-list/index.ts';
import { decodeFromText, singleFrameText } from '../../core/transport/index.ts';
import { webJwsCrypto } from '../../platform/crypto/jws-crypto.ts';
import { decodeQrPng } from '../../platform/node/qr-png-decode.ts';
import type { runCli as RunCli } from '../main.ts';
import { parseCsv } from './csv.ts';
import { issueBatch } from './issue-batch.ts';
import { payrollCsv, relationshipXpubs } from './payroll-fixture.ts';

const crypto = webJwsCrypto();
const ROWS = 6;
const xpubs = relationshipXpubs(2) as ExtendedPublicKey[];
const silent = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
  isTTY: false,
}) as unknown as NodeJS.WriteStream;

/** Row i's offer text (as the wallet reads it) verifies and is bound to row i's child key. */
async function checkOffer(text: string, i: number, issuerJwk: unknown): Promise<void> {
  const publicJwk = parsePublicJwk(issuerJwk);
  if (!publicJwk.ok) throw new Error('issuer JWK');
  const decoded = decodeFromText(text);
  if (!decoded.ok) throw new Error(decoded.detail.message);
  const offer = parseCredentialOffer(decoded.value.payload);
  if (!offer.ok) throw new Error(offer.detail.message);
  const xpub = xpubs[i % xpubs.length] as ExtendedPublicKey;
  expect(offer.value.relationship).toBe(relationshipFingerprint(xpub));
  expect(offer.value.childIndex).toBe(i);
  const verified = await verifySdJwtVc(offer.value.credential, {
    crypto,
    issuerKey: publicJwk.value,
    now: new Date(),
  });
  if (!verified.ok) throw new Error(`row ${i}: ${verified.reason}`);
  expect(verified.value.payload.cnf).toEqual({
    jwk: publicKeyToJwk(deriveCredentialPublicKey(xpub, i)),
  });
  expect(verified.value.claims.employee_name).toBe(
    i % 7 === 0 ? `Jansen, Jan "${i}"` : `Employee ${i}`,
  );
}

async function checkOffers(outDir: string, issuerJwk: unknown, png: boolean): Promise<void> {
  const files = readdirSync(outDir).sort();
  expect(files.filter((f) => f.endsWith('.vouch'))).toHaveLength(ROWS);
  expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(png ? ROWS : 0);
  for (let i = 0; i < ROWS; i++) {
    const id = `E${String(i).padStart(5, '0')}`;
    const text = readFileSync(join(outDir, `${id}.vouch`), 'utf8');
    expect(text).toMatch(/^VOUCH1:[A-Za-z0-9_-]+\n$/);
    await checkOffer(text, i, issuerJwk);
    if (png) {
      const scanned = decodeQrPng(readFileSync(join(outDir, `${id}.png`)));
      if (!scanned.ok) throw new Error(scanned.detail.message);
      expect(`${singleFrameText(scanned.value)}\n`).toBe(text);
    }
  }
}

describe('issueBatch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-batch-'));
  const csvPath = join(dir, 'payroll.csv');
  writeFileSync(csvPath, payrollCsv(ROWS, xpubs));

  for (const [workers, png] of [
    [0, true],
    [2, true],
  ] as const) {
    it(`Given ${ROWS} payroll rows, when issued ${workers === 0 ? 'in this thread' : `on ${workers} worker threads`}${png ? ' with PNGs' : ' without PNGs'}, then every offer verifies and is bound to its row's child key`, async () => {
      const issuer = await createIssuerKeyFile(crypto, 'ES256');
      const outDir = join(dir, `out-${workers}-${png}`);
      const summary = await issueBatch({
        csvPath,
        issuer,
        outDir,
        employerName: 'Bakkerij de Vries B.V.',
        employerId: '12345678',
        issuedAt: new Date(),
        png,
        workers,
        io: { stdout: () => undefined, stderr: () => undefined },
        progressStream: silent,
      });
      expect(summary).toMatchObject({ rows: ROWS, issued: ROWS, refused: 0, animated: 0 });
      expect(summary.maxQrVersion > 0).toBe(png);
      await checkOffers(outDir, issuer.publicJwk, png);
    });
  }

  it(`Given ${ROWS} payroll rows, a repeated one and a status list, when issued on 2 worker threads, then the indices are allocated and saved first and every offer carries its own`, async () => {
    const issuer = await createIssuerKeyFile(crypto, 'ES256');
    const listPath = join(dir, 'status-list.json');
    const emptyList = createStatusList({ uri: 'https://issuer.example/status/1' });
    writeFileSync(listPath, JSON.stringify(emptyList));
    const repeated = join(dir, 'payroll-repeated.csv');
    const csv = payrollCsv(ROWS, xpubs);
    writeFileSync(repeated, `${csv}${csv.split('\r\n')[1]}\r\n`);
    const outDir = join(dir, 'out-status');
    const errors: string[] = [];
    const summary = await issueBatch({
      csvPath: repeated,
      issuer,
      outDir,
      statusListPath: listPath,
      employerName: 'Bakkerij de Vries B.V.',
      employerId: '12345678',
      issuedAt: new Date(),
      png: false,
      workers: 2,
      io: { stdout: () => undefined, stderr: (text) => void errors.push(text) },
      progressStream: silent,
    });
    expect(summary).toMatchObject({ rows: ROWS + 1, issued: ROWS, refused: 1 });
    expect(errors.join('')).toMatch(
      /row 7 \(line 8\): employee_id E00000 already appears on row 1/,
    );
    await checkOffers(outDir, issuer.publicJwk, false);
    const saved = JSON.parse(readFileSync(listPath, 'utf8')) as { used: string };
    expect(saved.used).not.toBe(emptyList.used);
    const indices = new Set<number>();
    for (const file of readdirSync(outDir)) {
      const decoded = decodeFromText(readFileSync(join(outDir, file), 'utf8'));
      const offer = decoded.ok ? parseCredentialOffer(decoded.value.payload) : undefined;
      if (!offer?.ok) throw new Error(`${file}: no offer`);
      const verified = await verifySdJwtVc(offer.value.credential, { crypto, now: new Date() });
      if (!verified.ok) throw new Error(`${file}: ${verified.reason}`);
      expect(verified.value.status?.uri).toBe('https://issuer.example/status/1');
      indices.add(verified.value.status?.idx as number);
    }
    expect(indices.size).toBe(ROWS);
  });

  it('Given 130 rows (three chunks, each issued while later rows are still checked) with a bad one, when issued, then every good row has its offer', async () => {
    const issuer = await createIssuerKeyFile(crypto, 'ES256');
    const lines = payrollCsv(130, xpubs).split('\r\n');
    lines[100] = (lines[100] as string).replace('2025-01', '2025-13');
    const csvMany = join(dir, 'payroll-130.csv');
    writeFileSync(csvMany, lines.join('\r\n'));
    const outDir = join(dir, 'out-130');
    const summary = await issueBatch({
      csvPath: csvMany,
      issuer,
      outDir,
      employerName: 'Bakkerij de Vries B.V.',
      employerId: '12345678',
      issuedAt: new Date(),
      png: false,
      workers: 0,
      io: { stdout: () => undefined, stderr: () => undefined },
      progressStream: silent,
    });
    expect(summary).toMatchObject({ rows: 130, issued: 129, refused: 1 });
    const files = readdirSync(outDir);
    expect(files).toHaveLength(129);
    expect(files).not.toContain('E00099.vouch');
    for (const file of files.filter((_, i) => i % 8 === 0)) {
      const decoded = decodeFromText(readFileSync(join(outDir, file), 'utf8'));
      expect(decoded.ok && parseCredentialOffer(decoded.value.payload).ok).toBe(true);
    }
  });

  it('Given the built CLI (dist-node) and 70 rows (two chunks: the short second one is likely done first), when it issues them on worker threads with --offers csv, then its bundled workers write one offers.csv with every offer in row order', async () => {
    const csvMany = join(dir, 'payroll-70-built.csv');
    writeFileSync(csvMany, payrollCsv(70, xpubs));
    const built = new URL('../../../dist-node/cli/main.js', import.meta.url);
    const { runCli } = (await import(built.href)) as { runCli: typeof RunCli };
    const issuerPath = join(dir, 'built-issuer.json');
    const io = { stdout: () => undefined, stderr: (text: string) => void errors.push(text) };
    const errors: string[] = [];
    expect(await runCli(['issuer', 'new', '--name', 'B', '--out', issuerPath], { io })).toBe(0);
    const outDir = join(dir, 'out-built');
    const code = await runCli(
      [
        'issue',
        '--batch',
        csvMany,
        '--issuer',
        issuerPath,
        '--type',
        'income-statement',
        '--out',
        outDir,
        '--employer-name',
        'Bakkerij de Vries B.V.',
        '--employer-id',
        '12345678',
        '--workers',
        '2',
        '--no-png',
        '--offers',
        'csv',
      ],
      { io },
    );
    expect({ code, errors: errors.filter((line) => !line.includes('batch done')) }).toEqual({
      code: 0,
      errors: [],
    });
    const issuer = JSON.parse(readFileSync(issuerPath, 'utf8')) as { publicJwk: unknown };
    expect(readdirSync(outDir)).toEqual(['offers.csv']);
    const records = parseCsv(readFileSync(join(outDir, 'offers.csv'), 'utf8'));
    expect(records).toHaveLength(71);
    expect(records[0]).toMatchObject({ fields: ['employee_id', 'offer'] });
    for (const [i, record] of records.slice(1).entries()) {
      if (!('fields' in record)) throw new Error(record.error);
      expect(record.fields).toHaveLength(2);
      expect(record.fields[0]).toBe(`E${String(i).padStart(5, '0')}`);
      await checkOffer(record.fields[1] as string, i, issuer.publicJwk);
    }
  });
});
