#!/usr/bin/env node
// The `vouch` command (package.json "bin"). It lets Node load the TypeScript sources through tsx,
// then hands over to src/cli/main.ts. Whatever happens, the user sees at most one line on stderr.
import { register } from 'tsx/esm/api';

const internalError = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`vouch: internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
  process.exitCode = 1;
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

try {
  register();
  const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  internalError(error);
}
