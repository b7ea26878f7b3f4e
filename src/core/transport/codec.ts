/**
 * Body codecs (one byte in a single frame). v1 has two; the byte leaves room for issue 4's
 * structural packing (codec 2, reserved) without a new frame layout.
 *
 *   0  stored: the payload as is (used when deflate would not make it smaller)
 *   1  deflate: raw DEFLATE (RFC 1951) with the v1 preset dictionary (dictionary-v1.ts)
 */
import { deflateSync, inflateSync } from 'fflate';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';
import type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';

export const CODEC_STORED = 0;
export const CODEC_DEFLATE_V1 = 1;

/** The smaller of the stored and deflated forms (stored wins a tie). */
export function compressBody(payload: Uint8Array): { codec: number; body: Uint8Array } {
  const deflated = deflateSync(payload, { level: 9, dictionary: DICTIONARY_V1 });
  return deflated.length < payload.length
    ? { codec: CODEC_DEFLATE_V1, body: deflated }
    : { codec: CODEC_STORED, body: Uint8Array.from(payload) };
}

export function decompressBody(
  codec: number,
  body: Uint8Array,
): Result<Uint8Array, TransportProblem, TransportFailureDetail> {
  if (codec === CODEC_STORED) {
    if (body.length > MAX_PAYLOAD_BYTES) {
      return failedWith('too-large', {
        message: `payload is ${body.length} bytes; at most ${MAX_PAYLOAD_BYTES} are accepted`,
      });
    }
    return ok(Uint8Array.from(body));
  }
  if (codec !== CODEC_DEFLATE_V1) {
    return failedWith('unsupported-version', {
      message: `body codec ${codec} is not known to this version (known: 0 stored, 1 deflate)`,
    });
  }
  // Inflate into a buffer one byte larger than the cap: fflate truncates there, so a deflate bomb
  // costs at most the cap in memory, and a full buffer means "over the cap".
  const out = new Uint8Array(MAX_PAYLOAD_BYTES + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(body, { dictionary: DICTIONARY_V1, out });
  } catch (error) {
    return failedWith('corrupt', {
      message: `the compressed body is damaged (${(error as Error).message})`,
    });
  }
  if (inflated.length > MAX_PAYLOAD_BYTES) {
    return failedWith('too-large', {
      message: `payload inflates to more than ${MAX_PAYLOAD_BYTES} bytes`,
    });
  }
  return ok(inflated.slice());
}
