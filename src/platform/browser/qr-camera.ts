/**
 * Scanning QR codes with the device camera: getUserMedia (rear camera preferred), a frame drawn to
 * a canvas every ~100 ms, jsQR on its pixels. Byte-mode data comes back as raw bytes.
 * Problems come back as reason codes; the UI turns them into words.
 */
import { failed, ok, type Result } from '../../core/result.ts';
import type { decodeQrRgba as DecodeQrRgbaFn } from './qr-decode.ts';
import { createFrameGrabber } from './qr-frame-grabber.ts';

type DecodeQrRgba = typeof DecodeQrRgbaFn;

export type CameraProblem =
  | 'insecure-context' // camera access needs https (or localhost)
  | 'unsupported' // no mediaDevices.getUserMedia in this browser
  | 'permission-denied'
  | 'no-camera'
  | 'camera-busy' // another app holds the camera, or the hardware failed
  | 'scanner-unavailable' // the decoder chunk could not be loaded
  | 'camera-failed';

export interface QrCameraScan {
  /** Stops scanning and releases the camera (the browser's camera indicator goes off). Idempotent. */
  stop(): void;
}

export interface QrCameraScanOptions {
  /** Shows the live picture, so the citizen can aim. */
  video: HTMLVideoElement;
  /** Called with each QR symbol's bytes found in a frame (the same symbol again on later frames). */
  onCode: (bytes: Uint8Array) => void;
  /** Called when the camera stops by itself (unplugged, revoked); not after stop(). */
  onEnded?: () => void;
  /** Pause between decodes; ~100 ms keeps up with an animated code at 5 frames per second. */
  intervalMs?: number;
  /** Longest side, in pixels, of the picture handed to the decoder. */
  maxSide?: number;
}

const HAVE_CURRENT_DATA = 2;

export async function startQrCameraScan(
  opts: QrCameraScanOptions,
): Promise<Result<QrCameraScan, CameraProblem>> {
  if (!globalThis.isSecureContext) return failed('insecure-context');
  if (!navigator.mediaDevices?.getUserMedia) return failed('unsupported');
  const decoder = import('./qr-decode.ts');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
  } catch (error) {
    return failed(cameraProblem(error));
  }
  const releaseStream = () => stream.getTracks().forEach((track) => track.stop());
  let decodeQrRgba: DecodeQrRgba;
  try {
    ({ decodeQrRgba } = await decoder);
  } catch {
    releaseStream();
    return failed('scanner-unavailable');
  }

  const { video, onCode, onEnded } = opts;
  const intervalMs = opts.intervalMs ?? 100;
  const maxSide = opts.maxSide ?? 1024;
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch {
    releaseStream();
    video.srcObject = null;
    return failed('camera-failed');
  }

  const grabber = createFrameGrabber();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    releaseStream();
    video.srcObject = null;
  };
  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => {
      if (stopped) return;
      stop();
      onEnded?.();
    });
  }
  const tick = () => {
    if (stopped) return;
    if (video.readyState >= HAVE_CURRENT_DATA) {
      const frame = grabber.grab(video, video.videoWidth, video.videoHeight, maxSide);
      const bytes = frame && decodeQrRgba(frame.rgba, frame.width, frame.height);
      if (bytes) onCode(bytes);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  // The first look comes after this function returns, so onCode never runs before the caller holds stop().
  timer = setTimeout(tick, 0);
  return ok({ stop });
}

/** getUserMedia's DOMException names (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia). */
function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'camera-busy';
    default:
      return 'camera-failed';
  }
}
