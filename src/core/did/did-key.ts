/**
 * did:key ⇄ public JWK for the three issuer/holder key types (multikey.ts has the byte layout),
 * and the DID resolution Vouch does without a network: did:key and did:jwk (did-jwk.ts).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { DID_JWK_PREFIX, jwkFromDidJwk } from './did-jwk.ts';
import { decodeDidKey, DID_KEY_PREFIX, encodeDidKey } from './multikey.ts';

export type DidProblem =
  'not-did' | 'unsupported-did-method' | 'bad-encoding' | 'unsupported-key-type';

function keyBytes(value: string): Uint8Array {
  const decoded = decodeBase64Url(value);
  if (!decoded.ok) throw new TypeError(`didKeyFromJwk: ${decoded.detail.message}`);
  return decoded.value;
}

/** did:key of a public JWK: P-256 → zDn…, Ed25519 → z6Mk…, secp256k1 → zQ3s…. */
export function didKeyFromJwk(jwk: PublicJwk): Did {
  if (jwk.kty === 'OKP') return encodeDidKey('ed25519-pub', keyBytes(jwk.x));
  const uncompressed = new Uint8Array(65);
  uncompressed[0] = 0x04;
  uncompressed.set(keyBytes(jwk.x), 1);
  uncompressed.set(keyBytes(jwk.y), 33);
  const curve = jwk.crv === 'P-256' ? p256 : secp256k1;
  const compressed = curve.Point.fromBytes(uncompressed).toBytes(true);
  return encodeDidKey(jwk.crv === 'P-256' ? 'p256-pub' : 'secp256k1-pub', compressed);
}

export { didKeyVerificationMethod } from './verification-method.ts';

function jwkFromDidKey(did: string): Result<PublicJwk, DidProblem, { message: string }> {
  const decoded = decodeDidKey(did);
  if (!decoded.ok) {
    return failedWith(
      decoded.reason === 'not-did-key' ? 'not-did' : decoded.reason,
      decoded.detail,
    );
  }
  const { codec, key } = decoded.value;
  try {
    if (codec === 'ed25519-pub') {
      ed25519.Point.fromBytes(key);
      return ok({ kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(key) });
    }
    const crv = codec === 'p256-pub' ? 'P-256' : 'secp256k1';
    if (key[0] !== 0x02 && key[0] !== 0x03) {
      return failedWith('bad-encoding', {
        message: `${crv} key: expected a compressed point (first byte 0x02 or 0x03), got 0x${(key[0] ?? 0).toString(16)}`,
      });
    }
    const point = (crv === 'P-256' ? p256 : secp256k1).Point.fromBytes(key);
    point.assertValidity();
    const uncompressed = point.toBytes(false);
    return ok({
      kty: 'EC',
      crv,
      x: encodeBase64Url(uncompressed.subarray(1, 33)),
      y: encodeBase64Url(uncompressed.subarray(33)),
    });
  } catch {
    return failedWith('bad-encoding', {
      message: `the ${codec} key in ${did.slice(0, 60)} is not a point on its curve`,
    });
  }
}

/**
 * The public key of a did:key or did:jwk DID, or of a DID URL naming its verification method
 * (`did:key:z…#z…`, `did:jwk:…#0`): the fragment must be the one that DID method defines.
 */
export function resolveDidKey(did: string): Result<PublicJwk, DidProblem, { message: string }> {
  if (typeof did !== 'string' || !did.startsWith('did:')) {
    const shown = typeof did === 'string' ? JSON.stringify(did.slice(0, 40)) : typeof did;
    return failedWith('not-did', { message: `expected a DID starting "did:", got ${shown}` });
  }
  const hash = did.indexOf('#');
  const bare = hash === -1 ? did : did.slice(0, hash);
  const fragment = hash === -1 ? undefined : did.slice(hash + 1);
  if (bare.startsWith(DID_KEY_PREFIX)) {
    // did:key §3.1.2: the verification method id is the DID + "#" + the multibase value.
    if (fragment !== undefined && fragment !== bare.slice(DID_KEY_PREFIX.length)) {
      return failedWith('bad-encoding', {
        message: `the fragment "#${fragment.slice(0, 60)}" is not this did:key's key id`,
      });
    }
    return jwkFromDidKey(bare);
  }
  if (bare.startsWith(DID_JWK_PREFIX)) {
    // did:jwk spec §2.3: the only verification method is "#0".
    if (fragment !== undefined && fragment !== '0') {
      return failedWith('bad-encoding', {
        message: `a did:jwk key id is "#0", got "#${fragment.slice(0, 60)}"`,
      });
    }
    return jwkFromDidJwk(bare);
  }
  const method = bare.split(':')[1] ?? '';
  return failedWith('unsupported-did-method', {
    message: `only did:key and did:jwk issuers can be resolved offline, got did:${method.slice(0, 20)}`,
  });
}
