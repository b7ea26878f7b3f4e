// Trust lists: signed by a desk's did:key, verified offline, every field checked with caps.
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { forgedJws } from '../verification/presentation-world.fake.ts';
import { signTrustList } from './sign-trust-list.ts';
import { publicJwkThumbprint } from '../jose/jwk.ts';
import {
  isCredentialTypeName,
  MAX_TRUST_ENTRIES,
  MAX_TRUST_LIST_AGE_SECONDS,
  TRUST_LIST_TYP,
} from './trust-list.ts';
import type { TrustEntry } from './trust-list.ts';
import { trustedIssuer } from './trusted-issuer.ts';
import { readSignedTrustList, verifyTrustList } from './verify-trust-list.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('trust') });
const NOW = new Date('2026-03-02T09:30:00Z');
const ENTRIES: TrustEntry[] = [
  {
    did: 'did:key:zDnaeBakkerij',
    name: 'Bakkerij de Vries B.V.',
    vct: ['urn:vouch:income-statement:1'],
  },
  { did: 'did:key:z6MkUniversiteit', name: 'Universiteit Utrecht', vct: ['urn:vouch:diploma:1'] },
];

async function desk(alg: 'ES256' | 'EdDSA' | 'ES256K' = 'ES256') {
  const key = await createIssuerKeyFile(crypto, alg);
  return { key, signer: { did: key.did as Did, alg: key.alg, sign: issuerSigner(crypto, key) } };
}

