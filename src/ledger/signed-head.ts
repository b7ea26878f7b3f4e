/**
 * Signed tree heads: (core, length, fork, tree hash, the core's signature). Nodes tell each other
 * the head of every core they hold; two valid signatures by one core for the same length and
 * fork over different tree hashes are a fork (equivocation) — proof enough to report it.
 * Signatures are checked with Hypercore's own Verifier against the core's manifest.
 */
import type Hypercore from 'hypercore';
import caps from 'hypercore/lib/caps.js';
import Verifier from 'hypercore/lib/verifier.js';
import { z } from 'zod';
import { decodeBase64Url, encodeBase64Url } from '../core/encoding/base64url.ts';
import { bytesToHex, hexToBytes } from '../core/encoding/hex.ts';

export const signedHeadSchema = z.strictObject({
  core: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().positive(),
  fork: z.number().int().nonnegative(),
  treeHash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
});
export type SignedHead = z.infer<typeof signedHeadSchema>;

/** The head of `core` at its current length (undefined while it is empty). */
export async function signedHeadOf(core: Hypercore): Promise<SignedHead | undefined> {
  const length = core.length;
  if (length === 0) return undefined;
  const proof = await core.proof({ upgrade: { start: 0, length } });
  if (!proof.upgrade) return undefined;
  return {
    core: bytesToHex(core.key),
    length,
    fork: proof.fork,
    treeHash: bytesToHex(await core.treeHash(length)),
    signature: encodeBase64Url(proof.upgrade.signature),
  };
}

/** Is `head` signed by the core whose key and manifest are these? */
export function verifySignedHead(head: SignedHead, key: Uint8Array, manifest: unknown): boolean {
  if (!manifest || head.core !== bytesToHex(key)) return false;
  const treeHash = hexToBytes(head.treeHash);
  const signature = decodeBase64Url(head.signature);
  if (!treeHash.ok || !signature.ok) return false;
  const tree = {
    length: head.length,
    fork: head.fork,
    hash: () => treeHash.value,
    signable: (namespace: Uint8Array) =>
      caps.treeSignable(namespace, treeHash.value, head.length, head.fork),
  };
  try {
    return new Verifier(key, Verifier.createManifest(manifest)).verify(tree, signature.value);
  } catch {
    return false;
  }
}
