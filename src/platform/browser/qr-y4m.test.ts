import { describe, expect, it } from 'vitest';
import { encodeY4m, y4mFrameLength, y4mHeader } from './qr-y4m.ts';

const gray = (width: number, height: number, value: number) => ({
  width,
  height,
  luma: new Uint8Array(width * height).fill(value),
});

describe('encodeY4m', () => {
  it('Given 640×480 at 10 fps, when the header is written, then it is the one Chromium’s fake camera reads', () => {
    expect(y4mHeader({ width: 640, height: 480, fps: 10 })).toBe(
      'YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n',
    );
    expect(y4mFrameLength({ width: 640, height: 480 })).toBe(6 + 640 * 480 * 1.5);
  });

  it('Given two 4×2 frames, when encoded, then each frame is FRAME, the Y plane, and neutral U and V planes', () => {
    const video = encodeY4m([gray(4, 2, 0), gray(4, 2, 255)], { width: 4, height: 2, fps: 5 });
    const header = 'YUV4MPEG2 W4 H2 F5:1 Ip A1:1 C420jpeg\n';
    const frameLength = 6 + 8 + 2 + 2;
    expect(video).toHaveLength(header.length + 2 * frameLength);
    const text = (from: number, length: number) =>
      new TextDecoder().decode(video.subarray(from, from + length));
    expect(text(0, header.length)).toBe(header);
    const second = header.length + frameLength;
    expect(text(header.length, 6)).toBe('FRAME\n');
    expect([...video.subarray(header.length + 6, header.length + 14)]).toEqual(Array(8).fill(0));
    expect([...video.subarray(header.length + 14, second)]).toEqual([128, 128, 128, 128]);
    expect(text(second, 6)).toBe('FRAME\n');
    expect([...video.subarray(second + 6, second + 14)]).toEqual(Array(8).fill(255));
  });

  it.each([
    [{ width: 3, height: 2, fps: 10 }, /even width and height, got 3×2/],
    [{ width: 4, height: 2, fps: 0 }, /"fps".*got 0/],
  ])('Given bad options %j, when encoding, then the error names the problem', (opts, message) => {
    expect(() => encodeY4m([gray(opts.width, opts.height, 0)], opts)).toThrow(message);
  });

  it('Given a frame of the wrong size, when encoding, then the error names the frame and both sizes', () => {
    expect(() =>
      encodeY4m([gray(4, 2, 0), gray(2, 2, 0)], { width: 4, height: 2, fps: 1 }),
    ).toThrow('frame 1 expected 4×2, got 2×2');
  });
});
