// The evidence ledger (issue 14): three nodes on localhost replicate each other (in-process,
// random ports, temp dirs); refusals; truncation and forks reported; a receipt verifies against
// a cold copy of a node's data dir and against a running node.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Corestore from 'corestore';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '../core/encoding/hex.ts';
import { utf8ToBytes } from '../core/encoding/utf8.ts';
import {
  countersign,
  encodeReanchor,
  encodeReceipt,
  makeReanchor,
  makeReceipt,
  receiptId,
  receiptRecordToJson,
  receiptToJson,
  signAsFirst,
} from '../core/evidence/index.ts';
import type { Receipt, ReceiptOpening, ReceiptVerification } from '../core/evidence/index.ts';
import { testCrypto, testParty } from '../core/evidence/receipt-parties.fake.ts';
import type { TestParty } from '../core/evidence/receipt-parties.fake.ts';
import { seededRandomBytes } from '../core/jose/random-bytes.fake.ts';
import { verifyInclusionProof } from './inclusion-proof.ts';
import { KnownOrganisations } from './known-orgs.ts';
import { LedgerNode } from './ledger-node.ts';
import { REPLAY_INDEX_DIR, ReplayIndex } from './replay-index.ts';
import type { LedgerEvent } from './ledger-node.ts';
import { startLedger } from './start-ledger.ts';
import { verifyEvidence } from './verify-evidence.ts';

const root = mkdtempSync(join(tmpdir(), 'vouch-ledger-test-'));
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const item of opened) await item.close().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

let dirs = 0;
const freshDir = (): string => join(root, `node-${dirs++}`);

/** Waits (polling) until `condition` holds; fails naming `what` if it never does. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 2500; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`never happened: ${what}`);
}

const desks = {
  utrecht: await testParty('ES256', 'ledger-utrecht'),
  svb: await testParty('EdDSA', 'ledger-svb'),
  uwv: await testParty('ES256', 'ledger-uwv'),
};
const wallet = await testParty('ES256K', 'ledger-wallet-relationship');
const knownOrgs = new KnownOrganisations([
  { name: 'Gemeente Utrecht', parties: [desks.utrecht.party], cores: [] },
  { name: 'SVB', parties: [desks.svb.party], cores: [] },
  { name: 'UWV', parties: [desks.uwv.party], cores: [] },
]);

let receipts = 0;
/** An application acknowledged by `desk` and co-signed by the wallet's relationship key. */
async function acknowledged(
  desk: TestParty,
  signer: TestParty = wallet,
): Promise<{ receipt: Receipt; opening: ReceiptOpening; document: Uint8Array }> {
  const document = utf8ToBytes(`{"application":${receipts}}`);
  const { receipt, opening } = makeReceipt({
    action: 'ACKNOWLEDGE',
    time: Date.parse('2026-12-03T01:00:00.000Z') + receipts,
    document,
    sender: signer.party,
    recipient: desk.party,
    randomBytes: seededRandomBytes(`ledger-salt-${receipts++}`),
  });
  const first = await signAsFirst({ receipt, as: 'recipient', sign: desk.sign });
  const signed = await countersign({
    receipt: first,
    as: 'sender',
    sign: signer.sign,
    crypto: testCrypto,
  });
  if (!signed.ok) throw new Error(signed.reason);
  return { receipt: signed.value, opening, document };
}

async function openNode(dataDir = freshDir(), copiedData = false): Promise<LedgerNode> {
  const node = await LedgerNode.open({ dataDir, knownOrgs, copiedData });
  opened.push(node);
  return node;
}

const forkEvents = (node: LedgerNode): LedgerEvent[] =>
  node.events.filter((event) => event.type === 'fork');

