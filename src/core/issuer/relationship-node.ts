/**
 * A relationship xpub read once, for issuing many credentials to it (a payroll batch: issue 12).
 * `deriveCredentialPublicKey` parses the xpub and decompresses its point on every call, and the
 * holder JWK decompresses the child's point again; here the parent point, the chain code and the
 * BIP32 fingerprint are computed once, and a child costs one HMAC-SHA512, one multiplication of
 * the base point and one point addition (BIP32 CKDpub), its JWK read from the same point. Only
 * public keys are involved, so the multiplication need not be constant-time.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import type { ExtendedPublicKey } from '../brand.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import type { Secp256k1PublicJwk } from '../keys/index.ts';
import { relationshipFingerprint } from '../protocol/index.ts';

const HARDENED_OFFSET = 0x80000000;
const Point = secp256k1.Point;
const ORDER = Point.Fn.ORDER;

export interface CredentialKey {
  /** The 33-byte compressed public key (what deriveCredentialPublicKey returns). */
  readonly publicKey: Uint8Array;
  /** Its JWK (what publicKeyToJwk returns): the credential's `cnf.jwk`. */
  readonly jwk: Secp256k1PublicJwk;
}

export interface RelationshipNode {
  /** The xpub's BIP32 fingerprint (relationshipFingerprint): the offer's `relationship`. */
  readonly fingerprint: string;
  /** Non-hardened child `index`: exactly deriveCredentialPublicKey(xpub, index) and its JWK. */
  child(index: number): CredentialKey;
}

/** Throws on a malformed xpub (check it at the boundary with parseExtendedPublicKey). */
export function relationshipNode(xpub: ExtendedPublicKey): RelationshipNode {
  const node = HDKey.fromExtendedKey(xpub);
  const parentKey = node.publicKey;
  const chainCode = node.chainCode;
  if (!parentKey || !chainCode) throw new TypeError('"xpub" has no public key or chain code');
  const parentPoint = Point.fromBytes(parentKey);
  const data = new Uint8Array(37);
  data.set(parentKey);
  const view = new DataView(data.buffer);
  return {
    fingerprint: relationshipFingerprint(xpub),
    child(index) {
      if (!Number.isSafeInteger(index) || index < 0 || index >= HARDENED_OFFSET) {
        throw new RangeError(`"index" expected an integer in 0..${HARDENED_OFFSET - 1}`);
      }
      view.setUint32(33, index);
      const tweak = hmac(sha512, chainCode, data).subarray(0, 32);
      let scalar = 0n;
      for (const byte of tweak) scalar = (scalar << 8n) | BigInt(byte);
      // BIP32's "invalid child, go to the next index" (odds about 2^-127): the general path.
      if (scalar === 0n || scalar >= ORDER) return slowChild(xpub, index);
      // Nothing here is secret (an xpub is public): the faster variable-time multiplication.
      const point = parentPoint.add(Point.BASE.multiplyUnsafe(scalar));
      if (point.is0()) return slowChild(xpub, index);
      const uncompressed = point.toBytes(false);
      const publicKey = new Uint8Array(33);
      publicKey[0] = ((uncompressed[64] as number) & 1) === 0 ? 0x02 : 0x03;
      publicKey.set(uncompressed.subarray(1, 33), 1);
      return {
        publicKey,
        jwk: {
          kty: 'EC',
          crv: 'secp256k1',
          x: encodeBase64Url(uncompressed.subarray(1, 33)),
          y: encodeBase64Url(uncompressed.subarray(33)),
        },
      };
    },
  };
}

function slowChild(xpub: ExtendedPublicKey, index: number): CredentialKey {
  const publicKey = deriveCredentialPublicKey(xpub, index);
  return { publicKey, jwk: publicKeyToJwk(publicKey) };
}
