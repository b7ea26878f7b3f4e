// `vouch eligibility` end to end, through the CLI's main function in-process (cli-harness.fake.ts):
// a verified credential → the month's top-up (exit 0), a tampered credential (exit 1), garbage
// input (exit 1), an unknown rule (exit 2); one line on stderr and never a stack trace. The built
// bin is spawned once in vouch-bin.test.ts; the many small cases live in eligibility.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIssuerKeyFile, issuerSigner } from '../core/jose/index.ts';
import { issueSdJwtVc } from '../core/sd-jwt/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const dir = mkdtempSync(join(tmpdir(), 'vouch-eligibility-bin-'));
const at = (name: string) => join(dir, name);

const vouch = (...args: string[]) => runCaptured(args);

describe('vouch eligibility (in-process)', { timeout: 60_000 }, () => {
  it('Given a September 2025 income statement, then 500.61; tampered exit 1; garbage exit 1; unknown rule exit 2', async () => {
    const crypto = webJwsCrypto();
    const issuer = await createIssuerKeyFile(crypto, 'ES256');
    const holder = await crypto.generateKeyPair('ES256K');
    const credential = await issueSdJwtVc({
      issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
      vct: 'urn:vouch:income-statement:1',
      claims: {
        period: '2025-09',
        gross_wage_cents: 100000,
        net_wage_cents: 80000,
        hours: 70,
        employer_name: 'Rijdt Goed B.V.',
        employer_id: '12345678',
        employee_name: 'Samira El Amrani',
        birth_date: '1984-03-17',
      },
      holderJwk: holder.publicJwk,
      issuedAt: new Date(),
      randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
    });
    writeFileSync(at('september.sd-jwt'), credential);
    const facts = { household: 'single', ageBand: '21-to-pension', exemption: 'none' };
    writeFileSync(
      at('input.json'),
      JSON.stringify({ period: '2025-09', facts, credentials: ['september.sd-jwt'] }),
    );
    const ok = await vouch(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      at('input.json'),
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    // 2025-07-01 single norm excl. 1,300.61 − 800.00; the 2025 asset limit is not known.
    expect(JSON.parse(ok.stdout)).toMatchObject({
      status: 'likely-eligible',
      amountCents: 50061,
      holidayAllowanceCents: 6845,
    });

    const [jwt = '', ...rest] = credential.split('~');
    const flipped = jwt.endsWith('AA') ? 'BA' : 'AA'; // the signature's last bytes change
    writeFileSync(at('tampered.sd-jwt'), [`${jwt.slice(0, -2)}${flipped}`, ...rest].join('~'));
    writeFileSync(
      at('tampered.json'),
      JSON.stringify({ period: '2025-09', facts, credentials: ['tampered.sd-jwt'] }),
    );
    const tampered = await vouch(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      at('tampered.json'),
    );
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toBe('');
    expectOneLine(tampered.stderr);

    writeFileSync(at('garbage.json'), '\u0000\u0001 not json');
    const garbage = await vouch('eligibility', '--rule', 'be.afa', '--input', at('garbage.json'));
    expect(garbage.code).toBe(1);
    expectOneLine(garbage.stderr);

    const unknown = await vouch('eligibility', '--rule', 'nl.nope', '--input', at('input.json'));
    expect(unknown.code).toBe(2);
    expectOneLine(unknown.stderr);
  });
});
