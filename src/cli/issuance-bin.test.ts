// The issuer side of `vouch` end to end, through the CLI's main function in-process
// (cli-harness.fake.ts): key file, single issuance checked with verifySdJwtVc, revocation seen in
// the published list, and a payroll batch with bad rows. The built bin is spawned once in
// vouch-bin.test.ts; the many small cases live in issuance.test.ts.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../core/brand.ts';
import { parsePublicJwk } from '../core/jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../core/keys/index.ts';
import { parseCredentialOffer, relationshipFingerprint } from '../core/protocol/index.ts';
import { verifySdJwtVc } from '../core/sd-jwt/index.ts';
import { verifyStatusListJwt } from '../core/status-list/index.ts';
import { decodeFromText } from '../core/transport/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { payrollRow, relationshipXpubs } from './batch/payroll-fixture.ts';
import { REQUIRED_COLUMNS } from './batch/payroll-row.ts';
import { runCaptured } from './cli-harness.fake.ts';

const crypto = webJwsCrypto();

const vouch = (...args: string[]) => runCaptured(args);

const dir = mkdtempSync(join(tmpdir(), 'vouch-bin-'));
const at = (name: string) => join(dir, name);
const [XPUB] = relationshipXpubs(1) as [ExtendedPublicKey];
const holderJwk = publicKeyToJwk(deriveCredentialPublicKey(XPUB, 5));
const CLAIMS = {
  period: '2025-01',
  gross_wage_cents: 312550,
  net_wage_cents: 241210,
  hours: 152,
  employer_name: 'Bakkerij de Vries B.V.',
  employer_id: '12345678',
  employee_name: 'Jan Jansen',
  birth_date: '1985-04-12',
};

