/**
 * VaultStorage in memory, for tests and for a session that must not persist. Mirrors IndexedDB:
 * values are deep-copied in and out (like structured clone, so callers cannot mutate stored state),
 * a value that cannot be copied fails the commit, and a commit lands whole or not at all.
 */
import type { RecordBatchOptions, StorageWrite, VaultMeta, VaultStorage } from './ports.ts';

/** Everything stored, as raw values; a deep copy. */
export interface MemoryVaultSnapshot {
  readonly meta: unknown;
  readonly records: ReadonlyMap<string, unknown>;
}

export interface MemoryVaultStorage extends VaultStorage {
  /** A deep copy of everything stored, for tests that compare or scan stored bytes. */
  snapshot(): MemoryVaultSnapshot;
}

export interface MemoryVaultStorageOptions {
  /** Raw initial contents (old or foreign data, for tests); deep-copied. */
  readonly meta?: unknown;
  readonly records?: Iterable<readonly [string, unknown]>;
}

export function createMemoryVaultStorage(
  options: MemoryVaultStorageOptions = {},
): MemoryVaultStorage {
  let meta: unknown = copyStorable(options.meta);
  let records = new Map<string, unknown>();
  for (const [id, value] of options.records ?? []) records.set(id, copyStorable(value));

  return {
    async readMeta() {
      return copyStorable(meta);
    },
    async readRecord(id: string) {
      return copyStorable(records.get(id));
    },
    async listRecordIds(prefix: string) {
      return [...records.keys()].filter((id) => id.startsWith(prefix)).sort(compareKeys);
    },
    async readRecordBatch(prefix: string, { after, limit }: RecordBatchOptions) {
      return [...records.keys()]
        .filter(
          (id) => id.startsWith(prefix) && (after === undefined || compareKeys(id, after) > 0),
        )
        .sort(compareKeys)
        .slice(0, limit)
        .map((id) => copyStorable(records.get(id)));
    },
    async commit(writes: readonly StorageWrite[], nextMeta?: VaultMeta) {
      // Build the next state aside; swap it in only when every write succeeded.
      const staged = new Map(records);
      for (const write of writes) {
        if ('put' in write) staged.set(write.put.id, copyStorable(write.put));
        else staged.delete(write.delete);
      }
      const stagedMeta = nextMeta === undefined ? meta : copyStorable(nextMeta);
      records = staged;
      meta = stagedMeta;
    },
    async erase() {
      meta = undefined;
      records = new Map();
    },
    snapshot() {
      return {
        meta: copyStorable(meta),
        records: new Map([...records].map(([id, v]) => [id, copyStorable(v)])),
      };
    },
  };
}

/** IndexedDB orders string keys by UTF-16 code unit, like `<` on strings. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deep copy of the values a vault stores (plain objects, arrays, primitives, Uint8Array).
 * Anything else throws a TypeError, as structured clone throws a DataCloneError for a function.
 */
function copyStorable(value: unknown, path = 'value'): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`${path}: a ${typeof value} cannot be stored`);
    }
    return value;
  }
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) return value.map((item, i) => copyStorable(item, `${path}[${i}]`));
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    throw new TypeError(`${path}: only plain objects, arrays and Uint8Array can be stored`);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyStorable(item, `${path}.${key}`);
  return copy;
}
