/**
 * `npm run bench -- evidence` (issue 14): receipts appended per second on one ledger node, and
 * replicated per second into a second node (which checks both signatures of every entry it
 * receives), against the bare check of a receipt's two signatures measured in the same run (the
 * floor of what a node must do per entry). BeSure's anchor: about 1,000 transactions/s on 4 cores
 * (MultiChain). Also the size of a receipt and the disk a node needs per receipt, projected to
 * BeSure's 116 million receipts over 50 years (their projection: under 100 GB).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  countersign,
  encodeReceipt,
  makeReceipt,
  partyFromJwk,
  receiptId,
  signAsFirst,
} from '../../src/core/evidence/index.ts';
import type { Receipt, ReceiptOpening } from '../../src/core/evidence/index.ts';
import { utf8ToBytes } from '../../src/core/encoding/utf8.ts';
import { KnownOrganisations } from '../../src/ledger/known-orgs.ts';
import { LedgerNode } from '../../src/ledger/ledger-node.ts';
import { REPLAY_INDEX_DIR } from '../../src/ledger/replay-index.ts';
import { verifyOnlyCrypto } from '../../src/ledger/crypto.ts';
import { verifyRoleSignature } from '../../src/core/evidence/sign.ts';
import { webJwsCrypto } from '../../src/platform/crypto/jws-crypto.ts';
import type { BenchSection, BenchSectionRunner } from './types.ts';

const RECEIPTS = 4000;
const IN_FLIGHT = 64;
const BESURE_TX_PER_S = 1000;
const BESURE_RECEIPTS = 116_000_000;
const BESURE_GB = 100;

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await directoryBytes(path) : (await stat(path)).size;
  }
  return total;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 60_000; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('bench evidence: replication never finished');
}

export const run: BenchSectionRunner = async (): Promise<BenchSection> => {
  const crypto = webJwsCrypto();
  const desk = await crypto.generateKeyPair('ES256');
  const wallet = await crypto.generateKeyPair('ES256K');
  const deskParty = partyFromJwk(desk.publicJwk);
  const walletParty = partyFromJwk(wallet.publicJwk);
  const random = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

  // Receipts as a verifier desk and a wallet make them: acknowledged applications.
  const made: { receipt: Receipt; opening: ReceiptOpening }[] = [];
  for (let i = 0; i < RECEIPTS; i++) {
    const { receipt, opening } = makeReceipt({
      action: 'ACKNOWLEDGE',
      time: Date.now(),
      document: utf8ToBytes(`{"application":${i},"claims":["income","household"]}`),
      sender: walletParty,
      recipient: deskParty,
      randomBytes: random,
    });
    const first = await signAsFirst({
      receipt,
      as: 'recipient',
      sign: (data) => crypto.sign('ES256', desk.privateJwk, data),
    });
    const signed = await countersign({
      receipt: first,
      as: 'sender',
      sign: (data) => crypto.sign('ES256K', wallet.privateJwk, data),
      crypto,
    });
    if (!signed.ok) throw new Error(`bench evidence: ${signed.reason}`);
    made.push({ receipt: signed.value, opening });
  }

  const verifier = verifyOnlyCrypto();
  const bareChecks = async (): Promise<number> => {
    const start = performance.now();
    for (const { receipt } of made) {
      if (
        !(await verifyRoleSignature(receipt, 'sender', verifier)) ||
        !(await verifyRoleSignature(receipt, 'recipient', verifier))
      ) {
        throw new Error('bench evidence: a receipt does not verify');
      }
    }
    return made.length / ((performance.now() - start) / 1000);
  };

  const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-evidence-'));
  try {
    const knownOrgs = new KnownOrganisations([
      { name: 'Bench agency', parties: [deskParty], cores: [] },
    ]);
    const before = await bareChecks();

    const a = await LedgerNode.open({ dataDir: join(dir, 'a'), knownOrgs });
    const emptyBytes = await directoryBytes(join(dir, 'a', 'corestore'));
    const half = RECEIPTS / 2;
    // One desk posting one receipt at a time (each waits for its entry)…
    const oneStart = performance.now();
    for (const record of made.slice(0, half)) {
      const appended = await a.append(record);
      if (!appended.ok) throw new Error(`bench evidence: append refused (${appended.reason})`);
    }
    const appendedOne = half / ((performance.now() - oneStart) / 1000);
    // …and many desks at once (IN_FLIGHT requests waiting): the node writes them in batches.
    const manyStart = performance.now();
    const rest = made.slice(half);
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, worker) => {
        for (let i = worker; i < rest.length; i += IN_FLIGHT) {
          const appended = await a.append(rest[i] as (typeof rest)[number]);
          if (!appended.ok) throw new Error(`bench evidence: append refused (${appended.reason})`);
        }
      }),
    );
    const appendedMany = rest.length / ((performance.now() - manyStart) / 1000);

    const b = await LedgerNode.open({ dataDir: join(dir, 'b'), knownOrgs });
    const port = await a.listen();
    const last = receiptId((made[made.length - 1] as (typeof made)[number]).receipt);
    const replicateStart = performance.now();
    b.connect('127.0.0.1', port);
    await until(async () => (await b.proofOf(last)) !== undefined);
    const replicated = made.length / ((performance.now() - replicateStart) / 1000);
    await b.close();
    await a.close();
    // Reopened once, as after a restart: RocksDB replays and flushes its log; the replay index is
    // read from disk (how far the core is indexed), not rebuilt from every entry.
    const reopenStart = performance.now();
    const reopened = await LedgerNode.open({ dataDir: join(dir, 'a'), knownOrgs });
    const reopenMs = performance.now() - reopenStart;
    const replayed = await reopened.append(made[0] as (typeof made)[number]);
    if (replayed.ok) throw new Error('bench evidence: a replay was accepted after the restart');
    await reopened.close();
    const indexBytes = await directoryBytes(join(dir, 'a', REPLAY_INDEX_DIR));
    // The same restart without the index on disk: every entry is read and indexed again (what
    // every restart cost while the index lived in memory).
    await rm(join(dir, 'a', REPLAY_INDEX_DIR), { recursive: true });
    const rebuildStart = performance.now();
    await (await LedgerNode.open({ dataDir: join(dir, 'a'), knownOrgs })).close();
    const rebuildMs = performance.now() - rebuildStart;

    const after = await bareChecks();
    const bare = (before + after) / 2;
    const ledgerBytes = (await directoryBytes(join(dir, 'a', 'corestore'))) - emptyBytes;
    const heldBytes = (await stat(join(dir, 'a', 'held-receipts.jsonl'))).size;
    const perEntry = ledgerBytes / made.length;
    const projectedGb = (perEntry * BESURE_RECEIPTS) / 1e9;
    const size = encodeReceipt((made[0] as (typeof made)[number]).receipt).length;
    const ratio = (value: number) => Math.round((value / bare) * 1000) / 1000;
    const cores = availableParallelism();
    return {
      id: 'evidence',
      title: `Evidence: receipts on the Hypercore ledger (${RECEIPTS} receipts)`,
      baseline:
        "bare check of a receipt's two signatures (node:crypto ES256 + ES256K, as the node checks them), same run",
      rows: [
        {
          name: 'bare check of both signatures (baseline, mean of before and after)',
          value: Math.round(bare),
          unit: 'receipts/s',
          ratio: 1,
        },
        {
          name: 'appended on one node, one request at a time',
          value: Math.round(appendedOne),
          unit: 'receipts/s',
          ratio: ratio(appendedOne),
        },
        {
          name: `appended on one node, ${IN_FLIGHT} requests at once (batched writes)`,
          value: Math.round(appendedMany),
          unit: 'receipts/s',
          ratio: ratio(appendedMany),
          goal: `≥ ${BESURE_TX_PER_S}/s (BeSure, MultiChain, 4 cores)`,
          pass: appendedMany >= BESURE_TX_PER_S,
        },
        {
          name: 'replicated into a second node over TCP (both signatures of each entry checked)',
          value: Math.round(replicated),
          unit: 'receipts/s',
          ratio: ratio(replicated),
          goal: `≥ ${BESURE_TX_PER_S}/s`,
          pass: replicated >= BESURE_TX_PER_S,
        },
        {
          name: 'receipt, binary (ES256 desk, ES256K wallet, sha-256)',
          value: size,
          unit: 'bytes',
          goal: '≤ 400 bytes',
          pass: size <= 400,
        },
        { name: 'ledger disk per receipt (Corestore)', value: Math.round(perEntry), unit: 'bytes' },
        {
          name: `ledger disk for ${BESURE_RECEIPTS.toLocaleString('en')} receipts (projected)`,
          value: Math.round(projectedGb * 10) / 10,
          unit: 'GB',
          goal: `< ${BESURE_GB} GB (BeSure)`,
          pass: projectedGb < BESURE_GB,
        },
        {
          name: `replay index disk per receipt (RocksDB, ${REPLAY_INDEX_DIR}/)`,
          value: Math.round(indexBytes / made.length),
          unit: 'bytes',
        },
        {
          name: `replay index disk for ${BESURE_RECEIPTS.toLocaleString('en')} receipts (projected)`,
          value: Math.round(((indexBytes / made.length) * BESURE_RECEIPTS) / 1e8) / 10,
          unit: 'GB',
        },
        {
          name: `restart: node reopened on ${RECEIPTS} entries (replay index read, not rebuilt; replay refused after)`,
          value: Math.round(reopenMs),
          unit: 'ms',
        },
        {
          name: `restart without the index on disk (all ${RECEIPTS} entries reread and indexed)`,
          value: Math.round(rebuildMs),
          unit: 'ms',
        },
      ],
      notes: [
        `${cores} cores (BeSure measured on 4). The node is one process: its checks and writes share one core.`,
        `Baseline before ${Math.round(before)}/s, after ${Math.round(after)}/s.`,
        `The node's private file of held openings (salt, document hash: not in the ledger) took ${Math.round(heldBytes / made.length)} bytes a receipt more.`,
        'Disk: the Corestore directory after the node was closed, reopened and closed (RocksDB; half the entries written one by one, half in batches).',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
