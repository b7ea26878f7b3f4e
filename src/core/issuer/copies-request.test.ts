import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  createCopiesRequestFor,
  readCredential,
  receiveCredentialOffer,
  type HolderWallet,
} from '../holder/index.ts';
import { es256kSigner } from '../keys/index.ts';
import { createCopiesRequest, readCopiesRequest } from '../protocol/index.ts';
import { connect, jws, newDesk, newWallet, NOW, payslip } from './desk-wallet.fake.ts';
import { issueCopiesOnRequest } from './copies-request.ts';
import type { IssuerDesk } from './desk.ts';
import { issueToSubject, revokeIssued } from './issuance.ts';

const LATER = new Date(NOW.getTime() + 3 * 86_400_000);

async function holdingTwoCopies(): Promise<{
  wallet: HolderWallet;
  desk: IssuerDesk;
  credentialId: string;
  issuedId: string;
}> {
  const wallet = await newWallet();
  const desk = await newDesk();
  const subject = await connect(wallet, desk);
  const issued = await issueToSubject(
    desk,
    { jws, randomBytes },
    { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies: 2 },
  );
  if (!issued.ok) throw new Error(issued.reason);
  const received = await receiveCredentialOffer(wallet, issued.value.offer, {
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(received.reason);
  return { wallet, desk, credentialId: received.value.id, issuedId: issued.value.record.id };
}

describe('new copies offline: the copies request', () => {
  it('Given 2 copies held, when the wallet asks for 5 more and the desk answers, then the same credential holds 7 copies with new keys and the same claims', async () => {
    const { wallet, desk, credentialId } = await holdingTwoCopies();
    const request = await createCopiesRequestFor(wallet, credentialId, {
      now: LATER,
      jti: 'r1',
      copies: 5,
    });
    if (!request.ok) throw new Error(request.reason);
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: request.value, now: LATER },
    );
    if (!answered.ok) throw new Error(`${answered.reason}: ${answered.detail}`);
    expect(answered.value.copies).toHaveLength(5);
    expect(answered.value.copies.map((c) => c.childIndex)).toEqual([2, 3, 4, 5, 6]);
    const received = await receiveCredentialOffer(wallet, answered.value.offer, {
      crypto: jws,
      now: LATER,
    });
    if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    expect(received.value.id).toBe(credentialId);
    expect(received.value.copies).toHaveLength(7);
    expect((await readCredential(wallet, credentialId))?.claims).toEqual(payslip);
  });

  it('Given the credential was revoked, when new copies are asked, then the desk refuses', async () => {
    const { wallet, desk, credentialId, issuedId } = await holdingTwoCopies();
    await revokeIssued(desk, { issuedId, reason: 'wrong hours', now: NOW });
    const request = await createCopiesRequestFor(wallet, credentialId, { now: LATER, jti: 'r2' });
    if (!request.ok) throw new Error(request.reason);
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: request.value, now: LATER },
    );
    expect(!answered.ok && answered.reason).toBe('revoked');
  });

  it('Given a request signed by another key under the relationship fingerprint, then it is refused as a bad signature', async () => {
    const { wallet, desk, credentialId } = await holdingTwoCopies();
    const genuine = await createCopiesRequestFor(wallet, credentialId, { now: LATER, jti: 'r3' });
    if (!genuine.ok) throw new Error(genuine.reason);
    const fields = readCopiesRequest(genuine.value);
    if (!fields.ok) throw new Error(fields.reason);
    const signer = es256kSigner(randomBytes(32));
    const forged = await createCopiesRequest({ ...fields.value, sign: signer, now: LATER });
    signer.wipe();
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: forged, now: LATER },
    );
    expect(!answered.ok && answered.reason).toBe('bad-signature');
  });

  it('Given a request older than a week, then it is refused as stale', async () => {
    const { wallet, desk, credentialId } = await holdingTwoCopies();
    const request = await createCopiesRequestFor(wallet, credentialId, { now: NOW, jti: 'r4' });
    if (!request.ok) throw new Error(request.reason);
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: request.value, now: new Date(NOW.getTime() + 8 * 86_400_000) },
    );
    expect(!answered.ok && answered.reason).toBe('stale');
  });

  it('Given a request to a desk that never registered this relationship, then it is refused naming it', async () => {
    const { wallet, credentialId } = await holdingTwoCopies();
    const otherDesk = await newDesk();
    await connect(wallet, otherDesk);
    const request = await createCopiesRequestFor(wallet, credentialId, { now: LATER, jti: 'r5' });
    if (!request.ok) throw new Error(request.reason);
    const answered = await issueCopiesOnRequest(
      otherDesk,
      { jws, randomBytes },
      { request: request.value, now: LATER },
    );
    expect(answered.ok).toBe(false);
  });
});
