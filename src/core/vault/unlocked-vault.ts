/** An open vault session: holds the (non-extractable) data key handle until lock(). */
import { z } from 'zod';
import { failed, ok, type Result } from '../result.ts';
import { PRF_SALT_BYTES } from './kdf-policy.ts';
import { assertPasscode, passcodeKind } from './passcode.ts';
import { passcodeBinding, rewrapUnderArgon2id } from './passcode-wrap.ts';
import type {
  DeviceKeyAuthenticator,
  DeviceKeyProblem,
  DeviceWrap,
  KeyHandle,
  StorageWrite,
  VaultCrypto,
  VaultMeta,
  VaultMetaV2,
  WrapBinding,
} from './ports.ts';
import { openBytes, openJson, sealJson } from './record-codec.ts';
import { assertRecordId, INDEX_RECORD_PREFIX, SECRET_RECORD_ID } from './record-id.ts';
import {
  entriesIfConsistent,
  INDEX_BUCKETS,
  INDEX_CHUNK_FORMAT,
  indexBucketOf,
  indexChunkId,
  indexChunkPrefix,
  indexChunkSchema,
  RECORD_BATCH_SIZE,
  summaryOf,
  type IndexChunk,
  type IndexEntry,
  type IndexRead,
  type RecordIndexSpec,
} from './record-index.ts';
import { VaultCorruptError, VaultLockedError } from './vault-errors.ts';
import { deviceWrapAad } from './vault-meta.ts';
import type { VaultDeps } from './vault-deps.ts';

/** One record of a batch: its id and the value read, or 'corrupt'. */
export interface BatchRecord<T> {
  readonly id: string;
  readonly read: Result<T, 'corrupt'>;
}

/** One change in writeRecords: put a JSON value under `id`, or delete a record. */
export type RecordWrite =
  { readonly id: string; readonly value: unknown } | { readonly delete: string };