describe('three ledger nodes on localhost', () => {
  it('Given three nodes in a line (C → B → A), when each appends a receipt, then every node holds all three cores and proves every receipt', async () => {
    const a = await openNode();
    const b = await openNode();
    const c = await openNode();
    const portA = await a.listen();
    const portB = await b.listen();
    b.connect('127.0.0.1', portA);
    c.connect('127.0.0.1', portB);
    const made = [
      await acknowledged(desks.utrecht),
      await acknowledged(desks.svb),
      await acknowledged(desks.uwv),
    ];
    const nodes = [a, b, c];
    for (const [i, node] of nodes.entries()) {
      const { receipt, opening } = made[i] as (typeof made)[number];
      expect(await node.append({ receipt, opening })).toEqual({
        ok: true,
        value: { coreKey: node.coreKey, index: 0 },
      });
    }
    for (const node of nodes) {
      await until(
        async () =>
          (await Promise.all(made.map((m) => node.proofOf(receiptId(m.receipt))))).every(Boolean),
        'every node holds every receipt',
      );
      expect(
        node
          .status()
          .cores.map((core) => core.key)
          .sort(),
      ).toEqual(nodes.map((n) => n.coreKey).sort());
      for (const [i, m] of made.entries()) {
        const proof = await node.proofOf(receiptId(m.receipt));
        const verified = verifyInclusionProof({
          proof: proof?.inclusion,
          entry: encodeReceipt(m.receipt),
          coreKey: nodes[i]?.coreKey,
        });
        expect(verified.ok).toBe(true);
      }
    }
    expect(nodes.flatMap((node) => node.events)).toEqual([]);
  });
});

describe('what a node refuses', () => {
  it('Given single-signed, altered, unknown-party, unopened-wallet and replayed receipts, then each is refused with its reason and nothing is appended', async () => {
    const node = await openNode();
    const good = await acknowledged(desks.utrecht);
    const { receipt: firstOnly } = makeReceipt({
      action: 'ISSUE',
      time: 0,
      document: utf8ToBytes('x'),
      sender: desks.utrecht.party,
      recipient: wallet.party,
      randomBytes: seededRandomBytes('single'),
    });
    const singleSigned = await signAsFirst({
      receipt: firstOnly,
      as: 'sender',
      sign: desks.utrecht.sign,
    });
    const stranger = await testParty('ES256', 'not-an-organisation');
    const unknown = await acknowledged(stranger);

    expect(await node.append({ receipt: singleSigned })).toMatchObject({
      ok: false,
      reason: 'not-double-signed',
    });
    expect(
      await node.append({ receipt: { ...good.receipt, time: good.receipt.time + 1 } }),
    ).toMatchObject({ ok: false, reason: 'not-double-signed' });
    expect(await node.append({ receipt: unknown.receipt, opening: unknown.opening })).toMatchObject(
      { ok: false, reason: 'unknown-organisation' },
    );
    expect(await node.append({ receipt: good.receipt })).toMatchObject({
      ok: false,
      reason: 'unknown-counter-signer',
    });
    expect(
      await node.append({
        receipt: good.receipt,
        opening: { ...good.opening, salt: new Uint8Array(32) },
      }),
    ).toMatchObject({ ok: false, reason: 'bad-opening' });
    expect(node.length).toBe(0);

    expect((await node.append(good)).ok).toBe(true);
    expect(await node.append(good)).toMatchObject({ ok: false, reason: 'replayed' });
    expect(node.length).toBe(1);

    const twice = await acknowledged(desks.utrecht);
    const results = await Promise.all([node.append(twice), node.append(twice)]);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'replayed']);
    expect(node.length).toBe(2);
  });

  it('Given a receipt between two known organisations, then it is appended without an opening', async () => {
    const node = await openNode();
    const { receipt } = await acknowledged(desks.utrecht, desks.svb);
    expect((await node.append({ receipt })).ok).toBe(true);
  });
});

describe('the replay index on disk', () => {
  it('Given a node restarted on its data dir, then its index on disk says how far the core is indexed, and it refuses replays and proves entries from it', async () => {
    const dataDir = freshDir();
    const first = await openNode(dataDir);
    const made = [await acknowledged(desks.uwv), await acknowledged(desks.uwv)];
    for (const m of made) expect((await first.append(m)).ok).toBe(true);
    await first.close();

    const index = await ReplayIndex.open(join(dataDir, REPLAY_INDEX_DIR));
    const progress = await index.progress(first.coreKey);
    const { places } = await index.lookup(made.map((m) => receiptId(m.receipt)));
    await index.close();
    expect(progress).toEqual({ length: 2, fork: 0 });
    expect([...places.values()]).toEqual([
      { core: first.coreKey, index: 0 },
      { core: first.coreKey, index: 1 },
    ]);

    const again = await openNode(dataDir);
    for (const m of made) {
      expect(await again.append(m)).toMatchObject({ ok: false, reason: 'replayed' });
      expect((await again.proofOf(receiptId(m.receipt)))?.inclusion.coreKey).toBe(again.coreKey);
    }
    const fresh = await acknowledged(desks.uwv);
    expect((await again.append(fresh)).ok).toBe(true);
    expect(again.length).toBe(3);
  });
});

