/**
 * The encoding side of the body codecs (codec.ts has the layout and the decoder) for a given
 * deflater: no DEFLATE library is loaded here, so an encoder that brings its own (a payroll worker
 * thread: Node's zlib) never loads fflate.
 */
import { DICTIONARY_V1 } from './dictionary-v1.ts';
import { MAX_PAYLOAD_BYTES } from './limits.ts';
import { withPackEncoding } from './pack-encoding.ts';
import type { PackEncoding } from './pack-encoding.ts';
import { packStructure, unpackStructure } from './structural-pack.ts';

export const CODEC_STORED = 0;
export const CODEC_DEFLATE_V1 = 1;
export const CODEC_STRUCTURAL_V1 = 2;

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

/** A body and the codec that made it. */
export interface CompressedBody {
  codec: number;
  body: Uint8Array;
}

/**
 * The smallest of the stored, deflated and structurally packed forms (in that order on a tie),
 * deflated by `deflate` (codec.ts's compressBody: `opts.deflate`, else fflate).
 */
export function compressBodyWith(
  payload: Uint8Array,
  deflate: RawDeflate,
  opts: CompressOptions = {},
): CompressedBody {
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
  let best: CompressedBody = { codec: CODEC_STORED, body: payload };
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
