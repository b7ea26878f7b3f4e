/**
 * The BIP32 fingerprint of a relationship xpub (BIP32 §"Key identifiers"): the first 4 bytes of
 * HASH160(serP(K)) = RIPEMD-160(SHA-256(33-byte compressed public key)), as 8 lower-case hex
 * characters. It names the relationship in an offer without repeating the xpub.
 */
import { HDKey } from '@scure/bip32';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { ExtendedPublicKey } from '../brand.ts';
import { bytesToHex } from '../encoding/hex.ts';
import { parseExtendedPublicKey } from '../keys/hd.ts';

/** The 33-byte compressed public key inside an xpub. Throws on a malformed xpub (a bug here). */
export function xpubPublicKey(xpub: ExtendedPublicKey): Uint8Array {
  const parsed = parseExtendedPublicKey(xpub);
  if (!parsed.ok) throw new TypeError(`"xpub" ${parsed.detail.message}`);
  const publicKey = HDKey.fromExtendedKey(parsed.value).publicKey;
  if (!publicKey) throw new Error('xpubPublicKey: the xpub has no public key');
  return publicKey;
}

export function relationshipFingerprint(xpub: ExtendedPublicKey): string {
  return bytesToHex(ripemd160(sha256(xpubPublicKey(xpub))).subarray(0, 4));
}
