/**
 * An encoded single frame → QR byte-mode frames (encodeForQr in qr-frames.ts encodes the payload
 * first). One frame when the single frame fits `maxFrameBytes` (default: version 22 at level M,
 * 779 bytes); otherwise an animated code: BC-UR fountain parts of that
 * single frame, each frame ≤ `animatedFrameBytes` (default: version 12 at level M, 287 bytes).
 */
import { createFountainEncoder } from './fountain-encoder.ts';
import { fountainPartOverhead } from './fountain-part.ts';
import { encodePartFrame, FRAME_CHECKSUM_BYTES, FRAME_HEADER_BYTES } from './frame-write.ts';
import { DEFAULT_ANIMATED_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES, MAX_SEQ_LEN } from './limits.ts';

/** Binary QR byte-mode payloads; `animated` when there are several to cycle through. */
export interface QrFrames {
  readonly frames: readonly Uint8Array[];
  readonly animated: boolean;
}

export interface EncodeForQrOptions {
  /** Budget of a single static code, in bytes (default 779: version 22, level M). */
  maxFrameBytes?: number;
  /** Budget of each frame of an animated code (default 287: version 12, level M). */
  animatedFrameBytes?: number;
  /**
   * How many fountain frames to produce (default seqLen + max(2, ⌈seqLen / 2⌉)): the first seqLen
   * are the plain fragments, the rest mixed parts that stand in for frames the camera missed.
   */
  frameCount?: number;
}

/** Largest CBOR framing a part of this code can need (seqNum up to 5 bytes, checksum 5). */
const PART_FRAMING_BYTES = FRAME_HEADER_BYTES + FRAME_CHECKSUM_BYTES;

/** The QR frames of a single frame already encoded (encodeForQr, or a batch's own encoder). */
export function qrFramesOfFrame(single: Uint8Array, opts: EncodeForQrOptions = {}): QrFrames {
  const maxFrameBytes = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const animatedFrameBytes = opts.animatedFrameBytes ?? DEFAULT_ANIMATED_FRAME_BYTES;
  if (single.length <= maxFrameBytes) return { frames: [single], animated: false };

  const worstOverhead = fountainPartOverhead(
    { seqNum: 0xffffffff, seqLen: 0xffff, messageLen: 0xffffffff, checksum: 0xffffffff },
    0xffff,
  );
  const maxFragmentLen = animatedFrameBytes - PART_FRAMING_BYTES - worstOverhead;
  if (maxFragmentLen < 16) {
    throw new RangeError(
      `"animatedFrameBytes" ${animatedFrameBytes} is too small for a fountain part`,
    );
  }
  const encoder = createFountainEncoder(single, { maxFragmentLen });
  if (encoder.seqLen > MAX_SEQ_LEN) {
    throw new RangeError(
      `payload needs ${encoder.seqLen} animated frames, more than the ${MAX_SEQ_LEN} a reader accepts`,
    );
  }
  const count = opts.frameCount ?? encoder.seqLen + Math.max(2, Math.ceil(encoder.seqLen / 2));
  const frames: Uint8Array[] = [];
  for (let seqNum = 1; seqNum <= count; seqNum++)
    frames.push(encodePartFrame(encoder.part(seqNum)));
  return { frames, animated: true };
}
