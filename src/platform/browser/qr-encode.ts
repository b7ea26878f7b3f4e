/**
 * QR encoding of binary payloads (byte mode). Pulls in the `qrcode` library, so the app loads this
 * module lazily (see src/app/composition.ts) and it stays out of the first paint.
 */
import { create } from 'qrcode';
import type { QrMatrix } from './qr-bitmap.ts';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/**
 * Encodes `bytes` as one QR symbol in byte mode (no text conversion: any byte value survives).
 * Level M recovers ~15% damage, a fair trade of capacity for a phone held up to a screen.
 * Throws a RangeError when the payload does not fit one symbol (a bug: the transport splits frames).
 */
export function encodeQrMatrix(
  bytes: Uint8Array,
  opts: { errorCorrection?: QrErrorCorrection } = {},
): QrMatrix {
  const code = create([{ data: bytes, mode: 'byte' }], {
    errorCorrectionLevel: opts.errorCorrection ?? 'M',
  });
  return { size: code.modules.size, modules: Uint8Array.from(code.modules.data) };
}
