/**
 * A fake camera for e2e tests: Chromium plays a .y4m file as the webcam
 * (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`). The file is fixed
 * at launch, so each scanning party gets its own browser: write the video first, then launch.
 *
 *   const video = await writeQrY4m(encodeForQr('offer', bytes).frames, testInfo.outputPath('offer.y4m'));
 *   const browser = await launchCameraBrowser(video);
 *
 * To scan a code another page shows: `await screenshotToY4m(page, page.getByRole('img', { name }), path)`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  chromium,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserType,
  type Locator,
  type Page,
} from '@playwright/test';
import config, { chromiumPath } from '../../playwright.config.ts';
import {
  moduleSizeToFit,
  placeOnCanvas,
  qrMatrixToGray,
  rgbaToGray,
  type GrayImage,
} from '../../src/platform/browser/qr-bitmap.ts';
import { encodeQrMatrix } from '../../src/platform/browser/qr-encode.ts';
import { encodeY4m } from '../../src/platform/browser/qr-y4m.ts';

export type { GrayImage } from '../../src/platform/browser/qr-bitmap.ts';

export interface QrVideoOptions {
  /** Video frames per second (whole number). Default 10. */
  fps?: number;
  /** How long each QR frame stays on screen. Default 0.5 s (5 video frames at 10 fps). */
  secondsPerFrame?: number;
  /** How many times the whole sequence is repeated in the file (Chromium also loops the file). Default 3. */
  loops?: number;
  /** The code's side in pixels, quiet zone included, at most. Default 440 (fits 640×480). */
  size?: number;
  width?: number;
  height?: number;
}

/** A payload to encode (QR byte mode, level M), or a picture of a code already rendered. */
export type QrVideoFrame = Uint8Array | GrayImage;

const isPicture = (frame: QrVideoFrame): frame is GrayImage => !(frame instanceof Uint8Array);

/**
 * Writes a YUV4MPEG2 video that shows each frame in turn (an animated code), the sequence repeated
 * `loops` times: header `YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg`, gray frames (U = V = 128).
 * Returns `file`, for chaining into launchCameraBrowser.
 */
export async function writeQrY4m(
  frames: readonly QrVideoFrame[] | { frames: readonly Uint8Array[] },
  file: string,
  opts: QrVideoOptions = {},
): Promise<string> {
  const list = 'frames' in frames ? frames.frames : frames;
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const fps = opts.fps ?? 10;
  const size = Math.min(opts.size ?? 440, width, height);
  const repeat = Math.max(1, Math.round((opts.secondsPerFrame ?? 0.5) * fps));
  const pictures = list.map((frame) => {
    if (isPicture(frame)) return placeOnCanvas(frame, { width, height });
    const matrix = encodeQrMatrix(frame);
    const symbol = qrMatrixToGray(matrix, { moduleSize: moduleSizeToFit(matrix, size) });
    return placeOnCanvas(symbol, { width, height, scale: 1 });
  });
  const sequence = pictures.flatMap((picture) => Array<GrayImage>(repeat).fill(picture));
  const video = Array.from({ length: opts.loops ?? 3 }, () => sequence).flat();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, encodeY4m(video, { width, height, fps }));
  return file;
}

/** The contract's name (docs/CONTRACTS-issue3.md §G) for writeQrY4m. */
export const qrVideoFile = writeQrY4m;

/** The project's usual Chromium flags (playwright.config.ts), so a camera browser behaves the same. */
function projectArgs(): string[] {
  return [...(config.use?.launchOptions?.args ?? [])];
}

/** Launches Chromium whose camera plays `y4mPath`, with permission already granted. */
export function launchWithCamera(browserType: BrowserType, y4mPath: string): Promise<Browser> {
  return browserType.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumPath,
    args: [
      ...projectArgs(),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${path.resolve(y4mPath)}`,
    ],
  });
}

/**
 * A browser profile that outlives the browser (a citizen's phone): relaunch it with another camera
 * video to scan the next code while keeping the wallet. Without `y4mPath`, no camera.
 */
export function launchProfile(userDataDir: string, y4mPath?: string): Promise<BrowserContext> {
  const camera = y4mPath
    ? [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${path.resolve(y4mPath)}`,
      ]
    : [];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? chromiumPath,
    args: [...projectArgs(), ...camera],
    baseURL: config.use?.baseURL,
    locale: 'en-GB',
  });
}

export function launchCameraBrowser(y4mPath: string): Promise<Browser> {
  return launchWithCamera(chromium, y4mPath);
}

interface PngModule {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
// pngjs comes with qrcode (its dependency) and has no type declarations of its own.
const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;

/** A screenshot of `locator` (a QR code on some page) as a grayscale picture. */
export async function captureQrPicture(locator: Locator): Promise<GrayImage> {
  const png = PNG.sync.read(await locator.screenshot({ animations: 'disabled' }));
  return rgbaToGray(png.data, png.width, png.height);
}

/**
 * Every frame of a QR code shown on `page` as a picture: a static code is one picture; an animated
 * one is paused and stepped with "Next frame" (a code playing at 5 fps cannot be screenshotted
 * reliably).
 */
export async function captureQrFrames(page: Page, code: Locator): Promise<GrayImage[]> {
  await expect(code).toBeVisible();
  const counter = page.getByText(/^Frame \d+ of \d+$/);
  if ((await counter.count()) === 0) return [await captureQrPicture(code)];
  const pause = page.getByRole('button', { name: 'Pause animation' });
  if (await pause.isVisible()) await pause.click();
  const total = Number(/of (\d+)/.exec(await counter.innerText())?.[1]);
  const pictures: GrayImage[] = [];
  for (let i = 0; i < total; i += 1) {
    pictures.push(await captureQrPicture(code));
    await page.getByRole('button', { name: 'Next frame' }).click();
  }
  return pictures;
}

/**
 * Turns the QR code another page shows into a camera video: screenshot → gray → centred in the
 * video frame (scaled with sharp edges). For an animated code, capture each frame with
 * captureQrPicture (pause it and step with "Next frame") and pass the pictures to writeQrY4m.
 */
export async function screenshotToY4m(
  _page: Page,
  locator: Locator,
  file: string,
  opts: QrVideoOptions = {},
): Promise<string> {
  return writeQrY4m([await captureQrPicture(locator)], file, opts);
}
