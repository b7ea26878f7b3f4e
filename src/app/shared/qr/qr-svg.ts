/**
 * A QR module matrix as SVG geometry: one path of unit squares, one per dark module, offset by the
 * quiet zone. Drawn with `shape-rendering="crispEdges"` it stays sharp at any size.
 */
import type { QrMatrix } from '../../composition.ts';

export const QR_QUIET_ZONE = 4;

/** The viewBox side: the symbol plus a quiet zone of 4 modules on each side. */
export function qrViewBoxSide(matrix: QrMatrix, quietZone = QR_QUIET_ZONE): number {
  return matrix.size + 2 * quietZone;
}

/** Path data for the dark modules; runs of dark modules in a row become one rectangle. */
export function qrSvgPath(matrix: QrMatrix, quietZone = QR_QUIET_ZONE): string {
  const { size, modules } = matrix;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col]) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}

/**
 * The widest the code is drawn, in CSS pixels: `maxSize`, or more when that would make a module
 * smaller than `minModulePx` (a dense code still scans from across a desk). The code still
 * shrinks to fit a narrower screen.
 */
export function qrDisplayWidth(opts: {
  side: number;
  maxSize: number;
  minModulePx?: number;
}): number {
  const { side, maxSize, minModulePx } = opts;
  if (minModulePx === undefined || !(minModulePx > 0)) return maxSize;
  return Math.max(maxSize, Math.ceil(side * minModulePx));
}
