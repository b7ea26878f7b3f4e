#!/usr/bin/env node
// The `vouch` command (package.json "bin"). It runs the built CLI, dist-node/cli/main.js (built by
// `npm install`'s prepare step or `npm run build:node`): no TypeScript is compiled at run time, and
// the CLI loads each command's code only when that command runs. Whatever happens, the user sees
// at most one line on stderr.
import { existsSync } from 'node:fs';

const internalError = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vouch: internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
  process.exitCode = 1;
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

const built = new URL('../dist-node/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'vouch: the CLI is not built (dist-node/cli/main.js is missing): run "npm run build:node"\n',
  );
  process.exitCode = 1;
} else {
  try {
    const { main } = await import(built.href);
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    internalError(error);
  }
}
