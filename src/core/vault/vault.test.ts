import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARGON2ID_DEFAULTS, MIN_ARGON2_MEMORY_KIB, MIN_PBKDF2_ITERATIONS } from './kdf-policy.ts';
import type { KdfChoice } from './passcode-wrap.ts';
import type {
  Argon2idParams,
  StorageWrite,
  VaultMeta,
  VaultMetaV2,
  VaultStorage,
} from './ports.ts';
import type { UnlockedVault } from './unlocked-vault.ts';
import { createFakeVaultCrypto, type FakeVaultCrypto } from './vault-crypto.fake.ts';
import type { VaultDeps } from './vault-deps.ts';
import { VaultLockedError } from './vault-errors.ts';
import { createMemoryVaultStorage, type MemoryVaultStorage } from './vault-storage.memory.ts';
import { checkVaultMeta } from './vault-meta.ts';
import {
  createVault,
  eraseVault,
  readVaultStatus,
  unlockVault,
  type CreateVaultOptions,
} from './vault.ts';
import { utf8ToBytes } from '../encoding/index.ts';

const PASSCODE = '482916';
const NEXT_PASSCODE = 'correct horse battery staple';
const SECRET = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
const FIXED_NOW = () => new Date('2025-01-02T03:04:05.000Z');

const credentialSchema = z.object({
  issuer: z.string(),
  claims: z.record(z.string(), z.unknown()),
});
const CREDENTIAL = { issuer: 'Employer BV', claims: { net: 231_450, name: 'Aïcha de Vries' } };

interface Setup {
  storage: MemoryVaultStorage;
  crypto: FakeVaultCrypto;
  deps: VaultDeps;
}

function setup(storage: MemoryVaultStorage = createMemoryVaultStorage()): Setup {
  const crypto = createFakeVaultCrypto();
  return { storage, crypto, deps: { storage, crypto, now: FIXED_NOW } };
}

async function created({ deps }: Setup, passcode = PASSCODE): Promise<UnlockedVault> {
  const result = await createVault(deps, { passcode, secret: SECRET });
  if (!result.ok) throw new Error(`createVault failed: ${result.reason}`);
  return result.value;
}

async function unlocked({ deps }: Setup, passcode = PASSCODE): Promise<UnlockedVault> {
  const result = await unlockVault(deps, passcode);
  if (!result.ok) throw new Error(`unlockVault failed: ${result.reason}`);
  return result.value;
}

async function readSecret(vault: UnlockedVault): Promise<Uint8Array> {
  return vault.withSecret((secret) => secret.slice());
}

