/**
 * The vault end to end on its real platform: core vault + WebCrypto + hash-wasm (real Argon2id at
 * 64 MiB, real PBKDF2 at 600,000 iterations for the legacy format) + IndexedDB (fake-indexeddb).
 * Derivations are the slow part (≈ 0.3–0.5 s each here): one vault is created per describe and
 * reused.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createVault,
  eraseVault,
  MIN_PBKDF2_ITERATIONS,
  readVaultStatus,
  unlockVault,
  VaultLockedError,
  type UnlockedVault,
  type VaultDeps,
  type VaultMeta,
  type VaultStorage,
} from '../../core/vault/index.ts';
import { webCryptoVaultCrypto } from '../crypto/index.ts';
import { openIdbVaultStorage } from './vault-storage.idb.ts';

const PASSCODE = '482916';
const NEXT_PASSCODE = 'a longer passphrase, 2025';
const SECRET = Uint8Array.from({ length: 64 }, (_, i) => (i * 53 + 7) & 0xff);
const MARKER = 'PLAINTEXT-MARKER Aïcha de Vries J92.0';
const credentialSchema = z.object({ holder: z.string(), netCents: z.number() });
const CREDENTIAL = { holder: MARKER, netCents: 231_450 };

let counter = 0;
function freshDeps(): VaultDeps & { name: string } {
  const name = `vouch-test-vault-${++counter}`;
  return { name, storage: openIdbVaultStorage({ name }), crypto: webCryptoVaultCrypto() };
}

interface Dump {
  meta: Array<[IDBValidKey, unknown]>;
  records: Array<[IDBValidKey, unknown]>;
}

/** Everything in the database, read with a separate raw connection. */
async function dump(name: string): Promise<Dump> {
  const db = await openDB(name);
  try {
    const read = async (store: 'meta' | 'records') => {
      const tx = db.transaction(store);
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.map((key, i): [IDBValidKey, unknown] => [key, values[i]]);
    };
    return { meta: await read('meta'), records: await read('records') };
  } finally {
    db.close();
  }
}

/** Overwrite raw values in the database, as an attacker with the profile (or a bug) could. */
async function tamper(
  name: string,
  edit: (db: Awaited<ReturnType<typeof openDB>>) => Promise<void>,
) {
  const db = await openDB(name);
  try {
    await edit(db);
  } finally {
    db.close();
  }
}

