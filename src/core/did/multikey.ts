/**
 * The did:key method (https://w3c-ccg.github.io/did-method-key/ §3.1 "Format"):
 *
 *   did:key:z<base58btc( varint(multicodec) || public key bytes )>
 *
 * `z` is the multibase prefix for base58btc. Key types (multicodec table,
 * https://github.com/multiformats/multicodec/blob/master/table.csv), as unsigned LEB128 varints:
 *
 * | key        | code   | varint    | key bytes                  | DID starts     |
 * |------------|--------|-----------|----------------------------|----------------|
 * | secp256k1  | 0xe7   | e7 01     | 33, compressed SEC1 point  | did:key:zQ3s   |
 * | P-256      | 0x1200 | 80 24     | 33, compressed SEC1 point  | did:key:zDn    |
 * | Ed25519    | 0xed   | ed 01     | 32, RFC 8032 encoding      | did:key:z6Mk   |
 */
import { base58 } from '@scure/base';
import type { Did } from '../brand.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';

export type KeyCodec = 'secp256k1-pub' | 'p256-pub' | 'ed25519-pub';

export const KEY_CODECS: Readonly<Record<KeyCodec, { varint: Uint8Array; keyLength: number }>> = {
  'secp256k1-pub': { varint: Uint8Array.of(0xe7, 0x01), keyLength: 33 },
  'p256-pub': { varint: Uint8Array.of(0x80, 0x24), keyLength: 33 },
  'ed25519-pub': { varint: Uint8Array.of(0xed, 0x01), keyLength: 32 },
};

export const DID_KEY_PREFIX = 'did:key:';
const BASE58BTC_MULTIBASE = 'z';
/** No did:key we understand is longer; longer text is refused before base58 decoding. */
const MAX_DID_KEY_LENGTH = 128;

export type MultikeyProblem = 'not-did-key' | 'bad-encoding' | 'unsupported-key-type';

/** The did:key for `key` (already checked by the caller) of type `codec`. */
export function encodeDidKey(codec: KeyCodec, key: Uint8Array): Did {
  const { varint, keyLength } = KEY_CODECS[codec];
  if (key.length !== keyLength) {
    throw new TypeError(`encodeDidKey: a ${codec} key is ${keyLength} bytes, got ${key.length}`);
  }
  const bytes = new Uint8Array(varint.length + key.length);
  bytes.set(varint, 0);
  bytes.set(key, varint.length);
  return `${DID_KEY_PREFIX}${BASE58BTC_MULTIBASE}${base58.encode(bytes)}` as Did;
}

/** The key type and key bytes of a did:key DID (no fragment, no query). Lengths are checked. */
export function decodeDidKey(
  did: unknown,
): Result<{ codec: KeyCodec; key: Uint8Array }, MultikeyProblem, { message: string }> {
  if (typeof did !== 'string' || !did.startsWith(DID_KEY_PREFIX)) {
    const shown = typeof did === 'string' ? JSON.stringify(did.slice(0, 40)) : typeof did;
    return failedWith('not-did-key', {
      message: `expected a DID starting "did:key:", got ${shown}`,
    });
  }
  if (did.length > MAX_DID_KEY_LENGTH) {
    return failedWith('bad-encoding', {
      message: `a did:key is at most ${MAX_DID_KEY_LENGTH} characters, got ${did.length}`,
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
  for (const [codec, { varint, keyLength }] of Object.entries(KEY_CODECS) as [
    KeyCodec,
    (typeof KEY_CODECS)[KeyCodec],
  ][]) {
    if (bytes[0] === varint[0] && bytes[1] === varint[1]) {
      const key = bytes.slice(varint.length);
      if (key.length !== keyLength) {
        return failedWith('bad-encoding', {
          message: `${codec} key: expected ${keyLength} bytes, got ${key.length}`,
        });
      }
      return ok({ codec, key });
    }
  }
  const code =
    bytes.length >= 2 ? `0x${bytes[0]?.toString(16)} 0x${bytes[1]?.toString(16)}` : 'none';
  return failedWith('unsupported-key-type', {
    message: `expected multicodec secp256k1-pub (0xe7 0x01, did:key:zQ3s…), p256-pub (0x80 0x24, zDn…) or ed25519-pub (0xed 0x01, z6Mk…), got ${code}`,
  });
}
