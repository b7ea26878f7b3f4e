/** An open vault session: holds the (non-extractable) data key handle until lock(). */
import type { z } from 'zod';
import { failed, ok, type Result } from '../result.ts';
import { MIN_PBKDF2_ITERATIONS, SALT_BYTES } from './kdf-policy.ts';
import type { KdfParams, KeyHandle, StorageWrite, VaultCrypto, VaultMeta } from './ports.ts';
import { openBytes, openJson, sealJson } from './record-codec.ts';
import { assertRecordId, SECRET_RECORD_ID } from './record-id.ts';
import { assertPasscode, deriveKek } from './passcode.ts';
import { VaultCorruptError, VaultLockedError } from './vault-errors.ts';
import { keyWrapAad, VAULT_FORMAT } from './vault-meta.ts';
import type { VaultDeps } from './vault-deps.ts';

/** One change in writeRecords: put a JSON value under `id`, or delete a record. */
export type RecordWrite =
  { readonly id: string; readonly value: unknown } | { readonly delete: string };

export interface UnlockedVault {
  /** Decrypt the secret, hand a copy to `use`, and wipe that copy afterwards (also when `use` throws). */
  withSecret<T>(use: (secret: Uint8Array) => Promise<T> | T): Promise<T>;
  /** Read record `id`: undefined when absent, 'corrupt' when undecryptable or not matching `schema`. */
  readRecord<T>(id: string, schema: z.ZodType<T>): Promise<Result<T | undefined, 'corrupt'>>;
  /** Encrypt and store all `writes` in one storage transaction: all of them land or none. */
  writeRecords(writes: readonly RecordWrite[]): Promise<void>;
  /** Ids of the records whose id starts with `prefix` (the reserved secret record is never listed). */
  listRecordIds(prefix: string): Promise<string[]>;
  /** Check `current`, then re-wrap the same data key under `next` (new salt). Records are untouched. */
  changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>>;
  /** Forget the data key; every later call throws VaultLockedError. */
  lock(): void;
  readonly locked: boolean;
}

export function openUnlockedVault(options: {
  deps: VaultDeps;
  meta: VaultMeta;
  dataKey: KeyHandle;
}): UnlockedVault {
  return new VaultSession(options.deps, options.meta, options.dataKey);
}

class VaultSession implements UnlockedVault {
  readonly #deps: VaultDeps;
  #meta: VaultMeta;
  #dataKey: KeyHandle | null;

  constructor(deps: VaultDeps, meta: VaultMeta, dataKey: KeyHandle) {
    this.#deps = deps;
    this.#meta = meta;
    this.#dataKey = dataKey;
  }

  get locked(): boolean {
    return this.#dataKey === null;
  }

  lock(): void {
    this.#dataKey = null;
  }

  async withSecret<T>(use: (secret: Uint8Array) => Promise<T> | T): Promise<T> {
    const context = this.#context('withSecret');
    const raw = await this.#deps.storage.readRecord(SECRET_RECORD_ID);
    const opened = await openBytes(context, SECRET_RECORD_ID, raw);
    // unlockVault checked the secret, so this means storage changed under an open session
    // (another tab erased or replaced the wallet).
    if (!opened.ok || !opened.value) throw new VaultCorruptError(SECRET_RECORD_ID);
    const secret = opened.value;
    try {
      return await use(secret);
    } finally {
      secret.fill(0);
    }
  }

  async readRecord<T>(id: string, schema: z.ZodType<T>): Promise<Result<T | undefined, 'corrupt'>> {
    const context = this.#context('readRecord');
    assertRecordId(id);
    const raw = await this.#deps.storage.readRecord(id);
    return openJson(context, id, raw, schema);
  }

  async writeRecords(writes: readonly RecordWrite[]): Promise<void> {
    const context = this.#context('writeRecords');
    for (const write of writes) assertRecordId('delete' in write ? write.delete : write.id);
    const storageWrites: StorageWrite[] = [];
    for (const write of writes) {
      if ('delete' in write) storageWrites.push({ delete: write.delete });
      else storageWrites.push({ put: await sealJson(context, write.id, write.value) });
    }
    if (storageWrites.length > 0) await this.#deps.storage.commit(storageWrites);
  }

  async listRecordIds(prefix: string): Promise<string[]> {
    this.#context('listRecordIds');
    const ids = await this.#deps.storage.listRecordIds(prefix);
    return ids.filter((id) => id !== SECRET_RECORD_ID);
  }

  async changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>> {
    this.#context('changePasscode');
    assertPasscode(next, 'next');
    if (current === '') return failed('wrong-passcode'); // no vault has an empty passcode
    const { crypto, storage } = this.#deps;
    const meta = this.#meta;
    const from = {
      kek: await deriveKek(crypto, current, meta.kdf),
      aad: keyWrapAad(meta.format, meta.kdf),
    };
    // Check the current passcode before paying for the second derivation.
    if (!(await crypto.unwrapDataKey(meta.wrappedDataKey, from.kek, from.aad))) {
      return failed('wrong-passcode');
    }
    const kdf: KdfParams = {
      ...meta.kdf,
      // Raising MIN_PBKDF2_ITERATIONS in a release upgrades each vault at its next passcode change.
      iterations: Math.max(meta.kdf.iterations, MIN_PBKDF2_ITERATIONS),
      salt: crypto.randomBytes(SALT_BYTES),
    };
    const to = { kek: await deriveKek(crypto, next, kdf), aad: keyWrapAad(VAULT_FORMAT, kdf) };
    const wrappedDataKey = await crypto.rewrapDataKey({ wrapped: meta.wrappedDataKey, from, to });
    if (!wrappedDataKey) return failed('wrong-passcode');
    const nextMeta: VaultMeta = {
      format: VAULT_FORMAT,
      createdAt: meta.createdAt,
      kdf,
      wrappedDataKey,
    };
    await storage.commit([], nextMeta);
    this.#meta = nextMeta;
    return ok(undefined);
  }

  #context(operation: string): { crypto: VaultCrypto; dataKey: KeyHandle } {
    if (this.#dataKey === null) throw new VaultLockedError(operation);
    return { crypto: this.#deps.crypto, dataKey: this.#dataKey };
  }
}
