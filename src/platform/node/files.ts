/**
 * File IO for the CLI: bounded reads, atomic replacement (temp file + rename, so a crash leaves
 * the old file or the new one, never half), and create-only writes for secrets (mode 0600).
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { failedWith, ok } from '../../core/result.ts';
import type { Result } from '../../core/result.ts';

export type ReadProblem = 'not-found' | 'too-large' | 'unreadable';

/** Reads a whole file, refusing anything over `maxBytes` before reading it. */
export async function readBoundedFile(
  path: string,
  maxBytes: number,
): Promise<Result<Uint8Array, ReadProblem, { message: string }>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return failedWith('unreadable', { message: `${path} is not a file` });
    if (info.size > maxBytes) {
      return failedWith('too-large', {
        message: `${path} is ${info.size} bytes; at most ${maxBytes} are read`,
      });
    }
    return ok(new Uint8Array(await readFile(path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failedWith('not-found', { message: `${path} does not exist` });
    return failedWith('unreadable', { message: `cannot read ${path} (${code ?? 'error'})` });
  }
}

/** Replaces `path` atomically: writes a temp file beside it, then renames it over the target. */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  opts: { mode?: number } = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode: opts.mode ?? 0o644, flag: 'wx' });
    if (opts.mode !== undefined) await chmod(temp, opts.mode);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes a new file with `mode`; refuses to replace an existing one unless `force` (then the
 * replacement is atomic). Returns false when the file exists and `force` is not set.
 */
export async function writeNewFile(
  path: string,
  data: Uint8Array | string,
  opts: { mode: number; force?: boolean },
): Promise<boolean> {
  if (opts.force) {
    await writeFileAtomic(path, data, { mode: opts.mode });
    return true;
  }
  let handle;
  try {
    handle = await open(path, 'wx', opts.mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(data);
    await handle.chmod(opts.mode);
  } finally {
    await handle.close();
  }
  return true;
}