describe('vouch issuer side (in-process)', { timeout: 60_000 }, () => {
  it('Given issuer new, status new, issue and status revoke/publish, then the credential verifies and shows as revoked', async () => {
    const created = await vouch('issuer', 'new', '--name', 'Bakkerij', '--out', at('issuer.json'));
    expect(created.code).toBe(0);
    expect(statSync(at('issuer.json')).mode & 0o777).toBe(0o600);
    const keyFile = JSON.parse(readFileSync(at('issuer.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(keyFile).sort()).toEqual(['alg', 'did', 'privateJwk', 'publicJwk']);
    const again = await vouch('issuer', 'new', '--name', 'Bakkerij', '--out', at('issuer.json'));
    expect({ code: again.code, stdout: again.stdout }).toEqual({ code: 1, stdout: '' });
    expect(again.stderr).toContain('already exists');

    expect(
      (
        await vouch(
          'status',
          'new',
          '--issuer',
          at('issuer.json'),
          '--uri',
          'https://example.org/s/1',
          '--size',
          '100000',
          '--out',
          at('list.json'),
        )
      ).code,
    ).toBe(0);
    writeFileSync(at('holder.jwk'), JSON.stringify(holderJwk));
    writeFileSync(at('claims.json'), JSON.stringify(CLAIMS));
    const issued = await vouch(
      'issue',
      '--issuer',
      at('issuer.json'),
      '--type',
      'income-statement',
      '--holder-jwk',
      at('holder.jwk'),
      '--claims',
      at('claims.json'),
      '--status-list',
      at('list.json'),
    );
    expect({ code: issued.code, stderr: issued.stderr }).toEqual({ code: 0, stderr: '' });
    expect(issued.stdout).toMatch(/~\n$/);
    const verified = await verifySdJwtVc(issued.stdout.trim(), { crypto, now: new Date() });
    if (!verified.ok) throw new Error(verified.detail.message);
    expect(verified.value.claims).toMatchObject(CLAIMS);
    expect(verified.value.cnfJwk).toEqual(holderJwk);
    const idx = verified.value.status?.idx as number;

    const revoked = await vouch(
      'status',
      'revoke',
      '--list',
      at('list.json'),
      '--index',
      String(idx),
    );
    expect(revoked.code).toBe(0);
    const published = await vouch(
      'status',
      'publish',
      '--list',
      at('list.json'),
      '--issuer',
      at('issuer.json'),
    );
    expect(published.code).toBe(0);
    const publicJwk = parsePublicJwk(keyFile.publicJwk);
    if (!publicJwk.ok) throw new Error('public JWK');
    const list = await verifyStatusListJwt(published.stdout.trim(), {
      crypto,
      now: new Date(),
      issuerKey: publicJwk.value,
    });
    if (!list.ok) throw new Error(list.detail.message);
    expect([list.value.statusAt(idx), list.value.statusAt((idx + 1) % 100_000)]).toEqual([1, 0]);

    writeFileSync(
      at('bad-claims.json'),
      JSON.stringify({ ...CLAIMS, period: '2025-13', hours: -1 }),
    );
    const bad = await vouch(
      'issue',
      '--issuer',
      at('issuer.json'),
      '--type',
      'income-statement',
      '--holder-jwk',
      at('holder.jwk'),
      '--claims',
      at('bad-claims.json'),
    );
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(
      /^vouch: the claims do not fit income-statement \(2 problems\): .*period.*hours.*\n$/,
    );
  });

  it('Given a payroll CSV with good rows and bad ones, when issued as a batch, then good rows are issued and verify, bad rows are reported by number', async () => {
    expect(
      (await vouch('issuer', 'new', '--name', 'Payroll', '--out', at('payroll-issuer.json'))).code,
    ).toBe(0);
    const rows = [0, 1, 2, 3, 4].map((i) => payrollRow(i, XPUB).join(','));
    const csv = [
      REQUIRED_COLUMNS.join(','),
      rows[0],
      rows[1]?.replace(XPUB, 'xpub-not-a-key'), // row 2: bad xpub
      rows[2]?.replace('2025-01', '2025-1'), // row 3: bad period
      rows[3]?.replace(/,(\d+),(\d+),(\d+),xpub/, ',12.5,$2,$3,xpub'), // row 4: bad cents
      payrollRow(5, XPUB)
        .map((c, i) => (i === 1 ? '' : c))
        .join(','), // row 5: missing name
      payrollRow(6, XPUB).slice(0, 8).join(','), // row 6: wrong column count
      rows[4],
    ].join('\r\n');
    writeFileSync(at('payroll.csv'), `\uFEFF${csv}\r\n`);
    const out = at('offers');
    const batch = await vouch(
      'issue',
      '--batch',
      at('payroll.csv'),
      '--issuer',
      at('payroll-issuer.json'),
      '--type',
      'income-statement',
      '--out',
      out,
      '--employer-name',
      'Bakkerij de Vries B.V.',
      '--employer-id',
      '12345678',
    );
    expect({ code: batch.code, stdout: batch.stdout }).toEqual({ code: 1, stdout: '' });
    expect(batch.stderr).not.toContain('    at ');
    for (const [row, text] of [
      [2, 'holder_xpub'],
      [3, 'period'],
      [4, 'gross_wage_cents'],
      [5, 'employee_name is empty'],
      [6, 'expected 9 columns, got 8'],
    ] as const) {
      expect(batch.stderr).toMatch(
        new RegExp(`vouch: row ${row} \\(line ${row + 1}\\): [^\\n]*${text}`),
      );
    }
    expect(batch.stderr).toMatch(/batch done: 2 issued, 5 refused of 7 rows/);
    expect(readdirSync(out).sort()).toEqual([
      'E00000.png',
      'E00000.vouch',
      'E00004.png',
      'E00004.vouch',
    ]);

    const text = readFileSync(join(out, 'E00004.vouch'), 'utf8');
    const decoded = decodeFromText(text, { accept: ['offer'] });
    if (!decoded.ok) throw new Error(decoded.detail.message);
    const offer = parseCredentialOffer(decoded.value.payload);
    if (!offer.ok) throw new Error(offer.detail.message);
    expect(offer.value.relationship).toBe(relationshipFingerprint(XPUB));
    expect(offer.value.childIndex).toBe(4);
    const verified = await verifySdJwtVc(offer.value.credential, { crypto, now: new Date() });
    if (!verified.ok) throw new Error(verified.detail.message);
    expect(verified.value.cnfJwk).toEqual(publicKeyToJwk(deriveCredentialPublicKey(XPUB, 4)));
    expect(verified.value.claims).toMatchObject({
      employee_name: 'Employee 4',
      employer_id: '12345678',
    });
  });
});