/** Every byte array and string anywhere in the stored state. */
function storedLeaves(storage: MemoryVaultStorage): Array<Uint8Array | string> {
  const leaves: Array<Uint8Array | string> = [];
  const visit = (value: unknown): void => {
    if (value instanceof Uint8Array || typeof value === 'string') leaves.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  const { meta, records } = storage.snapshot();
  visit(meta);
  for (const [id, record] of records) {
    leaves.push(id);
    visit(record);
  }
  return leaves;
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

describe('readVaultStatus', () => {
  it('Given empty storage, when the status is read, then it is empty', async () => {
    expect(await readVaultStatus(setup().deps)).toEqual({ ok: true, value: 'empty' });
  });

  it('Given a created vault, when the status is read, then it is locked', async () => {
    const s = setup();
    await created(s);
    expect(await readVaultStatus(s.deps)).toEqual({ ok: true, value: 'locked' });
  });

  it('Given a malformed header, when the status is read, then it is corrupt', async () => {
    const s = setup(createMemoryVaultStorage({ meta: { format: 1 } }));
    expect(await readVaultStatus(s.deps)).toEqual({ ok: false, reason: 'corrupt' });
  });
});

describe('createVault', () => {
  it('Given empty storage, when a vault is created, then the secret and header are stored in one commit', async () => {
    const s = setup();
    let commits = 0;
    const commit = s.storage.commit.bind(s.storage);
    s.storage.commit = (writes, meta) => (commits++, commit(writes, meta));
    const vault = await created(s);
    expect(commits).toBe(1);
    expect(vault.locked).toBe(false);
    expect(await readSecret(vault)).toEqual(SECRET);
    const meta = s.storage.snapshot().meta as VaultMeta;
    expect(meta).toMatchObject({
      format: 2,
      createdAt: '2025-01-02T03:04:05.000Z',
      kdf: { name: 'Argon2id', version: 19, ...ARGON2ID_DEFAULTS },
    });
    expect(meta.kdf.salt.length).toBeGreaterThanOrEqual(16);
  });

  it('Given two vaults created with the same passcode, then their salts and wrapped keys differ', async () => {
    const [a, b] = [setup(), setup()];
    await created(a);
    await created(b);
    const [ma, mb] = [a.storage.snapshot().meta, b.storage.snapshot().meta] as VaultMeta[];
    expect(ma?.kdf.salt).not.toEqual(mb?.kdf.salt);
    expect(ma?.wrappedDataKey.ciphertext).not.toEqual(mb?.wrappedDataKey.ciphertext);
  });

  it('Given an existing vault, when another is created, then it is refused with exists and nothing changes', async () => {
    const s = setup();
    await created(s);
    const before = s.storage.snapshot();
    const result = await createVault(s.deps, { passcode: 'other', secret: Uint8Array.of(1) });
    expect(result).toEqual({ ok: false, reason: 'exists' });
    expect(s.storage.snapshot()).toEqual(before);
  });

  it('Given a corrupt header, when a vault is created, then it is refused with exists (erase first)', async () => {
    const s = setup(createMemoryVaultStorage({ meta: 'garbage' }));
    expect(await createVault(s.deps, { passcode: PASSCODE, secret: SECRET })).toEqual({
      ok: false,
      reason: 'exists',
    });
  });

  it('Given no KDF choice, when a vault is created, then the header is format 2 with Argon2id v1.3 at ≥ 64 MiB, t ≥ 2 and a 16-byte salt', async () => {
    const s = setup();
    await created(s);
    const meta = s.storage.snapshot().meta as VaultMeta;
    expect(meta.format).toBe(2);
    expect(meta.kdf).toMatchObject({
      name: 'Argon2id',
      version: 19,
      memoryKiB: ARGON2ID_DEFAULTS.memoryKiB,
      iterations: ARGON2ID_DEFAULTS.iterations,
      parallelism: ARGON2ID_DEFAULTS.parallelism,
    });
    if (meta.kdf.name !== 'Argon2id') throw new Error('not Argon2id');
    expect(meta.kdf.memoryKiB).toBeGreaterThanOrEqual(65_536);
    expect(meta.kdf.iterations).toBeGreaterThanOrEqual(2);
    expect(meta.kdf.salt).toHaveLength(16);
  });

  it.each([
    ['PBKDF2 below 600,000 iterations', { name: 'PBKDF2', iterations: MIN_PBKDF2_ITERATIONS - 1 }],
    [
      'Argon2id below 64 MiB',
      { name: 'Argon2id', memoryKiB: MIN_ARGON2_MEMORY_KIB - 1, iterations: 2, parallelism: 1 },
    ],
    [
      'Argon2id with one pass',
      { name: 'Argon2id', memoryKiB: 65_536, iterations: 1, parallelism: 1 },
    ],
    ['Argon2id at 19 MiB', { name: 'Argon2id', memoryKiB: 19_456, iterations: 2, parallelism: 1 }],
  ] as Array<[string, KdfChoice]>)(
    'Given %s, when a vault is created, then it is refused with weak-kdf and nothing is stored',
    async (_, kdf) => {
      const s = setup();
      const result = await createVault(s.deps, { passcode: PASSCODE, secret: SECRET, kdf });
      expect(result).toEqual({ ok: false, reason: 'weak-kdf' });
      expect(s.storage.snapshot().meta).toBeUndefined();
      expect(s.crypto.calls.derive).toBe(0);
    },
  );

  it('Given Argon2id parameters above the defaults, when a vault is created, then they are stored and it unlocks', async () => {
    const s = setup();
    const kdf = { name: 'Argon2id', memoryKiB: 131_072, iterations: 3, parallelism: 2 } as const;
    await createVault(s.deps, { passcode: PASSCODE, secret: SECRET, kdf });
    expect((s.storage.snapshot().meta as VaultMeta).kdf).toMatchObject(kdf);
    expect(await readSecret(await unlocked(s))).toEqual(SECRET);
  });

  it.each([
    ['an empty passcode', { passcode: '', secret: SECRET }],
    ['an empty secret', { passcode: PASSCODE, secret: new Uint8Array(0) }],
    [
      'fractional iterations',
      { passcode: PASSCODE, secret: SECRET, kdf: { name: 'PBKDF2', iterations: 600_000.5 } },
    ],
    [
      'memory above the ceiling',
      {
        passcode: PASSCODE,
        secret: SECRET,
        kdf: { name: 'Argon2id', memoryKiB: 2 ** 22, iterations: 2, parallelism: 1 },
      },
    ],
  ] as Array<[string, CreateVaultOptions]>)(
    'Given %s, when a vault is created, then it throws (a caller bug)',
    async (_, options) => {
      await expect(createVault(setup().deps, options)).rejects.toThrow(/expected/);
    },
  );

  it('Given records without a header (foreign data), when a vault is created, then they are removed', async () => {
    const s = setup(createMemoryVaultStorage({ records: [['old:1', { id: 'old:1' }]] }));
    const vault = await created(s);
    expect(await vault.listRecordIds('')).toEqual([]);
    expect([...s.storage.snapshot().records.keys()]).toEqual(['secret']);
  });

  it('Given a storage commit that fails, when a vault is created, then it rejects and storage stays empty', async () => {
    const s = setup();
    s.storage.commit = async () => {
      throw new Error('disk full');
    };
    await expect(created(s)).rejects.toThrow('disk full');
    expect(await readVaultStatus(s.deps)).toEqual({ ok: true, value: 'empty' });
  });
});

describe('unlockVault', () => {
  let s: Setup;
  beforeEach(async () => {
    s = setup();
    const vault = await created(s);
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    vault.lock();
  });

  it('Given the right passcode, when unlocking, then the secret and records read back', async () => {
    const vault = await unlocked(s);
    expect(await readSecret(vault)).toEqual(SECRET);
    expect(await vault.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
  });

  it('Given the passcode in another Unicode normalisation, when unlocking, then it opens', async () => {
    const t = setup();
    await created(t, 'caf\u00e9-2024');
    expect((await unlockVault(t.deps, 'cafe\u0301-2024')).ok).toBe(true);
  });

  it('Given a wrong passcode, when unlocking, then it fails with wrong-passcode and storage is unchanged', async () => {
    const before = s.storage.snapshot();
    expect(await unlockVault(s.deps, '000000')).toEqual({ ok: false, reason: 'wrong-passcode' });
    expect(await unlockVault(s.deps, '')).toEqual({ ok: false, reason: 'wrong-passcode' });
    expect(s.storage.snapshot()).toEqual(before);
  });

  it('Given empty storage, when unlocking, then it fails with no-vault', async () => {
    expect(await unlockVault(setup().deps, PASSCODE)).toEqual({ ok: false, reason: 'no-vault' });
  });

  it('Given a flipped bit in the wrapped data key, when unlocking, then it fails with wrong-passcode', async () => {
    const meta = s.storage.snapshot().meta as VaultMeta;
    meta.wrappedDataKey.ciphertext[0]! ^= 1;
    const t = setup(createMemoryVaultStorage({ meta, records: s.storage.snapshot().records }));
    expect(await unlockVault(t.deps, PASSCODE)).toEqual({ ok: false, reason: 'wrong-passcode' });
  });

  it.each([
    ['the passes raised', (kdf: Argon2idParams) => ({ ...kdf, iterations: kdf.iterations + 1 })],
    ['the memory raised', (kdf: Argon2idParams) => ({ ...kdf, memoryKiB: kdf.memoryKiB * 2 })],
    ['the lanes raised', (kdf: Argon2idParams) => ({ ...kdf, parallelism: 2 })],
  ])(
    'Given %s in the stored header, when unlocking, then the wrap no longer authenticates',
    async (_, edit) => {
      const meta = s.storage.snapshot().meta as VaultMetaV2;
      const edited = { ...meta, kdf: edit(meta.kdf) };
      const t = setup(
        createMemoryVaultStorage({ meta: edited, records: s.storage.snapshot().records }),
      );
      expect(await unlockVault(t.deps, PASSCODE)).toEqual({
        ok: false,
        reason: 'wrong-passcode',
      });
    },
  );

  it('Given a tampered secret record, when unlocking, then it fails with corrupt', async () => {
    const { meta, records } = s.storage.snapshot();
    const secret = records.get('secret') as { sealed: { ciphertext: Uint8Array } };
    secret.sealed.ciphertext[3]! ^= 0x80;
    const t = setup(createMemoryVaultStorage({ meta, records }));
    expect(await unlockVault(t.deps, PASSCODE)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('Given a header without its secret record, when unlocking, then it fails with corrupt', async () => {
    const t = setup(createMemoryVaultStorage({ meta: s.storage.snapshot().meta }));
    expect(await unlockVault(t.deps, PASSCODE)).toEqual({ ok: false, reason: 'corrupt' });
  });
});

describe('unlockVault on malformed, old or foreign headers', () => {
  const good = async (): Promise<{ meta: VaultMeta; records: ReadonlyMap<string, unknown> }> => {
    const s = setup();
    await created(s);
    const { meta, records } = s.storage.snapshot();
    return { meta: meta as VaultMeta, records };
  };
  type Edit = (meta: VaultMeta) => unknown;
  const cases: Array<[string, Edit]> = [
    ['null', () => null],
    ['a string', () => 'vouch'],
    ['an empty object', () => ({})],
    ['an array', () => []],
    ['a future format', (m) => ({ ...m, format: 3 })],
    ['format 1 holding Argon2id parameters', (m) => ({ ...m, format: 1 })],
    [
      'format 2 holding PBKDF2 parameters',
      (m) => ({
        ...m,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: m.kdf.salt },
      }),
    ],
    ['no createdAt', ({ createdAt: _, ...m }) => m],
    ['no kdf', ({ kdf: _, ...m }) => m],
    ['no wrapped key', ({ wrappedDataKey: _, ...m }) => m],
    ['another KDF', (m) => ({ ...m, kdf: { ...m.kdf, name: 'scrypt' } })],
    ['another Argon2 version', (m) => ({ ...m, kdf: { ...m.kdf, version: 16 } })],
    ['Argon2i instead of Argon2id', (m) => ({ ...m, kdf: { ...m.kdf, name: 'Argon2i' } })],
    ['one pass', (m) => ({ ...m, kdf: { ...m.kdf, iterations: 1 } })],
    ['1 MiB of memory', (m) => ({ ...m, kdf: { ...m.kdf, memoryKiB: 1024 } })],
    ['16 GiB of memory', (m) => ({ ...m, kdf: { ...m.kdf, memoryKiB: 2 ** 24 } })],
    ['no lanes', (m) => ({ ...m, kdf: { ...m.kdf, parallelism: 0 } })],
    ['a fractional memory size', (m) => ({ ...m, kdf: { ...m.kdf, memoryKiB: 65_536.5 } })],
    ['absurdly many iterations', (m) => ({ ...m, kdf: { ...m.kdf, iterations: 2 ** 31 } })],
    ['iterations as text', (m) => ({ ...m, kdf: { ...m.kdf, iterations: '600000' } })],
    ['a short salt', (m) => ({ ...m, kdf: { ...m.kdf, salt: new Uint8Array(8) } })],
    ['a salt as a number array', (m) => ({ ...m, kdf: { ...m.kdf, salt: [...m.kdf.salt] } })],
    [
      'a salt as base64 text',
      (m) => ({ ...m, kdf: { ...m.kdf, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' } }),
    ],
    [
      'an 8-byte IV',
      (m) => ({ ...m, wrappedDataKey: { ...m.wrappedDataKey, iv: new Uint8Array(8) } }),
    ],
    [
      'a truncated wrap',
      (m) => ({ ...m, wrappedDataKey: { ...m.wrappedDataKey, ciphertext: new Uint8Array(4) } }),
    ],
    [
      'a device wrap with a short PRF salt',
      (m) => ({
        ...m,
        device: {
          credentialId: new Uint8Array(32),
          prfSalt: new Uint8Array(8),
          wrappedDataKey: m.wrappedDataKey,
        },
      }),
    ],
  ];

  it.each(cases)(
    'Given a header with %s, when unlocking, then it is corrupt, not a crash',
    async (_, edit) => {
      const { meta, records } = await good();
      const s = setup(createMemoryVaultStorage({ meta: edit(meta), records }));
      expect(await unlockVault(s.deps, PASSCODE)).toEqual({ ok: false, reason: 'corrupt' });
      expect(await readVaultStatus(s.deps)).toEqual({ ok: false, reason: 'corrupt' });
      expect(s.crypto.calls.derive).toBe(0);
      const checked = checkVaultMeta(edit(meta));
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.detail).toMatch(/^vault header: "[\w.]+" /);
    },
  );

  it.each([
    [
      '1 MiB of memory',
      { memoryKiB: 1024 },
      /"kdf\.memoryKiB" expected an integer 65536–262144 KiB, got 1024/,
    ],
    ['one pass', { iterations: 1 }, /"kdf\.iterations" expected an integer 2–10, got 1/],
    ['another name', { name: 'scrypt' }, /"kdf\.name"/],
  ])(
    'Given a header with %s, when checked, then the reason names the field, what was found and what was expected',
    async (_, kdfEdit, reason) => {
      const { meta } = await good();
      const checked = checkVaultMeta({ ...meta, kdf: { ...meta.kdf, ...kdfEdit } });
      expect(checked).toEqual({
        ok: false,
        reason: 'corrupt',
        detail: expect.stringMatching(reason),
      });
    },
  );
});

describe('records', () => {
  let s: Setup;
  let vault: UnlockedVault;
  beforeEach(async () => {
    s = setup();
    vault = await created(s);
  });

  it('Given no record under an id, when it is read, then the value is undefined', async () => {
    expect(await vault.readRecord('credential:none', credentialSchema)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('Given puts and deletes in one call, when written, then they land in one commit', async () => {
    await vault.writeRecords([
      { id: 'credential:a', value: CREDENTIAL },
      { id: 'credential:b', value: CREDENTIAL },
      { id: 'history:1', value: { at: 1 } },
    ]);
    const writes: StorageWrite[][] = [];
    const commit = s.storage.commit.bind(s.storage);
    s.storage.commit = (w, m) => (writes.push([...w]), commit(w, m));
    await vault.writeRecords([{ delete: 'credential:a' }, { id: 'credential:c', value: 3 }]);
    expect(writes).toHaveLength(1);
    expect(await vault.listRecordIds('credential:')).toEqual(['credential:b', 'credential:c']);
    expect(await vault.listRecordIds('')).toEqual(['credential:b', 'credential:c', 'history:1']);
  });

  it('Given the same value written twice, then each write has a fresh IV and ciphertext', async () => {
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    const first = s.storage.snapshot().records.get('credential:a');
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    const second = s.storage.snapshot().records.get('credential:a');
    expect(second).not.toEqual(first);
  });

  it('Given a record that does not match the schema, when read, then it is corrupt', async () => {
    await vault.writeRecords([{ id: 'credential:a', value: { issuer: 42 } }]);
    expect(await vault.readRecord('credential:a', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('Given a flipped bit in a record ciphertext, when read, then it is corrupt', async () => {
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    const { meta, records } = s.storage.snapshot();
    (records.get('credential:a') as { sealed: { ciphertext: Uint8Array } }).sealed.ciphertext[0]! ^=
      1;
    await s.storage.erase();
    await s.storage.commit([{ put: records.get('credential:a') as never }], meta as VaultMeta);
    expect(await vault.readRecord('credential:a', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('Given two records whose ciphertexts were swapped, when read, then both are corrupt', async () => {
    await vault.writeRecords([
      { id: 'credential:a', value: CREDENTIAL },
      { id: 'credential:b', value: { ...CREDENTIAL, issuer: 'Other' } },
    ]);
    const { records } = s.storage.snapshot();
    const a = records.get('credential:a') as { sealed: unknown };
    const b = records.get('credential:b') as { sealed: unknown };
    await s.storage.commit([
      { put: { id: 'credential:a', sealed: b.sealed } as never },
      { put: { id: 'credential:b', sealed: a.sealed } as never },
    ]);
    for (const id of ['credential:a', 'credential:b']) {
      expect(await vault.readRecord(id, credentialSchema)).toEqual({
        ok: false,
        reason: 'corrupt',
      });
    }
  });

  it.each([
    ['not an object', 'x'],
    ['no sealed part', { id: 'credential:a' }],
    [
      'filed under another id',
      { id: 'credential:z', sealed: { iv: new Uint8Array(12), ciphertext: new Uint8Array(32) } },
    ],
    [
      'an IV that is a string',
      { id: 'credential:a', sealed: { iv: 'aaaa', ciphertext: new Uint8Array(32) } },
    ],
  ])('Given a stored record that is %s, when read, then it is corrupt', async (_, raw) => {
    const t = setup(
      createMemoryVaultStorage({
        ...s.storage.snapshot(),
        records: [...s.storage.snapshot().records, ['credential:a', raw]],
      }),
    );
    const v = await unlocked(t);
    expect(await v.readRecord('credential:a', credentialSchema)).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('Given the reserved secret id or an empty id, when used as a record id, then it throws', async () => {
    await expect(vault.readRecord('secret', z.unknown())).rejects.toThrow(RangeError);
    await expect(vault.writeRecords([{ id: 'secret', value: 1 }])).rejects.toThrow(RangeError);
    await expect(vault.writeRecords([{ delete: 'secret' }])).rejects.toThrow(RangeError);
    await expect(vault.writeRecords([{ id: '', value: 1 }])).rejects.toThrow(RangeError);
    expect(await readSecret(vault)).toEqual(SECRET);
  });

  it('Given a batch with one value that is not JSON, when written, then it throws and nothing lands', async () => {
    const before = s.storage.snapshot();
    await expect(
      vault.writeRecords([
        { id: 'credential:a', value: CREDENTIAL },
        { id: 'credential:b', value: undefined },
      ]),
    ).rejects.toThrow(TypeError);
    expect(s.storage.snapshot()).toEqual(before);
  });

  it('Given a storage commit that fails, when records are written, then the old state remains', async () => {
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    const before = s.storage.snapshot();
    const failing: VaultStorage = {
      ...s.storage,
      commit: async () => {
        throw new Error('QuotaExceededError');
      },
    };
    const t: Setup = { ...s, deps: { ...s.deps, storage: failing } };
    const v = await unlocked(t);
    await expect(
      v.writeRecords([{ delete: 'credential:a' }, { id: 'credential:b', value: 1 }]),
    ).rejects.toThrow('QuotaExceededError');
    expect(s.storage.snapshot()).toEqual(before);
    expect((await vault.readRecord('credential:a', credentialSchema)).ok).toBe(true);
  });

  it('Given records and the secret are stored, when every stored byte and string is scanned, then no plaintext appears', async () => {
    const marker = 'PLAINTEXT-MARKER-asbestosis-J92.0';
    await vault.writeRecords([{ id: 'credential:a', value: { ...CREDENTIAL, note: marker } }]);
    const needles = [
      SECRET.subarray(0, 16),
      SECRET.subarray(40, 56),
      utf8ToBytes(marker),
      utf8ToBytes('Employer BV'),
    ];
    for (const leaf of storedLeaves(s.storage)) {
      if (typeof leaf === 'string') {
        expect(leaf).not.toContain(marker);
        expect(leaf).not.toContain('Employer BV');
      } else {
        for (const needle of needles) expect(containsBytes(leaf, needle)).toBe(false);
      }
    }
  });
});

describe('withSecret', () => {
  it('Given an unlocked vault, when the secret is used, then the copy handed out is wiped afterwards', async () => {
    const vault = await created(setup());
    let seen: Uint8Array | undefined;
    const length = await vault.withSecret((secret) => {
      seen = secret;
      expect(secret).toEqual(SECRET);
      return secret.length;
    });
    expect(length).toBe(64);
    expect(seen?.every((b) => b === 0)).toBe(true);
  });

  it('Given a callback that throws, when the secret is used, then the copy is wiped and the error propagates', async () => {
    const vault = await created(setup());
    let seen: Uint8Array | undefined;
    await expect(
      vault.withSecret(async (secret) => {
        seen = secret;
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect(seen?.every((b) => b === 0)).toBe(true);
  });
});

describe('changePasscode', () => {
  let s: Setup;
  let vault: UnlockedVault;
  beforeEach(async () => {
    s = setup();
    vault = await created(s);
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
  });

  it('Given the right current passcode, when it is changed, then only the header changes and the new passcode opens the same data', async () => {
    const before = s.storage.snapshot();
    const encryptsBefore = s.crypto.calls.encrypt;
    expect(await vault.changePasscode(PASSCODE, NEXT_PASSCODE)).toEqual({
      ok: true,
      value: undefined,
    });
    const after = s.storage.snapshot();
    expect(after.records).toEqual(before.records);
    expect(s.crypto.calls.encrypt).toBe(encryptsBefore);
    const [m0, m1] = [before.meta, after.meta] as VaultMeta[];
    expect(m1?.createdAt).toBe(m0?.createdAt);
    expect(m1?.kdf.salt).not.toEqual(m0?.kdf.salt);
    expect(m1?.wrappedDataKey).not.toEqual(m0?.wrappedDataKey);

    expect(await unlockVault(s.deps, PASSCODE)).toEqual({ ok: false, reason: 'wrong-passcode' });
    const reopened = await unlocked(s, NEXT_PASSCODE);
    expect(await readSecret(reopened)).toEqual(SECRET);
    expect(await reopened.readRecord('credential:a', credentialSchema)).toEqual({
      ok: true,
      value: CREDENTIAL,
    });
    // The session that changed it keeps working, and can change it again.
    expect((await vault.readRecord('credential:a', credentialSchema)).ok).toBe(true);
    expect((await vault.changePasscode(NEXT_PASSCODE, PASSCODE)).ok).toBe(true);
    expect((await unlockVault(s.deps, PASSCODE)).ok).toBe(true);
  });

  it('Given a wrong current passcode, when it is changed, then it fails with wrong-passcode, storage is unchanged and the next passcode is not derived', async () => {
    const before = s.storage.snapshot();
    const derives = s.crypto.calls.derive;
    expect(await vault.changePasscode('111111', NEXT_PASSCODE)).toEqual({
      ok: false,
      reason: 'wrong-passcode',
    });
    expect(await vault.changePasscode('', NEXT_PASSCODE)).toEqual({
      ok: false,
      reason: 'wrong-passcode',
    });
    expect(s.crypto.calls.derive).toBe(derives + 1);
    expect(s.storage.snapshot()).toEqual(before);
    expect((await unlockVault(s.deps, PASSCODE)).ok).toBe(true);
  });

  it('Given an empty next passcode, when it is changed, then it throws (a caller bug)', async () => {
    await expect(vault.changePasscode(PASSCODE, '')).rejects.toThrow(TypeError);
  });
});

describe('lock', () => {
  it('Given a locked vault, when any operation is used, then it throws VaultLockedError', async () => {
    const vault = await created(setup());
    vault.lock();
    expect(vault.locked).toBe(true);
    await expect(vault.withSecret(() => 1)).rejects.toThrow(VaultLockedError);
    await expect(vault.readRecord('credential:a', z.unknown())).rejects.toThrow(VaultLockedError);
    await expect(vault.writeRecords([])).rejects.toThrow(VaultLockedError);
    await expect(vault.listRecordIds('')).rejects.toThrow(VaultLockedError);
    await expect(vault.changePasscode(PASSCODE, NEXT_PASSCODE)).rejects.toThrow(VaultLockedError);
    vault.lock(); // idempotent
    expect(vault.locked).toBe(true);
  });
});

describe('eraseVault', () => {
  it('Given a vault with records, when erased, then storage is empty and a new vault can be created', async () => {
    const s = setup();
    const vault = await created(s);
    await vault.writeRecords([{ id: 'credential:a', value: CREDENTIAL }]);
    await eraseVault(s.deps);
    expect(s.storage.snapshot()).toEqual({ meta: undefined, records: new Map() });
    expect(await readVaultStatus(s.deps)).toEqual({ ok: true, value: 'empty' });
    expect(await unlockVault(s.deps, PASSCODE)).toEqual({ ok: false, reason: 'no-vault' });
    expect((await createVault(s.deps, { passcode: PASSCODE, secret: SECRET })).ok).toBe(true);
  });
});
