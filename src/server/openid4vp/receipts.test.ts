/**
 * Application receipts at the server (docs/evidence.md §Flows), in-process: a Vouch wallet's half
 * rides beside a peer-made presentation; the server countersigns only an accepted answer, keeps
 * its copy, and answers the receipt the wallet then keeps.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptRecordFromJson, verifyReceipt } from '../../core/evidence/index.ts';
import type { HolderWallet } from '../../core/holder/holder-wallet.ts';
import { finishReceipt, listReceipts } from '../../core/holder/receipts.ts';
import {
  abandonArtWallet,
  applicationHalf,
  FAKE_INCLUSION,
} from '../../core/holder/receipts.fake.ts';
import { encodeBase64Url } from '../../core/encoding/index.ts';
import { nobleJwsCrypto } from '../../core/jose/index.ts';
import { peerCredential, presentAsPeer, resolveAsPeer } from '../peer-answer.fake.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';
import { acknowledgeApplication, readKeptReceipt } from './receipts.ts';

let server: PeerServer;
let wallet: HolderWallet;
const jws = nobleJwsCrypto({ randomBytes });
beforeAll(async () => {
  server = await startPeerServer();
  wallet = await abandonArtWallet();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

/** A fresh request answered by a peer-made presentation (a wrong nonce makes it invalid). */
async function answerWithHalf(options: { validPresentation: boolean; spoilHalf?: boolean }) {
  const key = await newPeerKey();
  const credential = await peerCredential(server, key);
  const { json } = await server.admin('POST', '/admin/requests', {
    type: 'income-statement',
    claims: ['period'],
  });
  const { id, uri } = json as { id: string; uri: string };
  const resolved = await resolveAsPeer(server, uri);
  const request = resolved.authorizationRequestPayload;
  const presentation = await presentAsPeer(credential, key, {
    claims: ['period'],
    aud: resolved.client.effective,
    nonce: options.validPresentation ? request.nonce : 'another-nonce-0123456789',
  });
  const vpToken = { 'income-statement': [presentation] };
  const started = await applicationHalf(wallet, {
    verifierDid: server.verifierKey.did,
    vpToken,
    now: server.ctx.now(),
    randomBytes,
  });
  const body = new URLSearchParams({
    vp_token: JSON.stringify(vpToken),
    state: String(request.state),
    // A spoilt half: another salt, so its commitment does not open to this presentation.
    vouch_receipt: options.spoilHalf
      ? `${started.half.split('.')[0]}.${encodeBase64Url(randomBytes(32))}`
      : started.half,
  }).toString();
  const answer = await server.fetch(`${PUBLIC_URL}/responses/${id}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(answer.status).toBe(200);
  const answered = (await answer.json()) as { vouch_receipt?: unknown };
  const verdict = (await server.admin('GET', `/admin/results/${id}`)).json as { valid: boolean };
  return { id, answered, pending: started.pending, verdict };
}

describe('an application receipt at vouch serve', () => {
  it('Given an accepted answer with a wallet half, when posted, then the server countersigns, keeps its copy, and the wallet keeps the double-signed receipt', async () => {
    const { id, answered, pending, verdict } = await answerWithHalf({ validPresentation: true });
    expect(verdict.valid).toBe(true);
    expect(answered.vouch_receipt).toMatchObject({ type: 'vouch-receipt-answer' });

    const kept = receiptRecordFromJson(await readKeptReceipt(server.db, id));
    if (!kept.ok) throw new Error(kept.detail.message);
    expect(
      await verifyReceipt(kept.value.receipt, { crypto: jws, opening: kept.value.opening }),
    ).toMatchObject({ valid: true, level: 2 });

    const finished = await finishReceipt(wallet, pending, answered.vouch_receipt, {
      crypto: jws,
      randomBytes,
    });
    if (!finished.ok) throw new Error(finished.detail.message);
    expect((await listReceipts(wallet)).map((receipt) => receipt.id)).toContain(finished.value.id);
    // The desk and the wallet hold the same receipt and the same opening.
    const deskCopy = (await readKeptReceipt(server.db, id)) as Record<string, unknown>;
    expect(finished.value.record).toEqual(deskCopy);
  });

  it('Given an answer that does not verify, when posted with a half, then no receipt: the application is not accepted', async () => {
    const { id, answered, verdict } = await answerWithHalf({ validPresentation: false });
    expect(verdict.valid).toBe(false);
    expect(answered.vouch_receipt).toBeUndefined();
    expect(await readKeptReceipt(server.db, id)).toBeUndefined();
  });

  it('Given a half the server refuses, when posted with a valid answer, then the answer is taken and no receipt is given', async () => {
    const { id, answered, verdict } = await answerWithHalf({
      validPresentation: true,
      spoilHalf: true,
    });
    expect(verdict.valid).toBe(true);
    expect(answered.vouch_receipt).toBeUndefined();
    expect(await readKeptReceipt(server.db, id)).toBeUndefined();
    expect(server.logLines.join('\n')).toContain('commitment-mismatch');
  });

  it('Given an organisation ledger, when an application is acknowledged, then the receipt is appended and its proof goes to the wallet and into the desk copy', async () => {
    const inclusion = FAKE_INCLUSION;
    const appended: string[] = [];
    const ctx = {
      ...server.ctx,
      ledger: async (record: { receipt: { action: string } }) => {
        appended.push(record.receipt.action);
        return { ok: true as const, inclusion };
      },
    };
    const vpToken = { 'income-statement': ['eyJhbGciOiJFUzI1NiJ9.e30.c2ln~'] };
    const started = await applicationHalf(wallet, {
      verifierDid: server.verifierKey.did,
      vpToken,
      now: server.ctx.now(),
      randomBytes,
    });
    const verifier = server.ctx.verifier;
    if (!verifier) throw new Error('no verifier');
    const answer = await acknowledgeApplication(ctx, {
      verifier,
      requestId: 'ledger-test-1',
      response: { vpToken },
      half: started.half,
    });
    expect(appended).toEqual(['ACKNOWLEDGE']);
    expect(answer).toMatchObject({ inclusion });
    const finished = await finishReceipt(wallet, started.pending, answer, {
      crypto: jws,
      randomBytes,
    });
    if (!finished.ok) throw new Error(finished.detail.message);
    expect(finished.value.record.inclusion).toEqual(inclusion);
    expect(await readKeptReceipt(server.db, 'ledger-test-1')).toMatchObject({ inclusion });
  });
});