describe('signTrustList / verifyTrustList', () => {
  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a list signed with %s, when verified, then the same entries come back',
    async (alg) => {
      const { key, signer } = await desk(alg);
      const jwt = await signTrustList({
        issuer: signer,
        name: 'Gemeente Utrecht',
        entries: ENTRIES,
        issuedAt: NOW,
      });
      const [header] = jwt.split('.');
      expect(
        JSON.parse(atob((header as string).replace(/-/g, '+').replace(/_/g, '/'))),
      ).toMatchObject({
        typ: TRUST_LIST_TYP,
        alg,
      });
      const verified = await verifyTrustList(`${jwt}\n`, { crypto, now: NOW });
      expect(verified).toEqual({
        ok: true,
        value: {
          issuer: key.did,
          name: 'Gemeente Utrecht',
          iat: NOW.getTime() / 1000,
          exp: NOW.getTime() / 1000 + MAX_TRUST_LIST_AGE_SECONDS,
          entries: ENTRIES,
          signerThumbprint: publicJwkThumbprint(key.publicJwk),
        },
      });
    },
  );

  it('Given a list past its exp, when verified, then expired, saying when', async () => {
    const { signer } = await desk();
    const jwt = await signTrustList({
      issuer: signer,
      name: 'Old',
      entries: ENTRIES,
      issuedAt: new Date('2025-01-01T00:00:00Z'),
      expiresAt: new Date('2025-06-01T00:00:00Z'),
    });
    expect(await verifyTrustList(jwt, { crypto, now: NOW })).toEqual({
      ok: false,
      reason: 'expired',
      detail: {
        message: 'the trust list "Old" expired at 2025-06-01T00:00:00.000Z',
        expiredAt: '2025-06-01T00:00:00.000Z',
      },
    });
    // Read without the clock, it is still the same signed list (a desk shows it as expired).
    expect(await readSignedTrustList(jwt, { crypto })).toMatchObject({
      ok: true,
      value: { name: 'Old', exp: Date.parse('2025-06-01T00:00:00Z') / 1000 },
    });
  });

  it('Given a list whose exp is 30 s ago, when verified, then it still counts (60 s of clock skew); 61 s later it is expired', async () => {
    const { signer } = await desk();
    const jwt = await signTrustList({
      issuer: signer,
      name: 'Edge',
      entries: ENTRIES,
      issuedAt: new Date(NOW.getTime() - 86_400_000),
      expiresAt: new Date(NOW.getTime() - 30_000),
    });
    expect((await verifyTrustList(jwt, { crypto, now: NOW })).ok).toBe(true);
    const later = new Date(NOW.getTime() + 31_000);
    expect(await verifyTrustList(jwt, { crypto, now: later })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('Given a list signed without exp (an older list), when verified, then it counts for a year after its iat and is expired after that, saying why', async () => {
    const { key, signer } = await desk();
    const iat = Math.floor(NOW.getTime() / 1000);
    const jwt = await signCompactJws({
      header: { alg: key.alg, typ: TRUST_LIST_TYP, kid: `${key.did}#${key.did.slice(8)}` },
      payload: { iss: key.did, iat, name: 'No exp', entries: ENTRIES },
      sign: signer.sign,
    });
    const inAYear = new Date((iat + MAX_TRUST_LIST_AGE_SECONDS - 3600) * 1000);
    expect(await verifyTrustList(jwt, { crypto, now: inAYear })).toMatchObject({
      ok: true,
      value: { exp: iat + MAX_TRUST_LIST_AGE_SECONDS },
    });
    const afterAYear = new Date((iat + MAX_TRUST_LIST_AGE_SECONDS + 3600) * 1000);
    const expired = await verifyTrustList(jwt, { crypto, now: afterAYear });
    expect(expired).toMatchObject({ ok: false, reason: 'expired' });
    expect(!expired.ok && expired.detail.message).toMatch(/has no "exp".*365 days/);
  });

  it('Given no expiresAt, when signing, then the list carries exp a year after iat; an exp before iat throws', async () => {
    const { signer } = await desk();
    const jwt = await signTrustList({ issuer: signer, name: 'D', entries: ENTRIES, issuedAt: NOW });
    const payload = JSON.parse(
      atob((jwt.split('.')[1] as string).replace(/-/g, '+').replace(/_/g, '/')),
    ) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(MAX_TRUST_LIST_AGE_SECONDS);
    await expect(
      signTrustList({
        issuer: signer,
        name: 'D',
        entries: ENTRIES,
        issuedAt: NOW,
        expiresAt: new Date(NOW.getTime() - 1000),
      }),
    ).rejects.toThrow(/expiresAt/);
  });

  it('Given a list whose payload was changed, when verified, then bad-signature', async () => {
    const { signer } = await desk();
    const jwt = await signTrustList({
      issuer: signer,
      name: 'Desk',
      entries: ENTRIES,
      issuedAt: NOW,
    });
    const other = await signTrustList({
      issuer: signer,
      name: 'Desk',
      entries: [{ did: 'did:key:zEvil', name: 'Evil', vct: ['urn:vouch:income-statement:1'] }],
      issuedAt: NOW,
    });
    const [h, , s] = jwt.split('.');
    const tampered = `${h}.${other.split('.')[1]}.${s}`;
    expect(await verifyTrustList(tampered, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it.each(['none', 'HS256', 'RS256'])(
    'Given alg %s, when verified, then unsupported-alg',
    async (alg) => {
      const { key } = await desk();
      const jwt = forgedJws(
        { alg, typ: TRUST_LIST_TYP },
        { iss: key.did, iat: 1, name: 'x', entries: [] },
      );
      expect(await verifyTrustList(jwt, { crypto, now: NOW })).toMatchObject({
        ok: false,
        reason: 'unsupported-alg',
      });
    },
  );

  const payload = (entries: unknown, more: Record<string, unknown> = {}) => ({
    iat: 1,
    name: 'Desk',
    entries,
    ...more,
  });
  it.each([
    ['entries that are not a list', payload('all')],
    ['an entry without a DID', payload([{ did: 'bakkerij', name: 'B', vct: ['v'] }])],
    ['an entry without a name', payload([{ did: 'did:key:z', vct: ['v'] }])],
    ['an entry with no vct', payload([{ did: 'did:key:z', name: 'B', vct: [] }])],
    ['a vct that is not a string', payload([{ did: 'did:key:z', name: 'B', vct: [7] }])],
    [
      'a W3C type with white space',
      payload([{ did: 'did:key:z', name: 'B', vct: ['Verifiable Diploma'] }]),
    ],
    [
      'too many entries',
      payload(
        Array.from({ length: MAX_TRUST_ENTRIES + 1 }, () => ({
          did: 'did:key:z',
          name: 'B',
          vct: ['v'],
        })),
      ),
    ],
    ['a name too long', payload([], { name: 'x'.repeat(201) })],
    ['no iat', payload([], { iat: 'today' })],
  ])('Given %s, when verified, then malformed', async (_given, body) => {
    const { key, signer } = await desk();
    const header = { alg: key.alg, typ: TRUST_LIST_TYP, kid: `${key.did}#${key.did.slice(8)}` };
    const jwt = await signCompactJws({
      header,
      payload: { iss: key.did, ...body },
      sign: signer.sign,
    });
    expect(await verifyTrustList(jwt, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it.each([
    ['garbage', 'garbage'],
    ['a JWT of another typ', forgedJws({ alg: 'ES256', typ: 'JWT' }, { iss: 'did:key:z' })],
    [
      'a kid of another DID',
      forgedJws(
        { alg: 'ES256', typ: TRUST_LIST_TYP, kid: 'did:key:zOther#0' },
        { iss: 'did:key:z' },
      ),
    ],
    [
      'a did:web signer',
      forgedJws({ alg: 'ES256', typ: TRUST_LIST_TYP }, { iss: 'did:web:example.org' }),
    ],
    ['a number', 7],
  ])('Given %s, when verified, then malformed', async (_given, input) => {
    expect(await verifyTrustList(input as string, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('Given entries a verifier would refuse, when signing, then it throws (a bug in the caller)', async () => {
    const { signer } = await desk();
    await expect(
      signTrustList({
        issuer: signer,
        name: 'Desk',
        entries: [{ did: 'nope', name: 'X', vct: ['v'] }],
        issuedAt: NOW,
      }),
    ).rejects.toThrow(/did/i);
  });
});

describe('trustedIssuer', () => {
  const lists = [
    { issuer: 'did:key:zA', name: 'A', iat: 1, entries: [ENTRIES[0] as TrustEntry] },
    { issuer: 'did:key:zB', name: 'B', iat: 1, entries: ENTRIES },
  ];
  it.each([
    ['did:key:zDnaeBakkerij', 'urn:vouch:income-statement:1', 'Bakkerij de Vries B.V.'],
    ['did:key:z6MkUniversiteit', 'urn:vouch:diploma:1', 'Universiteit Utrecht'],
    ['did:key:z6MkUniversiteit', 'urn:vouch:income-statement:1', undefined],
    ['did:key:zUnknown', 'urn:vouch:diploma:1', undefined],
  ])('Given issuer %s and vct %s, then the entry named %s', (did, vct, name) => {
    expect(trustedIssuer(lists, did, vct)?.name).toBe(name);
  });
  it('Given no lists, then nobody is trusted', () => {
    expect(
      trustedIssuer([], 'did:key:zDnaeBakkerij', 'urn:vouch:income-statement:1'),
    ).toBeUndefined();
  });
});

describe('trust lists for W3C credentials (docs/w3c-vc.md §Verifier desk)', () => {
  const W3C_ENTRIES: TrustEntry[] = [
    {
      did: 'did:web:diplomas.example.eu',
      name: 'Europass issuer',
      vct: ['VerifiableDiploma', 'VerifiableAttestation'],
    },
    { did: 'did:key:z6MkUniversiteit', name: 'Universiteit Utrecht', vct: ['urn:vouch:diploma:1'] },
  ];

  it('Given a list naming raw W3C types beside a vct, when signed and verified, then the types come back as written', async () => {
    const { signer } = await desk();
    const jwt = await signTrustList({
      issuer: signer,
      name: 'EU diplomas',
      entries: W3C_ENTRIES,
      issuedAt: NOW,
    });
    const verified = await verifyTrustList(jwt, { crypto, now: NOW });
    expect(verified.ok && verified.value.entries).toEqual(W3C_ENTRIES);
  });

  it.each([
    ['did:web:diplomas.example.eu', 'VerifiableDiploma', 'Europass issuer'],
    ['did:web:diplomas.example.eu', 'VerifiableAttestation', 'Europass issuer'],
    ['did:web:diplomas.example.eu', 'urn:vouch:diploma:1', undefined],
    ['did:key:z6MkUniversiteit', 'VerifiableDiploma', undefined],
    ['did:key:z6MkUniversiteit', 'urn:vouch:diploma:1', 'Universiteit Utrecht'],
  ])('Given issuer %s and type %s, then the entry named %s', (did, type, name) => {
    const lists = [{ issuer: 'did:key:zA', name: 'A', iat: 1, entries: W3C_ENTRIES }];
    expect(trustedIssuer(lists, did, type)?.name).toBe(name);
  });

  it.each([
    ['VerifiableDiploma', true],
    ['urn:vouch:diploma:1', true],
    ['https://example.org/types#Diploma', true],
    ['Verifiable Diploma', false],
    ['', false],
    ['x'.repeat(2049), false],
    [7, false],
  ])('Given the type %j, then isCredentialTypeName says %s', (type, expected) => {
    expect(isCredentialTypeName(type)).toBe(expected);
  });
});
