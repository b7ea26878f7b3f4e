/**
 * The files `vouch serve` keeps in `--data <dir>` (docs/server.md "The data directory"):
 *   pgdata/        the embedded PGlite database (absent with --database)
 *   issuer.json    the issuer key, made at first start when --issuer is not given (0600)
 *   verifier.json  the verifier key, made at first start when --verifier is not given (0600)
 *   admin-token    the admin bearer token, made at first start without VOUCH_ADMIN_TOKEN (0600)
 *   pgdata.lock    the pid of the process using pgdata/ (PGlite allows one process), while it runs
 *
 * Files are created atomically and only if absent (temp file + link), so two processes starting
 * on one directory agree on one key. Messages name files, never their contents.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeBase64Url } from '../core/encoding/base64url.ts';
import { createIssuerKeyFile, issuerSigner, parseIssuerKeyFile } from '../core/jose/index.ts';
import { importEncryptedKeyFile, KEY_FILE_FORMAT } from '../core/issuer/key-file-export.ts';
import { webCryptoVaultCrypto } from '../platform/crypto/webcrypto-vault-crypto.ts';
import type { IssuerKeyFile, JwsCrypto } from '../core/jose/index.ts';
import { readBoundedFile } from '../platform/node/files.ts';
import type { SigningKey } from './context.ts';

/** A problem with the data directory or a key file: the message is safe to print. */
export class ServerSetupError extends Error {
  override readonly name = 'ServerSetupError';
}

const MAX_KEY_FILE_BYTES = 64 * 1024;
const MIN_ADMIN_TOKEN_LENGTH = 16;

/** Creates `path` with `data` (mode 0600) unless it exists; true when this call created it. */
export async function createFileOnce(path: string, data: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.${basename(path)}.${nodeRandomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, data, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(temp, 0o600);
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** A small text file (≤ 64 KiB) `what` names, or undefined when absent; other failures throw. */
export async function readSetupFile(path: string, what: string): Promise<string | undefined> {
  const read = await readBoundedFile(path, MAX_KEY_FILE_BYTES);
  if (read.ok) return new TextDecoder().decode(read.value);
  if (read.reason === 'not-found') return undefined;
  throw new ServerSetupError(`${what}: ${read.detail.message}`);
}

/**
 * A key file: the plain format of `vouch issuer new`, or the issuer desk's encrypted export
 * (Desk settings → Export the key file), opened with `passphrase` (VOUCH_KEY_PASSPHRASE), so a
 * server signs exactly as the desk does without a plain copy of the key on disk.
 */
export async function readKeyFile(
  path: string,
  what: string,
  passphrase?: string,
): Promise<IssuerKeyFile> {
  const text = await readSetupFile(path, what);
  if (text === undefined) throw new ServerSetupError(`${what}: ${path} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServerSetupError(`${what}: ${path} is not JSON`);
  }
  if (isEncryptedDeskExport(json)) {
    if (passphrase === undefined || passphrase === '') {
      throw new ServerSetupError(
        `${what}: ${path} is the desk's encrypted key file; set VOUCH_KEY_PASSPHRASE to its passphrase`,
      );
    }
    const opened = await importEncryptedKeyFile(
      { crypto: webCryptoVaultCrypto() },
      { text, passphrase },
    );
    if (!opened.ok) {
      throw new ServerSetupError(
        opened.reason === 'wrong-passphrase'
          ? `${what}: VOUCH_KEY_PASSPHRASE does not open ${path}`
          : `${what}: ${path} is not a usable desk key file`,
      );
    }
    return opened.value.keyFile;
  }
  const parsed = parseIssuerKeyFile(json);
  if (!parsed.ok) throw new ServerSetupError(`${what}: ${path}: ${parsed.detail.message}`);
  return parsed.value;
}

function isEncryptedDeskExport(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === KEY_FILE_FORMAT
  );
}

/** The key file at `path`, made (ES256) and kept if it does not exist yet. */
export async function loadOrCreateKeyFile(
  path: string,
  crypto: JwsCrypto,
  what: string,
): Promise<{ key: IssuerKeyFile; created: boolean }> {
  if ((await readSetupFile(path, what)) === undefined) {
    const key = await createIssuerKeyFile(crypto, 'ES256');
    const created = await createFileOnce(path, `${JSON.stringify(key, null, 2)}\n`);
    if (created) return { key, created };
  }
  return { key: await readKeyFile(path, what), created: false };
}

export function signingKeyOf(key: IssuerKeyFile, crypto: JwsCrypto): SigningKey {
  return { did: key.did, alg: key.alg, sign: issuerSigner(crypto, key) };
}

/**
 * The admin token: VOUCH_ADMIN_TOKEN when set, else `<data>/admin-token`, made at first start
 * from 32 random bytes (base64url). `created` says whether to print it (once, on stderr).
 */
export async function loadOrCreateAdminToken(opts: {
  dataDir: string;
  envToken: string | undefined;
  randomBytes: (length: number) => Uint8Array;
}): Promise<{ token: string; created: boolean; source: 'env' | 'file' }> {
  if (opts.envToken !== undefined && opts.envToken !== '') {
    if (
      opts.envToken.length < MIN_ADMIN_TOKEN_LENGTH ||
      !/^[A-Za-z0-9\-._~+/]+=*$/.test(opts.envToken)
    ) {
      throw new ServerSetupError(
        `VOUCH_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters of A–Z, a–z, 0–9, -._~+/`,
      );
    }
    return { token: opts.envToken, created: false, source: 'env' };
  }
  const path = join(opts.dataDir, 'admin-token');
  const existing = await readSetupFile(path, 'admin token');
  if (existing === undefined) {
    const token = encodeBase64Url(opts.randomBytes(32));
    if (await createFileOnce(path, `${token}\n`)) return { token, created: true, source: 'file' };
  }
  const token = ((await readSetupFile(path, 'admin token')) ?? '').trim();
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ServerSetupError(`admin token: ${path} holds no token; delete it to make a new one`);
  }
  return { token, created: false, source: 'file' };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `<data>/pgdata` for this process: PGlite's files must never be opened by two processes.
 * A lock left by a process that is gone is taken over (best effort: two starts taking over the
 * same stale lock in the same instant could both pass). Returns the release function.
 */
export async function lockPgliteData(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'pgdata.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await createFileOnce(path, `${process.pid}\n`)) {
      return () => unlink(path).catch(() => undefined);
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(holder) && holder > 0 && processAlive(holder)) {
      throw new ServerSetupError(
        `${dataDir} is in use by another vouch serve (pid ${holder}); the embedded database allows one process — use --database for several`,
      );
    }
    await unlink(path).catch(() => undefined); // stale: its process is gone
  }
  throw new ServerSetupError(`cannot lock ${path}`);
}
