/**
 * The fake camera itself: a .y4m written by e2e/support/fake-camera.ts, played by Chromium as the
 * webcam, grabbed through getUserMedia and decoded by jsQR, gives back the exact bytes — for one
 * frame, for an animated sequence, and for a screenshot of a code another page shows.
 */
import { createRequire } from 'node:module';
import { expect, type Browser, type Page } from '@playwright/test';
import { encodeQrMatrix } from '../src/platform/browser/qr-encode.ts';
import { qrSvgPath, qrViewBoxSide } from '../src/app/shared/qr/qr-svg.ts';
import { launchCameraBrowser, screenshotToY4m, writeQrY4m } from './support/fake-camera.ts';
import { test } from './support/seed.ts';

const jsQrScript = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

interface CameraScan {
  frames: { bytes: number[]; atMs: number }[];
  decodeMs: number[];
  isSecureContext: boolean;
}

/**
 * A blank page on a secure origin (camera access needs one; about:blank is not), answered by the
 * test itself, so no server is involved.
 */
async function openSecureBlankPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  const url = 'http://127.0.0.1:9/camera-check';
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>camera check</title>' }),
  );
  await page.goto(url);
  return page;
}

/** In the camera browser: getUserMedia, draw frames to a canvas every 100 ms, jsQR each one. */
async function scanCamera(
  browser: Browser,
  expected: number,
  timeoutMs = 10_000,
): Promise<CameraScan> {
  const page = await openSecureBlankPage(browser);
  await page.addScriptTag({ path: jsQrScript });
  return page.evaluate(
    async ({ expected, timeoutMs }) => {
      type JsQr = (
        data: Uint8ClampedArray,
        width: number,
        height: number,
        options: { inversionAttempts: 'dontInvert' },
      ) => { binaryData: number[] } | null;
      const jsQR = (window as unknown as { jsQR: JsQr }).jsQR;
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
      });
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const found = new Map<string, { bytes: number[]; atMs: number }>();
      const decodeMs: number[] = [];
      const start = performance.now();
      while (found.size < expected && performance.now() - start < timeoutMs) {
        if (video.readyState >= 2 && video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0);
          const t0 = performance.now();
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(pixels.data, pixels.width, pixels.height, {
            inversionAttempts: 'dontInvert',
          });
          decodeMs.push(performance.now() - t0);
          const key = code?.binaryData.join(',');
          if (code && key && !found.has(key)) {
            found.set(key, { bytes: code.binaryData, atMs: performance.now() - start });
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      stream.getTracks().forEach((track) => track.stop());
      return { frames: [...found.values()], decodeMs, isSecureContext: window.isSecureContext };
    },
    { expected, timeoutMs },
  );
}

const pattern = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 71 + (i >> 3)) & 0xff);

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

test.describe('fake camera (y4m) → getUserMedia → jsQR', () => {
  let browser: Browser | undefined;
  test.afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  test('Given a y4m of one 819-byte binary frame, when the camera is scanned, then jsQR returns the exact bytes', async () => {
    const testInfo = test.info();
    const payload = pattern(819, 1); // every byte value occurs: not valid UTF-8
    const video = await writeQrY4m([payload], testInfo.outputPath('single.y4m'));
    browser = await launchCameraBrowser(video);
    const scan = await scanCamera(browser, 1);

    expect(scan.isSecureContext).toBe(true);
    expect(scan.frames).toHaveLength(1);
    expect(Uint8Array.from(scan.frames[0]!.bytes)).toEqual(payload);
    testInfo.annotations.push({
      type: 'timing',
      description: `first decode after ${Math.round(scan.frames[0]!.atMs)} ms; jsQR median ${median(scan.decodeMs).toFixed(0)} ms per 640×480 frame`,
    });
  });

  test('Given a y4m of a 3-frame animated code, when the camera is scanned, then all three frames come back byte for byte', async () => {
    const testInfo = test.info();
    const frames = [pattern(300, 2), pattern(300, 3), pattern(300, 4)];
    const video = await writeQrY4m(frames, testInfo.outputPath('animated.y4m'), {
      secondsPerFrame: 0.3,
    });
    browser = await launchCameraBrowser(video);
    const scan = await scanCamera(browser, 3);

    const decoded = scan.frames.map((f) => Uint8Array.from(f.bytes));
    expect(decoded).toHaveLength(3);
    for (const frame of frames) expect(decoded).toContainEqual(frame);
    testInfo.annotations.push({
      type: 'timing',
      description: `all 3 frames after ${Math.round(Math.max(...scan.frames.map((f) => f.atMs)))} ms; jsQR median ${median(scan.decodeMs).toFixed(0)} ms`,
    });
  });

  test('Given a QR code shown as SVG on another page, when it is screenshotted into a y4m, then the camera browser reads it', async ({
    page,
  }, testInfo) => {
    const payload = pattern(500, 5);
    const matrix = encodeQrMatrix(payload);
    const side = qrViewBoxSide(matrix);
    await page.setContent(
      `<svg role="img" aria-label="Test code" viewBox="0 0 ${side} ${side}" width="${side * 3}" height="${side * 3}" shape-rendering="crispEdges">` +
        `<rect width="${side}" height="${side}" fill="#fff"/><path d="${qrSvgPath(matrix)}" fill="#000"/></svg>`,
    );
    const video = await screenshotToY4m(
      page,
      page.getByRole('img', { name: 'Test code' }),
      testInfo.outputPath('screenshot.y4m'),
    );
    browser = await launchCameraBrowser(video);
    const scan = await scanCamera(browser, 1);

    expect(scan.frames).toHaveLength(1);
    expect(Uint8Array.from(scan.frames[0]!.bytes)).toEqual(payload);
  });
});
