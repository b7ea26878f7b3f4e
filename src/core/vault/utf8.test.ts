import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

describe('utf8', () => {
  it.each(['', 'abc', 'Aïcha', '€ 400,61', '𝄞 music', 'ß\u0000é\u{10ffff}'])(
    'Given %j, when encoded, then it matches the platform encoder and decodes back',
    (text) => {
      expect(encodeUtf8(text)).toEqual(utf8ToBytes(text));
      expect(decodeUtf8(encodeUtf8(text))).toBe(text);
    },
  );

  it('Given a lone surrogate, when encoded, then it throws', () => {
    expect(() => encodeUtf8('a\ud800b')).toThrow(TypeError);
    expect(() => encodeUtf8('\udc00')).toThrow(TypeError);
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('Given %s, when decoded, then it throws', (_, bytes) => {
    expect(() => decodeUtf8(Uint8Array.from(bytes))).toThrow(TypeError);
  });

  it('Given a long text, when round-tripped, then it survives chunking', () => {
    const text = 'é'.repeat(10_000);
    expect(decodeUtf8(encodeUtf8(text))).toBe(text);
  });
});
