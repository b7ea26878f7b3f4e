/**
 * Writing frames of transport format v1 (frame.ts has the layout and the reader), and a single
 * frame's text form (text.ts), with the deflater given: no DEFLATE library is loaded here, so a
 * payroll worker thread (Node's zlib) never loads fflate.
 */
import { encodeBase64Url } from '../encoding/base64url.ts';
import { compressBodyWith } from './compress.ts';
import type { CompressOptions, RawDeflate } from './compress.ts';
import { crc32, writeUint32BE } from './crc32.ts';
import { encodeFountainPart } from './fountain-part.ts';
import type { FountainPart } from './fountain-part.ts';
import { payloadKindCode } from './payload-kind.ts';
import type { PayloadKind } from './payload-kind.ts';

export const MAGIC = 0x56;
export const FORMAT_VERSION = 1;
export const FRAME_SINGLE = 0x00;
export const FRAME_PART = 0x01;
/** Magic, version and frame type before the content; CRC-32 after it. */
export const FRAME_HEADER_BYTES = 3;
export const FRAME_CHECKSUM_BYTES = 4;

function wrap(type: number, content: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + content.length + FRAME_CHECKSUM_BYTES);
  frame[0] = MAGIC;
  frame[1] = FORMAT_VERSION;
  frame[2] = type;
  frame.set(content, FRAME_HEADER_BYTES);
  const end = FRAME_HEADER_BYTES + content.length;
  writeUint32BE(frame, end, crc32(frame.subarray(0, end)));
  return frame;
}

/**
 * A single frame carrying the whole payload (compressed when that makes it smaller), deflated by
 * `deflate` (frame.ts's encodeSingleFrame: `opts.deflate`, else fflate).
 */
export function encodeSingleFrameWith(
  kind: PayloadKind,
  payload: Uint8Array,
  deflate: RawDeflate,
  opts: CompressOptions = {},
): Uint8Array {
  const { codec, body } = compressBodyWith(payload, deflate, opts);
  const content = new Uint8Array(2 + body.length);
  content[0] = payloadKindCode(kind);
  content[1] = codec;
  content.set(body, 2);
  return wrap(FRAME_SINGLE, content);
}

export function encodePartFrame(part: FountainPart): Uint8Array {
  return wrap(FRAME_PART, encodeFountainPart(part));
}

export const TEXT_PREFIX = `VOUCH${FORMAT_VERSION}:`;

/** The text form of a single frame already encoded (encodeSingleFrame): no second compression. */
export function singleFrameText(frame: Uint8Array): string {
  return `${TEXT_PREFIX}${encodeBase64Url(frame)}`;
}