export interface UnlockedVault {
  /** Decrypt the secret, hand a copy to `use`, and wipe that copy afterwards (also when `use` throws). */
  withSecret<T>(use: (secret: Uint8Array) => Promise<T> | T): Promise<T>;
  /** Read record `id`: undefined when absent, 'corrupt' when undecryptable or not matching `schema`. */
  readRecord<T>(id: string, schema: z.ZodType<T>): Promise<Result<T | undefined, 'corrupt'>>;
  /**
   * Encrypt and store all `writes` in one storage transaction: all of them land or none. Writes
   * under an indexed prefix (addIndex) update their index chunks in that same transaction.
   */
  writeRecords(writes: readonly RecordWrite[]): Promise<void>;
  /** Ids of the records whose id starts with `prefix` (the secret and index chunks are never listed). */
  listRecordIds(prefix: string): Promise<string[]>;
  /**
   * The records under `prefix`, in id order, read in batches (one storage request and parallel
   * decryptions per batch): memory holds one batch of ciphertexts at a time.
   */
  readRecordBatches<T>(prefix: string, schema: z.ZodType<T>): AsyncGenerator<BatchRecord<T>[]>;
  /**
   * Every record the vault holds, as JSON, in id order and in batches (the backup reads the
   * wallet generically this way): never the secret, never the index chunks, never the header.
   */
  readAllRecordBatches(): AsyncGenerator<BatchRecord<unknown>[]>;
  /** Keep a summary index of the records under `spec.prefix` in step with every write from now on. */
  addIndex<R, S>(spec: RecordIndexSpec<R, S>): void;
  /**
   * The summaries of the records under `spec.prefix` (and keep them in step from now on). An index
   * that disagrees with the records — missing, another version, a record written without it — is
   * rebuilt from the records first, in one commit.
   */
  readIndex<R, S>(spec: RecordIndexSpec<R, S>): Promise<IndexRead<S>>;
  /**
   * Check `current`, then re-wrap the same data key under `next` (Argon2id, new salt). A device
   * wrap stays. Records are untouched.
   */
  changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>>;
  /**
   * Check `passcode` (enabling another way in asks for the current one), then create a WebAuthn
   * credential with the PRF extension and store a second wrap of the same data key under
   * HKDF(PRF(credential, fresh salt)). The passcode keeps working. Replaces an earlier device wrap.
   */
  enableDeviceUnlock(
    passcode: string,
    authenticator: DeviceKeyAuthenticator,
  ): Promise<Result<void, 'wrong-passcode' | DeviceKeyProblem>>;
  /** Remove the device wrap (the header alone is rewritten); only the passcode opens the vault. */
  disableDeviceUnlock(): Promise<void>;
  /** Whether this vault's header holds a device wrap. */
  readonly deviceUnlock: boolean;
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
  /** Indexed prefixes and their specs. */
  readonly #indexes = new Map<string, RecordIndexSpec<unknown, unknown>>();
  /** Writes and index reads run one at a time: a chunk is read, changed and written back whole. */
  #queue: Promise<unknown> = Promise.resolve();

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
    this.#context('writeRecords');
    for (const write of writes) assertRecordId('delete' in write ? write.delete : write.id);
    if (writes.length === 0) return;
    await this.#serial(async () => {
      const context = this.#context('writeRecords');
      const storageWrites: StorageWrite[] = [];
      for (const write of writes) {
        if ('delete' in write) storageWrites.push({ delete: write.delete });
        else storageWrites.push({ put: await sealJson(context, write.id, write.value) });
      }
      for (const spec of this.#indexes.values()) {
        storageWrites.push(...(await this.#indexWrites(spec, writes)));
      }
      await this.#deps.storage.commit(storageWrites);
    });
  }

  async listRecordIds(prefix: string): Promise<string[]> {
    this.#context('listRecordIds');
    const ids = await this.#deps.storage.listRecordIds(prefix);
    return ids.filter((id) => id !== SECRET_RECORD_ID && !id.startsWith(INDEX_RECORD_PREFIX));
  }

  async *readRecordBatches<T>(
    prefix: string,
    schema: z.ZodType<T>,
  ): AsyncGenerator<BatchRecord<T>[]> {
    this.#context('readRecordBatches');
    if (prefix.startsWith(INDEX_RECORD_PREFIX) || SECRET_RECORD_ID.startsWith(prefix)) {
      throw new RangeError(`"prefix" ${JSON.stringify(prefix)} would list reserved records`);
    }
    for await (const rows of this.#rawBatches(prefix)) {
      const context = this.#context('readRecordBatches');
      const reads = await Promise.all(
        rows.map(({ id, raw }) => openJson(context, id, raw, schema)),
      );
      yield rows.map(({ id }, i) => {
        const read = reads[i];
        return {
          id,
          read: read?.ok && read.value !== undefined ? ok(read.value) : failed('corrupt'),
        };
      });
    }
  }

  async *readAllRecordBatches(): AsyncGenerator<BatchRecord<unknown>[]> {
    this.#context('readAllRecordBatches');
    for await (const rows of this.#rawBatches('')) {
      const listed = rows.filter(({ id }) => !id.startsWith(INDEX_RECORD_PREFIX));
      if (listed.length === 0) continue;
      const context = this.#context('readAllRecordBatches');
      const reads = await Promise.all(
        listed.map(({ id, raw }) => openJson(context, id, raw, anyJson)),
      );
      yield listed.map(({ id }, i) => {
        const read = reads[i];
        return {
          id,
          read: read?.ok && read.value !== undefined ? ok(read.value) : failed('corrupt'),
        };
      });
    }
  }

  addIndex<R, S>(spec: RecordIndexSpec<R, S>): void {
    this.#context('addIndex');
    this.#indexes.set(spec.prefix, spec as unknown as RecordIndexSpec<unknown, unknown>);
  }

  async readIndex<R, S>(spec: RecordIndexSpec<R, S>): Promise<IndexRead<S>> {
    this.addIndex(spec);
    return this.#serial(async () => {
      const [ids, chunks] = await Promise.all([
        this.listRecordIds(spec.prefix),
        this.#readChunks(spec.prefix),
      ]);
      const entries = chunks && entriesIfConsistent(spec, ids, chunks);
      if (entries) return { entries, rebuilt: false };
      return { entries: await this.#rebuildIndex(spec), rebuilt: true };
    });
  }

  /** Run `task` after every write or index read queued before it. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Raw records under `prefix` in id order, RECORD_BATCH_SIZE at a time. */
  async *#rawBatches(prefix: string): AsyncGenerator<{ id: string; raw: unknown }[]> {
    const { storage } = this.#deps;
    let after: string | undefined;
    for (;;) {
      this.#context('readRecordBatches');
      const options = { limit: RECORD_BATCH_SIZE, ...(after === undefined ? {} : { after }) };
      const rows = storage.readRecordBatch
        ? (await storage.readRecordBatch(prefix, options)).map((raw) => ({ id: rowId(raw), raw }))
        : await this.#readOneByOne(prefix, options);
      const listed = rows.filter(
        (row): row is { id: string; raw: unknown } =>
          row.id !== undefined && row.id !== SECRET_RECORD_ID,
      );
      if (listed.length > 0) yield listed;
      const last = rows[rows.length - 1]?.id;
      if (rows.length < RECORD_BATCH_SIZE || last === undefined) return;
      after = last;
    }
  }

  /** A batch from storage that has no readRecordBatch: the ids, then one read each. */
  async #readOneByOne(
    prefix: string,
    { after, limit }: { after?: string; limit: number },
  ): Promise<{ id: string; raw: unknown }[]> {
    const { storage } = this.#deps;
    const ids = (await storage.listRecordIds(prefix))
      .filter((id) => after === undefined || id > after)
      .slice(0, limit);
    return Promise.all(ids.map(async (id) => ({ id, raw: await storage.readRecord(id) })));
  }

  /** The stored chunks of an index by bucket; undefined when one does not open (rebuild). */
  async #readChunks(prefix: string): Promise<Map<number, IndexChunk> | undefined> {
    const chunks = new Map<number, IndexChunk>();
    for await (const rows of this.#rawBatches(indexChunkPrefix(prefix))) {
      const context = this.#context('readIndex');
      for (const { id, raw } of rows) {
        const bucket = Number.parseInt(id.slice(-2), 16);
        if (!(bucket < INDEX_BUCKETS) || id !== indexChunkId(prefix, bucket)) return undefined;
        const chunk = await openJson(context, id, raw, indexChunkSchema);
        if (!chunk.ok || chunk.value === undefined) return undefined;
        chunks.set(bucket, chunk.value);
      }
    }
    return chunks;
  }

  /** The chunk writes that keep `spec`'s index in step with `writes` (read, change, re-seal). */
  async #indexWrites(
    spec: RecordIndexSpec<unknown, unknown>,
    writes: readonly RecordWrite[],
  ): Promise<StorageWrite[]> {
    const byBucket = new Map<number, RecordWrite[]>();
    for (const write of writes) {
      const id = 'delete' in write ? write.delete : write.id;
      if (!id.startsWith(spec.prefix)) continue;
      const bucket = indexBucketOf(id);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), write]);
    }
    const context = this.#context('writeRecords');
    const storageWrites: StorageWrite[] = [];
    for (const [bucket, bucketWrites] of byBucket) {
      const chunkId = indexChunkId(spec.prefix, bucket);
      const stored = await openJson(
        context,
        chunkId,
        await this.#deps.storage.readRecord(chunkId),
        indexChunkSchema,
      );
      // A missing, unreadable or outdated chunk starts afresh: the next readIndex sees the ids
      // disagree and rebuilds.
      const entries: Record<string, unknown> =
        stored.ok && stored.value?.version === spec.version ? { ...stored.value.entries } : {};
      for (const write of bucketWrites) {
        if ('delete' in write) delete entries[write.delete];
        else entries[write.id] = summaryOf(spec, write.value);
      }
      storageWrites.push(
        Object.keys(entries).length === 0
          ? { delete: chunkId }
          : { put: await sealJson(context, chunkId, chunkOf(spec, entries)) },
      );
    }
    return storageWrites;
  }

  /** Summarise every record again and replace the index's chunks, in one commit. */
  async #rebuildIndex<R, S>(spec: RecordIndexSpec<R, S>): Promise<IndexEntry<S>[]> {
    const buckets = new Map<number, Record<string, unknown>>();
    const entries: IndexEntry<S>[] = [];
    for await (const batch of this.readRecordBatches(spec.prefix, spec.recordSchema)) {
      for (const { id, read } of batch) {
        const summary = read.ok ? spec.summarise(read.value) : null;
        const bucket = indexBucketOf(id);
        const chunk = buckets.get(bucket) ?? {};
        chunk[id] = summary;
        buckets.set(bucket, chunk);
        if (summary !== null) entries.push({ id, summary });
      }
    }
    const context = this.#context('readIndex');
    const storageWrites: StorageWrite[] = [];
    for (const [bucket, chunk] of buckets) {
      const chunkId = indexChunkId(spec.prefix, bucket);
      storageWrites.push({ put: await sealJson(context, chunkId, chunkOf(spec, chunk)) });
    }
    const written = new Set([...buckets.keys()].map((b) => indexChunkId(spec.prefix, b)));
    for (const id of await this.#deps.storage.listRecordIds(indexChunkPrefix(spec.prefix))) {
      if (!written.has(id)) storageWrites.push({ delete: id });
    }
    if (storageWrites.length > 0) await this.#deps.storage.commit(storageWrites);
    return entries;
  }

  get deviceUnlock(): boolean {
    return this.#meta.format === 2 && this.#meta.device !== undefined;
  }

  async changePasscode(current: string, next: string): Promise<Result<void, 'wrong-passcode'>> {
    this.#context('changePasscode');
    assertPasscode(next, 'next');
    // Check the current passcode before paying for the second derivation.
    const from = await this.#checkPasscode(current);
    if (!from) return failed('wrong-passcode');
    const wrap = await rewrapUnderArgon2id(this.#deps.crypto, {
      wrapped: this.#meta.wrappedDataKey,
      from,
      passcode: next,
    });
    if (!wrap) return failed('wrong-passcode');
    await this.#commitMeta({ ...wrap, device: this.#device(), passcodeKind: passcodeKind(next) });
    return ok(undefined);
  }

  async enableDeviceUnlock(
    passcode: string,
    authenticator: DeviceKeyAuthenticator,
  ): Promise<Result<void, 'wrong-passcode' | DeviceKeyProblem>> {
    this.#context('enableDeviceUnlock');
    const { crypto } = this.#deps;
    const from = await this.#checkPasscode(passcode);
    if (!from) return failed('wrong-passcode');
    // A format-1 session (its migration could not be written) moves to Argon2id now as well.
    const passcodeWrap =
      this.#meta.format === 2
        ? { kdf: this.#meta.kdf, wrappedDataKey: this.#meta.wrappedDataKey }
        : await rewrapUnderArgon2id(crypto, { wrapped: this.#meta.wrappedDataKey, from, passcode });
    if (!passcodeWrap) return failed('wrong-passcode');

    const prfSalt = crypto.randomBytes(PRF_SALT_BYTES);
    const registered = await authenticator.register({ salt: prfSalt });
    if (!registered.ok) return failed(registered.reason);
    const { credentialId, prfOutput } = registered.value;
    let kek: KeyHandle;
    try {
      kek = await crypto.deriveDeviceKeyEncryptionKey(prfOutput);
    } finally {
      prfOutput.fill(0);
    }
    const wrappedDataKey = await crypto.rewrapDataKey({
      wrapped: this.#meta.wrappedDataKey,
      from,
      to: { kek, aad: deviceWrapAad({ credentialId, prfSalt }) },
    });
    if (!wrappedDataKey) return failed('wrong-passcode');
    await this.#commitMeta({
      ...passcodeWrap,
      device: { credentialId: credentialId.slice(), prfSalt, wrappedDataKey },
      passcodeKind: passcodeKind(passcode),
    });
    return ok(undefined);
  }

  async disableDeviceUnlock(): Promise<void> {
    this.#context('disableDeviceUnlock');
    const meta = this.#meta;
    if (meta.format !== 2 || !meta.device) return;
    await this.#commitMeta({
      kdf: meta.kdf,
      wrappedDataKey: meta.wrappedDataKey,
      ...(meta.passcodeKind ? { passcodeKind: meta.passcodeKind } : {}),
    });
  }

  /** The current passcode's wrap binding if it opens the stored wrap, else null. */
  async #checkPasscode(passcode: string): Promise<WrapBinding | null> {
    if (typeof passcode !== 'string') throw new TypeError('"passcode" expected a string');
    if (passcode === '') return null; // no vault has an empty passcode
    const { crypto } = this.#deps;
    const from = await passcodeBinding(crypto, passcode, this.#meta);
    return (await crypto.unwrapDataKey(this.#meta.wrappedDataKey, from.kek, from.aad))
      ? from
      : null;
  }

  #device(): DeviceWrap | undefined {
    return this.#meta.format === 2 ? this.#meta.device : undefined;
  }

  /** Write a format-2 header alone (one transaction) and adopt it. */
  async #commitMeta(parts: Omit<VaultMetaV2, 'format' | 'createdAt'>): Promise<void> {
    const next: VaultMetaV2 = {
      format: 2,
      createdAt: this.#meta.createdAt,
      kdf: parts.kdf,
      wrappedDataKey: parts.wrappedDataKey,
      ...(parts.device ? { device: parts.device } : {}),
      ...(parts.passcodeKind ? { passcodeKind: parts.passcodeKind } : {}),
    };
    await this.#deps.storage.commit([], next);
    this.#meta = next;
  }

  #context(operation: string): { crypto: VaultCrypto; dataKey: KeyHandle } {
    if (this.#dataKey === null) throw new VaultLockedError(operation);
    return { crypto: this.#deps.crypto, dataKey: this.#dataKey };
  }
}

/** Any JSON value: what a record holds before its own reader's schema checks it. */
const anyJson = z.unknown();

function chunkOf(spec: { readonly version: number }, entries: Record<string, unknown>): IndexChunk {
  return { format: INDEX_CHUNK_FORMAT, version: spec.version, entries };
}

/** The id of a raw stored record (its key path), if it has one. */
function rowId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
