import { describe, expect, it } from 'vitest';
import { qrSvgPath, qrViewBoxSide } from './qr-svg.ts';

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
