/** Shared by the receipt tests: the abandon…art wallet and a well-formed (not real) ledger proof. */
import type { InclusionProof } from '../evidence/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createHolderWallet, type HolderWallet } from './holder-wallet.ts';
import { startApplicationReceipt } from './receipts.ts';

export const ABANDON_ART = `${'abandon '.repeat(23)}art`;

/** A fresh in-memory wallet restored from the BIP39 all-zero-entropy words (docs/keys.md). */
export async function abandonArtWallet(): Promise<HolderWallet> {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

/** The wallet's half for an application to `verifierDid` (a did:key) over `vpToken`. */
export async function applicationHalf(
  wallet: HolderWallet,
  options: {
    verifierDid: string;
    vpToken: Readonly<Record<string, readonly string[]>>;
    now: Date;
    randomBytes: (n: number) => Uint8Array;
  },
) {
  const started = await startApplicationReceipt(wallet, {
    request: {
      clientId: `decentralized_identifier:${options.verifierDid}`,
      verified: true,
      verifierDid: options.verifierDid,
    },
    verifierName: 'Gemeente Testdorp',
    vpToken: options.vpToken,
    now: options.now,
    randomBytes: options.randomBytes,
  });
  if (!started) throw new Error('no receipt offered');
  return started;
}

/** Schema-valid, not a real Hypercore proof: what a ledger node's answer looks like. */
export const FAKE_INCLUSION: InclusionProof = {
  ledger: 'hypercore',
  coreKey: 'ab'.repeat(32),
  index: 7,
  length: 8,
  fork: 0,
  treeHash: 'cd'.repeat(32),
  manifest: 'AA',
  nodes: [],
  upgradeNodes: [],
  additionalNodes: [],
  signature: 'AA',
};