describe('deleted and forked entries', () => {
  it('Given a node whose operator deletes its last entry and writes another, then the replicating node reports a truncation fork', async () => {
    const dirA = freshDir();
    let a = await openNode(dirA);
    const b = await openNode();
    const portB = await b.listen();
    a.connect('127.0.0.1', portB);
    const first = await acknowledged(desks.utrecht);
    const second = await acknowledged(desks.utrecht);
    await a.append(first);
    await a.append(second);
    const coreA = a.coreKey;
    await until(
      () => b.status().cores.some((core) => core.key === coreA && core.length === 2),
      'B replicates both entries',
    );
    await a.close();

    // The operator rewrites history in A's data dir: entry 1 deleted, another written instead.
    const store = new Corestore(join(dirA, 'corestore'));
    const core = store.get({ name: 'vouch-receipts' });
    await core.ready();
    await core.truncate(1);
    const rewritten = await acknowledged(desks.utrecht);
    await core.append(encodeReceipt(rewritten.receipt));
    await store.close();

    a = await openNode(dirA);
    // A's replay index saw the fork change: it indexed its core again.
    expect(await a.proofOf(receiptId(second.receipt))).toBeUndefined();
    expect((await a.proofOf(receiptId(rewritten.receipt)))?.inclusion.index).toBe(1);
    a.connect('127.0.0.1', portB);
    await until(() => forkEvents(b).length > 0, 'B reports the fork');
    const [event] = forkEvents(b);
    expect(event).toMatchObject({ type: 'fork', kind: 'truncated', core: coreA });
    // Hypercore rolls back to where it can prove the histories agree: at most entry 0 stays.
    expect(event?.type === 'fork' && event.length).toBeLessThan(2);
    expect(b.status().forks).toBe(1);
    expect(await b.proofOf(receiptId(second.receipt))).toBeUndefined();
  });

  it('Given a copy of a node that keeps writing beside the original, then a node that meets both reports two signed trees of one length', async () => {
    const dirA = freshDir();
    const dirCopy = freshDir();
    const a0 = await openNode(dirA);
    await a0.append(await acknowledged(desks.svb));
    await a0.close();
    cpSync(dirA, dirCopy, { recursive: true });
    const a = await openNode(dirA);
    const copy = await openNode(dirCopy, true);
    expect(copy.coreKey).toBe(a.coreKey);
    await a.append(await acknowledged(desks.svb));
    await copy.append(await acknowledged(desks.svb));

    const b = await openNode();
    const portB = await b.listen();
    a.connect('127.0.0.1', portB);
    await until(
      () => b.status().cores.some((core) => core.key === a.coreKey && core.length === 2),
      'B replicates the original',
    );
    copy.connect('127.0.0.1', portB);
    await until(() => forkEvents(b).length > 0, 'B reports the fork');
    const [event] = forkEvents(b);
    expect(event).toMatchObject({ kind: 'conflicting-heads', core: a.coreKey, length: 2 });
    expect(event?.type === 'fork' && event.heads?.length).toBe(2);
  });
});

