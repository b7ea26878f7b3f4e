/**
 * Reading the files a command is given (issuer key file, JWKs, claims, status lists), each with a
 * size cap, and turning every problem into a one-line CommandFailure that names the file.
 */
import { parseIssuerKeyFile, parsePublicJwk } from '../../core/jose/index.ts';
import type { IssuerKeyFile, PublicJwk } from '../../core/jose/index.ts';
import { parseStatusListFile } from '../../core/status-list/index.ts';
import type { StatusListFile } from '../../core/status-list/index.ts';
import { nodeDerivePublicJwk } from '../../platform/node/derive-public-jwk.ts';
import { CommandFailure } from '../command.ts';
import { readTextFile } from './text-file.ts';

export { MAX_JSON_FILE_BYTES, readTextFile } from './text-file.ts';

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = await readTextFile(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CommandFailure(`${what}: ${path} is not JSON`);
  }
}

export async function readIssuerFile(path: string): Promise<IssuerKeyFile> {
  const parsed = parseIssuerKeyFile(await readJsonFile(path, '--issuer'), {
    derivePublicJwk: nodeDerivePublicJwk,
  });
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
