/**
 * TEST SUPPORT — runs the CLI in-process with captured output, for the CLI's tests. Not imported
 * by the CLI itself.
 */
import { expect } from 'vitest';
import type { CommandEntry } from './command.ts';
import { runCli } from './main.ts';

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCaptured(
  argv: readonly string[],
  commands?: readonly CommandEntry[],
): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
  };
  const code = await runCli([...argv], commands ? { io, commands } : { io });
  return { code, stdout, stderr };
}

/** `vouch: …` on one line, never a stack trace. */
export function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^vouch: [^\n]+\n$/);
  expect(stderr).not.toContain('    at ');
}
