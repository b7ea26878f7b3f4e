import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './hex.ts';

describe('hex', () => {
  it('Given bytes, when encoded, then it is lower-case hex and decodes back', () => {
    const bytes = Uint8Array.of(0x00, 0x0f, 0xab, 0xff);
    expect(bytesToHex(bytes)).toBe('000fabff');
    expect(hexToBytes('000FABff')).toEqual({ ok: true, value: bytes });
    expect(hexToBytes('')).toEqual({ ok: true, value: new Uint8Array() });
  });

  it.each([
    ['abc', 'even number of hex digits, got 3'],
    ['zz', 'character "z" at index 0'],
    ['0x00', 'character "x" at index 1'],
  ])('Given %j, when decoded, then it fails with %j', (text, expected) => {
    const result = hexToBytes(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.message).toContain(expected);
  });
});
