// `vouch ledger serve` and `vouch evidence verify`, in-process (issue 14): a receipt posted to a
// running node proves level 3 against the node and against a cold copy of its data dir.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import {
  countersign,
  makeReceipt,
  partyToJwk,
  receiptRecordToJson,
  receiptToJson,
  signAsFirst,
} from '../../core/evidence/index.ts';
import { testCrypto, testParty } from '../../core/evidence/receipt-parties.fake.ts';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import { seededRandomBytes } from '../../core/jose/random-bytes.fake.ts';
import { expectOneLine, runCaptured } from '../cli-harness.fake.ts';
import { ledgerSettings, runLedgerServe } from './ledger.ts';

const dir = mkdtempSync(join(tmpdir(), 'vouch-evidence-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const desk = await testParty('ES256', 'cli-desk');
const wallet = await testParty('ES256K', 'cli-wallet');
const documentText = '{"application":"asbestos compensation"}';

async function signedRecord() {
  const { receipt, opening } = makeReceipt({
    action: 'ACKNOWLEDGE',
    time: Date.parse('2026-12-03T02:00:00.000Z'),
    document: utf8ToBytes(documentText),
    sender: wallet.party,
    recipient: desk.party,
    randomBytes: seededRandomBytes('cli-salt'),
  });
  const first = await signAsFirst({ receipt, as: 'recipient', sign: desk.sign });
  const signed = await countersign({
    receipt: first,
    as: 'sender',
    sign: wallet.sign,
    crypto: testCrypto,
  });
  if (!signed.ok) throw new Error(signed.reason);
  return { receipt: signed.value, opening };
}

const flagsOf = (values: Record<string, string>) => ({
  string: (name: string) => values[name],
  boolean: () => false,
});

type Verdict = { valid: boolean; level: number; checks: { name: string; code: string }[] };

describe('vouch ledger serve and vouch evidence verify', () => {
  it('Given a node started by the command, when a receipt is posted and verified, then the verdict is level 3 from the node and from a copy, level 0 for another document', async () => {
    const orgsFile = join(dir, 'orgs.json');
    writeFileSync(
      orgsFile,
      JSON.stringify({
        type: 'vouch-known-organisations',
        organisations: [{ name: 'SVB', keys: [partyToJwk(desk.party)] }],
      }),
    );
    const dataDir = join(dir, 'ledger');
    const settings = await ledgerSettings(
      flagsOf({ data: dataDir, port: '0', 'replication-port': '0', 'known-orgs': orgsFile }),
    );
    let stdout = '';
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runLedgerServe(
      settings,
      { stdout: (text) => void (stdout += text), stderr: () => undefined },
      stopped,
    );
    try {
      for (let i = 0; i < 3000 && !stdout.includes('\n'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const ready = JSON.parse(stdout) as { url: string; core: string; replication: string };
      expect(ready.core).toMatch(/^[0-9a-f]{64}$/);

      const record = await signedRecord();
      const posted = await fetch(`${ready.url}/entries`, {
        method: 'POST',
        body: JSON.stringify(receiptRecordToJson(record)),
      });
      expect(posted.status).toBe(201);
      const { inclusion } = (await posted.json()) as { inclusion: never };
      const receiptFile = join(dir, 'receipt.json');
      writeFileSync(receiptFile, JSON.stringify({ ...receiptRecordToJson(record), inclusion }));
      const documentFile = join(dir, 'application.json');
      writeFileSync(documentFile, documentText);

      const fromNode = await runCaptured([
        'evidence',
        'verify',
        '--receipt',
        receiptFile,
        '--document',
        documentFile,
        '--ledger',
        ready.url,
      ]);
      expect(fromNode.code).toBe(0);
      expect(JSON.parse(fromNode.stdout)).toMatchObject({ valid: true, level: 3 });

      const cold = join(dir, 'cold-copy');
      cpSync(dataDir, cold, { recursive: true });
      const fromCopy = await runCaptured([
        'evidence',
        'verify',
        '--receipt',
        receiptFile,
        '--ledger',
        cold,
      ]);
      const verdict = JSON.parse(fromCopy.stdout) as Verdict;
      expect(verdict).toMatchObject({ valid: true, level: 3 });
      expect(verdict.checks.map((check) => [check.name, check.code])).toEqual([
        ['algorithms', 'ok'],
        ['sender-signature', 'ok'],
        ['recipient-signature', 'ok'],
        ['commitment', 'ok'],
        ['document', 'skipped'],
        ['inclusion-proof', 'ok'],
        ['ledger', 'ok'],
      ]);

      const otherDocument = join(dir, 'other.json');
      writeFileSync(otherDocument, '{"application":"something else"}');
      const wrong = await runCaptured([
        'evidence',
        'verify',
        '--receipt',
        receiptFile,
        '--document',
        otherDocument,
      ]);
      expect(wrong.code).toBe(1);
      expect(JSON.parse(wrong.stdout)).toMatchObject({ valid: false, level: 0 });

      const bare = join(dir, 'bare.json');
      writeFileSync(bare, JSON.stringify(receiptToJson(record.receipt)));
      const levelOne = await runCaptured(['evidence', 'verify', '--receipt', bare]);
      expect(JSON.parse(levelOne.stdout)).toMatchObject({ valid: true, level: 1 });
    } finally {
      stop();
      await running;
    }

    // The organisation re-anchors its core under sha-512 with its EdDSA key; again: nothing more.
    const keyFile = join(dir, 'organisation-key.json');
    writeFileSync(keyFile, JSON.stringify(await createIssuerKeyFile(testCrypto, 'EdDSA')));
    const reanchor = ['ledger', 'reanchor', '--data', dataDir, '--hash', 'sha-512'];
    const first = await runCaptured([...reanchor, '--key', keyFile]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      hash: 'sha-512',
      appended: [{ index: 1, start: 0, end: 1 }],
      length: 2,
    });
    const again = await runCaptured([...reanchor, '--key', keyFile]);
    expect(JSON.parse(again.stdout)).toMatchObject({ appended: [], alreadyCovered: 1, length: 2 });

    // Decades later sha-256 and the ECDSA algorithms are withdrawn: the re-anchor carries it.
    const receiptFile = join(dir, 'receipt.json');
    const withdraw = ['--withdraw', 'sha-256,ES256,ES256K'];
    const reanchoredCopy = join(dir, 'cold-copy-reanchored');
    cpSync(dataDir, reanchoredCopy, { recursive: true });
    const verify = ['evidence', 'verify', '--receipt', receiptFile, ...withdraw, '--ledger'];
    const carried = await runCaptured([...verify, reanchoredCopy]);
    expect(carried.code).toBe(0);
    const carriedVerdict = JSON.parse(carried.stdout) as Verdict;
    expect(carriedVerdict).toMatchObject({ valid: true, level: 3 });
    expect(carriedVerdict.checks[0]).toMatchObject({ name: 'algorithms', code: 'reanchored' });
    const before = await runCaptured([...verify, join(dir, 'cold-copy')]);
    expect(before.code).toBe(1);
    expect((JSON.parse(before.stdout) as Verdict).checks[0]).toMatchObject({
      name: 'algorithms',
      code: 'algorithm-not-allowed',
    });
  });

  it('Given a receipt file that is not one, a bad --peer, --withdraw or --hash, then the commands say so on one line', async () => {
    const notReceipt = join(dir, 'not-receipt.json');
    writeFileSync(notReceipt, '{"type":"vouch-offer"}');
    const bad = await runCaptured(['evidence', 'verify', '--receipt', notReceipt]);
    expect(bad.code).toBe(1);
    expectOneLine(bad.stderr);
    expect(bad.stderr).toContain('"type" expected "vouch-receipt-record"');

    const peer = await runCaptured(['ledger', 'serve', '--peer', 'nowhere', '--data', dir]);
    expect(peer.code).toBe(2);
    expect(peer.stderr).toContain('--peer: expected host:port');

    const withdraw = await runCaptured([
      'evidence',
      'verify',
      '--receipt',
      notReceipt,
      '--withdraw',
      'md5',
    ]);
    expect(withdraw.code).toBe(2);
    expect(withdraw.stderr).toContain('--withdraw: expected names among sha-256');
    const hash = await runCaptured([
      'ledger',
      'reanchor',
      '--data',
      dir,
      '--hash',
      'md5',
      '--key',
      notReceipt,
    ]);
    expect(hash.code).toBe(2);
    expect(hash.stderr).toContain('--hash: expected sha-256, sha-512, sha3-256');
    const keyFile = join(dir, 'no-ledger-key.json');
    writeFileSync(keyFile, JSON.stringify(await createIssuerKeyFile(testCrypto, 'EdDSA')));
    const empty = join(dir, 'not-a-ledger');
    const none = await runCaptured([
      ...['ledger', 'reanchor', '--data', empty, '--hash', 'sha-512', '--key', keyFile],
    ]);
    expect(none.code).toBe(1);
    expectOneLine(none.stderr);
    expect(none.stderr).toContain('holds no ledger');
  });
});
