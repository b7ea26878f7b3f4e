/**
 * QR decoding with jsQR (Chromium on Linux has no BarcodeDetector). Loaded lazily: jsQR is ~130 KB.
 */
import jsQR from 'jsqr';

export interface DecodeQrOptions {
  /**
   * Also look for light-on-dark codes. A camera loop skips it (twice the work per frame);
   * a single uploaded picture can afford it.
   */
  tryInverted?: boolean;
}

/**
 * Finds one QR symbol in an RGBA image and returns its data as raw bytes (jsQR's `binaryData`:
 * byte-mode segments byte for byte, so binary payloads are not mangled by a text decoder).
 * Returns null when no symbol is found or it cannot be read.
 */
export function decodeQrRgba(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  opts: DecodeQrOptions = {},
): Uint8Array | null {
  const code = jsQR(rgba, width, height, {
    inversionAttempts: opts.tryInverted ? 'attemptBoth' : 'dontInvert',
  });
  if (!code || code.binaryData.length === 0) return null;
  return Uint8Array.from(code.binaryData);
}