function leaves(value: unknown, out: Array<Uint8Array | string> = []): Array<Uint8Array | string> {
  if (value instanceof Uint8Array || typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
  return out;
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

async function mustCreate(deps: VaultDeps): Promise<UnlockedVault> {
  const result = await createVault(deps, { passcode: PASSCODE, secret: SECRET });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('vault on WebCrypto + IndexedDB', () => {
  const deps = freshDeps();
  let vault: UnlockedVault;

  beforeAll(async () => {
    vault = await mustCreate(deps);
    await vault.writeRecords([
      { id: 'credential:a', value: CREDENTIAL },
      { id: 'credential:b', value: { holder: 'B', netCents: 1 } },
      { id: 'history:1', value: { holder: 'H', netCents: 0 } },
    ]);
  });

  it('Given a created vault, when unlocked with the right passcode, then the secret and records read back', async () => {
    expect(await readVaultStatus(deps)).toEqual({ ok: true, value: 'locked' });
    const result = await unlockVault(deps, PASSCODE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await result.value.withSecret((s) => s.slice())).toEqual(SECRET);
    expect(await result.value.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
    expect(await result.value.listRecordIds('credential:')).toEqual([
      'credential:a',
      'credential:b',
    ]);
    result.value.lock();
    await expect(result.value.readRecord('credential:a', credentialSchema)).rejects.toThrow(
      VaultLockedError,
    );
  });

  it('Given a wrong passcode, when unlocking, then it fails with wrong-passcode and the database is byte-for-byte unchanged', async () => {
    const before = await dump(deps.name);
    expect(await unlockVault(deps, '000000')).toEqual({ ok: false, reason: 'wrong-passcode' });
    expect(await dump(deps.name)).toEqual(before);
  });

  it('Given the stored database, when every stored byte and string is scanned, then neither the secret nor a record value appears', async () => {
    const stored = await dump(deps.name);
    const all = leaves(stored);
    expect(all.length).toBeGreaterThan(10);
    const textNeedles = [MARKER, 'Vries', '231450'];
    const byteNeedles = [
      SECRET.subarray(0, 12),
      SECRET.subarray(50, 62),
      ...textNeedles.map((t) => new TextEncoder().encode(t)),
    ];
    for (const leaf of all) {
      if (typeof leaf === 'string') for (const t of textNeedles) expect(leaf).not.toContain(t);
      else for (const b of byteNeedles) expect(containsBytes(leaf, b)).toBe(false);
    }
    // What is in clear is only the header: format, createdAt, KDF parameters, the wrapped key, and whether the passcode is digits.
    const meta = stored.meta[0]?.[1] as VaultMeta;
    expect(Object.keys(meta).sort()).toEqual([
      'createdAt',
      'format',
      'kdf',
      'passcodeKind',
      'wrappedDataKey',
    ]);
    expect(meta).toMatchObject({
      format: 2,
      kdf: { name: 'Argon2id', version: 19, iterations: 2, parallelism: 1 },
    });
    if (meta.kdf.name !== 'Argon2id') return;
    expect(meta.kdf.memoryKiB).toBeGreaterThanOrEqual(65_536);
    expect(meta.kdf.salt).toBeInstanceOf(Uint8Array);
  });

  it('Given an existing vault, when another is created, then it is refused with exists', async () => {
    expect(await createVault(deps, { passcode: 'x', secret: Uint8Array.of(1) })).toEqual({
      ok: false,
      reason: 'exists',
    });
  });

  it('Given a flipped bit in a stored record, when read, then it is corrupt', async () => {
    await tamper(deps.name, async (db) => {
      const r = await db.get('records', 'credential:b');
      r.sealed.ciphertext[0] ^= 1;
      await db.put('records', r);
    });
    expect(await vault.readRecord('credential:b', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('Given two records whose ciphertexts were swapped in the database, when read, then both are corrupt', async () => {
    await vault.writeRecords([
      { id: 'swap:1', value: { holder: 'one', netCents: 1 } },
      { id: 'swap:2', value: { holder: 'two', netCents: 2 } },
    ]);
    await tamper(deps.name, async (db) => {
      const [one, two] = await Promise.all([
        db.get('records', 'swap:1'),
        db.get('records', 'swap:2'),
      ]);
      await db.put('records', { id: 'swap:1', sealed: two.sealed });
      await db.put('records', { id: 'swap:2', sealed: one.sealed });
    });
    expect(await vault.readRecord('swap:1', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(await vault.readRecord('swap:2', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('Given a commit that fails halfway in IndexedDB, when records are written, then the old state remains', async () => {
    const uncloneable = {
      put: { id: 'zz:poison', sealed: { iv: new Uint8Array(12), ciphertext: () => 0 } },
    } as never;
    const poisoned: VaultStorage = {
      ...deps.storage,
      commit: (writes, meta) => deps.storage.commit([...writes, uncloneable], meta),
    };
    const unlocked = await unlockVault({ ...deps, storage: poisoned }, PASSCODE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    const before = await dump(deps.name);
    await expect(
      unlocked.value.writeRecords([
        { delete: 'credential:a' },
        { id: 'credential:c', value: CREDENTIAL },
      ]),
    ).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await dump(deps.name)).toEqual(before);
    expect(await vault.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
  });
});

describe('changePasscode on WebCrypto + IndexedDB', () => {
  const deps = freshDeps();

  it('Given an unlocked vault, when the passcode is changed, then only the header changes: the old passcode fails, the new one opens the same records', async () => {
    const vault = await mustCreate(deps);
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    const before = await dump(deps.name);

    expect(await vault.changePasscode('999999', NEXT_PASSCODE)).toEqual({
      ok: false,
      reason: 'wrong-passcode',
    });
    expect(await dump(deps.name)).toEqual(before);

    expect(await vault.changePasscode(PASSCODE, NEXT_PASSCODE)).toEqual({
      ok: true,
      value: undefined,
    });
    const after = await dump(deps.name);
    expect(after.records).toEqual(before.records);
    expect(after.meta).not.toEqual(before.meta);

    expect(await unlockVault(deps, PASSCODE)).toEqual({ ok: false, reason: 'wrong-passcode' });
    const reopened = await unlockVault(deps, NEXT_PASSCODE);
    if (!reopened.ok) throw new Error(reopened.reason);
    expect(await reopened.value.withSecret((s) => s.slice())).toEqual(SECRET);
    expect(await reopened.value.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
  });
});

describe('migration of a PBKDF2 vault on WebCrypto + IndexedDB', () => {
  const deps = freshDeps();

  beforeAll(async () => {
    // A vault as the previous release wrote it: format 1, PBKDF2-SHA256 × 600,000.
    const legacy = await createVault(deps, {
      passcode: PASSCODE,
      secret: SECRET,
      kdf: { name: 'PBKDF2', iterations: MIN_PBKDF2_ITERATIONS },
    });
    if (!legacy.ok) throw new Error(legacy.reason);
    await legacy.value.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    legacy.value.lock();
  });

  it('Given a format-1 vault, when unlocked with a wrong passcode, then nothing migrates: the database is byte-for-byte unchanged', async () => {
    const before = await dump(deps.name);
    expect((before.meta[0]?.[1] as VaultMeta).format).toBe(1);
    expect(await unlockVault(deps, '000000')).toEqual({ ok: false, reason: 'wrong-passcode' });
    expect(await dump(deps.name)).toEqual(before);
  });

  it('Given a format-1 vault, when unlocked with the right passcode, then its header is re-wrapped under Argon2id (64 MiB), records untouched, and it opens again', async () => {
    const before = await dump(deps.name);
    const unlocked = await unlockVault(deps, PASSCODE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    const after = await dump(deps.name);
    expect(after.records).toEqual(before.records);
    const meta = after.meta[0]?.[1] as VaultMeta;
    expect(meta.format).toBe(2);
    expect(meta.kdf).toMatchObject({ name: 'Argon2id', version: 19 });
    if (meta.kdf.name === 'Argon2id') expect(meta.kdf.memoryKiB).toBeGreaterThanOrEqual(65_536);
    expect(await unlocked.value.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
    const again = await unlockVault(deps, PASSCODE);
    if (!again.ok) throw new Error(again.reason);
    expect(await again.value.withSecret((s) => s.slice())).toEqual(SECRET);
  });
});

describe('lifecycle on WebCrypto + IndexedDB', () => {
  it.each([
    ['PBKDF2 below 600,000 iterations', { name: 'PBKDF2', iterations: 100_000 }],
    ['Argon2id at 32 MiB', { name: 'Argon2id', memoryKiB: 32_768, iterations: 3, parallelism: 1 }],
  ] as const)(
    'Given %s, when creating, then it is refused with weak-kdf before the database is even opened',
    async (_, kdf) => {
      const deps = freshDeps();
      expect(await createVault(deps, { passcode: PASSCODE, secret: SECRET, kdf })).toEqual({
        ok: false,
        reason: 'weak-kdf',
      });
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(deps.name);
    },
  );

  it.each([
    ['a foreign object', { hello: 'world' }],
    [
      'an old-style header with base64 text',
      {
        format: 1,
        createdAt: 'x',
        kdf: {
          name: 'PBKDF2',
          hash: 'SHA-256',
          iterations: 600000,
          salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
        },
        wrappedDataKey: { iv: 'AAAA', ciphertext: 'AAAA' },
      },
    ],
    [
      'too few iterations',
      {
        format: 1,
        createdAt: 'x',
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: new Uint8Array(16) },
        wrappedDataKey: { iv: new Uint8Array(12), ciphertext: new Uint8Array(48) },
      },
    ],
    [
      'Argon2id at 1 MiB (a downgraded header)',
      {
        format: 2,
        createdAt: 'x',
        kdf: {
          name: 'Argon2id',
          version: 19,
          memoryKiB: 1024,
          iterations: 2,
          parallelism: 1,
          salt: new Uint8Array(16),
        },
        wrappedDataKey: { iv: new Uint8Array(12), ciphertext: new Uint8Array(48) },
      },
    ],
    [
      'an unknown KDF',
      {
        format: 2,
        createdAt: 'x',
        kdf: { name: 'scrypt', N: 2 ** 20, r: 8, p: 1, salt: new Uint8Array(16) },
        wrappedDataKey: { iv: new Uint8Array(12), ciphertext: new Uint8Array(48) },
      },
    ],
  ])(
    'Given a database holding %s as meta, when unlocking, then it is corrupt, not a crash',
    async (_, meta) => {
      const deps = freshDeps();
      await deps.storage.readMeta(); // creates the schema
      await tamper(deps.name, async (db) => {
        await db.put('meta', meta, 'vault');
      });
      expect(await readVaultStatus(deps)).toEqual({ ok: false, reason: 'corrupt' });
      expect(await unlockVault(deps, PASSCODE)).toEqual({ ok: false, reason: 'corrupt' });
      await eraseVault(deps);
    },
  );

  it('Given a vault, when erased, then the database is gone and the status is empty', async () => {
    const deps = freshDeps();
    const vault = await mustCreate(deps);
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    await eraseVault(deps);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(deps.name);
    expect(await readVaultStatus(deps)).toEqual({ ok: true, value: 'empty' });
    expect(await unlockVault(deps, PASSCODE)).toEqual({ ok: false, reason: 'no-vault' });
    await eraseVault(deps);
  });
});
