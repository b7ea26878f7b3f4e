/**
 * A summary index over the records of one prefix (docs/vault.md §Summary index): what a list needs
 * of each record, kept in a few encrypted chunk records beside the records themselves, so a list of
 * 10,000 credentials is a few dozen decryptions instead of 10,000.
 *
 * Layout: the record `<prefix><id>` has its summary in chunk `index:<prefix><bb>`, where `bb` is
 * the record id's bucket (FNV-1a 32 of the id, modulo INDEX_BUCKETS, two hex digits). A chunk is a
 * JSON record like any other (sealed under the data key, its id as AAD):
 *
 *   { format: 1, version: <the spec's version>, entries: { "<record id>": <summary> | null } }
 *
 * `null` marks a record that is there but does not decrypt or parse: it is not listed, and it
 * does not make every unlock rebuild. The vault writes a record and its chunk in one commit.
 */
import { z } from 'zod';
import { INDEX_RECORD_PREFIX } from './record-id.ts';

export { INDEX_RECORD_PREFIX };

/** Buckets per index: 10,000 records make chunks of about 160 summaries (a write re-seals one). */
export const INDEX_BUCKETS = 64;

/** The chunk layout's own format; a change of it (or of the spec's version) rebuilds the index. */
export const INDEX_CHUNK_FORMAT = 1;

/** Records per getAll batch when the index is rebuilt or full records are listed. */
export const RECORD_BATCH_SIZE = 200;

export interface RecordIndexSpec<R, S> {
  /** Records whose id starts with this are indexed, e.g. `credential:`. */
  readonly prefix: string;
  /** Raise it whenever `summarise` changes: an index written under another version is rebuilt. */
  readonly version: number;
  /** A record value that does not match is indexed as unreadable (`null`, never listed). */
  readonly recordSchema: z.ZodType<R>;
  /**
   * A cheap check of a summary read back (it runs for every summary at every unlock: a zod parse
   * of 10,000 summaries cost hundreds of ms). Summaries were made from records that passed
   * `recordSchema`, are authenticated under the data key and gated by `version`; this guards the
   * fields the readers dereference. A summary that fails it makes the index rebuild.
   */
  isSummary(value: unknown): value is S;
  /** The summary of a record: small and JSON-serialisable. */
  summarise(record: R): S;
}

/** One summary as the index lists it. */
export interface IndexEntry<S> {
  readonly id: string;
  readonly summary: S;
}

export interface IndexRead<S> {
  /** The readable records' summaries, in id order. */
  readonly entries: IndexEntry<S>[];
  /**
   * True when the stored index disagreed with the records (missing, from an older version, a
   * record written without it) and was rebuilt from the records, in one commit, before returning.
   */
  readonly rebuilt: boolean;
}

/** A chunk as stored. Entries are checked one by one with the spec's isSummary. */
export const indexChunkSchema = z.object({
  format: z.literal(INDEX_CHUNK_FORMAT),
  version: z.number().int(),
  entries: z.record(z.string(), z.unknown()),
});
export type IndexChunk = z.infer<typeof indexChunkSchema>;

/** FNV-1a (32-bit) over the id's UTF-16 code units: a stable, cheap spread of ids over buckets. */
export function indexBucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % INDEX_BUCKETS;
}

/** The record id of a bucket's chunk. */
export function indexChunkId(prefix: string, bucket: number): string {
  return `${INDEX_RECORD_PREFIX}${prefix}${bucket.toString(16).padStart(2, '0')}`;
}

/** The prefix under which all of an index's chunks sit. */
export function indexChunkPrefix(prefix: string): string {
  return `${INDEX_RECORD_PREFIX}${prefix}`;
}

/** The summary of a value written or read under the spec, or null when it is not a valid record. */
export function summaryOf<R, S>(spec: RecordIndexSpec<R, S>, value: unknown): S | null {
  const parsed = spec.recordSchema.safeParse(value);
  return parsed.success ? spec.summarise(parsed.data) : null;
}

/**
 * Whether the chunks read back describe exactly the records stored: the same ids, each in its own
 * bucket, every chunk of this format and version, every summary matching the schema. Returns the
 * readable entries in id order, or undefined when the index must be rebuilt.
 */
export function entriesIfConsistent<R, S>(
  spec: RecordIndexSpec<R, S>,
  ids: readonly string[],
  chunks: ReadonlyMap<number, IndexChunk>,
): IndexEntry<S>[] | undefined {
  const summaries = new Map<string, unknown>();
  for (const [bucket, chunk] of chunks) {
    if (chunk.version !== spec.version) return undefined;
    for (const [id, summary] of Object.entries(chunk.entries)) {
      if (indexBucketOf(id) !== bucket || !id.startsWith(spec.prefix)) return undefined;
      summaries.set(id, summary);
    }
  }
  if (summaries.size !== ids.length) return undefined;
  const entries: IndexEntry<S>[] = [];
  for (const id of ids) {
    if (!summaries.has(id)) return undefined;
    const summary = summaries.get(id);
    if (summary === null) continue;
    if (!spec.isSummary(summary)) return undefined;
    entries.push({ id, summary });
  }
  return entries;
}
