// Regression (found by `npm run fuzz`, transport-frame #38012 and #89116): a deflate bomb in a
// frame was refused as too-large, but only after inflating all of it — the output buffer capped
// the memory, not the time. A frame at the transport's limit can inflate to about 1 GiB: many
// seconds of CPU for one scanned code. The inflater must stop at the cap.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decompressBody } from './codec.ts';
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';

/**
 * A raw DEFLATE bomb built bit by bit (RFC 1951 §3.2.6, fixed Huffman codes): one literal 0, then
 * `copies` × (length 258, distance 1), then end of block. 13 bits make 258 bytes of output.
 */
function deflateBomb(copies: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number) => {
    if (value) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
    bit++;
  };
  /** Huffman codes go most significant bit first; header fields least significant first. */
  const code = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) put((value >> i) & 1);
  };
  put(1); // BFINAL
  put(1); // BTYPE = 01 (fixed Huffman), low bit first
  put(0);
  code(0b00110000, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    code(0b11000101, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: distance 1
  }
  code(0, 7); // end of block (256)
  return out;
}

describe('the transport codec against deflate bombs', () => {
  it('Given a hand-made bomb (1.7 MB of DEFLATE that inflates to 256 MiB), when decompressed, then too-large, in about the time of inflating the cap once', () => {
    // Timed against a body that inflates to just under the cap, so a busy machine slows both.
    const cap = deflateBomb(4_000);
    const capStarted = performance.now();
    expect(decompressBody(1, cap).ok).toBe(true);
    const capMs = performance.now() - capStarted;
    const bomb = deflateBomb(1_040_000);
    const started = performance.now();
    const decoded = decompressBody(1, bomb);
    const ms = performance.now() - started;
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('too-large');
    // Before the fix all 256 MiB were inflated: 12 s here, some 250× the cap's time.
    expect(ms).toBeLessThan(10 * capMs + 100);
  });

  it('Given the bomb cut to fit the cap (4,000 copies, 1,032,001 bytes), when decompressed, then it inflates whole: the bomb builder is right', () => {
    const decoded = decompressBody(1, deflateBomb(4_000));
    expect(decoded.ok && decoded.value.length).toBe(1 + 4_000 * 258);
  });

  it('Given a payload of exactly the cap, when deflated and decompressed, then it comes back whole', () => {
    const payload = new Uint8Array(MAX_PAYLOAD_BYTES).map((_, i) => (i * 7) & 0xff);
    const decoded = decompressBody(1, deflateSync(payload, { dictionary: DICTIONARY_V1 }));
    expect(decoded.ok && decoded.value.length).toBe(MAX_PAYLOAD_BYTES);
  });

  it('Given a deflate stream cut short, when decompressed, then corrupt (not a shorter payload)', () => {
    const whole = deflateSync(new TextEncoder().encode('x'.repeat(5000) + 'y'.repeat(5000)), {
      dictionary: DICTIONARY_V1,
    });
    const decoded = decompressBody(1, whole.subarray(0, whole.length - 3));
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('corrupt');
  });
});
