/**
 * Reading a QR code from a picture the citizen uploads (a screenshot, a photo of a printed code).
 */
import { failed, ok, type Result } from '../../core/result.ts';
import type { decodeQrRgba as DecodeQrRgbaFn } from './qr-decode.ts';
import { createFrameGrabber } from './qr-frame-grabber.ts';

type DecodeQrRgba = typeof DecodeQrRgbaFn;

export type QrImageProblem = 'unreadable-image' | 'no-code-found' | 'scanner-unavailable';

/**
 * Decodes the first QR symbol found in an image file. Large photos are tried at a few sizes, largest
 * first (a dense code needs pixels; a blurry photo often reads better smaller); light-on-dark
 * codes are found too.
 */
export async function decodeQrImageFile(file: Blob): Promise<Result<Uint8Array, QrImageProblem>> {
  let decodeQrRgba: DecodeQrRgba;
  try {
    ({ decodeQrRgba } = await import('./qr-decode.ts'));
  } catch {
    return failed('scanner-unavailable');
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return failed('unreadable-image');
  }
  try {
    const grabber = createFrameGrabber();
    const longest = Math.max(bitmap.width, bitmap.height);
    const sides = [Math.min(longest, 1600), 800, 400].filter(
      (side, i) => i === 0 || side < longest,
    );
    for (const side of sides) {
      const frame = grabber.grab(bitmap, bitmap.width, bitmap.height, side);
      const bytes =
        frame && decodeQrRgba(frame.rgba, frame.width, frame.height, { tryInverted: true });
      if (bytes) return ok(bytes);
    }
    return failed('no-code-found');
  } finally {
    bitmap.close();
  }
}
