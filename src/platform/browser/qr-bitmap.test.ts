import { describe, expect, it } from 'vitest';
import {
  grayToRgba,
  moduleSizeToFit,
  placeOnCanvas,
  qrMatrixToGray,
  rgbaToGray,
  type QrMatrix,
} from './qr-bitmap.ts';

// A 2×2 "symbol": dark on the diagonal.
const diagonal: QrMatrix = { size: 2, modules: Uint8Array.from([1, 0, 0, 1]) };

describe('qrMatrixToGray', () => {
  it('Given a 2×2 matrix, when drawn at 3 px per module with the default quiet zone, then the image is (2 + 8) × 3 px square with dark modules 4 modules in', () => {
    const image = qrMatrixToGray(diagonal, { moduleSize: 3 });
    expect(image.width).toBe(30);
    expect(image.height).toBe(30);
    const at = (x: number, y: number) => image.luma[y * image.width + x];
    expect(at(0, 0)).toBe(255); // quiet zone
    expect(at(11, 11)).toBe(255);
    expect(at(12, 12)).toBe(0); // module (0,0)
    expect(at(14, 14)).toBe(0);
    expect(at(15, 12)).toBe(255); // module (0,1) is light
    expect(at(15, 15)).toBe(0); // module (1,1)
    expect(at(18, 18)).toBe(255); // quiet zone again
    expect(image.luma.filter((v) => v === 0)).toHaveLength(2 * 9);
  });

  it('Given a module size of 0, when drawn, then it says which option was wrong', () => {
    expect(() => qrMatrixToGray(diagonal, { moduleSize: 0 })).toThrow(/"moduleSize".*got 0/);
  });

  it('Given a matrix of 25 modules and 200 px, when fitting, then 6 px per module is the largest whole size', () => {
    expect(moduleSizeToFit({ size: 25, modules: new Uint8Array(625) }, 200)).toBe(6);
  });
});

describe('placeOnCanvas', () => {
  it('Given a 10 px image and a 40×20 canvas, when placed at full fit, then it is scaled ×2 and centred', () => {
    const image = qrMatrixToGray(diagonal, { moduleSize: 1, quietZone: 4 }); // 10×10
    const placed = placeOnCanvas(image, { width: 40, height: 20, fit: 1 });
    expect(placed.luma).toHaveLength(800);
    const at = (x: number, y: number) => placed.luma[y * 40 + x];
    // 20×20 drawn at x 10..29; module (0,0) is source pixel (4,4) → target (18..19, 8..9)
    expect(at(18, 8)).toBe(0);
    expect(at(19, 9)).toBe(0);
    expect(at(17, 8)).toBe(255);
    expect(at(20, 10)).toBe(0); // module (1,1)
    expect(placed.luma.filter((v) => v === 0)).toHaveLength(8);
  });
});

describe('grayscale and RGBA', () => {
  it('Given a gray image, when converted to RGBA and back, then the luma is unchanged', () => {
    const image = { width: 2, height: 1, luma: Uint8Array.from([0, 200]) };
    const rgba = grayToRgba(image);
    expect([...rgba]).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
    expect([...rgbaToGray(rgba, 2, 1).luma]).toEqual([0, 200]);
  });

  it('Given a transparent pixel, when converted to gray, then it counts as white', () => {
    expect([...rgbaToGray(Uint8Array.from([0, 0, 0, 0]), 1, 1).luma]).toEqual([255]);
  });
});
