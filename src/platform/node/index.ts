export { readBoundedFile, writeFileAtomic, writeNewFile } from './files.ts';
export type { ReadProblem } from './files.ts';
export { encodePng1Bit } from './png-1bit.ts';
export { createProgressReporter } from './progress.ts';
export type { ProgressReporter } from './progress.ts';
export { renderQrPng } from './qr-png.ts';
export type { QrPng, QrPngOptions } from './qr-png.ts';
export { createWorkerPool, serveWorkerJobs } from './worker-pool.ts';
export type { WorkerPool, WorkerReply } from './worker-pool.ts';
