/**
 * The BC-UR fountain decoder (BCR-2020-006), written as a peeling decoder:
 *
 * - a part that covers one fragment solves it;
 * - a mixed part is reduced by every solved fragment it contains (XOR it out), and by every
 *   other mixed part whose fragment set is a strict subset of its own;
 * - whenever a fragment is solved, the waiting mixed parts are reduced again, which may solve more.
 *
 * Parts arrive in any order, duplicates (same seqNum) are ignored. When every fragment is known
 * the message is joined, trimmed to `messageLen` and checked against the CRC-32 in the parts.
 */
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { crc32 } from './crc32.ts';
import { xorInto } from './fountain-encoder.ts';
import type { FountainPart } from './fountain-part.ts';
import { chooseFragments } from './fountain-selection.ts';

interface Mixed {
  indexes: number[];
  data: Uint8Array;
}

export type FountainDecodeState =
  | { readonly state: 'collecting'; readonly solved: number; readonly seqLen: number }
  | { readonly state: 'done'; readonly message: Uint8Array };

export interface FountainDecoder {
  readonly seqLen: number;
  readonly messageLen: number;
  readonly checksum: number;
  /** Whether `part` belongs to the message this decoder is assembling. */
  matches(part: FountainPart): boolean;
  /** Adds a part of this message (check `matches` first). */
  receive(part: FountainPart): Result<FountainDecodeState, 'corrupt', { message: string }>;
}

const key = (indexes: readonly number[]) => indexes.join(',');

export function createFountainDecoder(first: FountainPart): FountainDecoder {
  const { seqLen, messageLen, checksum } = first;
  const fragmentLen = first.data.length;
  const solved = new Map<number, Uint8Array>();
  let mixed: Mixed[] = [];
  const seenSeqNums = new Set<number>();
  const seenSets = new Set<string>();
  let result: Uint8Array | undefined;

  const reduceBySolved = (part: Mixed): Mixed => {
    const keep: number[] = [];
    const data = Uint8Array.from(part.data);
    for (const index of part.indexes) {
      const fragment = solved.get(index);
      if (fragment) xorInto(data, fragment);
      else keep.push(index);
    }
    return { indexes: keep, data };
  };

  const isStrictSubset = (small: readonly number[], big: readonly number[]) =>
    small.length < big.length && small.every((index) => big.includes(index));

  const reduceBy = (part: Mixed, by: Mixed): Mixed => {
    if (!isStrictSubset(by.indexes, part.indexes)) return part;
    const data = Uint8Array.from(part.data);
    xorInto(data, by.data);
    return { indexes: part.indexes.filter((index) => !by.indexes.includes(index)), data };
  };

  const process = (incoming: Mixed): void => {
    const queue: Mixed[] = [incoming];
    while (queue.length > 0) {
      let part = reduceBySolved(queue.shift() as Mixed);
      for (const other of mixed) part = reduceBy(part, other);
      if (part.indexes.length === 0) continue;
      if (part.indexes.length === 1) {
        const index = part.indexes[0] as number;
        if (solved.has(index)) continue;
        solved.set(index, part.data);
        // Everything waiting may now shrink: re-queue the mixed parts that contain this index.
        const waiting = mixed.filter((m) => m.indexes.includes(index));
        mixed = mixed.filter((m) => !m.indexes.includes(index));
        for (const m of waiting) seenSets.delete(key(m.indexes));
        queue.push(...waiting);
        continue;
      }
      const id = key(part.indexes);
      if (seenSets.has(id)) continue;
      // Reduce the waiting mixed parts by this one where it is a strict subset of theirs.
      const next: Mixed[] = [];
      for (const m of mixed) {
        const reduced = reduceBy(m, part);
        if (reduced === m) next.push(m);
        else {
          seenSets.delete(key(m.indexes));
          queue.push(reduced);
        }
      }
      mixed = next;
      mixed.push(part);
      seenSets.add(id);
    }
  };

  return {
    seqLen,
    messageLen,
    checksum,
    matches(part) {
      return (
        part.seqLen === seqLen &&
        part.messageLen === messageLen &&
        part.checksum === checksum &&
        part.data.length === fragmentLen
      );
    },
    receive(part) {
      if (result) return ok({ state: 'done', message: result });
      if (!seenSeqNums.has(part.seqNum)) {
        seenSeqNums.add(part.seqNum);
        process({ indexes: chooseFragments(part.seqNum, seqLen, checksum), data: part.data });
      }
      if (solved.size < seqLen) return ok({ state: 'collecting', solved: solved.size, seqLen });
      const joined = new Uint8Array(seqLen * fragmentLen);
      for (let i = 0; i < seqLen; i++) joined.set(solved.get(i) as Uint8Array, i * fragmentLen);
      const message = joined.slice(0, messageLen);
      if (crc32(message) !== checksum) {
        return failedWith('corrupt', {
          message: 'the reassembled message does not match its checksum: a frame was damaged',
        });
      }
      result = message;
      return ok({ state: 'done', message });
    },
  };
}
