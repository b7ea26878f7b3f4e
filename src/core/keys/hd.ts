/**
 * The wallet's BIP32 key tree (secp256k1), see docs/keys.md:
 *
 *   m/7467'/0'                      wallet root: the wallet's own identity (did:key)
 *   m/7467'/0'/r'                   relationship key r, one per issuer; its xpub goes to the issuer
 *   m/7467'/0'/r'/c                 credential key c, derived by the issuer from that xpub
 *
 * Private keys never leave this module except into a callback (`withPrivateKey`) and are wiped
 * afterwards; every HDKey made here has `wipePrivateData()` called before the function returns.
 */
import { HDKey } from '@scure/bip32';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Bip32Path, Did, ExtendedPublicKey } from '../brand.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { assertChildIndex, bip32PathIndices, childPath, parseBip32Path } from './bip32-path.ts';
import { didKeyFromPublicKey } from './did-key.ts';

export { parseBip32Path } from './bip32-path.ts';

/**
 * The wallet root. 7467' is a hardened BIP43-style purpose of Vouch's own, not 44' (BIP44 coin
 * accounts), so no coin wallet that is given the same mnemonic ever derives or shows these keys;
 * the second step is the wallet account, 0'.
 */
export const WALLET_ROOT_PATH = "m/7467'/0'" as Bip32Path;

export interface DerivedKeyInfo {
  readonly path: Bip32Path;
  readonly xpub: ExtendedPublicKey;
  /** 33-byte compressed secp256k1 public key, lower-case hex. */
  readonly publicKeyHex: string;
  /** did:key of that public key (did:key:zQ3s…). */
  readonly did: Did;
}

/** WALLET_ROOT_PATH/index' — the hardened relationship key for one counterparty. */
export function relationshipPath(index: number): Bip32Path {
  assertChildIndex(index, 'index');
  return childPath(WALLET_ROOT_PATH, index, true);
}

/** relationshipPath(relationship)/child — a credential key (non-hardened, so issuers can derive it). */
export function credentialPath(relationship: number, child: number): Bip32Path {
  assertChildIndex(child, 'child');
  return childPath(relationshipPath(relationship), child, false);
}

/**
 * Derives the node at `path`, wiping every intermediate private key on the way. The caller must
 * call `wipePrivateData()` on the result.
 */
function deriveNode(seed: Uint8Array, path: Bip32Path): HDKey {
  const seedCopy = Uint8Array.from(seed);
  let node: HDKey;
  try {
    node = HDKey.fromMasterSeed(seedCopy);
  } finally {
    seedCopy.fill(0);
  }
  for (const index of bip32PathIndices(path)) {
    const parent = node;
    try {
      node = parent.deriveChild(index);
    } finally {
      parent.wipePrivateData();
    }
  }
  return node;
}

/** Public information about the key at `path` (default: the wallet root). Never private data. */
export function describeKey(seed: Uint8Array, path: Bip32Path = WALLET_ROOT_PATH): DerivedKeyInfo {
  const node = deriveNode(seed, path);
  try {
    const publicKey = node.publicKey;
    if (!publicKey) throw new Error('describeKey: derived node has no public key');
    return {
      path: normalisePath(path),
      xpub: node.publicExtendedKey as ExtendedPublicKey,
      publicKeyHex: bytesToHex(publicKey),
      did: didKeyFromPublicKey(publicKey),
    };
  } finally {
    node.wipePrivateData();
  }
}

/**
 * Lends the 32-byte private key at `path` to `use`, then wipes it (also when `use` throws).
 * `use` must not keep the buffer; copy-and-wipe signers such as `es256kSigner` are fine.
 */
export async function withPrivateKey<T>(
  seed: Uint8Array,
  path: Bip32Path,
  use: (privateKey32: Uint8Array) => Promise<T> | T,
): Promise<T> {
  const node = deriveNode(seed, path);
  const privateKey = node.privateKey;
  node.wipePrivateData();
  if (!privateKey) throw new Error('withPrivateKey: derived node has no private key');
  try {
    return await use(privateKey);
  } finally {
    privateKey.fill(0);
  }
}

export type ExtendedPublicKeyProblem = { message: string };

/** Checks an `xpub…` from outside (an issuer receives one from a wallet): public, well-formed. */
export function parseExtendedPublicKey(
  text: string,
): Result<ExtendedPublicKey, 'bad-xpub', ExtendedPublicKeyProblem> {
  const bad = (message: string) => failedWith('bad-xpub', { message });
  if (typeof text !== 'string') return bad(`expected a string, got ${typeof text}`);
  if (!text.startsWith('xpub')) {
    return bad(
      `expected an extended public key starting "xpub", got ${JSON.stringify(text.slice(0, 4))}${text.startsWith('xprv') ? ' (that is a PRIVATE key: never share it)' : ''}`,
    );
  }
  try {
    const node = HDKey.fromExtendedKey(text);
    if (node.privateKey) {
      node.wipePrivateData();
      return bad('expected a public extended key, got a private one');
    }
    if (node.publicExtendedKey !== text) return bad('not in canonical form');
  } catch (error) {
    return bad((error as Error).message);
  }
  return ok(text as ExtendedPublicKey);
}

/**
 * The compressed public key of non-hardened child `childIndex` of a relationship xpub: what an
 * issuer binds one credential to. Throws on a malformed xpub or index (check input at the
 * boundary with `parseExtendedPublicKey`).
 */
export function deriveCredentialPublicKey(xpub: ExtendedPublicKey, childIndex: number): Uint8Array {
  assertChildIndex(childIndex, 'childIndex');
  const parsed = parseExtendedPublicKey(xpub);
  if (!parsed.ok) throw new TypeError(`"xpub" ${parsed.detail.message}`);
  const child = HDKey.fromExtendedKey(parsed.value).deriveChild(childIndex);
  const publicKey = child.publicKey;
  if (!publicKey) throw new Error('deriveCredentialPublicKey: child has no public key');
  return publicKey;
}

function normalisePath(path: Bip32Path): Bip32Path {
  const parsed = parseBip32Path(path);
  if (!parsed.ok) throw new Error(`describeKey: ${parsed.detail.message}`);
  return parsed.value;
}
