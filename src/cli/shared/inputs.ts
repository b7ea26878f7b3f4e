/**
 * Reading the files a command is given (issuer key file, JWKs, claims, status lists), each with a
 * size cap, and turning every problem into a one-line CommandFailure that names the file.
 */
import { parseIssuerKeyFile, parsePublicJwk } from '../../core/jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../../core/jose/index.ts';
import { parseStatusListFile } from '../../core/status-list/index.ts';
import type { StatusListFile } from '../../core/status-list/index.ts';
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

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = await readTextFile(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CommandFailure(`${what}: ${path} is not JSON`);
  }
}

export async function readIssuerFile(path: string): Promise<IssuerKeyFile> {
  const parsed = parseIssuerKeyFile(await readJsonFile(path, '--issuer'));
  if (!parsed.ok) throw new CommandFailure(`--issuer: ${path}: ${parsed.detail.message}`);
  return parsed.value;
}

export async function readPublicJwkFile(path: string, flag: string): Promise<PublicJwk> {
  const parsed = parsePublicJwk(await readJsonFile(path, flag));
  if (!parsed.ok) throw new CommandFailure(`${flag}: ${path}: ${parsed.detail.message}`);
  return parsed.value;
}

export async function readStatusListFile(path: string): Promise<StatusListFile> {
  const parsed = parseStatusListFile(await readJsonFile(path, '--list'));
  if (!parsed.ok) throw new CommandFailure(`status list ${path}: ${parsed.detail.message}`);
  return parsed.value;
}
