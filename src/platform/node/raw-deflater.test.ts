// The payroll batch's deflater (raw-deflater.ts): one kept zlib stream, reset between inputs,
// gives exactly deflateRawSync's bytes, including after an input too large for its buffer.
import { deflateRawSync } from 'node:zlib';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_V1 } from '../../core/transport/dictionary-v1.ts';
import { createRawDeflater } from './raw-deflater.ts';

const OPTIONS = { level: 9, windowBits: 14, memLevel: 4, chunkSize: 1024 };

describe('createRawDeflater', () => {
  it("Given the v1 dictionary, when many inputs are deflated in turn (one over the kept stream's 16 KiB), then each body is deflateRawSync's and inflates back", () => {
    const deflate = createRawDeflater(DICTIONARY_V1, OPTIONS);
    expect(deflate.kept).toBe(true);
    const inputs: Uint8Array[] = [];
    for (let i = 0; i < 60; i++) {
      const text = `{"type":"vouch-credential-offer","v":1,"credential":"${'eyJ'.repeat(i)}","child_index":${i}}`;
      inputs.push(new TextEncoder().encode(text));
    }
    // Incompressible and larger than the kept buffer: the plain path, then the kept one again.
    inputs.splice(
      30,
      0,
      Uint8Array.from({ length: 40_000 }, (_, i) => (i * 2654435761) >>> 24),
    );
    inputs.push(new Uint8Array(0), DICTIONARY_V1.subarray(0, 500));
    for (const input of inputs) {
      const body = deflate(input);
      expect(
        Buffer.from(body).equals(deflateRawSync(input, { ...OPTIONS, dictionary: DICTIONARY_V1 })),
      ).toBe(true);
      expect(inflateSync(body, { dictionary: DICTIONARY_V1 })).toEqual(input);
    }
  });
});
