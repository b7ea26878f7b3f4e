// The payroll worker when the CLI runs from its TypeScript sources (unit tests, benchmarks): this
// thread loads TypeScript through tsx, then runs the worker's body. The built CLI never loads this
// file: scripts/build-node.mjs bundles the body as dist-node/cli/payroll-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./payroll-worker-body.ts');
