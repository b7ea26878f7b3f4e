import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { didJwkFromJwk } from '../did/did-jwk.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import type { IssuerKeyFile } from '../jose/issuer-key-file.ts';
import { ALLOWED_ALGORITHMS } from '../jose/jws-algorithm.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { createDisclosure } from './disclosure.ts';
import { issueSdJwtVc } from './issue-sd-jwt-vc.ts';
import { parseSdJwt } from './parse-sd-jwt.ts';
import { verifySdJwtVc } from './verify-sd-jwt-vc.ts';

const randomBytes = seededRandomBytes('sd-jwt-vc');
const crypto = nobleJwsCrypto({ randomBytes });
const ISSUED_AT = new Date('2025-10-01T09:00:00Z');
const NOW = new Date('2025-10-02T12:00:00Z');
const CLAIMS = {
  period: '2025-09',
  gross_wage_cents: 245000,
  net_wage_cents: 198712,
  hours: 151.5,
  employer_name: 'Rijdt Goed B.V.',
  employee_name: 'Samira El Amrani',
  birth_date: '1984-03-17',
};

const issuers = new Map<JwsAlgorithm, IssuerKeyFile>();
async function issuerFor(alg: JwsAlgorithm): Promise<IssuerKeyFile> {
  let issuer = issuers.get(alg);
  if (!issuer) {
    issuer = await createIssuerKeyFile(crypto, alg);
    issuers.set(alg, issuer);
  }
  return issuer;
}

async function issue(
  opts: {
    alg?: JwsAlgorithm;
    expiresAt?: Date;
    decoys?: number;
    claims?: Record<string, unknown>;
  } = {},
) {
  const issuer = await issuerFor(opts.alg ?? 'ES256');
  const holder = await crypto.generateKeyPair('ES256K');
  const credential = await issueSdJwtVc({
    issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
    vct: 'urn:vouch:income-statement:1',
    claims: opts.claims ?? CLAIMS,
    holderJwk: holder.publicJwk,
    status: { idx: 4711, uri: 'https://issuer.example/status/1' },
    issuedAt: ISSUED_AT,
    ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}),
    ...(opts.decoys !== undefined ? { decoys: opts.decoys } : {}),
    randomBytes,
  });
  return { credential, issuer, holder };
}

function jsonOf(part: string): Record<string, unknown> {
  const bytes = decodeBase64Url(part);
  if (!bytes.ok) throw new Error('bad part');
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) throw new Error('bad part');
  return JSON.parse(text.value) as Record<string, unknown>;
}

/** Re-signs a JWT with new header/payload, as a forger with the issuer's key could (to test checks after the signature). */
async function resign(
  issuer: IssuerKeyFile,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  disclosures: string[],
) {
  const jwt = await signCompactJws({ header, payload, sign: issuerSigner(crypto, issuer) });
  return `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
}

function flip(text: string, index: number): string {
  const char = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe('SD-JWT VC issuance', () => {
  it('Given claims, when issued, then the header, the visible payload and one disclosure per claim follow the format', async () => {
    const { credential, issuer, holder } = await issue({
      expiresAt: new Date('2026-10-01T09:00:00Z'),
    });
    expect(credential.endsWith('~')).toBe(true);
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    expect(jsonOf(h)).toEqual({
      alg: 'ES256',
      typ: 'dc+sd-jwt',
      kid: `${issuer.did}#${issuer.did.slice(8)}`,
    });
    const payload = jsonOf(p);
    expect(Object.keys(payload).sort()).toEqual([
      '_sd',
      '_sd_alg',
      'cnf',
      'exp',
      'iat',
      'iss',
      'status',
      'vct',
    ]);
    expect(payload).toMatchObject({
      iss: issuer.did,
      iat: ISSUED_AT.getTime() / 1000,
      vct: 'urn:vouch:income-statement:1',
      cnf: { jwk: holder.publicJwk },
      status: { status_list: { idx: 4711, uri: 'https://issuer.example/status/1' } },
      _sd_alg: 'sha-256',
    });
    const sd = payload._sd as string[];
    expect(sd).toEqual([...sd].sort());
    expect(sd).toHaveLength(Object.keys(CLAIMS).length);
    expect(parts.slice(1, -1)).toHaveLength(Object.keys(CLAIMS).length);
    expect(JSON.stringify(payload)).not.toContain('Samira');
  });

  it('Given 5 decoys, when issued, then _sd has 5 more digests and verification ignores them', async () => {
    const { credential } = await issue({ decoys: 5 });
    const parsed = parseSdJwt(credential);
    expect(parsed.ok && (parsed.value.payload._sd as string[]).length).toBe(
      Object.keys(CLAIMS).length + 5,
    );
    const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
    expect(verified.ok && verified.value.claims).toEqual(CLAIMS);
  });

  it('Given a registered claim name among the claims, when issued, then it throws (a bug in the caller)', async () => {
    await expect(issue({ claims: { ...CLAIMS, iss: 'x' } })).rejects.toThrow(/"iss"/);
  });
});

