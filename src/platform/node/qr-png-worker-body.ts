/** Renders QR PNGs off the main thread (see qr-png-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { renderQrPng } from './qr-png.ts';

interface Job {
  id: number;
  frame: Uint8Array;
  scale?: number;
  maskPattern?: number;
}

parentPort?.on('message', (job: Job) => {
  try {
    const { png, version } = renderQrPng(job.frame, {
      scale: job.scale,
      maskPattern: job.maskPattern,
    });
    parentPort?.postMessage({ id: job.id, png, version }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
