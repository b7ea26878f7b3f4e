import { describe, expect, it } from 'vitest';
import { bytesToUtf8, utf8ToBytes } from './utf8.ts';

describe('utf8', () => {
  it('Given text with non-ASCII characters, when encoded and decoded, then it round-trips', () => {
    const bytes = utf8ToBytes('zoë €');
    expect(Array.from(bytes)).toEqual([0x7a, 0x6f, 0xc3, 0xab, 0x20, 0xe2, 0x82, 0xac]);
    expect(bytesToUtf8(bytes)).toEqual({ ok: true, value: 'zoë €' });
  });

  it('Given malformed UTF-8, when decoded, then it fails instead of inventing U+FFFD', () => {
    const result = bytesToUtf8(Uint8Array.of(0x61, 0xc3));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('bad-utf8');
    expect(bytesToUtf8(Uint8Array.of(0xff)).ok).toBe(false);
  });
});
