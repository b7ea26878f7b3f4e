/**
 * Body codecs (one byte in a single frame; docs/transport.md §Byte layout):
 *
 *   0  stored: the payload as is (used when no other codec makes it smaller)
 *   1  deflate: raw DEFLATE (RFC 1951) with the v1 preset dictionary (dictionary-v1.ts)
 *   2  structural packing (structural-pack.ts), then raw DEFLATE with the v1 dictionary
 *
 * The encoder keeps the smallest body, and uses codec 2 only after unpacking it again and finding
 * every byte of the payload exactly: anything the packer cannot reproduce falls back to codec 1.
 * A caller that encodes many payloads of a shape codec 2 always wins (the payroll batch's offers)
 * may skip the codec-1 trial (`structuralFirst`); docs/transport.md §Byte layout says when.
 */
import { deflateSync, Inflate, inflateSync } from 'fflate';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import {
  CODEC_DEFLATE_V1,
  CODEC_STORED,
  CODEC_STRUCTURAL_V1,
  compressBodyWith,
} from './compress.ts';
import type { CompressedBody, CompressOptions, RawDeflate } from './compress.ts';
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';
import { unpackStructure } from './structural-pack.ts';
import type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';

export { CODEC_DEFLATE_V1, CODEC_STORED, CODEC_STRUCTURAL_V1 } from './compress.ts';
export type { CompressedBody, CompressOptions, RawDeflate } from './compress.ts';

type Decoded = Result<Uint8Array, TransportProblem, TransportFailureDetail>;

/** The default deflater: fflate at level 9. */
export const fflateDeflate: RawDeflate = (bytes, dictionary) =>
  deflateSync(bytes, { level: 9, dictionary });

/** The smallest of the stored, deflated and structurally packed forms (compress.ts). */
export function compressBody(payload: Uint8Array, opts: CompressOptions = {}): CompressedBody {
  return compressBodyWith(payload, opts.deflate ?? fflateDeflate, opts);
}

export function decompressBody(codec: number, body: Uint8Array): Decoded {
  if (codec === CODEC_STORED) {
    if (body.length > MAX_PAYLOAD_BYTES) {
      return failedWith('too-large', {
        message: `payload is ${body.length} bytes; at most ${MAX_PAYLOAD_BYTES} are accepted`,
      });
    }
    return ok(Uint8Array.from(body));
  }
  if (codec !== CODEC_DEFLATE_V1 && codec !== CODEC_STRUCTURAL_V1) {
    return failedWith('unsupported-version', {
      message: `body codec ${codec} is not known to this version (known: 0 stored, 1 deflate, 2 structural)`,
    });
  }
  const inflated = inflate(body);
  if (!inflated.ok || codec === CODEC_DEFLATE_V1) return inflated;
  const unpacked = unpackStructure(inflated.value, MAX_PAYLOAD_BYTES);
  return unpacked.ok ? unpacked : failedWith(unpacked.reason, unpacked.detail);
}

/** Input bytes fed to the streaming inflater at a time: DEFLATE grows ≤ 1,032× per byte. */
const INFLATE_CHUNK = 1024;

function inflate(body: Uint8Array): Decoded {
  const tooLarge = () =>
    failedWith('too-large', {
      message: `payload inflates to more than ${MAX_PAYLOAD_BYTES} bytes`,
    });
  // First a streaming pass that stops feeding input as soon as the output passes the cap: a
  // deflate bomb costs at most the cap (plus one chunk's worth) in time and memory. An output
  // buffer alone caps the memory, not the time: fflate goes on decoding past its end.
  let total = 0;
  const inflater = new Inflate({ dictionary: DICTIONARY_V1 }, (chunk) => {
    total += chunk.length;
  });
  try {
    for (let offset = 0; offset < body.length && total <= MAX_PAYLOAD_BYTES;) {
      const end = Math.min(offset + INFLATE_CHUNK, body.length);
      inflater.push(body.subarray(offset, end), end === body.length);
      offset = end;
    }
  } catch (error) {
    if (total <= MAX_PAYLOAD_BYTES) {
      return failedWith('corrupt', {
        message: `the compressed body is damaged (${(error as Error).message})`,
      });
    }
  }
  if (total > MAX_PAYLOAD_BYTES) return tooLarge();
  // Under the cap: the one-shot inflate also refuses a stream that was cut short.
  const out = new Uint8Array(MAX_PAYLOAD_BYTES + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(body, { dictionary: DICTIONARY_V1, out });
  } catch (error) {
    return failedWith('corrupt', {
      message: `the compressed body is damaged (${(error as Error).message})`,
    });
  }
  if (inflated.length > MAX_PAYLOAD_BYTES) return tooLarge();
  return ok(inflated.slice());
}
