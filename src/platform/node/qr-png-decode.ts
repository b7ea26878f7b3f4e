/**
 * A QR code PNG → the bytes of its one symbol (byte-mode segments byte for byte, jsQR's
 * `binaryData`). PNGs are read with pngjs (a dependency of `qrcode`, without type declarations).
 * Total: any file gives a Result; the image size is checked from the header before decoding.
 */
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { failedWith, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';

interface PngModule {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}

const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** 64 megapixels (256 MiB of RGBA): a scan or a photo, not a decompression bomb. */
export const MAX_QR_PNG_PIXELS = 64 * 1024 * 1024;

export type QrPngProblem = 'not-png' | 'too-large' | 'no-qr';

export function decodeQrPng(
  png: Uint8Array,
): Result<Uint8Array, QrPngProblem, { message: string }> {
  if (png.length < 24 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) {
    return failedWith('not-png', { message: 'this is not a PNG image' });
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width * height > MAX_QR_PNG_PIXELS) {
    return failedWith('too-large', {
      message: `the image is ${width} × ${height} pixels; at most ${MAX_QR_PNG_PIXELS} pixels are read`,
    });
  }
  let image: { width: number; height: number; data: Buffer };
  try {
    image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch (error) {
    return failedWith('not-png', {
      message: `the PNG is damaged (${error instanceof Error ? error.message : 'unreadable'})`,
    });
  }
  const rgba = new Uint8ClampedArray(
    image.data.buffer,
    image.data.byteOffset,
    image.data.byteLength,
  );
  const code = jsQR(rgba, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  if (!code || code.binaryData.length === 0) {
    return failedWith('no-qr', { message: 'no readable QR code was found in the image' });
  }
  return ok(Uint8Array.from(code.binaryData));
}
