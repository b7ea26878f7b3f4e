// In-process runs (runCli, captured output) of `vouch eligibility`: each rule with verified
// credentials, declared facts only, a tampered credential, garbage input and usage errors.
// The spawned run is in eligibility-bin.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIssuerKeyFile, issuerSigner } from '../core/jose/index.ts';
import type { IssuerKeyFile } from '../core/jose/index.ts';
import { createPresentation } from '../core/presentation/index.ts';
import { issueSdJwtVc } from '../core/sd-jwt/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const dir = mkdtempSync(join(tmpdir(), 'vouch-eligibility-'));
mkdirSync(join(dir, 'creds'));
const at = (name: string) => join(dir, name);
const write = (name: string, content: unknown) => {
  writeFileSync(at(name), typeof content === 'string' ? content : JSON.stringify(content));
  return at(name);
};

const INCOME = {
  gross_wage_cents: 110000,
  hours: 80,
  employer_name: 'Rijdt Goed B.V.',
  employer_id: '12345678',
  employee_name: 'Samira El Amrani',
  birth_date: '1984-03-17',
};
const ATTESTATION = {
  diagnosis_date: '2024-04-02',
  physician_name: 'dr. J. de Vries',
  physician_registration: '19012345601',
  institution: 'Longcentrum Noord',
  patient_name: 'Henk Bakker',
  birth_date: '1951-02-03',
};

let employer: IssuerKeyFile;
let presented = '';
let hospital: IssuerKeyFile;

const holder = await crypto.generateKeyPair('ES256K');

async function issue(
  issuer: IssuerKeyFile,
  vct: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const sign = issuerSigner(crypto, issuer);
  return issueSdJwtVc({
    issuer: { did: issuer.did, alg: issuer.alg, sign },
    vct,
    claims,
    holderJwk: holder.publicJwk,
    issuedAt: new Date(),
    randomBytes,
  });
}

beforeAll(async () => {
  employer = await createIssuerKeyFile(crypto, 'ES256');
  hospital = await createIssuerKeyFile(crypto, 'EdDSA');
  const income = (period: string, net: number) =>
    issue(employer, 'urn:vouch:income-statement:1', { ...INCOME, period, net_wage_cents: net });
  write('creds/july-a.sd-jwt', await income('2024-07', 60000));
  write('creds/july-b.sd-jwt', `${await income('2024-07', 25000)}\n`);
  write('creds/june.sd-jwt', await income('2024-06', 99999));
  write(
    'creds/j61.sd-jwt',
    await issue(hospital, 'urn:vouch:medical-attestation:1', {
      ...ATTESTATION,
      diagnosis_code: 'J61',
    }),
  );
  write(
    'creds/c45.sd-jwt',
    await issue(hospital, 'urn:vouch:medical-attestation:1', {
      ...ATTESTATION,
      diagnosis_code: 'C45.0',
    }),
  );
  const good = await income('2024-07', 60000);
  const kb = await createPresentation({
    credential: await income('2024-08', 50000),
    disclose: ['period', 'net_wage_cents'],
    audience: 'decentralized_identifier:did:key:zDnaeMunicipality',
    nonce: 'bm9uY2Utb2YtdGhlLWRheQ',
    issuedAt: new Date(),
    holder: { alg: 'ES256K', sign: (input) => crypto.sign('ES256K', holder.privateJwk, input) },
  });
  if (!kb.ok) throw new Error(kb.reason);
  presented = write('creds/august-kb.txt', kb.value);
  // Tamper: change the issuer-signed payload and keep the signature.
  const [jwt = '', ...rest] = good.split('~');
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  payload.iat = (payload.iat as number) - 3600; // a changed payload under the old signature
  const forged = Buffer.from(JSON.stringify(payload)).toString('base64url');
  write('creds/tampered.sd-jwt', [`${h}.${forged}.${s}`, ...rest].join('~'));
});

