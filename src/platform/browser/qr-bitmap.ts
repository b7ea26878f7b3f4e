/**
 * QR symbols as pixels: a module matrix (what an encoder produces) drawn into an 8-bit grayscale
 * image with a white quiet zone, and the grayscale ↔ RGBA conversions jsQR and canvases need.
 * Pure: no DOM, no encoder; runs in the browser, in Node tests and in the e2e fake camera.
 */

/** A QR symbol's modules, row-major: `modules[row * size + col]` is 1 for dark, 0 for light. */
export interface QrMatrix {
  readonly size: number;
  readonly modules: Uint8Array;
}

/** An 8-bit grayscale image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly luma: Uint8Array;
}

/** ISO/IEC 18004 asks for a light margin of at least 4 modules around the symbol. */
export const QUIET_ZONE_MODULES = 4;

const DARK = 0;
const LIGHT = 255;

/** Draws `matrix` at `moduleSize` pixels per module, surrounded by `quietZone` light modules. */
export function qrMatrixToGray(
  matrix: QrMatrix,
  opts: { moduleSize: number; quietZone?: number },
): GrayImage {
  const { size, modules } = matrix;
  const quietZone = opts.quietZone ?? QUIET_ZONE_MODULES;
  const { moduleSize } = opts;
  if (!Number.isInteger(moduleSize) || moduleSize < 1) {
    throw new RangeError(`"moduleSize" expected an integer ≥ 1, got ${moduleSize}`);
  }
  if (modules.length !== size * size) {
    throw new RangeError(
      `"modules" expected ${size * size} entries for size ${size}, got ${modules.length}`,
    );
  }
  const side = (size + 2 * quietZone) * moduleSize;
  const luma = new Uint8Array(side * side).fill(LIGHT);
  const offset = quietZone * moduleSize;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules[row * size + col]) continue;
      const top = offset + row * moduleSize;
      const left = offset + col * moduleSize;
      for (let y = top; y < top + moduleSize; y++) {
        luma.fill(DARK, y * side + left, y * side + left + moduleSize);
      }
    }
  }
  return { width: side, height: side, luma };
}

/** The largest whole number of pixels per module that fits the symbol (with quiet zone) in `maxSide`. */
export function moduleSizeToFit(
  matrix: QrMatrix,
  maxSide: number,
  quietZone = QUIET_ZONE_MODULES,
): number {
  return Math.max(1, Math.floor(maxSide / (matrix.size + 2 * quietZone)));
}

/**
 * Centres `image` on a light canvas of `width` × `height`. Unless `scale` is given, it is first
 * scaled (nearest neighbour, so module edges stay sharp) to fill `fit` of the canvas's smaller
 * side; an enlargement is rounded down to a whole factor so every module keeps the same size.
 */
export function placeOnCanvas(
  image: GrayImage,
  opts: { width: number; height: number; fit?: number; scale?: number },
): GrayImage {
  const { width, height } = opts;
  const room = Math.floor(Math.min(width, height) * (opts.fit ?? 0.9));
  const fitted = Math.min(room / image.width, room / image.height);
  const scale = opts.scale ?? (fitted >= 1 ? Math.floor(fitted) : fitted);
  const drawnWidth = Math.min(width, Math.max(1, Math.round(image.width * scale)));
  const drawnHeight = Math.min(height, Math.max(1, Math.round(image.height * scale)));
  const left = Math.floor((width - drawnWidth) / 2);
  const top = Math.floor((height - drawnHeight) / 2);
  const luma = new Uint8Array(width * height).fill(LIGHT);
  for (let y = 0; y < drawnHeight; y++) {
    const sourceRow = Math.min(image.height - 1, Math.floor(y / scale)) * image.width;
    const targetRow = (top + y) * width + left;
    for (let x = 0; x < drawnWidth; x++) {
      luma[targetRow + x] =
        image.luma[sourceRow + Math.min(image.width - 1, Math.floor(x / scale))]!;
    }
  }
  return { width, height, luma };
}

/** Grayscale → RGBA (opaque), the layout of `ImageData.data` and of jsQR's input. */
export function grayToRgba(image: GrayImage): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.luma.length; i++) {
    const v = image.luma[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/**
 * RGBA → grayscale with the BT.601 luma weights (the Y of YUV video). Transparent pixels count as
 * white, as they look on a light page.
 */
export function rgbaToGray(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): GrayImage {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(
      `"rgba" expected ${width * height * 4} bytes for ${width}×${height}, got ${rgba.length}`,
    );
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const y = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
    luma[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, luma };
}
