/**
 * Draws a picture source (a playing <video>, an ImageBitmap) into a reusable 2D canvas, at most
 * `maxSide` pixels on its longer side, and reads the pixels back for the QR decoder.
 * Scaling a phone camera's 1920×1080 down keeps jsQR at tens of milliseconds per frame.
 */
export interface RgbaFrame {
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface FrameGrabber {
  grab(
    source: CanvasImageSource,
    sourceWidth: number,
    sourceHeight: number,
    maxSide: number,
  ): RgbaFrame | null;
}

export function createFrameGrabber(): FrameGrabber {
  const canvas = document.createElement('canvas');
  // willReadFrequently keeps the canvas in CPU memory: getImageData every 100 ms stays cheap.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    grab(source, sourceWidth, sourceHeight, maxSide) {
      if (!context || sourceWidth === 0 || sourceHeight === 0) return null;
      const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
      const width = Math.max(1, Math.round(sourceWidth * scale));
      const height = Math.max(1, Math.round(sourceHeight * scale));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      context.drawImage(source, 0, 0, width, height);
      return { rgba: context.getImageData(0, 0, width, height).data, width, height };
    },
  };
}
