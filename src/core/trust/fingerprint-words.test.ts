// Fingerprint words v1 (fingerprint-words.ts, docs/verification.md): vectors whose thumbprints come
// from the RFCs themselves; the words were computed independently (Python: int.from_bytes, the
// first 88 bits in 11-bit groups, the @scure/bip39 English list) and agree with this module.
import { describe, expect, it } from 'vitest';
import type { PublicJwk } from '../jose/jwk.ts';
import { FINGERPRINT_WORD_COUNT, fingerprintWords, keyFingerprint } from './fingerprint-words.ts';

describe('fingerprint words', () => {
  it('Given the Ed25519 key of RFC 8037 Appendix A.3, when fingerprinted, then its thumbprint is the RFC value and the words are the vector', () => {
    const jwk = {
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
    } as PublicJwk;
    expect(keyFingerprint(jwk)).toEqual({
      thumbprint: 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
      words: ['movie', 'stone', 'sausage', 'fat', 'best', 'rebuild', 'genuine', 'limit'],
    });
  });

  it('Given the thumbprint of RFC 7638 §3.1, when turned into words, then the vector', () => {
    expect(fingerprintWords('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs')).toEqual([
      'damp',
      'rent',
      'unable',
      'valley',
      'slide',
      'blue',
      'impact',
      'worry',
    ]);
  });

  it('Given all-zero and all-one thumbprints, then the first and the last word of the list', () => {
    const zeros = 'A'.repeat(43);
    const ones = `${'_'.repeat(42)}8`;
    expect(fingerprintWords(zeros)).toEqual(Array(FINGERPRINT_WORD_COUNT).fill('abandon'));
    expect(fingerprintWords(ones)).toEqual(Array(FINGERPRINT_WORD_COUNT).fill('zoo'));
  });

  it('Given thumbprints that differ in bit 87 only, then only the last word differs', () => {
    // Bit 87 is the lowest bit of byte 10 (0-based): base64url characters 13–14 carry it.
    const a = fingerprintWords('A'.repeat(43));
    const bytes = new Uint8Array(32);
    bytes[10] = 1;
    const b64 = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const b = fingerprintWords(b64);
    expect(b.slice(0, 7)).toEqual(a.slice(0, 7));
    expect(b[7]).toBe('ability');
  });

  it.each([
    ['too short', 'AAAA'],
    ['not base64url', '!'.repeat(43)],
    ['empty', ''],
  ])(
    'Given a thumbprint that is %s, then it throws (a bug in the caller)',
    (_given, thumbprint) => {
      expect(() => fingerprintWords(thumbprint)).toThrow(/32 bytes/);
    },
  );
});
