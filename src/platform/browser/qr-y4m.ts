/**
 * YUV4MPEG2 (.y4m) video from grayscale pictures: the format Chromium's fake camera plays
 * (`--use-file-for-fake-video-capture`). Pure bytes, no file system; e2e/support/fake-camera.ts
 * writes them to disk.
 *
 * Layout (https://wiki.multimedia.cx/index.php/YUV4MPEG2):
 *   "YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n"
 *   then per frame: "FRAME\n", Y plane (W×H bytes), U plane ((W/2)×(H/2)), V plane (same).
 * Gray pictures have no colour, so U = V = 128.
 */
import type { GrayImage } from './qr-bitmap.ts';

export interface Y4mOptions {
  width: number;
  height: number;
  /** Frames per second, a whole number. */
  fps: number;
}

const NEUTRAL_CHROMA = 128;

export function y4mHeader(opts: Y4mOptions): string {
  return `YUV4MPEG2 W${opts.width} H${opts.height} F${opts.fps}:1 Ip A1:1 C420jpeg\n`;
}

/** Bytes of one frame record: "FRAME\n" + Y + U + V. */
export function y4mFrameLength(opts: Pick<Y4mOptions, 'width' | 'height'>): number {
  return 'FRAME\n'.length + opts.width * opts.height + 2 * (opts.width / 2) * (opts.height / 2);
}

/** Encodes `frames` (each exactly width × height) as a .y4m file, in order. */
export function encodeY4m(frames: readonly GrayImage[], opts: Y4mOptions): Uint8Array {
  const { width, height, fps } = opts;
  if (width % 2 !== 0 || height % 2 !== 0) {
    throw new RangeError(`4:2:0 video needs an even width and height, got ${width}×${height}`);
  }
  if (!Number.isInteger(fps) || fps < 1) {
    throw new RangeError(`"fps" expected a whole number ≥ 1, got ${fps}`);
  }
  if (frames.length === 0) throw new RangeError('"frames" expected at least one picture, got none');
  const header = new TextEncoder().encode(y4mHeader(opts));
  const frameMarker = new TextEncoder().encode('FRAME\n');
  const lumaLength = width * height;
  const frameLength = y4mFrameLength(opts);
  const out = new Uint8Array(header.length + frames.length * frameLength);
  out.set(header, 0);
  frames.forEach((frame, index) => {
    if (frame.width !== width || frame.height !== height) {
      throw new RangeError(
        `frame ${index} expected ${width}×${height}, got ${frame.width}×${frame.height}`,
      );
    }
    const start = header.length + index * frameLength;
    out.set(frameMarker, start);
    out.set(frame.luma, start + frameMarker.length);
    out.fill(NEUTRAL_CHROMA, start + frameMarker.length + lumaLength, start + frameLength);
  });
  return out;
}
