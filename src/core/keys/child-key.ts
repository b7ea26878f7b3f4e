/**
 * Many credential keys from one relationship xpub (BIP32 CKDpub, docs/keys.md): an issuer's batch
 * (a payroll, issue 12) derives thousands of children of a few xpubs. The xpub is read once (its
 * point, chain code); a child is I = HMAC-SHA512(chain code, parent key ‖ index), then the point
 * parent + I_L·G. That point addition is the whole cost, so it is a port: the default is noble
 * (pure JS, here in core), and a platform may pass a native one (src/platform/node/secp256k1-child.ts:
 * libsecp256k1). Either gives exactly `deriveCredentialPublicKey(xpub, index)`. Only public keys are
 * involved, so nothing here needs to be constant-time.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import type { ExtendedPublicKey } from '../brand.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { assertChildIndex } from './bip32-path.ts';
import { deriveCredentialPublicKey } from './hd.ts';
import { publicKeyToJwk } from './jwk.ts';
import type { Secp256k1PublicJwk } from './jwk.ts';

const Point = secp256k1.Point;

/**
 * Adds `tweak`·G to one fixed point, for many tweaks. `forPoint` gets the 33-byte compressed
 * parent key once and returns the adder; the adder gets I_L (32 bytes, big-endian) and returns the
 * 65-byte uncompressed sum, or undefined when BIP32 calls the child invalid (I_L ≥ n, or the sum
 * is the point at infinity: odds about 2^-127).
 */
export interface TweakAddPort {
  forPoint(publicKey: Uint8Array): (tweak: Uint8Array) => Uint8Array | undefined;
  /** HMAC-SHA512, if the platform has a faster one than noble's. */
  hmacSha512?: (key: Uint8Array, data: Uint8Array) => Uint8Array;
}

/** noble's: the parent point parsed once, then a variable-time multiplication and an addition. */
export const nobleTweakAdd: TweakAddPort = {
  forPoint(publicKey) {
    const parent = Point.fromBytes(publicKey);
    return (tweak) => {
      let scalar = 0n;
      for (const byte of tweak) scalar = (scalar << 8n) | BigInt(byte);
      if (scalar >= Point.Fn.ORDER) return undefined;
      const sum = scalar === 0n ? parent : parent.add(Point.BASE.multiplyUnsafe(scalar));
      return sum.is0() ? undefined : sum.toBytes(false);
    };
  },
};

export interface ChildKey {
  /** The 33-byte compressed public key: deriveCredentialPublicKey(xpub, index). */
  readonly publicKey: Uint8Array;
  /** Its JWK (publicKeyToJwk of it): a credential's `cnf.jwk`. */
  readonly jwk: Secp256k1PublicJwk;
}

/** Derives non-hardened children of `xpub`. Throws on a malformed xpub (check it at the boundary). */
export function childKeyDeriver(
  xpub: ExtendedPublicKey,
  port: TweakAddPort = nobleTweakAdd,
): (index: number) => ChildKey {
  const node = HDKey.fromExtendedKey(xpub);
  const parentKey = node.publicKey;
  const chainCode = node.chainCode;
  if (!parentKey || !chainCode) throw new TypeError('"xpub" has no public key or chain code');
  const add = port.forPoint(parentKey);
  const mac = port.hmacSha512 ?? ((key: Uint8Array, data: Uint8Array) => hmac(sha512, key, data));
  const data = new Uint8Array(37);
  data.set(parentKey);
  const view = new DataView(data.buffer);
  return (index) => {
    assertChildIndex(index, 'index');
    view.setUint32(33, index);
    const sum = add(mac(chainCode, data).subarray(0, 32));
    if (!sum) {
      // BIP32's invalid child: the general path, which says so the way a single derivation does.
      const publicKey = deriveCredentialPublicKey(xpub, index);
      return { publicKey, jwk: publicKeyToJwk(publicKey) };
    }
    const publicKey = new Uint8Array(33);
    publicKey[0] = ((sum[64] as number) & 1) === 0 ? 0x02 : 0x03;
    publicKey.set(sum.subarray(1, 33), 1);
    return {
      publicKey,
      jwk: {
        kty: 'EC',
        crv: 'secp256k1',
        x: encodeBase64Url(sum.subarray(1, 33)),
        y: encodeBase64Url(sum.subarray(33, 65)),
      },
    };
  };
}
