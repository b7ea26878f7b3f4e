import { describe, expect, it } from 'vitest';
import { qrDisplayWidth, qrSvgPath, qrViewBoxSide } from './qr-svg.ts';

describe('qrSvgPath', () => {
  it('Given a 3×3 matrix, when turned into a path, then each run of dark modules is one rectangle offset by the quiet zone', () => {
    const matrix = { size: 3, modules: Uint8Array.from([1, 1, 0, 0, 0, 0, 1, 0, 1]) };
    expect(qrViewBoxSide(matrix)).toBe(11);
    expect(qrSvgPath(matrix)).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
  });

  it('Given an all-light matrix, when turned into a path, then the path is empty', () => {
    expect(qrSvgPath({ size: 2, modules: new Uint8Array(4) })).toBe('');
  });
});

describe('qrDisplayWidth', () => {
  it('Given no minimum module size, when sized, then the code is drawn at most maxSize wide (as before)', () => {
    expect(qrDisplayWidth({ side: 125, maxSize: 360 })).toBe(360);
  });

  it('Given a version-22 offer (105 modules + quiet zone = 113) and 5 px per module, when sized, then it is drawn 565 px wide, not 360', () => {
    const width = qrDisplayWidth({ side: 113, maxSize: 360, minModulePx: 5 });
    expect(width).toBe(565);
    expect(width / 113).toBeGreaterThanOrEqual(5);
  });

  it('Given a small code whose modules are already larger than the minimum at maxSize, when sized, then maxSize stays', () => {
    expect(qrDisplayWidth({ side: 41, maxSize: 360, minModulePx: 5 })).toBe(360);
  });

  it('Given a nonsense minimum (0, negative, NaN), when sized, then it is ignored', () => {
    for (const minModulePx of [0, -3, Number.NaN]) {
      expect(qrDisplayWidth({ side: 113, maxSize: 360, minModulePx })).toBe(360);
    }
  });
});
