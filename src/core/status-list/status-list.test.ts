import { zlibSync } from 'fflate';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import cases from './status-list.cases.json' with { type: 'json' };
import { compressStatusBytes, decompressStatusList, statusAtIndex } from './status-bits.ts';
import {
  allocateStatusIndex,
  allocateStatusIndices,
  createStatusList,
  MIN_STATUS_LIST_SIZE,
  parseStatusListFile,
  isStatusIndexRevoked,
  revokeStatusIndex,
} from './status-list-file.ts';
import { publishStatusListJwt, verifyStatusListJwt } from './status-list-jwt.ts';

const randomBytes = seededRandomBytes('status-list');
const crypto = nobleJwsCrypto({ randomBytes });
const URI = 'https://issuer.example/status/1';
const NOW = new Date('2025-10-02T12:00:00Z');

describe('status list encoding (draft-ietf-oauth-status-list §4.1)', () => {
  it('Given the draft example bytes 0xB9 0xA3, when compressed, then lst is the draft value, and decoding gives the 16 statuses', () => {
    const bytes = hexToBytes(cases.small.bytesHex);
    expect(compressStatusBytes(bytes)).toBe(cases.small.lst);
    const decoded = decompressStatusList(cases.small.lst);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(cases.small.statuses.map((_, i) => statusAtIndex(decoded.value, 1, i))).toEqual(
      cases.small.statuses,
    );
  });

  it('Given the draft 2^20-entry test vector, when decoded, then exactly the listed indices are 1', () => {
    const decoded = decompressStatusList(cases.long.lst);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.length * 8).toBe(cases.long.size);
    const ones: number[] = [];
    for (let i = 0; i < cases.long.size; i++)
      if (statusAtIndex(decoded.value, 1, i) === 1) ones.push(i);
    expect(ones).toEqual(cases.long.revoked);
  });

  it('Given a zip bomb (64 MiB of zeros in a few KiB), when decompressed, then too-large, without inflating it all', () => {
    const bomb = encodeBase64Url(zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(decompressStatusList(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it.each([
    ['not a string', 7],
    ['not base64url', 'eNr+uRgAAhcBXQ'],
    ['not zlib', 'AAAAAAAA'],
    ['truncated', cases.small.lst.slice(0, 8)],
  ])('Given an lst that is %s, when decompressed, then malformed', (_name, lst) => {
    expect(decompressStatusList(lst)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('the issuer status list file', () => {
  it('Given a size under 100,000, when creating a list, then it throws naming the minimum', () => {
    expect(() => createStatusList({ uri: URI, size: 99_992 })).toThrow(/100000/);
    expect(createStatusList({ uri: URI }).size).toBe(MIN_STATUS_LIST_SIZE);
  });

  it('Given a list, when indices are allocated, revoked and published, then a verifier sees exactly the revoked one', async () => {
    let list = createStatusList({ uri: URI });
    const a = allocateStatusIndex(list, randomBytes);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    list = a.value.list;
    const b = allocateStatusIndex(list, randomBytes);
    if (!b.ok) throw new Error('allocation failed');
    list = b.value.list;
    expect(a.value.index).not.toBe(b.value.index);
    const revoked = revokeStatusIndex(list, b.value.index);
    if (!revoked.ok) throw new Error(revoked.reason);
    list = revoked.value;
    expect(list.revoked).toBe(1);
    expect(parseStatusListFile(JSON.parse(JSON.stringify(list)))).toEqual({
      ok: true,
      value: list,
    });

    const issuer = await createIssuerKeyFile(crypto, 'ES256');
    const jwt = await publishStatusListJwt({
      list,
      issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
      issuedAt: NOW,
      ttlSeconds: 43_200,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    const verified = await verifyStatusListJwt(jwt, { crypto, now: NOW, expectedUri: URI });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value).toMatchObject({
      uri: URI,
      issuer: issuer.did,
      iat: NOW.getTime() / 1000,
      ttl: 43_200,
      size: MIN_STATUS_LIST_SIZE,
    });
    expect(verified.value.statusAt(b.value.index)).toBe(1);
    expect(verified.value.statusAt(a.value.index)).toBe(0);
    expect(verified.value.statusAt(MIN_STATUS_LIST_SIZE)).toBe(-1);
    expect(verified.value.statusAt(-1)).toBe(-1);
  });

  it('Given revocation mistakes, when revoking, then each has its reason', () => {
    let list = createStatusList({ uri: URI });
    const a = allocateStatusIndex(list, randomBytes);
    if (!a.ok) throw new Error('allocation failed');
    list = a.value.list;
    const never = a.value.index === 0 ? 1 : 0;
    expect(revokeStatusIndex(list, MIN_STATUS_LIST_SIZE)).toMatchObject({
      ok: false,
      reason: 'index-out-of-range',
    });
    expect(revokeStatusIndex(list, 1.5)).toMatchObject({ ok: false, reason: 'index-out-of-range' });
    expect(revokeStatusIndex(list, never)).toMatchObject({ ok: false, reason: 'index-not-issued' });
    const once = revokeStatusIndex(list, a.value.index);
    if (!once.ok) throw new Error(once.reason);
    expect(revokeStatusIndex(once.value, a.value.index)).toMatchObject({
      ok: false,
      reason: 'already-revoked',
    });
  });

  it('Given an index never handed out, when revoked with evenIfNotIssued, then it is revoked and counts as used from then on', () => {
    const list = createStatusList({ uri: URI });
    const revoked = revokeStatusIndex(list, 7, { evenIfNotIssued: true });
    if (!revoked.ok) throw new Error(revoked.reason);
    expect(isStatusIndexRevoked(revoked.value, 7)).toBe(true);
    expect(revoked.value.revoked).toBe(1);
    // Marked used: a strict revoke now says already-revoked, not index-not-issued.
    expect(revokeStatusIndex(revoked.value, 7)).toMatchObject({
      ok: false,
      reason: 'already-revoked',
    });
  });

  it('Given a list filled to the last index, when allocating, then every index was handed out once and then list-full', () => {
    // A full 100,000-entry list is costly to fill one by one; allocate in one batch, then one more.
    const list = createStatusList({ uri: URI });
    const all = allocateStatusIndices(list, MIN_STATUS_LIST_SIZE, randomBytes);
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(new Set(all.value.indices).size).toBe(MIN_STATUS_LIST_SIZE);
    expect(allocateStatusIndex(all.value.list, randomBytes)).toMatchObject({
      ok: false,
      reason: 'list-full',
    });
  });

  it('Given revoked indices, when allocating again, then they are never reused', () => {
    let list = createStatusList({ uri: URI });
    const batch = allocateStatusIndices(list, 1000, randomBytes);
    if (!batch.ok) throw new Error('allocation failed');
    list = batch.value.list;
    for (const index of batch.value.indices.slice(0, 10)) {
      const revoked = revokeStatusIndex(list, index);
      if (revoked.ok) list = revoked.value;
    }
    const next = allocateStatusIndices(list, 5000, randomBytes);
    if (!next.ok) throw new Error('allocation failed');
    const earlier = new Set(batch.value.indices);
    expect(next.value.indices.filter((index) => earlier.has(index))).toEqual([]);
  });

  it('Given a fixed random source, when drawing many indices, then they spread over the whole list (uniform, not sequential)', () => {
    const batch = allocateStatusIndices(createStatusList({ uri: URI }), 2000, randomBytes);
    if (!batch.ok) throw new Error('allocation failed');
    const buckets = new Array(10).fill(0);
    for (const index of batch.value.indices) buckets[Math.floor(index / 10_000)]++;
    for (const count of buckets) expect(count).toBeGreaterThan(120);
  });

  it.each([
    ['not an object', 5],
    ['a small size', { ...createStatusList({ uri: URI }), size: 8 }],
    ['bits 2', { ...createStatusList({ uri: URI }), bits: 2 }],
    ['a wrong revoked count', { ...createStatusList({ uri: URI }), revoked: 3 }],
    ['a truncated lst', { ...createStatusList({ uri: URI }), lst: 'eNrbuRgAAhcBXQ' }],
  ])('Given a stored list with %s, when parsed, then bad-status-list', (_name, input) => {
    expect(parseStatusListFile(input)).toMatchObject({ ok: false, reason: 'bad-status-list' });
  });
});

describe('statuslist+jwt verification', () => {
  async function published(
    change: { header?: Record<string, unknown>; payload?: Record<string, unknown> } = {},
  ) {
    const issuer = await createIssuerKeyFile(crypto, 'EdDSA');
    const list = createStatusList({ uri: URI });
    const jwt = await signCompactJws({
      header: {
        alg: 'EdDSA',
        typ: 'statuslist+jwt',
        kid: `${issuer.did}#${issuer.did.slice(8)}`,
        ...change.header,
      },
      payload: {
        sub: URI,
        iss: issuer.did,
        iat: NOW.getTime() / 1000,
        status_list: { bits: 1, lst: list.lst },
        ...change.payload,
      },
      sign: issuerSigner(crypto, issuer),
    });
    return { jwt, issuer };
  }

  it.each([
    ['typ JWT', { header: { typ: 'JWT' } }, 'wrong-typ'],
    ['no sub', { payload: { sub: undefined } }, 'missing-claim'],
    ['another URI', { payload: { sub: 'https://other.example/1' } }, 'wrong-uri'],
    ['an exp in the past', { payload: { exp: NOW.getTime() / 1000 - 3600 } }, 'expired'],
    ['a negative ttl', { payload: { ttl: -5 } }, 'malformed'],
    ['bits 3', { payload: { status_list: { bits: 3, lst: 'eNrbuRgAAhcBXQ' } } }, 'malformed'],
    [
      'a zip bomb',
      {
        payload: {
          status_list: {
            bits: 1,
            lst: encodeBase64Url(zlibSync(new Uint8Array(20 * 1024 * 1024), { level: 9 })),
          },
        },
      },
      'too-large',
    ],
  ])(
    'Given a status list token with %s, when verified, then it is refused',
    async (_name, change, reason) => {
      const { jwt } = await published(change);
      expect(await verifyStatusListJwt(jwt, { crypto, now: NOW, expectedUri: URI })).toMatchObject({
        ok: false,
        reason,
      });
    },
  );

  it('Given a token whose header says alg none, when verified, then alg-not-allowed', async () => {
    const { jwt } = await published();
    const [, payload, signature] = jwt.split('.');
    const none = `${encodeBase64Url(utf8ToBytes(JSON.stringify({ alg: 'none', typ: 'statuslist+jwt' })))}.${payload}.${signature}`;
    expect(await verifyStatusListJwt(none, { crypto, now: NOW })).toMatchObject({
      ok: false,
      reason: 'alg-not-allowed',
    });
  });

  it('Given a token signed by another key than its DID, when verified, then bad-signature', async () => {
    const { jwt } = await published();
    const other = await createIssuerKeyFile(crypto, 'EdDSA');
    expect(
      await verifyStatusListJwt(jwt, { crypto, now: NOW, issuerKey: other.publicJwk }),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('Given the draft example as a payload with bits 1, when verified, then statuses match the draft', async () => {
    const { jwt } = await published({
      payload: { status_list: { bits: 1, lst: cases.small.lst } },
    });
    const verified = await verifyStatusListJwt(jwt, { crypto, now: NOW });
    expect(verified.ok && cases.small.statuses.map((_, i) => verified.value.statusAt(i))).toEqual(
      cases.small.statuses,
    );
  });
});
