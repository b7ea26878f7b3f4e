// The nonce store port (nonce-store.ts): both implementations spend a nonce exactly once, even
// when many consumers race for it.
import { describe, expect, it } from 'vitest';
import { createMemoryVaultStorage, createVault, type VaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryNonceStore, createMutex, mutexFor, type NonceStore } from './nonce-store.ts';
import { createVaultNonceStore } from './nonce-store.vault.ts';
import type { PendingRequest } from './pending-request.ts';

const NOW = new Date('2026-03-02T09:30:00Z');

function request(nonce: string, createdAt = NOW): PendingRequest {
  return {
    id: `id-${nonce}`,
    nonce,
    queryId: 'income-statement',
    typeId: 'income-statement',
    vct: 'urn:vouch:income-statement:1',
    required: ['period'],
    optional: [],
    purpose: 'Test',
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + 600_000).toISOString(),
  };
}

/** Memory storage that yields to other tasks before every read and every commit. */
function slowStorage(): VaultStorage {
  const inner = createMemoryVaultStorage();
  const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    readMeta: async () => (await yieldNow(), inner.readMeta()),
    readRecord: async (id) => (await yieldNow(), inner.readRecord(id)),
    listRecordIds: async (prefix) => (await yieldNow(), inner.listRecordIds(prefix)),
    commit: async (writes, meta) => (await yieldNow(), inner.commit(writes, meta)),
    erase: () => inner.erase(),
  };
}

async function vaultStore(): Promise<NonceStore> {
  const storage = slowStorage();
  const vault = await createVault(
    { storage, crypto: createFakeVaultCrypto() },
    { passcode: 'nonce store passcode', secret: new Uint8Array(32).fill(7) },
  );
  if (!vault.ok) throw new Error(vault.reason);
  return createVaultNonceStore(vault.value, { exclusive: mutexFor(storage) });
}

describe.each([
  ['memory', async () => createMemoryNonceStore()],
  ['vault (slow storage)', vaultStore],
])('NonceStore: %s', (_name, make) => {
  it('Given an issued nonce, when 20 consumers race for it, then exactly one gets true and it is used', async () => {
    const store = await make();
    await store.issue(request('n1'), NOW);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.consume('n1', NOW)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.lookup('n1')).toEqual({ state: 'used', usedAt: NOW.toISOString() });
    expect(await store.listPending()).toEqual([]);
  });

  it('Given a nonce never issued, when consumed, then false and it stays unknown', async () => {
    const store = await make();
    expect(await store.consume('never', NOW)).toBe(false);
    expect(await store.lookup('never')).toEqual({ state: 'unknown' });
  });

  it('Given two issued nonces, when both are consumed at once, then both succeed (one lock, no lost update)', async () => {
    const store = await make();
    await store.issue(request('a'), NOW);
    await store.issue(request('b'), NOW);
    expect(await Promise.all([store.consume('a', NOW), store.consume('b', NOW)])).toEqual([
      true,
      true,
    ]);
    expect(await store.lookup('a')).toMatchObject({ state: 'used' });
    expect(await store.lookup('b')).toMatchObject({ state: 'used' });
  });

  it('Given a cancelled request, when its nonce is consumed, then false', async () => {
    const store = await make();
    await store.issue(request('c'), NOW);
    await store.cancel('id-c');
    expect(await store.consume('c', NOW)).toBe(false);
  });
});

describe('createMutex', () => {
  it('Given a task that fails, when the next task runs, then the lock was released and tasks ran in order', async () => {
    const exclusive = createMutex();
    const order: string[] = [];
    const first = exclusive(async () => {
      order.push('first');
      throw new Error('boom');
    });
    const second = exclusive(async () => {
      order.push('second');
      return 2;
    });
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe(2);
    expect(order).toEqual(['first', 'second']);
  });
});