describe('vouch eligibility', () => {
  it('Given two verified July 2024 income statements, when the participatiewet rule runs, then the top-up is 393.03 from the credentials', async () => {
    const input = write('july.json', {
      period: '2024-07',
      facts: { household: 'single', ageBand: '21-to-pension', assetsCents: 0, exemption: 'none' },
      credentials: ['creds/july-a.sd-jwt', 'creds/july-b.sd-jwt', at('creds/june.sd-jwt')],
    });
    const { code, stdout, stderr } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown> & {
      trace: { id: string; input?: { origin: string } }[];
      credentials: unknown[];
    };
    expect(out).toMatchObject({
      ruleId: 'nl.participatiewet.aanvulling',
      status: 'eligible',
      amountCents: 39303,
      holidayAllowanceCents: 6542,
      normCents: 124303,
      period: '2024-07',
    });
    expect(out.trace.find((step) => step.id === 'income')?.input?.origin).toBe('credential');
    expect(out.credentials).toHaveLength(3);
  });

  it('Given a presentation with key binding disclosing only period and net wage, when the rule runs for 2024-08, then its net wage is used', async () => {
    const input = write('august.json', {
      period: '2024-08',
      facts: { household: 'single', ageBand: '21-to-pension', assetsCents: 0 },
      credentials: [presented],
    });
    const { code, stdout, stderr } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'eligible', amountCents: 74303 });
  });

  it('Given only declared facts, when the participatiewet rule runs for 2026-01, then status unknown and amountCents null', async () => {
    const input = write('jan.json', {
      period: '2026-01',
      facts: { household: 'single', ageBand: '21-to-pension', netIncomeCents: 80000 },
    });
    const { code, stdout } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'unknown', amountCents: null });
  });

  it('Given a verified J61 attestation and employee exposure, when nl.asbest.tas-tns runs on 2024-05-01, then TAS 24,010 likely-eligible', async () => {
    const input = write('asbestos.json', {
      date: '2024-05-01',
      facts: { exposure: 'employee-nl', yearsResidentNl: 40, earlierPaymentCents: 0, alive: true },
      credentials: ['creds/j61.sd-jwt'],
    });
    const { code, stdout } = await run(
      'eligibility',
      '--rule',
      'nl.asbest.tas-tns',
      '--input',
      input,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { trace: { id: string; input?: { origin: string } }[] };
    expect(out).toMatchObject({ status: 'likely-eligible', amountCents: 2401000, scheme: 'TAS' });
    expect(out.trace.find((step) => step.id === 'diagnosis')?.input?.origin).toBe('credential');
  });

  it('Given a C34 declared diagnosis, when nl.asbest.tas-tns runs, then scheme TSB with amountCents null', async () => {
    const input = write('c34.json', {
      date: '2024-05-01',
      facts: {
        diagnosis: 'C34',
        exposure: 'employee-nl',
        yearsResidentNl: 40,
        earlierPaymentCents: 0,
        alive: true,
      },
      credentials: [],
    });
    const { code, stdout } = await run(
      'eligibility',
      '--rule',
      'nl.asbest.tas-tns',
      '--input',
      input,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'likely-eligible',
      amountCents: null,
      scheme: 'TSB',
    });
  });

  it('Given a verified C45 attestation and exposure in Belgium, when be.afa runs, then 10,200 once and 1,865.10 a month', async () => {
    const input = write('afa.json', {
      date: '2024-05-01',
      facts: { exposure: 'belgium' },
      credentials: ['creds/c45.sd-jwt'],
    });
    const { code, stdout } = await run('eligibility', '--rule', 'be.afa', '--input', input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'likely-eligible',
      amountCents: 1020000,
      monthlyCents: 186510,
      scheme: 'AFA',
    });
  });

  it('Given a tampered credential, when the rule runs, then exit 1 with one line and nothing on stdout', async () => {
    const input = write('tampered.json', {
      period: '2024-07',
      facts: { household: 'single', ageBand: '21-to-pension' },
      credentials: ['creds/tampered.sd-jwt'],
    });
    const { code, stdout, stderr } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toContain('creds/tampered.sd-jwt is not valid (bad-signature)');
  });

  it('Given a credential at the wrong time (before it was issued), when checked with --now, then exit 1', async () => {
    const input = write('early.json', {
      period: '2024-07',
      facts: { household: 'single', ageBand: '21-to-pension' },
      credentials: ['creds/july-a.sd-jwt'],
    });
    const { code, stderr } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
      '--now',
      '2020-01-01T00:00:00Z',
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
  });

  it.each([
    ['not JSON', 'garbage {{{', 'is not JSON'],
    ['an array', [1, 2], 'must hold a JSON object'],
    ['a bad period', { period: '2024-13', facts: {} }, '"period" must be a month YYYY-MM'],
    ['facts as a string', { period: '2024-07', facts: 'single' }, '"facts" must be an object'],
    [
      'credentials not a list',
      { period: '2024-07', credentials: 'a.sd-jwt' },
      '"credentials" must be a list',
    ],
    [
      'a missing credential file',
      { period: '2024-07', credentials: ['nope.sd-jwt'] },
      'credential',
    ],
    [
      'a file that is no credential',
      { period: '2024-07', credentials: ['july.json'] },
      'is not valid',
    ],
  ])('Given an input file with %s, then exit 1 with one line', async (_, content, message) => {
    const input = write('bad.json', content);
    const { code, stdout, stderr } = await run(
      'eligibility',
      '--rule',
      'nl.participatiewet.aanvulling',
      '--input',
      input,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toContain(message);
  });

  it('Given a day rule with a month, then exit 1 naming "date"', async () => {
    const input = write('month.json', { date: '2024-05', facts: {} });
    const { code, stderr } = await run('eligibility', '--rule', 'be.afa', '--input', input);
    expect(code).toBe(1);
    expect(stderr).toContain('"date" must be a day YYYY-MM-DD');
  });

  it.each([
    [['eligibility', '--rule', 'nl.bogus', '--input', 'x.json'], 'unknown rule'],
    [['eligibility', '--input', 'x.json'], '--rule'],
    [['eligibility', '--rule', 'be.afa'], '--input'],
    [['eligibility', '--rule', 'be.afa', '--input', 'x.json', '--now', 'yesterday'], '--now'],
  ])('Given %j, then a usage error: exit 2 with one line', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toContain(message);
  });
});
