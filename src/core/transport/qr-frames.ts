/**
 * Payload → QR byte-mode frames. One frame when the single frame fits `maxFrameBytes` (default:
 * version 22 at level M, 779 bytes); otherwise an animated code: BC-UR fountain parts of that
 * single frame, each frame ≤ `animatedFrameBytes` (default: version 12 at level M, 287 bytes).
 */
import { encodeSingleFrame } from './frame.ts';
import type { PayloadKind } from './payload-kind.ts';
import { qrFramesOfFrame } from './qr-frames-of.ts';
import type { EncodeForQrOptions, QrFrames } from './qr-frames-of.ts';

export { qrFramesOfFrame } from './qr-frames-of.ts';
export type { EncodeForQrOptions, QrFrames } from './qr-frames-of.ts';

export function encodeForQr(
  kind: PayloadKind,
  payload: Uint8Array,
  opts: EncodeForQrOptions = {},
): QrFrames {
  return qrFramesOfFrame(encodeSingleFrame(kind, payload), opts);
}
