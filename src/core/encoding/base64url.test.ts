import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { utf8ToBytes } from './utf8.ts';

// RFC 4648 §10 test vectors, in the url-safe alphabet without padding.
const RFC4648 = [
  ['', ''],
  ['f', 'Zg'],
  ['fo', 'Zm8'],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg'],
  ['fooba', 'Zm9vYmE'],
  ['foobar', 'Zm9vYmFy'],
] as const;

describe('base64url', () => {
  it.each(RFC4648)(
    'Given RFC 4648 input %j, when encoded, then it is %j and decodes back',
    (input, encoded) => {
      const bytes = utf8ToBytes(input);
      expect(encodeBase64Url(bytes)).toBe(encoded);
      expect(decodeBase64Url(encoded)).toEqual({ ok: true, value: bytes });
    },
  );

  it('Given bytes that need the url-safe characters, when encoded, then it uses - and _ and no padding', () => {
    expect(encodeBase64Url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(encodeBase64Url(Uint8Array.of(0xff))).toBe('_w');
  });

  it.each([
    ['Zm9v=', 'character "=" at index 4'],
    ['Zm+v', 'character "+" at index 2'],
    ['Zm/v', 'character "/" at index 2'],
    ['Zm 9v', 'character " " at index 2'],
    ['Zm9vY', 'length 5'],
    ['Zh', 'non-zero unused bits'],
  ])('Given %j, when decoded, then it fails naming the problem (%s)', (text, expected) => {
    const result = decodeBase64Url(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('bad-base64url');
      expect(result.detail.message).toContain(expected);
    }
  });
});
