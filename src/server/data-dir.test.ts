import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';
import { webCryptoVaultCrypto } from '../platform/crypto/webcrypto-vault-crypto.ts';
import { createIssuerKeyFile } from '../core/jose/index.ts';
import { exportEncryptedKeyFile } from '../core/issuer/key-file-export.ts';
import { spawnSync } from 'node:child_process';
import {
  createFileOnce,
  lockPgliteData,
  loadOrCreateAdminToken,
  loadOrCreateKeyFile,
  readKeyFile,
  ServerSetupError,
} from './data-dir.ts';

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-data-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('the data directory', () => {
  it('Given no key file, when loaded twice, then one key is made (0600) and kept', async () => {
    const path = join(dir, 'issuer.json');
    const first = await loadOrCreateKeyFile(path, crypto, '--issuer');
    expect(first.created).toBe(true);
    expect(first.key.did).toMatch(/^did:key:z/);
    expect(await mode(path)).toBe(0o600);
    const second = await loadOrCreateKeyFile(path, crypto, '--issuer');
    expect(second.created).toBe(false);
    expect(second.key.did).toBe(first.key.did);
  });

  it('Given two starts racing, when both create the same file, then exactly one wins and both read its content', async () => {
    const path = join(dir, 'nested', 'x');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createFileOnce(path, `content ${i}\n`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(`content ${results.indexOf(true)}\n`);
    expect(await mode(path)).toBe(0o600);
  });

  it('Given a broken key file, when read, then a ServerSetupError names the file and not its content', async () => {
    const path = join(dir, 'issuer.json');
    await writeFile(path, '{"did":"did:key:x","privateJwk":{"d":"SECRET-D-VALUE"}}');
    const error = await readKeyFile(path, '--issuer').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerSetupError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain('SECRET-D-VALUE');
    await writeFile(path, 'not json SECRET');
    const notJson = await readKeyFile(path, '--issuer').catch((caught: unknown) => caught);
    expect((notJson as Error).message).toBe(`--issuer: ${path} is not JSON`);
    await expect(readKeyFile(join(dir, 'absent.json'), '--issuer')).rejects.toThrow(
      'does not exist',
    );
    await writeFile(path, 'x'.repeat(70_000));
    await expect(readKeyFile(path, '--issuer')).rejects.toThrow(ServerSetupError);
  });

  it("Given the issuer desk's encrypted key file, when read with its passphrase, then it is the desk's key; without or with a wrong one, a ServerSetupError that echoes neither", async () => {
    const keyFile = await createIssuerKeyFile(crypto, 'ES256');
    const exported = await exportEncryptedKeyFile(
      { crypto: webCryptoVaultCrypto() },
      {
        keyFile,
        profile: { name: 'Acme BV', kind: 'employer', registration: 'KvK 12345678' },
        passphrase: 'correct horse battery',
      },
    );
    if (!exported.ok) throw new Error(exported.reason);
    const path = join(dir, 'desk-key.json');
    await writeFile(path, exported.value);
    expect(await readKeyFile(path, '--issuer', 'correct horse battery')).toEqual(keyFile);
    await expect(readKeyFile(path, '--issuer')).rejects.toThrow(
      'set VOUCH_KEY_PASSPHRASE to its passphrase',
    );
    const wrong = await readKeyFile(path, '--issuer', 'wrong horse battery').catch(
      (caught: unknown) => caught,
    );
    expect(wrong).toBeInstanceOf(ServerSetupError);
    expect((wrong as Error).message).toBe(`--issuer: VOUCH_KEY_PASSPHRASE does not open ${path}`);
  });

  it('Given no VOUCH_ADMIN_TOKEN, when started twice, then a 43-character token is made once (0600) and then reused', async () => {
    const first = await loadOrCreateAdminToken({ dataDir: dir, envToken: undefined, randomBytes });
    expect(first).toMatchObject({ created: true, source: 'file' });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await mode(join(dir, 'admin-token'))).toBe(0o600);
    const second = await loadOrCreateAdminToken({ dataDir: dir, envToken: '', randomBytes });
    expect(second).toEqual({ token: first.token, created: false, source: 'file' });
  });

  it('Given VOUCH_ADMIN_TOKEN, when started, then it is used and no file is made; a weak one is refused without echoing it', async () => {
    const env = 'env-token-0123456789-abcdefghij';
    expect(await loadOrCreateAdminToken({ dataDir: dir, envToken: env, randomBytes })).toEqual({
      token: env,
      created: false,
      source: 'env',
    });
    await expect(stat(join(dir, 'admin-token'))).rejects.toThrow();
    const weak = await loadOrCreateAdminToken({
      dataDir: dir,
      envToken: 'short pw',
      randomBytes,
    }).catch((caught: unknown) => caught);
    expect(weak).toBeInstanceOf(ServerSetupError);
    expect((weak as Error).message).not.toContain('short pw');
  });

  it('Given an empty admin-token file, when started, then it refuses and says what to do', async () => {
    await writeFile(join(dir, 'admin-token'), '\n');
    await expect(
      loadOrCreateAdminToken({ dataDir: dir, envToken: undefined, randomBytes }),
    ).rejects.toThrow('delete it to make a new one');
  });

  it('Given the embedded database in use, when another start locks it, then it is refused until released; a dead holder is taken over', async () => {
    const release = await lockPgliteData(dir);
    const refused = await lockPgliteData(dir).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(ServerSetupError);
    expect((refused as Error).message).toMatch(/in use by another vouch serve/);
    await release();
    const again = await lockPgliteData(dir);
    await again();

    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    await writeFile(join(dir, 'pgdata.lock'), `${gone}\n`);
    const takenOver = await lockPgliteData(dir);
    expect((await readFile(join(dir, 'pgdata.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await takenOver();
  });
});
