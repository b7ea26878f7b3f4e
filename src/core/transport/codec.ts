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
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';
import { withPackEncoding } from './pack-encoding.ts';
import type { PackEncoding } from './pack-encoding.ts';
import { packStructure, unpackStructure } from './structural-pack.ts';
import type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';

export const CODEC_STORED = 0;
export const CODEC_DEFLATE_V1 = 1;
export const CODEC_STRUCTURAL_V1 = 2;

type Decoded = Result<Uint8Array, TransportProblem, TransportFailureDetail>;

/**
 * Raw DEFLATE (RFC 1951) of `bytes` with `dictionary` as the preset dictionary. The default is
 * fflate at level 9; a platform may pass a faster one (Node's zlib for payroll batches): any
 * compliant deflater gives a body every reader inflates to the same bytes.
 */
export type RawDeflate = (bytes: Uint8Array, dictionary: Uint8Array) => Uint8Array;

export interface CompressOptions {
  deflate?: RawDeflate;
  /**
   * Take codec 2 as soon as its body is exact and smaller than the payload, without deflating the
   * raw payload to compare (codec 1 only when codec 2 does not apply). For payloads whose codec-2
   * body is known to be far smaller, such as offers of an SD-JWT VC (about half the codec-1 body):
   * it saves one of the two deflates. The default tries every codec and keeps the smallest.
   */
  structuralFirst?: boolean;
  /** The packer's base64url and SHA-256 (pack-encoding.ts); the same bytes, maybe faster. */
  encoding?: PackEncoding;
  /**
   * The payload's codec-2 stream as the caller can make it from what it knows (packStructureWith:
   * an issuer packing the SD-JWT it just built), tried before packing the payload's text. It is
   * checked the same way (unpacked and compared byte for byte); if it fails, the text is packed.
   */
  structure?: () => Uint8Array | undefined;
}

const fflateDeflate: RawDeflate = (bytes, dictionary) =>
  deflateSync(bytes, { level: 9, dictionary });

/** The smallest of the stored, deflated and structurally packed forms (in that order on a tie). */
export function compressBody(
  payload: Uint8Array,
  opts: CompressOptions = {},
): { codec: number; body: Uint8Array } {
  const deflate = opts.deflate ?? fflateDeflate;
  const packed = withPackEncoding(opts.encoding, () => {
    const given = opts.structure?.();
    if (given && unpacksTo(given, payload)) return given;
    const stream = packStructure(payload);
    return stream && unpacksTo(stream, payload) ? stream : undefined;
  });
  const structural = packed && { codec: CODEC_STRUCTURAL_V1, body: deflate(packed, DICTIONARY_V1) };
  if (opts.structuralFirst && structural && structural.body.length < payload.length) {
    return structural;
  }
  let best: { codec: number; body: Uint8Array } = { codec: CODEC_STORED, body: payload };
  const deflated = deflate(payload, DICTIONARY_V1);
  if (deflated.length < best.body.length) best = { codec: CODEC_DEFLATE_V1, body: deflated };
  if (structural && structural.body.length < best.body.length) best = structural;
  // The stored body is a copy: the caller's payload stays the caller's.
  return best.codec === CODEC_STORED
    ? { codec: CODEC_STORED, body: Uint8Array.from(payload) }
    : best;
}

/**
 * Codec 2 is used only when unpacking the packed stream gives back exactly `payload` (what a
 * reader does after inflating the body; inflating what the deflater made is the deflater's own
 * promise, as it is for codec 1).
 */
function unpacksTo(packed: Uint8Array, payload: Uint8Array): boolean {
  const decoded = unpackStructure(packed, MAX_PAYLOAD_BYTES);
  if (!decoded.ok || decoded.value.length !== payload.length) return false;
  const bytes = decoded.value;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== payload[i]) return false;
  return true;
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
