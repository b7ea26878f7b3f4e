/**
 * The backup with the real crypto (WebCrypto AES-GCM, noble HKDF, fflate): the test vector of
 * docs/backup.md, read back by an independent reader (node:crypto and node:zlib, following the
 * documented layout only), and 10,000 credentials round-tripping between two real vaults.
 */
import { createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importWalletBackup, makeWalletBackup, writeBackup } from '../../core/backup/index.ts';
import { fillWallet } from '../../core/backup/fill-wallet.test-support.ts';
import { listCredentialSummaries, listCredentials, listHistory } from '../../core/holder/index.ts';
import { createHolderWallet, DEFAULT_SETTINGS } from '../../core/holder/holder-wallet.ts';
import { encodeWalletSecret } from '../../core/holder/wallet-secret.ts';
import { deriveBackupKey } from '../../core/backup/backup-key.ts';
import { mnemonicToSeed } from '../../core/keys/index.ts';
import { createMemoryVaultStorage, createVault } from '../../core/vault/index.ts';
import { createFakeVaultCrypto } from '../../core/vault/vault-crypto.fake.ts';
import { webCryptoVaultCrypto } from './webcrypto-vault-crypto.ts';

const WORDS = `${'abandon '.repeat(23)}art`;
const VECTOR_TIME = new Date('2026-12-01T00:00:00.000Z');
/** HKDF-SHA256(seed of the words, salt "", info "vouch/backup/v1", 32) (docs/backup.md). */
const VECTOR_KEY = 'aa35b52089abddd8137c0c1c879826c71c3a27e1add86910d9d5686200627aa2';
/** SHA-256 of the vector file (docs/backup.md §Test vector). */
const VECTOR_SHA256 = '01463ab054d2650626dea0c42447864d8aba0a48cb146f1cbdcd3300f96f1b16';

/** WebCrypto whose "random" IVs are fixed: the n-th call (from 0) fills its bytes with n. */
function fixedIvCrypto() {
  let calls = 0;
  const subtle = globalThis.crypto.subtle;
  const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    if (array) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(calls++);
    return array;
  };
  return webCryptoVaultCrypto({ crypto: { subtle, getRandomValues } as unknown as Crypto });
}

const VECTOR_RECORDS = [
  {
    id: 'credential:00000000000000000000000000000001',
    value: { typeId: 'diploma', claims: { degree: 'MSc' } },
  },
  { id: 'history:20261130120000000-00000000', value: { at: '2026-11-30T12:00:00.000Z' } },
  { id: 'settings', value: { autoLockMinutes: 5 } },
];

async function vectorFile(): Promise<Uint8Array> {
  // The records sit in a vault (fake crypto: only the backup's crypto is under test here).
  const created = await createVault(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { passcode: 'vector passcode', secret: new Uint8Array([1]) },
  );
  if (!created.ok) throw new Error(created.reason);
  await created.value.writeRecords(VECTOR_RECORDS);
  const crypto = fixedIvCrypto();
  const key = await deriveBackupKey(crypto, await mnemonicToSeed(WORDS));
  const { parts } = await writeBackup({ vault: created.value, crypto, key, now: VECTOR_TIME });
  return Buffer.concat(parts);
}

