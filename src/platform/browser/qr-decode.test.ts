import { describe, expect, it } from 'vitest';
import { createQrAssembler, encodeForQr } from '../../core/transport/index.ts';
import { grayToRgba, placeOnCanvas, qrMatrixToGray } from './qr-bitmap.ts';
import { decodeQrRgba } from './qr-decode.ts';
import { encodeQrMatrix } from './qr-encode.ts';

/** Encode → draw → decode, the whole way a payload travels from one screen to a camera. */
function roundTrip(bytes: Uint8Array, moduleSize = 4): Uint8Array | null {
  const image = qrMatrixToGray(encodeQrMatrix(bytes), { moduleSize });
  return decodeQrRgba(grayToRgba(image), image.width, image.height);
}

const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('QR byte mode round trip (qrcode → pixels → jsQR)', () => {
  it.each([
    ['ASCII text', new TextEncoder().encode('vouch:1:hello')],
    ['every byte value 0..255 (not UTF-8)', everyByte],
    [
      'invalid UTF-8 sequences',
      Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff, 0xfe, 0x00]),
    ],
    ['a single zero byte', Uint8Array.from([0])],
    ['800 bytes, a dense frame', Uint8Array.from({ length: 800 }, (_, i) => (i * 37 + 11) & 0xff)],
  ])('Given %s, when encoded, drawn and decoded, then the same bytes come back', (_name, bytes) => {
    expect(roundTrip(bytes)).toEqual(bytes);
  });

  it('Given a code scaled into a 640×480 camera-sized picture, when decoded, then the bytes come back', () => {
    const symbol = qrMatrixToGray(encodeQrMatrix(everyByte), { moduleSize: 1 });
    const frame = placeOnCanvas(symbol, { width: 640, height: 480 });
    expect(decodeQrRgba(grayToRgba(frame), 640, 480)).toEqual(everyByte);
  });

  it('Given a light-on-dark code, when decoded without and with inversion, then only the inverted attempt finds it', () => {
    const image = qrMatrixToGray(encodeQrMatrix(everyByte), { moduleSize: 4 });
    const inverted = { ...image, luma: image.luma.map((v) => 255 - v) };
    const rgba = grayToRgba(inverted);
    expect(decodeQrRgba(rgba, image.width, image.height)).toBeNull();
    expect(decodeQrRgba(rgba, image.width, image.height, { tryInverted: true })).toEqual(everyByte);
  });

  it('Given a blank picture, when decoded, then nothing is found', () => {
    const blank = { width: 64, height: 64, luma: new Uint8Array(64 * 64).fill(255) };
    expect(decodeQrRgba(grayToRgba(blank), 64, 64)).toBeNull();
  });

  it('Given level M, when a payload is encoded, then the symbol uses error correction M', () => {
    const small = encodeQrMatrix(Uint8Array.from([1, 2, 3]));
    expect(small.size).toBe(21); // version 1: up to 14 bytes at level M
    expect(encodeQrMatrix(new Uint8Array(15)).size).toBe(25); // 15 bytes need version 2 at M
  });

  it('Given a 3 KB offer split into animated frames, when every frame is drawn and decoded, then the assembler rebuilds the payload', () => {
    let seed = 7;
    const payload = Uint8Array.from(
      { length: 3000 },
      () => (seed = (seed * 48271) % 2147483647) & 0xff,
    );
    const { frames, animated } = encodeForQr('offer', payload);
    expect(animated).toBe(true);
    const assembler = createQrAssembler();
    let last: ReturnType<typeof assembler.push> | undefined;
    for (const frame of frames) last = assembler.push(roundTrip(frame, 3)!);
    expect(last).toEqual({ state: 'done', kind: 'offer', payload });
  });
});
