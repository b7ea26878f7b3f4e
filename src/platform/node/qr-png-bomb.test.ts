// Every decompression has a size cap (issue 8 item 8): a PNG's pixels are zlib-compressed, so a
// small file can claim a huge image. decodeQrPng reads the size from the header first and refuses
// more than MAX_QR_PNG_PIXELS before inflating anything.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../core/transport/crc32.ts';
import { decodeQrPng, MAX_QR_PNG_PIXELS } from './qr-png-decode.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A grey PNG of width × height whose IDAT inflates to width × height bytes of zero rows. */
function png(width: number, height: number, rows: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc(rows * (width + 1)); // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

describe('decodeQrPng against decompression bombs', () => {
  it('Given a few-KiB PNG that claims 60,000 × 60,000 pixels (3.6 GB), when decoded, then too-large at once, nothing inflated', () => {
    const bomb = png(60_000, 60_000, 10);
    expect(bomb.length).toBeLessThan(10_000);
    const started = performance.now();
    const decoded = decodeQrPng(bomb);
    expect(decoded.ok ? 'ok' : decoded.reason).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('Given a PNG just at the pixel cap claim, when its header is read, then it is not refused as too large', () => {
    const side = Math.floor(Math.sqrt(MAX_QR_PNG_PIXELS));
    const decoded = decodeQrPng(png(side, 1, 1));
    expect(decoded.ok ? 'ok' : decoded.reason).not.toBe('too-large');
  });
});
