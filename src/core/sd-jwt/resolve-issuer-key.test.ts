import { describe, expect, it } from 'vitest';
import { didKeyFromJwk, didKeyVerificationMethod } from '../did/did-key.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { resolveIssuerKey } from './verify-sd-jwt-vc.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('resolve-issuer-key') });

describe('resolveIssuerKey (did:key resolutions kept by exact DID text)', () => {
  it('Given an issuer resolved before, when resolved again, then the same key comes back as a fresh copy (a caller changing its copy changes nothing)', async () => {
    const { publicJwk } = await crypto.generateKeyPair('ES256');
    const did = didKeyFromJwk(publicJwk);
    const first = resolveIssuerKey({}, did);
    if (!first.ok) throw new Error(first.detail.message);
    expect(first.value).toEqual(publicJwk);
    (first.value as { x: string }).x = 'changed';
    const second = resolveIssuerKey({ kid: didKeyVerificationMethod(did) }, did);
    expect(second).toEqual({ ok: true, value: publicJwk });
  });

  it('Given a kid of another DID than iss, when the iss was resolved before, then still unknown-issuer-key', async () => {
    const a = didKeyFromJwk((await crypto.generateKeyPair('ES256')).publicJwk);
    const b = didKeyFromJwk((await crypto.generateKeyPair('ES256')).publicJwk);
    expect(resolveIssuerKey({}, a).ok).toBe(true);
    const mixed = resolveIssuerKey({ kid: didKeyVerificationMethod(b) }, a);
    expect(mixed.ok ? 'ok' : mixed.reason).toBe('unknown-issuer-key');
  });
});
