/**
 * The replay index on disk (issue 14): every commitment and signature on every core a node holds,
 * so a receipt is never appended twice, kept in RocksDB (`<data>/replay-index`) through
 * rocksdb-native — the engine and binding Hypercore 11's own storage already runs on, so the node
 * gains no second native database. A restart reads where each core's indexing stopped instead of
 * rereading every entry, and memory stays bounded by RocksDB's caches, not by the ledger's size.
 *
 * Keys (binary; `core` is the 32-byte core key, `index` a u64 big-endian):
 *   'c' ‖ commitment      → core ‖ index      where a commitment is
 *   's' ‖ signature       → (empty)           a signature already used
 *   'e' ‖ core ‖ index    → commitment        to drop a truncated core's entries
 *   'p' ‖ core            → length ‖ fork     how far the core is indexed, at which fork (u64s)
 *   'a' ‖ hash ‖ core ‖ start → end ‖ index   a re-anchor entry (at `index`) under hash code
 *                                             `hash` covering core's entries [start, end)
 */
import RocksDB from 'rocksdb-native';
import { HASH_ALGORITHMS, hashCode } from '../core/evidence/index.ts';
import type { HashAlgorithm } from '../core/evidence/index.ts';

export const REPLAY_INDEX_DIR = 'replay-index';

export interface IndexedEntry {
  readonly index: number;
  /** The commitment, hex (the receipt's id). */
  readonly id: string;
  /** Both signatures, hex. */
  readonly signatures: readonly string[];
  /** For a re-anchor entry: what it covers (of its own core). */
  readonly reanchor?: {
    readonly hashAlg: HashAlgorithm;
    readonly start: number;
    readonly end: number;
  };
}

export interface ReanchorPlace {
  readonly start: number;
  readonly end: number;
  /** The re-anchor entry's own index on the core. */
  readonly index: number;
}

export interface EntryPlace {
  readonly core: string;
  readonly index: number;
}

const EMPTY = Buffer.alloc(0);
const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const u64 = (n: number): Buffer => {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(n));
  return out;
};
const key = (prefix: string, ...parts: Buffer[]): Buffer =>
  Buffer.concat([Buffer.from(prefix, 'latin1'), ...parts]);

export class ReplayIndex {
  private constructor(private readonly db: RocksDB) {}

  static async open(path: string): Promise<ReplayIndex> {
    const db = new RocksDB(path);
    await db.ready();
    return new ReplayIndex(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** How many of `core`'s entries are indexed, at which fork ({0, 0} for a core never seen). */
  async progress(core: string): Promise<{ length: number; fork: number }> {
    const value = await this.db.get(key('p', hex(core)));
    return value
      ? { length: Number(value.readBigUInt64BE(0)), fork: Number(value.readBigUInt64BE(8)) }
      : { length: 0, fork: 0 };
  }

  /** Where each of `ids` is, and which of `signatures` are used: one read batch for all. */
  async lookup(
    ids: readonly string[],
    signatures: readonly string[] = [],
  ): Promise<{ places: Map<string, EntryPlace>; used: Set<string> }> {
    const read = this.db.read({ autoDestroy: true });
    const placeReads = ids.map((id) => read.get(key('c', hex(id))));
    const signatureReads = signatures.map((s) => read.get(key('s', hex(s))));
    read.tryFlush();
    const places = new Map<string, EntryPlace>();
    for (const [i, value] of (await Promise.all(placeReads)).entries()) {
      if (value) {
        places.set(ids[i] as string, {
          core: value.subarray(0, 32).toString('hex'),
          index: Number(value.readBigUInt64BE(32)),
        });
      }
    }
    const used = new Set<string>();
    for (const [i, value] of (await Promise.all(signatureReads)).entries()) {
      if (value) used.add(signatures[i] as string);
    }
    return { places, used };
  }

  async placeOf(id: string): Promise<EntryPlace | undefined> {
    return (await this.lookup([id])).places.get(id);
  }

  /** Records entries of `core` and that it is indexed up to `length` (at `fork`), in one write. */
  async record(
    core: string,
    entries: readonly IndexedEntry[],
    length: number,
    fork: number,
  ): Promise<void> {
    const coreKey = hex(core);
    const write = this.db.write({ autoDestroy: true });
    for (const entry of entries) {
      const commitment = hex(entry.id);
      write.tryPut(key('c', commitment), Buffer.concat([coreKey, u64(entry.index)]));
      write.tryPut(key('e', coreKey, u64(entry.index)), commitment);
      for (const signature of entry.signatures) write.tryPut(key('s', hex(signature)), EMPTY);
      if (entry.reanchor) {
        const { hashAlg, start, end } = entry.reanchor;
        write.tryPut(
          key('a', Buffer.from([hashCode(hashAlg)]), coreKey, u64(start)),
          Buffer.concat([u64(end), u64(entry.index)]),
        );
      }
    }
    write.tryPut(key('p', coreKey), Buffer.concat([u64(length), u64(fork)]));
    await write.flush();
  }

  /** The re-anchor entries of `core` under `hashAlg`, by the start of what they cover. */
  async reanchorsOf(core: string, hashAlg: HashAlgorithm): Promise<ReanchorPlace[]> {
    const prefix = key('a', Buffer.from([hashCode(hashAlg)]), hex(core));
    const places: ReanchorPlace[] = [];
    for await (const { key: found, value } of this.db.iterator({
      gte: Buffer.concat([prefix, u64(0)]),
      lt: Buffer.concat([prefix, Buffer.alloc(8, 0xff)]),
    })) {
      places.push({
        start: Number(found.readBigUInt64BE(prefix.length)),
        end: Number(value.readBigUInt64BE(0)),
        index: Number(value.readBigUInt64BE(8)),
      });
    }
    return places;
  }

  /**
   * `core` was truncated to `length`: its commitments at or past it are no longer there (a
   * rewritten entry may come back at another place). Signatures stay: once used, always used.
   */
  async truncate(core: string, length: number, fork: number): Promise<void> {
    const coreKey = hex(core);
    const from = key('e', coreKey, u64(length));
    const to = key('e', coreKey, Buffer.alloc(8, 0xff));
    const write = this.db.write({ autoDestroy: true });
    for await (const { value } of this.db.iterator({ gte: from, lt: to })) {
      write.tryDelete(key('c', value));
    }
    write.tryDeleteRange(from, to);
    for (const hashAlg of HASH_ALGORITHMS) {
      for (const place of await this.reanchorsOf(core, hashAlg)) {
        if (place.index >= length) {
          write.tryDelete(key('a', Buffer.from([hashCode(hashAlg)]), coreKey, u64(place.start)));
        }
      }
    }
    const indexed = await this.progress(core);
    write.tryPut(
      key('p', coreKey),
      Buffer.concat([u64(Math.min(indexed.length, length)), u64(fork)]),
    );
    await write.flush();
  }
}
