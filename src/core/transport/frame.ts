/**
 * Frames of transport format v1 (docs/transport.md §Byte layout). Every frame:
 *
 *   offset  size  field
 *   0       1     magic 0x56 ("V")
 *   1       1     format version, 0x01 (the v1 dictionary is part of the version)
 *   2       1     frame type: 0x00 single, 0x01 fountain part
 *   3       n     type-specific content
 *   3+n     4     CRC-32 (big-endian) of bytes 0 … 2+n
 *
 * Single frame content:  kind (1 byte) · codec (1 byte) · body
 * Fountain part content: the BC-UR part as CBOR [seqNum, seqLen, messageLen, checksum, data]
 *                        (BCR-2020-006), whose message is one complete single frame.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { decompressBody, fflateDeflate } from './codec.ts';
import type { CompressOptions } from './codec.ts';
import { crc32, readUint32BE } from './crc32.ts';
import { parseFountainPart } from './fountain-part.ts';
import type { FountainPart } from './fountain-part.ts';
import {
  encodeSingleFrameWith,
  FORMAT_VERSION,
  FRAME_CHECKSUM_BYTES,
  FRAME_HEADER_BYTES,
  FRAME_PART,
  FRAME_SINGLE,
  MAGIC,
} from './frame-write.ts';
import { MAX_MESSAGE_BYTES, MAX_SEQ_LEN } from './limits.ts';
import { payloadKindFromCode } from './payload-kind.ts';
import type { PayloadKind } from './payload-kind.ts';
import type { TransportFailureDetail, TransportProblem } from './transport-problem.ts';

export {
  encodePartFrame,
  FORMAT_VERSION,
  FRAME_CHECKSUM_BYTES,
  FRAME_HEADER_BYTES,
  FRAME_PART,
  FRAME_SINGLE,
  MAGIC,
} from './frame-write.ts';

type Failure = { ok: false; reason: TransportProblem; detail: TransportFailureDetail };
const fail = (reason: TransportProblem, message: string): Failure =>
  failedWith(reason, { message }) as Failure;

/** A single frame carrying the whole payload (compressed when that makes it smaller). */
export function encodeSingleFrame(
  kind: PayloadKind,
  payload: Uint8Array,
  opts: CompressOptions = {},
): Uint8Array {
  return encodeSingleFrameWith(kind, payload, opts.deflate ?? fflateDeflate, opts);
}

export type ParsedFrame =
  | { readonly type: 'single'; readonly kind: PayloadKind; readonly payload: Uint8Array }
  | { readonly type: 'part'; readonly part: FountainPart };

/** Checks magic, version, size and checksum, then reads the content. Total: never throws. */
export function parseFrame(
  frame: Uint8Array,
): Result<ParsedFrame, TransportProblem, TransportFailureDetail> {
  if (!(frame instanceof Uint8Array)) return fail('not-vouch', 'expected bytes');
  if (frame[0] !== MAGIC) {
    return fail('not-vouch', 'this is not a Vouch code (it does not start with "V")');
  }
  if (frame.length < 2) return fail('corrupt', 'the frame ends after 1 byte');
  if (frame[1] !== FORMAT_VERSION) {
    return fail(
      'unsupported-version',
      `format version ${frame[1]} is not supported (this version reads ${FORMAT_VERSION})`,
    );
  }
  if (frame.length > MAX_MESSAGE_BYTES + FRAME_HEADER_BYTES + FRAME_CHECKSUM_BYTES + 32) {
    return fail('too-large', `the frame is ${frame.length} bytes, over the limit`);
  }
  const minimum = FRAME_HEADER_BYTES + FRAME_CHECKSUM_BYTES;
  if (frame.length < minimum) {
    return fail('corrupt', `the frame is ${frame.length} bytes, shorter than ${minimum}`);
  }
  const end = frame.length - FRAME_CHECKSUM_BYTES;
  if (crc32(frame.subarray(0, end)) !== readUint32BE(frame, end)) {
    return fail('corrupt', 'the frame checksum does not match: it was damaged or cut short');
  }
  const content = frame.subarray(FRAME_HEADER_BYTES, end);
  if (frame[2] === FRAME_SINGLE) return parseSingleContent(content);
  if (frame[2] === FRAME_PART) return parsePartContent(content);
  return fail('unsupported-version', `frame type ${frame[2]} is not known to this version`);
}

function parseSingleContent(
  content: Uint8Array,
): Result<ParsedFrame, TransportProblem, TransportFailureDetail> {
  if (content.length < 2) return fail('corrupt', 'the frame has no kind and codec bytes');
  const kind = payloadKindFromCode(content[0] as number);
  if (!kind) {
    return fail('wrong-kind', `payload kind ${content[0]} is not known to this version`);
  }
  const payload = decompressBody(content[1] as number, content.subarray(2));
  if (!payload.ok) return payload;
  return ok({ type: 'single', kind, payload: payload.value });
}

function parsePartContent(
  content: Uint8Array,
): Result<ParsedFrame, TransportProblem, TransportFailureDetail> {
  const part = parseFountainPart(content);
  if (!part.ok) return fail('corrupt', `bad fountain part: ${part.detail.message}`);
  const { seqLen, messageLen } = part.value;
  if (messageLen > MAX_MESSAGE_BYTES) {
    return fail('too-large', `the animated code carries ${messageLen} bytes, over the limit`);
  }
  if (seqLen > MAX_SEQ_LEN) {
    return fail('too-large', `the animated code has ${seqLen} fragments, over ${MAX_SEQ_LEN}`);
  }
  return ok({ type: 'part', part: part.value });
}
