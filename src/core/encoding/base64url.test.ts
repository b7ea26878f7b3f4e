import { base64urlnopad } from '@scure/base';
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

  it('Given texts of every length up to 300 (short and long paths), when encoded and decoded, then the result is that of @scure/base, byte for byte', () => {
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 12;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const strange = ['=', '+', '/', ' ', '\n', '.', 'é', '\u0100', '~'];
    for (let length = 0; length <= 300; length += 1) {
      const bytes = Uint8Array.from({ length }, () => next(256));
      expect(encodeBase64Url(bytes)).toBe(base64urlnopad.encode(bytes));
      expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual({ ok: true, value: bytes });
      for (let trial = 0; trial < 4; trial += 1) {
        let text = Array.from({ length }, () => chars.charAt(next(64))).join('');
        if (trial === 3 && length > 0) {
          const at = next(length);
          text = text.slice(0, at) + (strange[next(strange.length)] ?? '=') + text.slice(at + 1);
        }
        let expected: Uint8Array | undefined;
        try {
          expected = base64urlnopad.decode(text);
        } catch {
          expected = undefined;
        }
        const result = decodeBase64Url(text);
        expect(result.ok ? result.value : undefined).toEqual(expected);
      }
    }
  });
});
