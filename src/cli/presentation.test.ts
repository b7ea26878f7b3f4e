// In-process runs (runCli, captured output) of `vouch present`, `vouch verify` and `vouch qr
// encode|decode`: the round trip, every exit code, hostile files. Spawned runs: presentation-bin.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Did } from '../core/brand.ts';
import { utf8ToBytes } from '../core/encoding/utf8.ts';
import { createIssuerKeyFile, issuerSigner, publicJwkOf } from '../core/jose/index.ts';
import type { PrivateJwk } from '../core/jose/index.ts';
import { issueSdJwtVc } from '../core/sd-jwt/index.ts';
import { signTrustList } from '../core/trust/index.ts';
import { encodeForQr, encodeForText } from '../core/transport/index.ts';
import { CHECK_NAMES } from '../core/verification/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { encodePng1Bit } from '../platform/node/png-1bit.ts';
import { renderQrPng } from '../platform/node/qr-png.ts';
import { expectOneLine, runCaptured } from './cli-harness.fake.ts';

const run = (...argv: string[]) => runCaptured(argv);

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const dir = mkdtempSync(join(tmpdir(), 'vouch-present-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const at = (name: string) => join(dir, name);
const AUD = 'decentralized_identifier:did:key:zDnaeDesk';
const NONCE = 'bm9uY2Utb2YtdGhlLWRheQ';
const CLAIMS = {
  period: '2026-01',
  gross_wage_cents: 312550,
  net_wage_cents: 241210,
  hours: 152,
  employer_name: 'Bakkerij de Vries B.V.',
  employer_id: '12345678',
  employee_name: 'Jan Jansen',
  birth_date: '1985-04-12',
};

let issuerDid = '';
let holderPrivate = '';
let credential = '';
let presentation = '';
let trust = '';
let statusJwt = '';

async function presentNow(...extra: string[]) {
  const made = await run(
    'present',
    '--credential',
    credential,
    '--holder-jwk',
    holderPrivate,
    '--disclose',
    'period,net_wage_cents',
    '--aud',
    AUD,
    '--nonce',
    NONCE,
    ...extra,
  );
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  return made.stdout;
}

function verify(presentationFile: string, ...extra: string[]) {
  return run(
    'verify',
    '--presentation',
    presentationFile,
    '--aud',
    AUD,
    '--nonce',
    NONCE,
    ...extra,
  );
}

beforeAll(async () => {
  expect((await run('issuer', 'new', '--name', 'Bakkerij', '--out', at('issuer.json'))).code).toBe(
    0,
  );
  issuerDid = (JSON.parse(readFileSync(at('issuer.json'), 'utf8')) as { did: string }).did;
  const holder = await crypto.generateKeyPair('ES256K');
  holderPrivate = file('holder.private.jwk', JSON.stringify(holder.privateJwk));
  file('holder.jwk', JSON.stringify(holder.publicJwk));
  file('claims.json', JSON.stringify(CLAIMS));
  const uri = 'https://bakkerij.example/status/1';
  expect(
    (
      await run(
        'status',
        'new',
        '--issuer',
        at('issuer.json'),
        '--uri',
        uri,
        '--out',
        at('list.json'),
      )
    ).code,
  ).toBe(0);
  const issued = await run(
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
  expect(issued.code).toBe(0);
  credential = file('income.sdjwt', issued.stdout);
  const published = await run(
    'status',
    'publish',
    '--list',
    at('list.json'),
    '--issuer',
    at('issuer.json'),
  );
  statusJwt = file('status.jwt', published.stdout);
  const desk = await createIssuerKeyFile(crypto, 'ES256');
  trust = file(
    'trust.jwt',
    await signTrustList({
      issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
      name: 'Gemeente Utrecht',
      entries: [
        { did: issuerDid, name: 'Bakkerij de Vries B.V.', vct: ['urn:vouch:income-statement:1'] },
      ],
      issuedAt: new Date(),
    }),
  );
  presentation = file('answer.txt', await presentNow());
});

describe('vouch present → vouch verify', () => {
  it('Given a presentation of two claims, a trust list and a fresh status list, when verified, then exit 0 and exactly those claims', async () => {
    const { code, stdout, stderr } = await verify(
      presentation,
      '--trust',
      trust,
      '--status-list',
      statusJwt,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'valid',
      'checks',
      'issuer',
      'vct',
      'claims',
      'issuerName',
      'status',
      'format',
    ]);
    expect(result).toMatchObject({
      valid: true,
      format: 'dc+sd-jwt',
      issuer: issuerDid,
      vct: 'urn:vouch:income-statement:1',
      claims: { period: '2026-01', net_wage_cents: 241210 },
      issuerName: 'Bakkerij de Vries B.V.',
      status: { state: 'valid', stale: false },
    });
    expect(Object.keys(result.claims as object).sort()).toEqual(['net_wage_cents', 'period']);
    const checks = result.checks as { name: string; ok: boolean; code: string; message: string }[];
    expect(checks.map((c) => c.name)).toEqual(CHECK_NAMES);
    for (const check of checks)
      expect(Object.keys(check)).toEqual(['name', 'ok', 'code', 'message']);
  });

  it.each([
    [
      'the issuer public JWK',
      () => JSON.stringify(JSON.parse(readFileSync(at('issuer.json'), 'utf8')).publicJwk),
    ],
    ['the issuer key file', () => readFileSync(at('issuer.json'), 'utf8')],
  ])('Given %s pinned and no trust list, when verified, then exit 0', async (_given, content) => {
    const pinned = file('pinned.json', content());
    const { code, stdout } = await verify(
      presentation,
      '--issuer-jwk',
      pinned,
      '--status-list',
      statusJwt,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true });
  });

  it('Given no status list, when verified, then valid with a warning; with --require-status, exit 1 status-unavailable', async () => {
    const lenient = await verify(presentation, '--trust', trust);
    expect(lenient.code).toBe(0);
    const status = (
      JSON.parse(lenient.stdout) as { checks: { name: string; code: string }[] }
    ).checks.find((c) => c.name === 'status');
    expect(status?.code).toBe('warning');
    const strict = await verify(presentation, '--trust', trust, '--require-status');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('"status-unavailable"');
  });

  const failing = (stdout: string) =>
    (JSON.parse(stdout) as { checks: { ok: boolean; code: string }[] }).checks
      .filter((c) => !c.ok)
      .map((c) => c.code);

  it.each([
    ['no trust list and no pinned key', [], ['untrusted-issuer']],
    ['another verifier', ['--trust', 'TRUST', '--aud', 'did:key:zOther'], ['wrong-audience']],
    ['another nonce', ['--trust', 'TRUST', '--nonce', 'other'], ['wrong-nonce']],
    ['a clock 10 minutes on', ['--trust', 'TRUST', '--now', 'IN10'], ['stale']],
    [
      'a clock 10 minutes on but --max-age 900',
      ['--trust', 'TRUST', '--now', 'IN10', '--max-age', '900'],
      [],
    ],
    [
      'a clock set before the credential was issued',
      ['--trust', 'TRUST', '--now', '2020-01-01T00:00:00Z'],
      ['stale', 'not-yet-valid'],
    ],
  ])(
    'Given %s (%j), when verified, then exactly the expected codes fail',
    async (_given, extra, codes) => {
      const args = extra.map((a) =>
        a === 'TRUST'
          ? trust
          : a === 'IN10'
            ? new Date(Date.now() + 600_000).toISOString()
            : a === 'IN30Y'
              ? new Date(Date.now() + 30 * 365 * 86_400_000).toISOString()
              : a,
      );
      const base = ['verify', '--presentation', presentation, '--aud', AUD, '--nonce', NONCE];
      const argv = [...base];
      for (let i = 0; i < args.length; i += 2) {
        const flag = args[i] as string;
        const index = argv.indexOf(flag);
        if (index === -1) argv.push(flag, args[i + 1] as string);
        else argv[index + 1] = args[i + 1] as string;
      }
      const { code, stdout, stderr } = await run(...argv);
      expect(stderr).toBe('');
      expect(code).toBe(codes.length === 0 ? 0 : 1);
      expect(failing(stdout)).toEqual(codes);
    },
  );

  it('Given the credential revoked and the list republished, when verified, then exit 1 revoked', async () => {
    const copy = file('list-revoked.json', readFileSync(at('list.json')));
    const payload = JSON.parse(
      Buffer.from(readFileSync(credential, 'utf8').split('.')[1] as string, 'base64url').toString(),
    ) as { status: { status_list: { idx: number } } };
    expect(
      (
        await run(
          'status',
          'revoke',
          '--list',
          copy,
          '--index',
          String(payload.status.status_list.idx),
        )
      ).code,
    ).toBe(0);
    const published = await run('status', 'publish', '--list', copy, '--issuer', at('issuer.json'));
    const revoked = file('status-revoked.jwt', published.stdout);
    const { code, stdout } = await verify(presentation, '--trust', trust, '--status-list', revoked);
    expect(code).toBe(1);
    expect(failing(stdout)).toEqual(['revoked']);
  });

  it('Given the presentation with a disclosure added, when verified, then exit 1 sd-hash-mismatch and no claims', async () => {
    const text = readFileSync(presentation, 'utf8').trim();
    const all = readFileSync(credential, 'utf8').trim().split('~');
    const extra = all[1] as string;
    const kb = text.slice(text.lastIndexOf('~') + 1);
    const tampered = file(
      'tampered.txt',
      `${text.slice(0, text.lastIndexOf('~') + 1)}${extra}~${kb}`,
    );
    const { code, stdout } = await verify(tampered, '--trust', trust, '--status-list', statusJwt);
    expect(code).toBe(1);
    expect(failing(stdout)).toContain('sd-hash-mismatch');
    expect(JSON.parse(stdout).claims).toEqual({});
  });
});

describe('vouch verify: whatever the file holds, a verdict (exit 1), never a stack trace', () => {
  const noneJwt = (typ: string) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'did:key:z', vct: 'x', iat: 1 })).toString('base64url')}.`;
  it.each([
    ['garbage', 'the quick brown fox'],
    ['an empty file', ''],
    ['binary bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)],
    ['a huge file (2 MiB)', 'a~'.repeat(1024 * 1024)],
    ['JSON', '{"vp_token":{"income":["x~y"]}}'],
    ['a JWT with alg none', `${noneJwt('dc+sd-jwt')}~`],
    ['an SD-JWT whose KB-JWT says alg none', 'KB-NONE'],
    ['dots and tildes', '..~..~..'],
    ['the credential in issuance form (no key binding)', 'CREDENTIAL'],
  ])('Given %s, when verified, then exit 1 with a JSON verdict', async (_given, content) => {
    let body: string | Uint8Array = content;
    if (content === 'CREDENTIAL') body = readFileSync(credential);
    if (content === 'KB-NONE') {
      const text = readFileSync(presentation, 'utf8').trim();
      body = `${text.slice(0, text.lastIndexOf('~') + 1)}${noneJwt('kb+jwt')}`;
    }
    const { code, stdout, stderr } = await verify(file('hostile.txt', body), '--trust', trust);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const result = JSON.parse(stdout) as {
      valid: boolean;
      claims: object;
      checks: { code: string }[];
    };
    expect(result.valid).toBe(false);
    expect(stdout).not.toContain('    at ');
    if (content === 'KB-NONE')
      expect(result.checks.map((c) => c.code)).toContain('unsupported-alg');
    if (content === 'CREDENTIAL') expect(result.checks.map((c) => c.code)).toContain('kb-missing');
  });

  it.each([
    ['a missing presentation file', ['--presentation', join(dir, 'nope.txt')], 'does not exist'],
    ['a trust list that is garbage', ['--trust', 'GARBAGE'], '--trust'],
    ['an issuer JWK that is garbage', ['--issuer-jwk', 'GARBAGE'], '--issuer-jwk'],
  ])('Given %s, when verified, then exit 1 with one line', async (_given, extra, text) => {
    const garbage = file('garbage.txt', 'garbage');
    const args = extra.map((a) => (a === 'GARBAGE' ? garbage : a));
    const argv = ['verify', '--presentation', presentation, '--aud', AUD, '--nonce', NONCE];
    const index = argv.indexOf(args[0] as string);
    if (index === -1) argv.push(...args);
    else argv[index + 1] = args[1] as string;
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain(text);
  });
});

describe('vouch present / verify / qr: usage errors (exit 2, one line)', () => {
  it.each([
    [['verify', '--presentation', 'p', '--nonce', 'n'], '--aud'],
    [['verify', '--presentation', 'p', '--aud', 'a'], '--nonce'],
    [['verify', '--aud', 'a', '--nonce', 'n'], '--presentation'],
    [
      ['verify', '--presentation', 'p', '--aud', 'a', '--nonce', 'n', '--now', 'yesterday'],
      '--now',
    ],
    [
      ['verify', '--presentation', 'p', '--aud', 'a', '--nonce', 'n', '--max-age', '-5'],
      '--max-age',
    ],
    [
      ['verify', '--presentation', 'p', '--aud', 'a', '--nonce', 'n', '--status-max-age', 'x'],
      '--status-max-age',
    ],
    [['verify', '--presentation', 'p', '--aud', 'a', '--nonce', 'n', '--bogus'], '--bogus'],
    [
      ['present', '--credential', 'c', '--holder-jwk', 'h', '--aud', 'a', '--nonce', 'n'],
      '--disclose',
    ],
    [
      [
        'present',
        '--credential',
        'c',
        '--holder-jwk',
        'h',
        '--disclose',
        ',',
        '--aud',
        'a',
        '--nonce',
        'n',
      ],
      '--disclose',
    ],
    [
      [
        'present',
        '--credential',
        'c',
        '--holder-jwk',
        'h',
        '--disclose',
        'x',
        '--aud',
        ' ',
        '--nonce',
        'n',
      ],
      '--aud',
    ],
    [['qr', 'decode'], '--in'],
  ])('Given %j, when run, then exit 2 naming %s', async (argv, text) => {
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain(text);
  });
});

describe('vouch present: refusals (exit 1, one line)', () => {
  it('Given a claim the credential does not have, then exit 1 naming it', async () => {
    const { code, stderr } = await run(
      'present',
      '--credential',
      credential,
      '--holder-jwk',
      holderPrivate,
      '--disclose',
      'period,passport_number',
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toContain('passport_number');
  });

  it("Given a holder key that is not the credential's cnf key, then exit 1", async () => {
    const other = await crypto.generateKeyPair('ES256K');
    const { code, stderr } = await run(
      'present',
      '--credential',
      credential,
      '--holder-jwk',
      file('other.jwk', JSON.stringify(other.privateJwk)),
      '--disclose',
      'period',
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
    expect(stderr).toContain('not the key this credential is bound to');
  });

  it.each([
    ['a credential that is garbage', 'credential', 'garbage'],
    ['a holder key that is public only', 'holder-jwk', 'PUBLIC'],
    ['a holder key that is not JSON', 'holder-jwk', 'garbage'],
  ])('Given %s, then exit 1 with one line', async (_given, flag, content) => {
    const path = content === 'PUBLIC' ? at('holder.jwk') : file('bad.txt', content);
    const argv = [
      'present',
      '--credential',
      credential,
      '--holder-jwk',
      holderPrivate,
      '--disclose',
      'period',
      '--aud',
      AUD,
      '--nonce',
      NONCE,
    ];
    argv[argv.indexOf(`--${flag}`) + 1] = path;
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
  });

  it.each([
    ['P-256', 'ES256'],
    ['Ed25519', 'EdDSA'],
  ] as const)(
    'Given a credential bound to a %s key, when presented, then the KB-JWT is %s and it verifies',
    async (_crv, alg) => {
      const holder = await crypto.generateKeyPair(alg);
      const issuer = JSON.parse(readFileSync(at('issuer.json'), 'utf8'));
      const sdjwt = await issueSdJwtVc({
        issuer: {
          did: issuer.did as Did,
          alg: issuer.alg,
          sign: (d) => crypto.sign(issuer.alg, issuer.privateJwk, d),
        },
        vct: 'urn:vouch:income-statement:1',
        claims: { period: '2026-02' },
        holderJwk: publicJwkOf(holder.privateJwk),
        issuedAt: new Date(),
        randomBytes,
      });
      const made = await run(
        'present',
        '--credential',
        file(`c-${alg}.sdjwt`, sdjwt),
        '--holder-jwk',
        file(`h-${alg}.jwk`, JSON.stringify(holder.privateJwk as PrivateJwk)),
        '--disclose',
        'period',
        '--aud',
        AUD,
        '--nonce',
        NONCE,
      );
      expect(made.code).toBe(0);
      const kb = made.stdout.trim().split('~').pop() as string;
      expect(JSON.parse(Buffer.from(kb.split('.')[0] as string, 'base64url').toString())).toEqual({
        typ: 'kb+jwt',
        alg,
      });
      const verified = await verify(file(`p-${alg}.txt`, made.stdout), '--trust', trust);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        valid: true,
        claims: { period: '2026-02' },
      });
    },
  );
});

describe('vouch qr encode → qr decode: exactly the original text', () => {
  it.each([
    [
      'a VOUCH offer text (one line and a newline)',
      () =>
        `${encodeForText('offer', utf8ToBytes('{"credential":"x~","relationship":"ab12cd34","child_index":5}'))}\n`,
    ],
    [
      'VOUCH text without its newline (kept as plain text)',
      () => encodeForText('request', utf8ToBytes('hello')),
    ],
    ['UTF-8 text', () => 'Grüße aus Utrecht — ĳsland, 東京, 🇳🇱\nzweite Zeile\r\n'],
    ['an SD-JWT', 'SDJWT'],
    ['JSON', () => '{"a":[1,2,3],"b":"c"}'],
  ])('Given %s, when encoded and decoded, then the same bytes come back', async (_given, make) => {
    let text: string;
    if (make === 'SDJWT') {
      const issuer = await createIssuerKeyFile(crypto, 'EdDSA');
      const holder = await crypto.generateKeyPair('EdDSA');
      text = await issueSdJwtVc({
        issuer: { did: issuer.did, alg: 'EdDSA', sign: issuerSigner(crypto, issuer) },
        vct: 'urn:vouch:household:1',
        claims: { household_type: 'single' },
        holderJwk: holder.publicJwk,
        issuedAt: new Date(),
        randomBytes,
      });
    } else {
      text = (make as () => string)();
    }
    const input = file('qr-in.txt', text);
    const png = at('qr.png');
    const encoded = await run('qr', 'encode', '--in', input, '--out', png);
    expect(encoded.code).toBe(0);
    expect(JSON.parse(encoded.stdout)).toMatchObject({ out: png });
    const decoded = await run('qr', 'decode', '--in', png);
    expect({ code: decoded.code, stderr: decoded.stderr }).toEqual({ code: 0, stderr: '' });
    expect(Buffer.from(decoded.stdout)).toEqual(readFileSync(input));
  });

  it('Given a VOUCH payload too large for one QR, when encoded, then exit 1 saying how many frames', async () => {
    const payload = randomBytes(3000);
    const frames = encodeForQr('offer', payload).frames.length;
    const input = file('big.vouch', `${encodeForText('offer', payload)}\n`);
    const { code, stdout, stderr } = await run(
      'qr',
      'encode',
      '--in',
      input,
      '--out',
      at('big.png'),
    );
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
    expect(stderr).toContain(`needs ${frames} animated frames`);
  });

  it('Given plain text too large for one QR, when encoded, then exit 1', async () => {
    const { code, stderr } = await run(
      'qr',
      'encode',
      '--in',
      file('big.txt', 'x'.repeat(2000)),
      '--out',
      at('b.png'),
    );
    expect(code).toBe(1);
    expectOneLine(stderr);
  });

  it.each([
    ['a file that is not a PNG', () => 'not a png'],
    ['a PNG with no QR code', () => encodePng1Bit(64, 64, () => false)],
    ['a damaged PNG', () => renderQrPng(utf8ToBytes('hello')).png.slice(0, 60)],
    [
      'one frame of an animated code',
      () => renderQrPng(encodeForQr('offer', randomBytes(3000)).frames[0] as Uint8Array).png,
    ],
    [
      'a PNG claiming to be 100000 × 100000 pixels',
      () => {
        const png = renderQrPng(utf8ToBytes('x')).png.slice();
        new DataView(png.buffer).setUint32(16, 100_000);
        new DataView(png.buffer).setUint32(20, 100_000);
        return png;
      },
    ],
  ])('Given %s, when decoded, then exit 1 with one line', async (_given, make) => {
    const { code, stdout, stderr } = await run('qr', 'decode', '--in', file('in.png', make()));
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expectOneLine(stderr);
  });
});