describe('backup with the real crypto', () => {
  it('Given the fixed words, time and IVs of docs/backup.md, then the file has the documented SHA-256 and an independent reader opens it', async () => {
    const file = await vectorFile();
    expect(createHash('sha256').update(file).digest('hex')).toBe(VECTOR_SHA256);
    // The hex printed in docs/backup.md is this file.
    const doc = await readFile(new URL('../../../docs/backup.md', import.meta.url), 'utf8');
    const printed = /```\n(564f[0-9a-f\n]+)```/.exec(doc)?.[1]?.replace(/\s/g, '');
    expect(printed).toBe(Buffer.from(file).toString('hex'));

    // Independent reader: node:crypto HKDF and AES-256-GCM, node:zlib raw inflate, the layout as documented.
    const seed = await mnemonicToSeed(WORDS);
    const key = Buffer.from(hkdfSync('sha256', seed, new Uint8Array(0), 'vouch/backup/v1', 32));
    expect(key.toString('hex')).toBe(VECTOR_KEY);
    const buf = Buffer.from(file);
    expect(buf.subarray(0, 8).toString('ascii')).toBe('VOUCHBAK');
    expect(buf[8]).toBe(1);
    const labelLength = buf[9] as number;
    expect(buf.subarray(10, 10 + labelLength).toString('ascii')).toBe('vouch/backup/v1');
    expect(Number(buf.readBigUInt64BE(10 + labelLength))).toBe(VECTOR_TIME.getTime());
    const headerEnd = 10 + labelLength + 8 + 12 + 16;
    const check = createDecipheriv(
      'aes-256-gcm',
      key,
      buf.subarray(headerEnd - 28, headerEnd - 16),
    );
    check.setAAD(Buffer.from('vouch/backup/v1 key check'));
    check.setAuthTag(buf.subarray(headerEnd - 16, headerEnd));
    expect(Buffer.concat([check.update(Buffer.alloc(0)), check.final()])).toHaveLength(0);

    const flags = buf[headerEnd] as number;
    const length = buf.readUInt32BE(headerEnd + 1);
    const iv = buf.subarray(headerEnd + 5, headerEnd + 17);
    const body = buf.subarray(headerEnd + 17, headerEnd + 17 + length);
    expect(flags).toBe(1);
    expect(headerEnd + 17 + length).toBe(buf.length);
    const aad = Buffer.concat([buf.subarray(0, headerEnd), Buffer.from([0, 0, 0, 0, flags])]);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - 16));
    const compressed = Buffer.concat([
      decipher.update(body.subarray(0, body.length - 16)),
      decipher.final(),
    ]);
    const payload = JSON.parse(inflateRawSync(compressed).toString('utf8'));
    expect(payload).toEqual({ records: VECTOR_RECORDS });
  });

  it('Given a wallet of 10,000 credentials in a real vault, when its backup is restored into a fresh real vault of the same words, then it holds the same credentials, summaries and history', async () => {
    const crypto = webCryptoVaultCrypto();
    const make = async () => {
      const created = await createHolderWallet(
        { storage: createMemoryVaultStorage(), crypto },
        { mnemonic: WORDS, passcode: 'correct horse battery', origin: 'restored' },
      );
      if (!created.ok) throw new Error(created.reason);
      return created.value;
    };
    // The first wallet's vault without the summary index: filling it is set-up, not under test.
    const seed = await mnemonicToSeed(WORDS);
    const vault = await createVault(
      { storage: createMemoryVaultStorage(), crypto },
      { passcode: 'correct horse battery', secret: encodeWalletSecret(seed, WORDS) },
    );
    if (!vault.ok) throw new Error(vault.reason);
    const first = { vault: vault.value, profile: {} as never, settings: DEFAULT_SETTINGS };
    const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
    const written = await fillWallet(first, { credentials: 10_000, history: 50, randomBytes });
    const made = await makeWalletBackup(first, { crypto, now: new Date() });
    expect(made.records).toBe(10_000 + 50 + 3 + 2);
    expect(made.parts.length).toBeGreaterThan(10);
    const file = Buffer.concat(made.parts);

    const second = await make();
    const restored = await importWalletBackup(second, file, { crypto, prefer: 'backup' });
    expect(restored).toMatchObject({ ok: true, value: { added: 10_000 + 50 + 3 + 1 } });
    const byId = (a: unknown, b: unknown) =>
      String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
    const after = await listCredentials(second);
    expect(after).toHaveLength(10_000);
    expect([...after].sort(byId)).toEqual([...written].sort(byId));
    expect(await listHistory(second)).toEqual(await listHistory(first));
    expect(await listHistory(second)).toHaveLength(50);
    const summaries = await listCredentialSummaries(second);
    expect(summaries.length).toBe(10_000);
  }, 120_000);
});
