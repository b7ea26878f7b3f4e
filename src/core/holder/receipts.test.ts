import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseReceiptFile, verifyReceipt } from '../evidence/index.ts';
import { bytesToHex } from '../encoding/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../jose/index.ts';
import { describeKey, mnemonicToSeed, relationshipPath, WALLET_ROOT_PATH } from '../keys/index.ts';
import { encodePresentationResponse, parsePresentationResponse } from '../protocol/response.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { ABANDON_ART, abandonArtWallet } from './receipts.fake.ts';
import {
  completeReceiptFromText,
  countersignApplicationReceipt,
  encodeReceiptText,
  keepPendingReceipt,
  PENDING_RECEIPT_PREFIX,
  encodeReceiptAnswer,
  encodeReceiptHalf,
  exportReceipts,
  finishReceipt,
  listReceipts,
  readReceiptHalf,
  receiptProofFile,
  startApplicationReceipt,
  VERIFIER_RELATIONSHIP_BASE,
  verifierRelationshipIndex,
} from './receipts.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-12-03T09:00:00.000Z');
const desk = await createIssuerKeyFile(jws, 'ES256');
const otherDesk = await createIssuerKeyFile(jws, 'EdDSA');
const CLIENT_ID = `decentralized_identifier:${desk.did}`;
const VP_TOKEN = { diploma: ['eyJhbGciOiJFUzI1NiJ9.e30.c2ln~WyJzIiwiZGVncmVlIiwiTVNjIl0~kb'] };
const request = { clientId: CLIENT_ID, verified: true, verifierDid: desk.did };

const newWallet = abandonArtWallet;

async function start(wallet: HolderWallet, vpToken = VP_TOKEN, now = NOW) {
  const started = await startApplicationReceipt(wallet, {
    request,
    verifierName: 'Gemeente Testdorp',
    purpose: 'Job application',
    vpToken,
    now,
    randomBytes,
  });
  if (!started) throw new Error('no receipt offered');
  return started;
}

const deskSide = { did: desk.did, sign: issuerSigner(jws, desk) };

describe('the verifier relationship', () => {
  it('Given two client ids, when their relationship indices are computed, then each is fixed, hardened-range, above the issuer relationships, and they differ', () => {
    const a = verifierRelationshipIndex(CLIENT_ID);
    const b = verifierRelationshipIndex('decentralized_identifier:did:key:zQ3sOther');
    expect(verifierRelationshipIndex(CLIENT_ID)).toBe(a);
    for (const index of [a, b]) {
      expect(index).toBeGreaterThanOrEqual(VERIFIER_RELATIONSHIP_BASE);
      expect(index).toBeLessThan(2 ** 31);
    }
    expect(a).not.toBe(b);
  });

  it('Given the abandon…art wallet, when it computes the vector client id, then the index and key are the documented ones, recomputed with Node crypto alone (docs/evidence.md §Flows)', async () => {
    const index = verifierRelationshipIndex('decentralized_identifier:did:key:zDnaeVector');
    expect(index).toBe(1_560_211_155);
    const seed = await mnemonicToSeed(ABANDON_ART);
    expect(describeKey(seed, relationshipPath(index)).publicKeyHex).toBe(
      '02f012d65ef81f3b9371c335ac5ca4584252f77eb6e68aa615df58f5c95e2e2dec',
    );
  });
});

