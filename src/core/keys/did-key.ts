/**
 * did:key for secp256k1 public keys (https://w3c-ccg.github.io/did-method-key/).
 *
 *   did:key:z<base58btc( 0xe7 0x01 || compressed public key (33 bytes) )>
 *
 * 0xe7 is the multicodec code `secp256k1-pub`, written as an unsigned LEB128 varint (0xe7 0x01);
 * `z` is the multibase prefix for base58btc. The result always starts `did:key:zQ3s`.
 */
import { base58 } from '@scure/base';
import type { Did } from '../brand.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  assertCompressedPublicKey,
  COMPRESSED_PUBLIC_KEY_LENGTH,
  compressedPublicKeyProblem,
} from './secp256k1-key.ts';

const DID_KEY_PREFIX = 'did:key:';
const BASE58BTC_MULTIBASE = 'z';
/** multicodec `secp256k1-pub` (0xe7) as a varint. */
const SECP256K1_PUB_MULTICODEC = Uint8Array.of(0xe7, 0x01);

export function didKeyFromPublicKey(compressed33: Uint8Array): Did {
  assertCompressedPublicKey(compressed33, 'compressed33');
  const bytes = new Uint8Array(SECP256K1_PUB_MULTICODEC.length + COMPRESSED_PUBLIC_KEY_LENGTH);
  bytes.set(SECP256K1_PUB_MULTICODEC, 0);
  bytes.set(compressed33, SECP256K1_PUB_MULTICODEC.length);
  return `${DID_KEY_PREFIX}${BASE58BTC_MULTIBASE}${base58.encode(bytes)}` as Did;
}

export type DidKeyProblem = { message: string };

/** The 33-byte compressed secp256k1 key of a `did:key:zQ3s…` DID (no fragment, no query). */
export function publicKeyFromDidKey(
  did: string,
): Result<Uint8Array, 'not-did-key' | 'unsupported-key-type' | 'bad-encoding', DidKeyProblem> {
  if (typeof did !== 'string' || !did.startsWith(DID_KEY_PREFIX)) {
    const shown = typeof did === 'string' ? JSON.stringify(did.slice(0, 40)) : typeof did;
    return failedWith('not-did-key', {
      message: `expected a DID starting "did:key:", got ${shown}`,
    });
  }
  const multibase = did.slice(DID_KEY_PREFIX.length);
  if (!multibase.startsWith(BASE58BTC_MULTIBASE)) {
    return failedWith('bad-encoding', {
      message: `expected the multibase prefix "z" (base58btc) after "did:key:", got ${JSON.stringify(multibase.charAt(0))}`,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(multibase.slice(1));
  } catch {
    return failedWith('bad-encoding', {
      message:
        'the key after "did:key:z" is not base58btc (a "#fragment" or "?query" is not part of a DID)',
    });
  }
  if (bytes[0] !== SECP256K1_PUB_MULTICODEC[0] || bytes[1] !== SECP256K1_PUB_MULTICODEC[1]) {
    const code =
      bytes.length >= 2 ? `0x${bytes[0]?.toString(16)} 0x${bytes[1]?.toString(16)}` : 'none';
    return failedWith('unsupported-key-type', {
      message: `expected multicodec secp256k1-pub (0xe7 0x01, did:key:zQ3s…), got ${code}`,
    });
  }
  const key = bytes.slice(SECP256K1_PUB_MULTICODEC.length);
  const problem = compressedPublicKeyProblem(key);
  if (problem !== undefined) {
    return failedWith('bad-encoding', { message: `secp256k1 public key: ${problem}` });
  }
  return ok(key);
}
