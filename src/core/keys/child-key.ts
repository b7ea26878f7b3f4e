/**
 * Many credential keys from one relationship xpub (BIP32 CKDpub, docs/keys.md): an issuer's batch
 * (a payroll, issue 12) derives thousands of children of a few xpubs. The xpub is read once (its
 * point, chain code: xpub.ts); a child is I = HMAC-SHA512(chain code, parent key ‖ index), then the
 * point parent + I_L·G. That point addition is the whole cost, so it is a port: the default here is
 * noble (pure JS), and a platform may pass a native one (src/platform/node/secp256k1-child.ts:
 * libsecp256k1) to xpub.ts's xpubChildDeriver, which loads no curve library itself. Either gives
 * exactly `deriveCredentialPublicKey(xpub, index)`. Only public keys are involved, so nothing here
 * needs to be constant-time.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import type { ExtendedPublicKey } from '../brand.ts';
import { xpubChildDeriver } from './xpub.ts';
import type { ChildKey, TweakAddPort } from './xpub.ts';

export type { ChildKey, TweakAddPort } from './xpub.ts';

const Point = secp256k1.Point;

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

/** noble's HMAC-SHA512, for a port without its own. */
export const nobleHmacSha512 = (key: Uint8Array, data: Uint8Array): Uint8Array =>
  hmac(sha512, key, data);

/** Derives non-hardened children of `xpub`. Throws on a malformed xpub (check it at the boundary). */
export function childKeyDeriver(
  xpub: ExtendedPublicKey,
  port: TweakAddPort = nobleTweakAdd,
): (index: number) => ChildKey {
  return xpubChildDeriver(xpub, port, nobleHmacSha512);
}