describe('an application receipt, online', () => {
  let wallet: HolderWallet;
  beforeEach(async () => {
    wallet = await newWallet();
  });

  it('Given a signed request, when the wallet signs its half, the desk countersigns and the wallet finishes, then the wallet keeps a double-signed receipt that opens to the presentation, signed by the relationship key, not the root', async () => {
    const { pending, half } = await start(wallet);
    const read = readReceiptHalf(half);
    expect(read.ok && read.value.receipt.signatures.recipient).toBeUndefined();

    const acknowledged = await countersignApplicationReceipt({
      half,
      vpToken: VP_TOKEN,
      desk: deskSide,
      crypto: jws,
      now: new Date(NOW.getTime() + 2_000),
    });
    if (!acknowledged.ok) throw new Error(acknowledged.detail.message);
    const finished = await finishReceipt(
      wallet,
      pending,
      encodeReceiptAnswer({ receipt: acknowledged.value.receipt }),
      { crypto: jws, randomBytes },
    );
    if (!finished.ok) throw new Error(finished.detail.message);

    const [kept] = await listReceipts(wallet);
    expect(kept).toEqual(finished.value);
    expect(kept?.counterpartyName).toBe('Gemeente Testdorp');
    expect(kept?.record.receipt.action).toBe('ACKNOWLEDGE');

    const file = parseReceiptFile(receiptProofFile(finished.value));
    if (!file.ok) throw new Error(file.detail.message);
    const verified = await verifyReceipt(file.value.receipt, {
      crypto: jws,
      ...(file.value.opening ? { opening: file.value.opening } : {}),
      document: new TextEncoder().encode(JSON.stringify(VP_TOKEN)),
    });
    expect(verified).toMatchObject({ valid: true, level: 2 });

    const seed = await mnemonicToSeed(ABANDON_ART);
    const relationship = describeKey(seed, relationshipPath(verifierRelationshipIndex(CLIENT_ID)));
    expect(bytesToHex(file.value.receipt.sender.key)).toBe(relationship.publicKeyHex);
    expect(bytesToHex(file.value.receipt.sender.key)).not.toBe(
      describeKey(seed, WALLET_ROOT_PATH).publicKeyHex,
    );
    // The proof file names no one: keys and hashes only.
    expect(receiptProofFile(finished.value)).not.toContain('Testdorp');
    expect(JSON.parse(await exportReceipts(wallet, NOW))).toMatchObject({
      format: 'vouch-receipts',
      receipts: [{ counterpartyName: 'Gemeente Testdorp' }],
    });
  });

  it('Given two applications to the same desk, when the halves are made, then the same pseudonym signs and the commitments differ (fresh salts)', async () => {
    const first = readReceiptHalf((await start(wallet)).half);
    const second = readReceiptHalf((await start(wallet)).half);
    if (!first.ok || !second.ok) throw new Error('halves');
    expect(bytesToHex(first.value.receipt.sender.key)).toBe(
      bytesToHex(second.value.receipt.sender.key),
    );
    expect(bytesToHex(first.value.receipt.commitment)).not.toBe(
      bytesToHex(second.value.receipt.commitment),
    );
  });

  it('Given an unsigned request (redirect_uri client), when a receipt is started, then none is offered', async () => {
    expect(
      await startApplicationReceipt(wallet, {
        request: { clientId: 'redirect_uri:https://v.example/cb', verified: false },
        verifierName: 'v.example',
        vpToken: VP_TOKEN,
        now: NOW,
        randomBytes,
      }),
    ).toBeUndefined();
  });

  it.each([
    [
      'another presentation than the one received',
      { vpToken: { diploma: ['other'] } },
      'commitment-mismatch',
    ],
    ['a half made an hour ago', { now: new Date(NOW.getTime() + 3_600_000) }, 'time-not-fresh'],
    [
      'a half addressed to another desk',
      { desk: { did: otherDesk.did, sign: issuerSigner(jws, otherDesk) } },
      'not-for-this-desk',
    ],
    ['not a half', { half: '{' }, 'bad-receipt-half'],
  ] as const)(
    'Given %s, when the desk countersigns, then it refuses',
    async (_, change, reason) => {
      const { half } = await start(wallet);
      const refused = await countersignApplicationReceipt({
        half,
        vpToken: VP_TOKEN,
        desk: deskSide,
        crypto: jws,
        now: NOW,
        ...change,
      });
      expect(refused.ok ? 'ok' : refused.reason).toBe(reason);
    },
  );

  it('Given a half whose wallet signature was altered, when the desk countersigns, then it refuses', async () => {
    const { half } = await start(wallet);
    const read = readReceiptHalf(half);
    if (!read.ok) throw new Error(read.detail.message);
    const signature = read.value.receipt.signatures.sender?.slice() ?? new Uint8Array(64);
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    const altered = encodeReceiptHalf({
      receipt: { ...read.value.receipt, signatures: { sender: signature } },
      salt: read.value.salt,
    });
    const refused = await countersignApplicationReceipt({
      half: altered,
      vpToken: VP_TOKEN,
      desk: deskSide,
      crypto: jws,
      now: NOW,
    });
    expect(refused.ok ? 'ok' : refused.reason).toBe('wallet-signature-invalid');
  });

  it('Given a desk answer with another receipt, a bad desk signature or no receipt at all, when the wallet finishes, then nothing is kept', async () => {
    const { pending, half } = await start(wallet);
    const acknowledged = await countersignApplicationReceipt({
      half,
      vpToken: VP_TOKEN,
      desk: deskSide,
      crypto: jws,
      now: NOW,
    });
    if (!acknowledged.ok) throw new Error(acknowledged.detail.message);
    const other = await start(wallet);
    const otherAcknowledged = await countersignApplicationReceipt({
      half: other.half,
      vpToken: VP_TOKEN,
      desk: deskSide,
      crypto: jws,
      now: NOW,
    });
    if (!otherAcknowledged.ok) throw new Error(otherAcknowledged.detail.message);
    const answer = encodeReceiptAnswer({ receipt: acknowledged.value.receipt }) as {
      receipt: { signatures: { recipient: string } };
    };
    const forged = structuredClone(answer);
    const signature = forged.receipt.signatures.recipient;
    forged.receipt.signatures.recipient = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;

    const outcomes = await Promise.all(
      [
        encodeReceiptAnswer({ receipt: otherAcknowledged.value.receipt }),
        forged,
        undefined,
        { type: 'vouch-receipt-answer' },
      ].map(async (answered) => {
        const finished = await finishReceipt(wallet, pending, answered, {
          crypto: jws,
          randomBytes,
        });
        return finished.ok ? 'ok' : finished.reason;
      }),
    );
    expect(outcomes).toEqual([
      'not-our-receipt',
      'receipt-invalid',
      'bad-receipt-answer',
      'bad-receipt-answer',
    ]);
    expect(await listReceipts(wallet)).toEqual([]);
  });
});

