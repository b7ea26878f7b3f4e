/** A payroll worker thread (issue-batch.ts): issues the chunks of rows it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorkerJobs } from '../../platform/node/worker-pool.ts';
import { createPayrollIssuer } from './payroll-rows.ts';
import type { ChunkResult, PayrollJobRow, PayrollSetup } from './payroll-rows.ts';

if (parentPort) {
  serveWorkerJobs<readonly PayrollJobRow[], ChunkResult>(
    parentPort,
    createPayrollIssuer(workerData as PayrollSetup),
  );
}
