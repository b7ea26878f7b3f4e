/**
 * A text file a command is given, with a size cap, every problem a one-line CommandFailure that
 * names the file (inputs.ts re-exports it). A module of its own, without the parsers of inputs.ts,
 * so that a payroll batch reads its CSV before it loads them (issue 12).
 */
import { bytesToUtf8 } from '../../core/encoding/utf8.ts';
import { readBoundedFile } from '../../platform/node/files.ts';
import { CommandFailure } from '../command.ts';

/** Key files, JWKs and claims are small; status lists of 10 M entries compress to well under this. */
export const MAX_JSON_FILE_BYTES = 4 * 1024 * 1024;

export async function readTextFile(
  path: string,
  what: string,
  maxBytes = MAX_JSON_FILE_BYTES,
): Promise<string> {
  const bytes = await readBoundedFile(path, maxBytes);
  if (!bytes.ok) throw new CommandFailure(`${what}: ${bytes.detail.message}`);
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) throw new CommandFailure(`${what}: ${path} is not UTF-8 text`);
  return text.value.replace(/^\uFEFF/, '');
}