describe('an application receipt, offline (QR)', () => {
  it('Given a QR answer carrying the half, when the desk countersigns from the parsed answer and the wallet reads its vouch-receipt text, then the wallet keeps the receipt and drops its half', async () => {
    const wallet = await newWallet();
    const { pending, half } = await start(wallet);
    await keepPendingReceipt(wallet, pending, NOW);
    // The answer as the QR code carries it, parsed at the desk.
    const answer = parsePresentationResponse(
      encodePresentationResponse({ vpToken: VP_TOKEN, receipt: half }),
    );
    if (!answer.ok || answer.value.receipt === undefined) throw new Error('no half in the answer');
    const acknowledged = await countersignApplicationReceipt({
      half: answer.value.receipt,
      vpToken: answer.value.vpToken,
      desk: deskSide,
      crypto: jws,
      now: NOW,
    });
    if (!acknowledged.ok) throw new Error(acknowledged.detail.message);
    const text = encodeReceiptText(acknowledged.value.receipt);
    expect(text).toMatch(/^vouch-receipt:[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(400);

    const kept = await completeReceiptFromText(wallet, text, { crypto: jws, randomBytes });
    if (!kept.ok) throw new Error(kept.detail.message);
    expect(await listReceipts(wallet)).toHaveLength(1);
    expect(await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)).toEqual([]);
    // Scanned twice: nothing pending any more.
    const again = await completeReceiptFromText(wallet, text, { crypto: jws, randomBytes });
    expect(again.ok ? 'ok' : again.reason).toBe('no-pending-receipt');
  });

  it('Given a receipt text for a half this wallet never made, or not a receipt, when read, then refused', async () => {
    const wallet = await newWallet();
    const other = await newWallet();
    const { half } = await start(other);
    const acknowledged = await countersignApplicationReceipt({
      half,
      vpToken: VP_TOKEN,
      desk: deskSide,
      crypto: jws,
      now: NOW,
    });
    if (!acknowledged.ok) throw new Error(acknowledged.detail.message);
    const outcomes = await Promise.all(
      [encodeReceiptText(acknowledged.value.receipt), 'vouch-receipt:AAAA', 'hello'].map(
        async (text) => {
          const read = await completeReceiptFromText(wallet, text, { crypto: jws, randomBytes });
          return read.ok ? 'ok' : read.reason;
        },
      ),
    );
    expect(outcomes).toEqual(['no-pending-receipt', 'bad-receipt-text', 'bad-receipt-text']);
  });
});

describe('the half, a test vector (docs/evidence.md §Flows)', () => {
  it('Given the abandon…art wallet, a fixed verifier, time and salt, when the half is made, then it is the documented text, and it opens', async () => {
    const wallet = await newWallet();
    const did = 'did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv';
    const started = await startApplicationReceipt(wallet, {
      request: { clientId: `decentralized_identifier:${did}`, verified: true, verifierDid: did },
      verifierName: 'Vector',
      vpToken: VP_TOKEN,
      now: NOW,
      randomBytes: (n) => new Uint8Array(n).fill(7),
    });
    expect(verifierRelationshipIndex(`decentralized_identifier:${did}`)).toBe(1_353_129_826);
    expect(started?.half).toBe(
      'VlIBBAEAAAGiOyHKgPSDBKn1k8rAl21nb0KfmD84GAJhF4tW41gMxiEQNMcRAwIvVLajthADbRbH24ORRqTkfXsyXpTG1tH6wTZ4Z1zcdwEDigrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vznsBRdO7Hd9tJhgKP79DrmdLqYSbiJK7ZuXtxY0gcGxhmggtxpbfFsrCygPjaxe2ydOxjUXD0jM1lfuktftAq7yGlA.BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc',
    );
    const read = readReceiptHalf(started?.half ?? '');
    if (!read.ok) throw new Error(read.detail.message);
    expect(
      await verifyReceipt(read.value.receipt, {
        crypto: jws,
        opening: {
          salt: read.value.salt,
          documentHash: sha256(utf8ToBytes(JSON.stringify(VP_TOKEN))),
        },
      }),
    ).toMatchObject({
      checks: expect.arrayContaining([
        expect.objectContaining({ name: 'sender-signature', ok: true }),
        expect.objectContaining({ name: 'commitment', ok: true }),
      ]),
    });
  });
});
