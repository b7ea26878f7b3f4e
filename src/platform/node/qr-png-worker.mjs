// Worker entry for qr-png-pool.ts: lets this thread load TypeScript through tsx (as bin/vouch.mjs
// does for the main thread), then runs the worker's TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./qr-png-worker-body.ts');
