import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeForQr } from '../../core/transport/index.ts';
import { renderQrPng } from './qr-png.ts';

/** Reads back the 1-bit greyscale PNGs png-1bit.ts writes (filter 0 only) as RGBA. */
function decodePng1Bit(png: Uint8Array): {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
} {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      expect([...data.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = Math.ceil(width / 8) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = ((raw[y * stride + 1 + (x >> 3)] as number) >> (7 - (x & 7))) & 1;
      rgba.fill(light ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, rgba };
}

describe('QR PNG', () => {
  it.each([
    ['scored mask', undefined],
    ['fixed mask 0 (batch)', 0],
  ])(
    'Given a 779-byte-budget frame, when rendered with a %s and scanned by jsQR, then the exact bytes come back',
    (_, maskPattern) => {
      const payload = new Uint8Array(700).map((_, i) => (i * 7919 + 13) & 0xff);
      const [frame] = encodeForQr('offer', payload).frames as [Uint8Array];
      const { png, version } = renderQrPng(frame, { maskPattern });
      expect(version).toBeLessThanOrEqual(22);
      const image = decodePng1Bit(png);
      const scanned = jsQR(image.rgba, image.width, image.height);
      expect(scanned && Buffer.from(scanned.binaryData).toString('hex')).toBe(
        Buffer.from(frame).toString('hex'),
      );
    },
  );
});
