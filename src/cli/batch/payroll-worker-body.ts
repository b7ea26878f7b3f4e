/** A payroll worker thread (issue-batch.ts): issues the chunks of rows it is given. */
import { parentPort } from 'node:worker_threads';
import { serveWorkerJobs } from '../../platform/node/worker-pool.ts';
import { createPayrollIssuer } from './payroll-rows.ts';
import type { ChunkResult, PayrollJobRow, PayrollSetup } from './payroll-rows.ts';

if (parentPort) {
  // The batch's setup comes as the first message (the pool's configure), after the thread started.
  serveWorkerJobs<PayrollSetup, readonly PayrollJobRow[], ChunkResult>(
    parentPort,
    createPayrollIssuer,
  );
}
