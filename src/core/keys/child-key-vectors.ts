/**
 * Known non-hardened parent → child steps, for checking a child-key port (child-key.ts): every
 * such step of the BIP32 test vectors (bip32-vectors.cases.json) and of Vouch's own key tree
 * (vouch-key-tree.cases.json, docs/keys.md). Test data, shared by the core and platform tests.
 */
import { HDKey } from '@scure/bip32';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ExtendedPublicKey } from '../brand.ts';
import vectors from './bip32-vectors.cases.json';
import tree from './vouch-key-tree.cases.json';

export interface ChildVector {
  name: string;
  parentXpub: ExtendedPublicKey;
  index: number;
  /** The child's compressed public key, lower-case hex. */
  publicKeyHex: string;
}

function steps<Key extends { path: string; xpub: string }>(
  name: string,
  keys: readonly Key[],
  publicKeyHex: (key: Key) => string,
): ChildVector[] {
  return keys.flatMap((key) => {
    const cut = key.path.lastIndexOf('/');
    const last = key.path.slice(cut + 1);
    const parent = keys.find((other) => other.path === key.path.slice(0, cut));
    if (!parent || !/^\d+$/.test(last)) return [];
    return [
      {
        name: `${name} ${key.path}`,
        parentXpub: parent.xpub as ExtendedPublicKey,
        index: Number(last),
        publicKeyHex: publicKeyHex(key),
      },
    ];
  });
}

export const CHILD_VECTORS: readonly ChildVector[] = [
  ...vectors.vectors.flatMap((vector) =>
    steps(vector.name, vector.chains, (chain) =>
      bytesToHex(HDKey.fromExtendedKey(chain.xpub).publicKey as Uint8Array),
    ),
  ),
  ...steps('Vouch key tree', tree.keys, (key) => key.publicKeyHex),
];