describe('SD-JWT VC verification', () => {
  it.each(ALLOWED_ALGORITHMS)(
    'Given a %s credential, when verified with the key from its did:key, then every claim comes back',
    async (alg) => {
      const { credential, issuer, holder } = await issue({ alg });
      const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
      expect(verified.ok).toBe(true);
      if (!verified.ok) return;
      expect(verified.value).toMatchObject({
        issuer: issuer.did,
        vct: 'urn:vouch:income-statement:1',
        iat: ISSUED_AT.getTime() / 1000,
        cnfJwk: holder.publicJwk,
        status: { idx: 4711, uri: 'https://issuer.example/status/1' },
        typ: 'dc+sd-jwt',
      });
      expect(verified.value.claims).toEqual(CLAIMS);
    },
  );

  it('Given a pinned key that is not the issuer, when verified, then bad-signature', async () => {
    const { credential } = await issue();
    const other = await crypto.generateKeyPair('ES256');
    expect(
      await verifySdJwtVc(credential, { crypto, now: NOW, issuerKey: other.publicJwk }),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('Given a disclosure left out, when verified, then it passes without that claim (selective disclosure)', async () => {
    const { credential } = await issue();
    const parts = credential.split('~');
    const dropped = [parts[0], ...parts.slice(2)].join('~');
    const verified = await verifySdJwtVc(dropped, { crypto, now: NOW });
    expect(verified.ok).toBe(true);
    if (verified.ok)
      expect(Object.keys(verified.value.claims)).toHaveLength(Object.keys(CLAIMS).length - 1);
  });

  it('Given only the issuer-signed JWT and "~", when verified, then it passes with no claims', async () => {
    const { credential } = await issue();
    const verified = await verifySdJwtVc(`${credential.split('~')[0]}~`, { crypto, now: NOW });
    expect(verified.ok && verified.value.claims).toEqual({});
  });

  it('Given one character changed in the payload, when verified, then it is refused', async () => {
    const { credential } = await issue();
    const [jwt, ...rest] = credential.split('~') as [string, ...string[]];
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const result = await verifySdJwtVc([`${h}.${flip(p, 20)}.${s}`, ...rest].join('~'), {
      crypto,
      now: NOW,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(['bad-signature', 'malformed', 'unknown-issuer-key']).toContain(result.reason);
  });

  it('Given one character changed in the signature, when verified, then bad-signature', async () => {
    const { credential } = await issue();
    const [jwt, ...rest] = credential.split('~') as [string, ...string[]];
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const result = await verifySdJwtVc([`${h}.${p}.${flip(s, 10)}`, ...rest].join('~'), {
      crypto,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('Given one character changed in a disclosure, when verified, then it is refused (its digest is no longer signed)', async () => {
    const { credential } = await issue();
    const parts = credential.split('~');
    parts[2] = flip(parts[2]!, 12);
    const result = await verifySdJwtVc(parts.join('~'), { crypto, now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(['disclosure-not-referenced', 'bad-disclosure']).toContain(result.reason);
  });

  it('Given an extra disclosure the issuer never signed, when verified, then disclosure-not-referenced', async () => {
    const { credential } = await issue();
    const extra = createDisclosure({
      salt: 'c2FsdHNhbHRzYWx0',
      name: 'net_wage_cents',
      value: 999999,
    });
    const result = await verifySdJwtVc(`${credential}${extra.encoded}~`, { crypto, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'disclosure-not-referenced' });
  });

  it('Given a disclosure presented twice, when verified, then duplicate-disclosure', async () => {
    const { credential } = await issue();
    const parts = credential.split('~');
    const result = await verifySdJwtVc(`${credential}${parts[1]}~`, { crypto, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'duplicate-disclosure' });
  });

  it('Given an issuer that signed the same digest twice, when verified, then duplicate-digest', async () => {
    const { credential, issuer } = await issue();
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const payload = jsonOf(p);
    const sd = payload._sd as string[];
    const forged = await resign(
      issuer,
      jsonOf(h),
      { ...payload, _sd: [...sd, sd[0]] },
      parts.slice(1, -1),
    );
    expect(await verifySdJwtVc(forged, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'duplicate-digest',
    });
  });

  it('Given a disclosed claim that is also in the clear, when verified, then bad-disclosure (RFC 9901 §7.1 3.2.2.1.3)', async () => {
    const { credential, issuer } = await issue();
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const forged = await resign(
      issuer,
      jsonOf(h),
      { ...jsonOf(p), period: '2020-01' },
      parts.slice(1, -1),
    );
    expect(await verifySdJwtVc(forged, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'bad-disclosure',
    });
  });

  it.each([
    ['an expired credential', { exp: ISSUED_AT.getTime() / 1000 + 3600 }, 'expired'],
    [
      'a credential valid only from next year',
      { nbf: NOW.getTime() / 1000 + 365 * 86400 },
      'not-yet-valid',
    ],
    ['a credential issued tomorrow', { iat: NOW.getTime() / 1000 + 86400 }, 'not-yet-valid'],
    ['no vct', { vct: undefined }, 'missing-claim'],
    ['a numeric vct', { vct: 7 }, 'missing-claim'],
    ['an iat that is text', { iat: 'yesterday' }, 'malformed'],
    ['no iss (and no pinned key)', { iss: undefined }, 'missing-claim'],
    ['an exp that is text', { exp: 'tomorrow' }, 'malformed'],
    ['_sd_alg sha-512', { _sd_alg: 'sha-512' }, 'sd-alg-unsupported'],
    ['_sd not an array', { _sd: 'abc' }, 'malformed'],
    [
      'a cnf.jwk that is a private key',
      {
        cnf: {
          jwk: {
            kty: 'OKP',
            crv: 'Ed25519',
            x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
            d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
          },
        },
      },
      'malformed',
    ],
    [
      'a negative status index',
      { status: { status_list: { idx: -1, uri: 'https://x' } } },
      'malformed',
    ],
  ])('Given %s (signed by the issuer), when verified, then %s', async (_name, change, reason) => {
    const { credential, issuer } = await issue();
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const payload: Record<string, unknown> = { ...jsonOf(p), ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete payload[key];
    const forged = await resign(issuer, jsonOf(h), payload, parts.slice(1, -1));
    expect(await verifySdJwtVc(forged, { crypto, now: NOW })).toMatchObject({ ok: false, reason });
  });

  it('Given an exp 30 s ago, when verified with the default 60 s skew, then it passes; with 0 s skew it is expired', async () => {
    const { credential } = await issue({ expiresAt: new Date(NOW.getTime() - 30_000) });
    expect((await verifySdJwtVc(credential, { crypto, now: NOW })).ok).toBe(true);
    expect(
      await verifySdJwtVc(credential, { crypto, now: NOW, clockSkewSeconds: 0 }),
    ).toMatchObject({ reason: 'expired' });
  });

  it.each([
    ['typ JWT', { typ: 'JWT' }, 'wrong-typ'],
    ['no typ', { typ: undefined }, 'wrong-typ'],
    ['alg none', { alg: 'none' }, 'alg-not-allowed'],
    ['alg HS256', { alg: 'HS256' }, 'alg-not-allowed'],
  ])('Given a header with %s, when verified, then %s', async (_name, change, reason) => {
    const { credential } = await issue();
    const [jwt, ...rest] = credential.split('~') as [string, ...string[]];
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const header: Record<string, unknown> = { ...jsonOf(h), ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete header[key];
    const swapped = `${encodeBase64Url(utf8ToBytes(JSON.stringify(header)))}.${p}.${s}`;
    expect(await verifySdJwtVc([swapped, ...rest].join('~'), { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('Given the legacy typ vc+sd-jwt, when verified, then it is accepted and reported', async () => {
    const { credential, issuer } = await issue();
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const forged = await resign(
      issuer,
      { ...jsonOf(h), typ: 'vc+sd-jwt' },
      jsonOf(p),
      parts.slice(1, -1),
    );
    const verified = await verifySdJwtVc(forged, { crypto, now: NOW });
    expect(verified.ok && verified.value.typ).toBe('vc+sd-jwt');
  });

  it('Given an issuer that is not a did:key and no pinned key, when verified, then unknown-issuer-key', async () => {
    const { credential, issuer } = await issue();
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const { kid: _kid, ...header } = jsonOf(h);
    const forged = await resign(
      issuer,
      header,
      { ...jsonOf(p), iss: 'https://issuer.example' },
      parts.slice(1, -1),
    );
    expect(await verifySdJwtVc(forged, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'unknown-issuer-key',
    });
    expect(
      (await verifySdJwtVc(forged, { crypto, now: NOW, issuerKey: issuer.publicJwk })).ok,
    ).toBe(true);
  });

  it('Given a kid of another DID than iss, when verified, then unknown-issuer-key', async () => {
    const { credential, issuer } = await issue();
    const other = await createIssuerKeyFile(crypto, 'ES256');
    const parts = credential.split('~');
    const [h, p] = parts[0]!.split('.') as [string, string];
    const forged = await resign(
      issuer,
      { ...jsonOf(h), kid: `${other.did}#${other.did.slice(8)}` },
      jsonOf(p),
      parts.slice(1, -1),
    );
    expect(await verifySdJwtVc(forged, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'unknown-issuer-key',
    });
  });

  it('Given an issuer identified by did:jwk, when verified, then the key comes from the DID', async () => {
    const issuer = await issuerFor('EdDSA');
    const didJwk = didJwkFromJwk(issuer.publicJwk) as Did;
    const holder = await crypto.generateKeyPair('ES256K');
    const credential = await issueSdJwtVc({
      issuer: { did: didJwk, alg: 'EdDSA', sign: issuerSigner(crypto, issuer) },
      vct: 'urn:example:1',
      claims: { a: 1 },
      holderJwk: holder.publicJwk,
      issuedAt: ISSUED_AT,
      randomBytes,
    });
    expect(credential.split('.')[0] && jsonOf(credential.split('.')[0]!).kid).toBe(`${didJwk}#0`);
    const verified = await verifySdJwtVc(credential, { crypto, now: NOW });
    expect(verified.ok && verified.value.claims).toEqual({ a: 1 });
  });

  it('Given a trailing key binding JWT, when parsed, then it is kept apart and sdHashInput ends with "~"', async () => {
    const { credential } = await issue();
    const parsed = parseSdJwt(`${credential}eyJhbGciOiJFUzI1NksiLCJ0eXAiOiJrYitqd3QifQ.e30.AA`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.keyBindingJwt).toBe('eyJhbGciOiJFUzI1NksiLCJ0eXAiOiJrYitqd3QifQ.e30.AA');
    expect(parsed.value.sdHashInput).toBe(credential);
  });
});

describe('SD-JWT parsing is total', () => {
  const inputs: [string, unknown][] = [
    ['a number', 42],
    ['undefined', undefined],
    ['an object', { a: 1 }],
    ['empty', ''],
    ['no tilde', 'a.b.c'],
    ['only tildes', '~~~'],
    ['an empty disclosure', 'eyJhbGciOiJFUzI1NiJ9.e30.AA~~x~'],
    ['more than 64 KiB', `${'a'.repeat(70 * 1024)}~`],
    ['unicode', 'ëÿ.💥.☃~☃~'],
    ['a KB-JWT that is not a JWT', 'eyJhbGciOiJFUzI1NiJ9.e30.AA~notajwt'],
    ['many tildes', `eyJhbGciOiJFUzI1NiJ9.e30.AA${'~WyJhIiwiYiIsMV0'.repeat(2000)}~`],
  ];
  it.each(inputs)(
    'Given %s, when parsed and verified, then a refusal comes back, never an exception',
    async (_name, input) => {
      expect(parseSdJwt(input).ok).toBe(false);
      expect((await verifySdJwtVc(input as string, { crypto, now: NOW })).ok).toBe(false);
    },
  );
});
