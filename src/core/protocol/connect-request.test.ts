import { HDKey } from '@scure/bip32';
import { sha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { ExtendedPublicKey } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import {
  describeKey,
  es256kSigner,
  relationshipPath,
  signJwsEs256k,
  withPrivateKey,
} from '../keys/index.ts';
import { createConnectRequest, verifyConnectRequest } from './connect-request.ts';
import { relationshipFingerprint } from './relationship-fingerprint.ts';

const SEED = sha512(utf8ToBytes('vouch protocol test seed'));
const NOW = new Date('2025-03-01T12:00:00Z');
const IAT = Math.floor(NOW.getTime() / 1000);
const relationship = describeKey(SEED, relationshipPath(0));
const other = describeKey(SEED, relationshipPath(1));

/** Signs any header and payload with relationship key `index` (to craft bad requests). */
function signWith(
  index: number,
  header: Record<string, unknown>,
  payload: unknown,
): Promise<string> {
  return withPrivateKey(SEED, relationshipPath(index), (key) => {
    const signer = es256kSigner(key);
    return signJwsEs256k({ signer, header, payload }).finally(() => signer.wipe());
  });
}

const create = (issuerName = 'Bakkerij de Vries B.V.', now = NOW) =>
  withPrivateKey(SEED, relationshipPath(0), (key) => {
    const signer = es256kSigner(key);
    return createConnectRequest({
      xpub: relationship.xpub,
      issuerName,
      sign: signer,
      now,
      jti: 'n-0001',
    }).finally(() => signer.wipe());
  });

describe('connect request', () => {
  it('Given a request made by the relationship key, when verified, then it yields the xpub, name, iat and fingerprint', async () => {
    const verified = await verifyConnectRequest(await create(), { now: NOW });
    expect(verified).toEqual({
      ok: true,
      value: {
        xpub: relationship.xpub,
        issuerName: 'Bakkerij de Vries B.V.',
        iat: IAT,
        jti: 'n-0001',
        fingerprint: HDKey.fromExtendedKey(relationship.xpub)
          .fingerprint.toString(16)
          .padStart(8, '0'),
      },
    });
  });

  it('Given a request, then its header is exactly {"typ","alg"} with ES256K and vouch-connect+jwt', async () => {
    const [header] = (await create()).split('.');
    const bytes = decodeBase64Url(header as string);
    const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
    expect(text?.ok && JSON.parse(text.value)).toEqual({
      typ: 'vouch-connect+jwt',
      alg: 'ES256K',
    });
  });

  const payload = { xpub: relationship.xpub, aud: 'Desk', iat: IAT, jti: 'j1' };
  const typ = { typ: 'vouch-connect+jwt' };
  const cases: Array<[string, () => Promise<string>, string]> = [
    ['garbage', async () => 'not a jws', 'malformed'],
    ['an oversized input', async () => 'a.'.repeat(5000), 'malformed'],
    ['a non-JSON header', async () => `${encodeBase64Url(utf8ToBytes('{'))}.e30.AA`, 'malformed'],
    [
      'alg "none"',
      async () =>
        `${encodeBase64Url(utf8ToBytes('{"alg":"none","typ":"vouch-connect+jwt"}'))}.${encodeBase64Url(utf8ToBytes(JSON.stringify(payload)))}.`,
      'malformed',
    ],
    ['another typ', () => signWith(0, { typ: 'JWT' }, payload), 'wrong-typ'],
    [
      'an xprv in place of the xpub',
      () =>
        signWith(0, typ, {
          ...payload,
          xpub: 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi',
        }),
      'bad-xpub',
    ],
    [
      'a damaged xpub',
      () => signWith(0, typ, { ...payload, xpub: `${relationship.xpub.slice(0, -1)}x` }),
      'bad-xpub',
    ],
    ['a signature by another key', () => signWith(1, typ, payload), 'bad-signature'],
    [
      'the xpub of another relationship',
      () => signWith(0, typ, { ...payload, xpub: other.xpub }),
      'bad-signature',
    ],
    ['an empty aud', () => signWith(0, typ, { ...payload, aud: ' ' }), 'malformed'],
    [
      'an aud of 201 characters',
      () => signWith(0, typ, { ...payload, aud: 'x'.repeat(201) }),
      'malformed',
    ],
    ['a fractional iat', () => signWith(0, typ, { ...payload, iat: IAT + 0.5 }), 'malformed'],
    ['no jti', () => signWith(0, typ, { ...payload, jti: undefined }), 'malformed'],
    ['an iat 601 s old', () => signWith(0, typ, { ...payload, iat: IAT - 601 }), 'stale'],
    ['an iat 61 s ahead', () => signWith(0, typ, { ...payload, iat: IAT + 61 }), 'from-the-future'],
  ];
  it.each(cases)('Given %s, when verified, then it fails with %s', async (_, make, reason) => {
    const verified = await verifyConnectRequest(await make(), { now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
    if (!verified.ok) expect(verified.detail.message).not.toBe('');
  });

  it('Given a payload changed after signing, when verified, then it is bad-signature', async () => {
    const [h, , s] = (await create()).split('.');
    const forged = encodeBase64Url(
      utf8ToBytes(JSON.stringify({ ...payload, aud: 'Someone else' })),
    );
    const verified = await verifyConnectRequest(`${h}.${forged}.${s}`, { now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
  });

  it('Given maxAgeSeconds 60 and a request 61 s old, when verified, then it is stale; 60 s old passes', async () => {
    const old = await create('Desk', new Date(NOW.getTime() - 61_000));
    const edge = await create('Desk', new Date(NOW.getTime() - 60_000));
    const results = await Promise.all(
      [old, edge].map((jws) => verifyConnectRequest(jws, { now: NOW, maxAgeSeconds: 60 })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['stale', 'ok']);
  });

  it('Given the BIP32 test vector 1 master xpub, then its fingerprint is 3442193e (BIP32 "ID" 3442193e…)', () => {
    const xpub =
      'xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8' as ExtendedPublicKey;
    expect(relationshipFingerprint(xpub)).toBe('3442193e');
  });
});
