/** Deterministic "random" bytes for tests: sha-256(seed || counter) blocks. Never for real keys. */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../encoding/utf8.ts';

export function seededRandomBytes(seed: string): (length: number) => Uint8Array {
  let counter = 0;
  return (length: number) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 32) {
      const block = sha256(utf8ToBytes(`${seed}/${counter++}`));
      out.set(block.subarray(0, Math.min(32, length - offset)), offset);
    }
    return out;
  };
}
