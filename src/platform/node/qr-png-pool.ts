/**
 * A small pool of worker threads that render QR PNGs (the slow part of a batch: building the QR
 * matrix takes milliseconds per code). Jobs go to the least busy worker; `close()` ends them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QrPng } from './qr-png.ts';

export interface QrPngPool {
  render(frame: Uint8Array, opts?: { scale?: number; maskPattern?: number }): Promise<QrPng>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: QrPng): void;
  reject(error: Error): void;
}

export function createQrPngPool(opts: { size?: number } = {}): QrPngPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./qr-png-worker.mjs', import.meta.url));
    load.set(worker, 0);
    worker.on(
      'message',
      (reply: { id: number; png?: Uint8Array; version?: number; error?: string }) => {
        load.set(worker, (load.get(worker) ?? 1) - 1);
        const job = pending.get(reply.id);
        pending.delete(reply.id);
        if (!job) return;
        if (reply.error !== undefined || !reply.png) job.reject(new Error(reply.error ?? 'no PNG'));
        else job.resolve({ png: reply.png, version: reply.version ?? 0 });
      },
    );
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    render(frame, renderOpts = {}) {
      const id = nextId++;
      const worker = workers.reduce((best, w) =>
        (load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best,
      );
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise<QrPng>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({
          id,
          frame,
          scale: renderOpts.scale,
          maskPattern: renderOpts.maskPattern,
        });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
