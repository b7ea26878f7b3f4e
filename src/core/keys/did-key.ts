/**
 * did:key for secp256k1 public keys (https://w3c-ccg.github.io/did-method-key/), the holder's
 * keys: `did:key:z<base58btc( 0xe7 0x01 || compressed public key (33 bytes) )>`, always starting
 * `did:key:zQ3s`. A thin layer over the generic multikey codec in src/core/did (which also
 * handles P-256 and Ed25519), fixed to secp256k1 and to 33-byte compressed keys.
 */
import type { Did } from '../brand.ts';
import { decodeDidKey, encodeDidKey } from '../did/multikey.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { assertCompressedPublicKey, compressedPublicKeyProblem } from './secp256k1-key.ts';

export function didKeyFromPublicKey(compressed33: Uint8Array): Did {
  assertCompressedPublicKey(compressed33, 'compressed33');
  return encodeDidKey('secp256k1-pub', compressed33);
}

export type DidKeyProblem = { message: string };

/** The 33-byte compressed secp256k1 key of a `did:key:zQ3s…` DID (no fragment, no query). */
export function publicKeyFromDidKey(
  did: string,
): Result<Uint8Array, 'not-did-key' | 'unsupported-key-type' | 'bad-encoding', DidKeyProblem> {
  const decoded = decodeDidKey(did);
  if (!decoded.ok) return decoded;
  const { codec, key } = decoded.value;
  if (codec !== 'secp256k1-pub') {
    return failedWith('unsupported-key-type', {
      message: `expected multicodec secp256k1-pub (0xe7 0x01, did:key:zQ3s…), got ${codec}`,
    });
  }
  const problem = compressedPublicKeyProblem(key);
  if (problem !== undefined) {
    return failedWith('bad-encoding', { message: `secp256k1 public key: ${problem}` });
  }
  return ok(key);
}
