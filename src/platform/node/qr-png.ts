/**
 * One transport frame → a QR code PNG: byte mode, error correction level M (docs/transport.md),
 * the smallest version that holds the frame, a 4-module quiet zone, `scale` pixels per module.
 * qrcode (a CJS package) is loaded on the first code: a payroll worker without PNGs never loads it.
 */
import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';
import { encodePng1Bit } from './png-1bit.ts';

let qrcode: typeof QRCodeModule | undefined;
function QRCode(): typeof QRCodeModule {
  qrcode ??= createRequire(import.meta.url)('qrcode') as typeof QRCodeModule;
  return qrcode;
}

export interface QrPngOptions {
  /** Pixels per module (default 4). */
  scale?: number;
  /** Quiet zone in modules (default 4, as ISO/IEC 18004 asks). */
  margin?: number;
  /**
   * Fix the mask pattern (0…7) instead of scoring all eight. Scoring is most of the cost of a
   * code; compressed payloads look random, so any mask gives a readable symbol. Default: scored.
   */
  maskPattern?: number;
}

export interface QrPng {
  png: Uint8Array;
  /** QR version 1…40 that was needed. */
  version: number;
}

export function renderQrPng(frame: Uint8Array, opts: QrPngOptions = {}): QrPng {
  const scale = opts.scale ?? 4;
  const margin = opts.margin ?? 4;
  const code = QRCode().create([{ data: frame, mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    ...(opts.maskPattern === undefined
      ? {}
      : { maskPattern: opts.maskPattern as QRCodeModule.QRCodeMaskPattern }),
  });
  const size = code.modules.size;
  const modules = code.modules.data;
  const side = (size + 2 * margin) * scale;
  const png = encodePng1Bit(side, side, (x, y) => {
    const col = Math.floor(x / scale) - margin;
    const row = Math.floor(y / scale) - margin;
    return col >= 0 && row >= 0 && col < size && row < size && modules[row * size + col] === 1;
  });
  return { png, version: code.version };
}
