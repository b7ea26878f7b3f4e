/**
 * Inclusion proofs for receipts in a Hypercore (issue 14): the core's key, the block's index, the
 * Merkle nodes from the block up to the roots of a tree of `length` blocks, the remaining roots,
 * and the core's signature over that tree (Hypercore's signed tree hash). Made with Hypercore's
 * own proof API (`core.proof`) and checked with its own proof code (MerkleTree.verifyFullyRemote
 * and Verifier, as hypercore's lib/fully-remote-proof.js does), so a verifier needs only the
 * proof, the receipt's bytes and the core's public key — no ledger, no network.
 */
import type Hypercore from 'hypercore';
import type { HypercoreProof, TreeNode } from 'hypercore';
import c from 'compact-encoding';
import { MerkleTree } from 'hypercore/lib/merkle-tree.js';
import messages from 'hypercore/lib/messages.js';
import Verifier from 'hypercore/lib/verifier.js';
import { decodeBase64Url, encodeBase64Url } from '../core/encoding/base64url.ts';
import { bytesToHex, hexToBytes } from '../core/encoding/hex.ts';
import { inclusionProofSchema } from '../core/evidence/index.ts';
import type { InclusionProof } from '../core/evidence/index.ts';
import { failedWith, ok } from '../core/result.ts';
import type { Result } from '../core/result.ts';

type NodeJson = InclusionProof['nodes'][number];

const toJson = (node: TreeNode): NodeJson => ({
  index: node.index,
  size: node.size,
  hash: bytesToHex(node.hash),
});

function fromJson(node: NodeJson): TreeNode {
  const hash = hexToBytes(node.hash);
  if (!hash.ok) throw new TypeError(`tree node ${node.index}: ${hash.detail.message}`);
  return { index: node.index, size: node.size, hash: hash.value };
}

/** The proof that block `index` of `core` is in its signed tree of the current length. */
export async function makeInclusionProof(core: Hypercore, index: number): Promise<InclusionProof> {
  const length = core.length;
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new RangeError(`makeInclusionProof: index ${index} is not below the length ${length}`);
  }
  const proof = await core.proof({
    block: { index, nodes: 0 },
    upgrade: { start: 0, length },
  });
  if (!proof.block || !proof.upgrade)
    throw new Error('hypercore gave a proof without block or upgrade');
  const manifest = core.core.header.manifest;
  return {
    ledger: 'hypercore',
    coreKey: bytesToHex(core.key),
    index,
    length,
    fork: proof.fork,
    treeHash: bytesToHex(await core.treeHash(length)),
    manifest: encodeBase64Url(c.encode(messages.manifest, manifest)),
    nodes: proof.block.nodes.map(toJson),
    upgradeNodes: proof.upgrade.nodes.map(toJson),
    additionalNodes: proof.upgrade.additionalNodes.map(toJson),
    signature: encodeBase64Url(proof.upgrade.signature),
  };
}

export type InclusionProblem = 'bad-proof' | 'wrong-core' | 'entry-mismatch';

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Checks that `entry` (a receipt's binary form) is block `proof.index` of the core whose key is
 * `proof.coreKey` (and `coreKey`, when the caller pins one), under the core's signature.
 */
export function verifyInclusionProof(options: {
  proof: unknown;
  entry: Uint8Array;
  coreKey?: string;
}): Result<InclusionProof, InclusionProblem, { message: string }> {
  const parsed = inclusionProofSchema.safeParse(options.proof);
  if (!parsed.success) {
    return failedWith('bad-proof', {
      message: `not an inclusion proof: ${parsed.error.issues[0]?.message}`,
    });
  }
  const proof = parsed.data;
  if (options.coreKey !== undefined && options.coreKey !== proof.coreKey) {
    return failedWith('wrong-core', {
      message: `the proof is for core ${proof.coreKey}, not ${options.coreKey}`,
    });
  }
  if (proof.index >= proof.length) {
    return failedWith('bad-proof', {
      message: `index ${proof.index} is not below length ${proof.length}`,
    });
  }
  try {
    const key = hexToBytes(proof.coreKey);
    const manifestBytes = decodeBase64Url(proof.manifest);
    const signature = decodeBase64Url(proof.signature);
    if (!key.ok || !manifestBytes.ok || !signature.ok) {
      return failedWith('bad-proof', {
        message: 'coreKey, manifest or signature is not encoded right',
      });
    }
    const manifest = c.decode(messages.manifest, manifestBytes.value) as { prologue?: unknown };
    if (!Verifier.isValidManifest(key.value, manifest)) {
      return failedWith('bad-proof', { message: "the manifest is not the core key's manifest" });
    }
    const hypercoreProof: HypercoreProof = {
      fork: proof.fork,
      block: { index: proof.index, value: options.entry, nodes: proof.nodes.map(fromJson) },
      hash: null,
      seek: null,
      upgrade: {
        start: 0,
        length: proof.length,
        nodes: proof.upgradeNodes.map(fromJson),
        additionalNodes: proof.additionalNodes.map(fromJson),
        signature: signature.value,
      },
      manifest,
    };
    const session = {
      fork: 0,
      roots: [],
      length: 0,
      signature: null,
      ancestors: 0,
      byteLength: 0,
      prologue: manifest.prologue ?? null,
      storage: null,
    };
    const batch = MerkleTree.verifyFullyRemote(session, hypercoreProof);
    // verifyFullyRemote does not insist that the block's root is one of the signed roots: check it.
    const blockRoot = batch.nodes[batch.nodes.length - 1];
    const rooted =
      blockRoot !== undefined &&
      batch.roots.some(
        (root) => root.index === blockRoot.index && equal(root.hash, blockRoot.hash),
      );
    const verifier = new Verifier(key.value, Verifier.createManifest(manifest));
    if (!rooted || batch.length !== proof.length || !verifier.verify(batch, batch.signature)) {
      return failedWith('entry-mismatch', {
        message: `the core's signature does not cover this receipt at index ${proof.index}`,
      });
    }
    if (bytesToHex(batch.hash()) !== proof.treeHash) {
      return failedWith('bad-proof', { message: 'the tree hash is not the one signed' });
    }
    return ok(proof);
  } catch (error) {
    return failedWith('bad-proof', {
      message: `the proof does not parse: ${(error as Error).message}`,
    });
  }
}
