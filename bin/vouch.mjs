#!/usr/bin/env node
// The `vouch` command (package.json "bin"). It runs the built CLI, dist-node/cli/main.js (built by
// `npm install`'s prepare step or `npm run build:node`): no TypeScript is compiled at run time.
// Only when that build is missing (an install without devDependencies, where esbuild is absent)
// does it load the TypeScript sources through tsx instead. Whatever happens, the user sees at most
// one line on stderr.
import { existsSync } from 'node:fs';

const internalError = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vouch: internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
  process.exitCode = 1;
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

try {
  const built = new URL('../dist-node/cli/main.js', import.meta.url);
  let main;
  if (existsSync(built)) {
    ({ main } = await import(built.href));
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
  }
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  internalError(error);
}
