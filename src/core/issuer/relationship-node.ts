/**
 * A relationship xpub read once, for issuing many credentials to it (a payroll batch: issue 12):
 * its BIP32 fingerprint (the offer's `relationship`, as relationshipFingerprint) and its children
 * (xpubChildDeriver, src/core/keys/xpub.ts: the xpub parsed once, a child one HMAC-SHA512 and one
 * tweak-add). The curve and hash work is the port's, so a payroll worker thread that passes
 * libsecp256k1 and Node's hashes loads neither @scure/bip32 nor @noble/curves.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { ExtendedPublicKey } from '../brand.ts';
import { bytesToHex } from '../encoding/hex.ts';
import { readXpub, xpubChildDeriver } from '../keys/xpub.ts';
import type { ChildKey, TweakAddPort } from '../keys/xpub.ts';

/** The curve and hashes a relationship node works with (noble's, or a platform's native ones). */
export interface RelationshipPort extends TweakAddPort {
  hmacSha512: (key: Uint8Array, data: Uint8Array) => Uint8Array;
  /** RIPEMD-160, for the fingerprint: HASH160 = RIPEMD-160(SHA-256(compressed key)). */
  ripemd160: (bytes: Uint8Array) => Uint8Array;
}

export interface RelationshipNode {
  /** The xpub's BIP32 fingerprint (relationshipFingerprint): the offer's `relationship`. */
  readonly fingerprint: string;
  /** Non-hardened child `index`: exactly deriveCredentialPublicKey(xpub, index) and its JWK. */
  child(index: number): ChildKey;
}

/** Throws on a malformed xpub (check it at the boundary with parseExtendedPublicKey). */
export function relationshipNode(
  xpub: ExtendedPublicKey,
  port: RelationshipPort,
): RelationshipNode {
  const child = xpubChildDeriver(xpub, port);
  const hash160 = port.ripemd160(sha256(readXpub(xpub).publicKey));
  return { fingerprint: bytesToHex(hash160.subarray(0, 4)), child };
}