describe('vouch evidence verify, in-process', () => {
  it('Given a receipt on a node, then it reaches level 3 against a cold copy of the data dir and against the running node, and level 2 without a ledger', async () => {
    const dataDir = freshDir();
    const running = await startLedger({ dataDir, knownOrgs });
    opened.push(running);
    const made = await acknowledged(desks.utrecht);
    const response = await fetch(`${running.url}/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(receiptRecordToJson(made)),
    });
    expect(response.status).toBe(201);
    const { inclusion } = (await response.json()) as { inclusion: unknown };
    const parsedInclusion = verifyInclusionProof({
      proof: inclusion,
      entry: encodeReceipt(made.receipt),
    });
    expect(parsedInclusion.ok).toBe(true);
    if (!parsedInclusion.ok) return;

    const cold = freshDir();
    cpSync(dataDir, cold, { recursive: true });
    const record = { ...made, inclusion: parsedInclusion.value };
    const fromCopy = await verifyEvidence({ ...record, ledger: { dir: cold } });
    expect(fromCopy).toMatchObject({ valid: true, level: 3 });
    const fromNode = await verifyEvidence({ ...record, ledger: { url: running.url } });
    expect(fromNode).toMatchObject({ valid: true, level: 3 });
    expect(await verifyEvidence(record)).toMatchObject({ valid: true, level: 2 });

    const otherReceipt = await acknowledged(desks.utrecht);
    for (const [proof, entry] of [
      [{ ...parsedInclusion.value, index: 1 }, encodeReceipt(made.receipt)],
      [
        {
          ...parsedInclusion.value,
          signature: parsedInclusion.value.signature.replace(/^./, (ch) =>
            ch === 'A' ? 'B' : 'A',
          ),
        },
        encodeReceipt(made.receipt),
      ],
      [parsedInclusion.value, encodeReceipt(otherReceipt.receipt)],
    ] as const) {
      expect(verifyInclusionProof({ proof, entry }).ok).toBe(false);
    }
    const wrongProof = await verifyEvidence({
      ...otherReceipt,
      inclusion: parsedInclusion.value,
    });
    expect(wrongProof.checks.find((check) => check.name === 'inclusion-proof')?.code).toBe(
      'entry-mismatch',
    );

    const notThere = await acknowledged(desks.utrecht);
    const missing = await verifyEvidence({ ...notThere, ledger: { dir: cold } });
    expect(missing.valid).toBe(false);
    expect(missing.checks.find((check) => check.name === 'ledger')?.code).toBe('not-anchored');

    const replay = await fetch(`${running.url}/entries`, {
      method: 'POST',
      body: JSON.stringify(receiptRecordToJson(made)),
    });
    expect(replay.status).toBe(409);
  });
});

describe('re-anchoring (algorithm agility)', () => {
  const withdrawn = ['sha-256', 'ES256', 'ES256K'];
  const algorithmsCheck = (result: ReceiptVerification) =>
    result.checks.find((check) => check.name === 'algorithms');

  it('Given receipts re-anchored under sha-512 by the organisation (EdDSA), when sha-256 and the ECDSA algorithms are withdrawn, then they still verify at level 3 from a cold copy, and a second run appends nothing', async () => {
    const dataDir = freshDir();
    const node = await openNode(dataDir);
    const made: Awaited<ReturnType<typeof acknowledged>>[] = [];
    const at = (i: number) => made[i] as (typeof made)[number];
    for (let i = 0; i < 5; i++) {
      const m = await acknowledged(desks.utrecht);
      expect((await node.append(m)).ok).toBe(true);
      made.push(m);
    }
    const unanchoredCopy = freshDir();
    cpSync(dataDir, unanchoredCopy, { recursive: true });
    const before = await verifyEvidence({ ...at(1), ledger: { dir: unanchoredCopy }, withdrawn });
    expect(before).toMatchObject({ valid: false, level: 0 });
    expect(algorithmsCheck(before)).toMatchObject({ ok: false, code: 'algorithm-not-allowed' });
    expect(algorithmsCheck(before)?.message).toMatch(/sha-256.*no re-anchor entry under sha-512/);

    const reanchor = { hashAlg: 'sha-512' as const, signer: desks.svb.party, sign: desks.svb.sign };
    const first = await node.reanchor({ ...reanchor, batch: 2 });
    expect(first.appended).toEqual([
      { index: 5, start: 0, end: 2 },
      { index: 6, start: 2, end: 4 },
      { index: 7, start: 4, end: 5 },
    ]);
    const second = await node.reanchor({ ...reanchor, batch: 2 });
    expect(second).toMatchObject({ appended: [], alreadyCovered: 5, length: 8 });
    expect((await node.reanchor({ ...reanchor, from: 3 })).appended).toEqual([]);

    // Another node replicates the re-anchor entries and finds nothing wrong with them.
    const peer = await openNode();
    node.connect('127.0.0.1', await peer.listen());
    await until(
      () => peer.status().cores.some((core) => core.key === node.coreKey && core.length === 8),
      'the peer replicates the re-anchored core',
    );
    await until(
      async () => (await peer.proofOf(receiptId(at(4).receipt))) !== undefined,
      'the peer indexed it',
    );
    expect(peer.events).toEqual([]);

    const cold = freshDir();
    cpSync(dataDir, cold, { recursive: true });
    for (const m of made) {
      const result = await verifyEvidence({ ...m, ledger: { dir: cold }, withdrawn });
      expect(result).toMatchObject({ valid: true, level: 3 });
      expect(algorithmsCheck(result)).toMatchObject({ ok: true, code: 'reanchored' });
    }
    expect(
      algorithmsCheck(await verifyEvidence({ ...at(3), ledger: { dir: cold }, withdrawn })),
    ).toMatchObject({
      message: expect.stringMatching(/re-anchor entry 6 .*entries 2–3, sha-512, signed EdDSA/),
    });
    // Without a ledger, or with sha-512 withdrawn too, nothing rescues the receipt.
    expect(await verifyEvidence({ ...at(0), withdrawn })).toMatchObject({ valid: false });
    expect(
      await verifyEvidence({
        ...at(0),
        ledger: { dir: cold },
        withdrawn: [...withdrawn, 'sha-512'],
      }),
    ).toMatchObject({ valid: false, level: 0 });
  });

  it('Given a re-anchor entry written by hand whose commitment is not the one of the entries it claims, then verify refuses it by name and the node reports it', async () => {
    const dataDir = freshDir();
    const node = await openNode(dataDir);
    const m = await acknowledged(desks.uwv);
    expect((await node.append(m)).ok).toBe(true);
    const coreKey = node.coreKey;
    await node.close();

    const store = new Corestore(join(dataDir, 'corestore'));
    const core = store.get({ name: 'vouch-receipts' });
    await core.ready();
    const forged = await makeReanchor(
      {
        hashAlg: 'sha-512',
        time: Date.parse('2051-01-01T00:00:00.000Z'),
        coreKey: core.key,
        start: 0,
        end: 1,
        treeHash: await core.treeHash(1),
        signer: desks.svb.party,
      },
      [utf8ToBytes('not the entry')],
      desks.svb.sign,
    );
    await core.append(encodeReanchor(forged));
    await store.close();
    expect(bytesToHex(core.key)).toBe(coreKey);

    const result = await verifyEvidence({
      ...m,
      ledger: { dir: dataDir },
      withdrawn: ['sha-256'],
    });
    expect(result).toMatchObject({ valid: false, level: 0 });
    expect(algorithmsCheck(result)?.message).toMatch(/re-anchor entry 1: .*commitment/);

    // The node itself, restarted, indexes the hand-written entry and reports it.
    const reopened = await openNode(dataDir);
    expect(reopened.events).toMatchObject([
      { type: 'invalid-entry', index: 1, message: expect.stringMatching(/commitment/) },
    ]);
  });
});

describe('the HTTP API', () => {
  it('Given a running node, then /status, /events, unknown proofs, bad bodies and oversized bodies answer plainly', async () => {
    const running = await startLedger({ dataDir: freshDir(), knownOrgs });
    opened.push(running);
    const status = (await (await fetch(`${running.url}/status`)).json()) as {
      core: string;
      length: number;
      forks: number;
    };
    expect(status).toMatchObject({ core: running.node.coreKey, length: 0, forks: 0 });
    expect(await (await fetch(`${running.url}/events`)).json()).toEqual({ events: [] });
    expect((await fetch(`${running.url}/proof?commitment=${'00'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${running.url}/proof?commitment=nothex`)).status).toBe(400);
    const bad = await fetch(`${running.url}/entries`, { method: 'POST', body: '{"type":"x"}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('bad-receipt-json');
    const huge = await fetch(`${running.url}/entries`, {
      method: 'POST',
      body: 'x'.repeat(70_000),
    });
    expect(huge.status).toBe(413);
    const refused = await fetch(`${running.url}/entries`, {
      method: 'POST',
      body: JSON.stringify(receiptToJson((await acknowledged(desks.svb)).receipt)),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toBe('unknown-counter-signer');
  });
});
