/**
 * The BC-UR fountain encoder (BCR-2020-006): cuts a message into `seqLen` equal fragments (the
 * last zero-padded) and produces parts 1, 2, 3, …: the first `seqLen` are the fragments
 * themselves, every later one the XOR of a pseudo-random set of them (fountain-selection.ts).
 */
import { crc32 } from './crc32.ts';
import { chooseFragments } from './fountain-selection.ts';
import type { FountainPart } from './fountain-part.ts';

/**
 * The fragment length BC-UR uses: the smallest ceil(messageLen / count) that fits `maxLen`,
 * trying count = 1, 2, … (so fragments are as even as possible).
 */
export function nominalFragmentLength(messageLen: number, minLen: number, maxLen: number): number {
  if (!(messageLen > 0 && minLen > 0 && maxLen >= minLen)) {
    throw new RangeError(
      `nominalFragmentLength: need messageLen > 0 and 0 < minLen ≤ maxLen, got ${messageLen}, ${minLen}, ${maxLen}`,
    );
  }
  const maxCount = Math.max(1, Math.floor(messageLen / minLen));
  let length = messageLen;
  for (let count = 1; count <= maxCount; count++) {
    length = Math.ceil(messageLen / count);
    if (length <= maxLen) break;
  }
  return length;
}

/** The message cut into fragments of `fragmentLen` bytes, the last one zero-padded. */
export function partitionMessage(message: Uint8Array, fragmentLen: number): Uint8Array[] {
  const count = Math.ceil(message.length / fragmentLen);
  const fragments: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const fragment = new Uint8Array(fragmentLen);
    fragment.set(message.subarray(i * fragmentLen, (i + 1) * fragmentLen));
    fragments.push(fragment);
  }
  return fragments;
}

export function xorInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) ^ (source[i] as number);
}

export interface FountainEncoder {
  readonly seqLen: number;
  readonly fragmentLen: number;
  readonly checksum: number;
  /** The part with this 1-based sequence number (deterministic). */
  part(seqNum: number): FountainPart;
}

export function createFountainEncoder(
  message: Uint8Array,
  opts: { maxFragmentLen: number; minFragmentLen?: number },
): FountainEncoder {
  const minLen = Math.min(opts.minFragmentLen ?? 10, opts.maxFragmentLen);
  const fragmentLen = nominalFragmentLength(message.length, minLen, opts.maxFragmentLen);
  const fragments = partitionMessage(message, fragmentLen);
  const checksum = crc32(message);
  const seqLen = fragments.length;
  return {
    seqLen,
    fragmentLen,
    checksum,
    part(seqNum) {
      const data = new Uint8Array(fragmentLen);
      for (const index of chooseFragments(seqNum, seqLen, checksum)) {
        xorInto(data, fragments[index] as Uint8Array);
      }
      return { seqNum, seqLen, messageLen: message.length, checksum, data };
    },
  };
}
