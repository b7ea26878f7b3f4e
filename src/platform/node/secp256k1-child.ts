/**
 * The child-key port (src/core/keys/xpub.ts, relationship-node.ts) on libsecp256k1, through the
 * `secp256k1` package's prebuilt Node binding: one tweak-add (parent + I_L·G) costs about a tenth
 * of noble's multiplication, and Node's HMAC-SHA512 a third of noble's. OpenSSL is no help here:
 * its secp256k1 has no fast base-point tables and is slower than noble. When the binding cannot
 * load, the package falls back to elliptic (slow but exact); the answers are the same either way.
 */
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type { RelationshipPort } from '../../core/issuer/relationship-node.ts';

interface Secp256k1Binding {
  publicKeyTweakAdd(publicKey: Uint8Array, tweak: Uint8Array, compressed?: boolean): Uint8Array;
  publicKeyConvert(publicKey: Uint8Array, compressed?: boolean): Uint8Array;
  publicKeyVerify(publicKey: Uint8Array): boolean;
  ecdsaSign(message: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array };
}

let binding: Secp256k1Binding | undefined;
/** Loaded on first use: a CJS package, and only the payroll batch needs it. */
export function secp256k1(): Secp256k1Binding {
  binding ??= createRequire(import.meta.url)('secp256k1') as Secp256k1Binding;
  return binding;
}

/**
 * Whether (x, y) (32 bytes each) is a secp256k1 point, by libsecp256k1's parse of the uncompressed
 * key 04 ‖ x ‖ y: each coordinate below p and on the curve, what noble's assertValidity checks.
 */
export function isSecp256k1Point(x: Uint8Array, y: Uint8Array): boolean {
  const key = new Uint8Array(65);
  key[0] = 0x04;
  key.set(x, 1);
  key.set(y, 33);
  return secp256k1().publicKeyVerify(key);
}

export const nativeTweakAdd: RelationshipPort = {
  forPoint(publicKey) {
    const lib = secp256k1();
    // Uncompressed once: parsing 65 bytes is a curve check, 33 bytes a square root each time.
    // It throws when the key is not a point (xpubChildDeriver says so).
    const parent = lib.publicKeyConvert(Uint8Array.from(publicKey), false);
    return (tweak) => {
      try {
        return lib.publicKeyTweakAdd(parent, tweak, false);
      } catch {
        return undefined; // I_L ≥ n or the point at infinity: BIP32's invalid child
      }
    };
  },
  hmacSha512: (key, data) => createHmac('sha512', key).update(data).digest(),
  ripemd160: (bytes) => createHash('ripemd160').update(bytes).digest(),
};
