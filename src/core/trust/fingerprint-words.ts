/**
 * A key's fingerprint in words, for a person to compare with what the key's owner told them (on
 * the phone, on paper, on their website). Vouch fingerprint words, version 1 (docs/verification.md
 * §Trust lists → "Fingerprint words"):
 *
 *   thumbprint = SHA-256 JWK thumbprint of the public key (RFC 7638; OKP keys per RFC 8037 §2)
 *   bits       = the first 88 bits of the 32 thumbprint bytes, most significant bit first
 *   words      = 8 groups of 11 bits, each an index (0–2047) into the BIP39 English word list
 *
 * 88 bits: to show the same words for a key of their own, an attacker must find a key whose
 * thumbprint starts with the same 88 bits, about 2^88 key generations and hashes.
 */
import type { Base64Url } from '../brand.ts';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { publicJwkThumbprint, type PublicJwk } from '../jose/jwk.ts';
import { WORDLIST } from '../keys/mnemonic.ts';

export const FINGERPRINT_WORD_COUNT = 8;
const BITS_PER_WORD = 11;

/** The words of an RFC 7638 SHA-256 thumbprint (base64url, 32 bytes). Throws on anything else. */
export function fingerprintWords(thumbprint: Base64Url | string): string[] {
  const bytes = decodeBase64Url(thumbprint);
  if (!bytes.ok || bytes.value.length !== 32) {
    throw new TypeError(
      `fingerprintWords: "thumbprint" expected 32 bytes of base64url (a SHA-256 JWK thumbprint), got ${JSON.stringify(String(thumbprint).slice(0, 60))}`,
    );
  }
  const words: string[] = [];
  for (let word = 0; word < FINGERPRINT_WORD_COUNT; word++) {
    let index = 0;
    for (let bit = word * BITS_PER_WORD; bit < (word + 1) * BITS_PER_WORD; bit++) {
      const byte = bytes.value[bit >> 3] as number;
      index = (index << 1) | ((byte >> (7 - (bit & 7))) & 1);
    }
    words.push(WORDLIST[index] as string);
  }
  return words;
}

/** A public key's thumbprint and its fingerprint words. */
export function keyFingerprint(jwk: PublicJwk): { thumbprint: Base64Url; words: string[] } {
  const thumbprint = publicJwkThumbprint(jwk);
  return { thumbprint, words: fingerprintWords(thumbprint) };
}
