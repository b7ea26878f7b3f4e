import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  createCopiesRequestFor,
  readCredential,
  receiveCredentialOffer,
  type HolderWallet,
} from '../holder/index.ts';
import { es256kSigner } from '../keys/index.ts';
import { isStatusIndexRevoked } from '../status-list/index.ts';
import { bytesToUtf8, decodeBase64Url, encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import {
  copiesRequestLink,
  copiesRequestText,
  MAX_RELATIONSHIP_MESSAGE_TEXT,
  readRelationshipMessageText,
} from '../protocol/copies-request-text.ts';
import { createCopiesRequest, readCopiesRequest } from '../protocol/index.ts';
import { encodeForText } from '../transport/index.ts';
import { connect, holdingIssued, jws, newDesk, NOW, payslip } from './desk-wallet.fake.ts';
import { issueCopiesOnRequest } from './copies-request.ts';
import { readStatusList, type IssuerDesk } from './desk.ts';
import { issueToSubject, listIssued, revokeIssued, statusIndicesOf } from './issuance.ts';

const LATER = new Date(NOW.getTime() + 3 * 86_400_000);

const holdingTwoCopies = () => holdingIssued(2);

/** The wallet asks the desk for `copies` more copies of its credential: the desk's answer. */
async function askForCopies(
  held: { wallet: HolderWallet; desk: IssuerDesk; credentialId: string },
  options: { jti: string; copies?: number },
) {
  const request = await createCopiesRequestFor(held.wallet, held.credentialId, {
    now: LATER,
    ...options,
  });
  if (!request.ok) throw new Error(request.reason);
  return issueCopiesOnRequest(
    held.desk,
    { jws, randomBytes },
    { request: request.value, now: LATER },
  );
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
    const held = await holdingTwoCopies();
    await revokeIssued(held.desk, { issuedId: held.issuedId, reason: 'wrong hours', now: NOW });
    const answered = await askForCopies(held, { jti: 'r2' });
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

  /** The original and two batches asked for later (the second asked with a copy of the first). */
  async function renewedTwice() {
    const held = await holdingTwoCopies();
    const renewals: string[] = [];
    for (const jti of ['f1', 'f2']) {
      const answered = await askForCopies(held, { jti, copies: 3 });
      if (!answered.ok) throw new Error(`${answered.reason}: ${answered.detail}`);
      renewals.push(answered.value.record.id);
      const received = await receiveCredentialOffer(held.wallet, answered.value.offer, {
        crypto: jws,
        now: LATER,
      });
      if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
    }
    return { ...held, renewals };
  }

  async function expectFamilyRevoked(desk: IssuerDesk) {
    const list = await readStatusList(desk);
    const entries = await listIssued(desk);
    expect(entries).toHaveLength(3);
    const indices = entries.flatMap((entry) => statusIndicesOf(entry));
    expect(indices).toHaveLength(2 + 3 + 3);
    for (const index of indices) expect(isStatusIndexRevoked(list, index)).toBe(true);
    for (const entry of entries) expect(entry.revoked?.reason).toBe('wrong hours');
  }

  it('Given batches issued on copies requests, then each names the original it renews (the first, also for a renewal asked with a renewed copy)', async () => {
    const { desk, issuedId, renewals } = await renewedTwice();
    const entries = await listIssued(desk);
    for (const id of renewals) expect(entries.find((e) => e.id === id)?.renews).toBe(issuedId);
    expect(entries.find((e) => e.id === issuedId)?.renews).toBeUndefined();
  });

  it('Given an original and two renewals, when the original is revoked, then every copy of all three is revoked', async () => {
    const { desk, issuedId } = await renewedTwice();
    const revoked = await revokeIssued(desk, { issuedId, reason: 'wrong hours', now: LATER });
    expect(revoked.ok).toBe(true);
    await expectFamilyRevoked(desk);
  });

  it('Given an original and two renewals, when a renewal is revoked, then the original and the other renewal are revoked too, and no more copies are given', async () => {
    const { wallet, desk, credentialId, renewals } = await renewedTwice();
    const revoked = await revokeIssued(desk, {
      issuedId: renewals[1] as string,
      reason: 'wrong hours',
      now: LATER,
    });
    expect(revoked.ok).toBe(true);
    await expectFamilyRevoked(desk);
    const again = await revokeIssued(desk, {
      issuedId: renewals[0] as string,
      reason: 'again',
      now: LATER,
    });
    expect(!again.ok && again.reason).toBe('already-revoked');
    const answered = await askForCopies({ wallet, desk, credentialId }, { jti: 'f3' });
    expect(!answered.ok && answered.reason).toBe('revoked');
  });

  it('Given two credentials to the same person, when one is revoked, then the other stays valid', async () => {
    const { desk, issuedId } = await holdingTwoCopies();
    const [subject] = (await listIssued(desk)).map((entry) => entry.subjectId);
    const other = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject as string,
        typeId: 'income-statement',
        claims: { ...payslip, period: '2026-10' },
        now: NOW,
        copies: 2,
      },
    );
    if (!other.ok) throw new Error(other.reason);
    await revokeIssued(desk, { issuedId, reason: 'wrong hours', now: LATER });
    const list = await readStatusList(desk);
    for (const index of statusIndicesOf(other.value.record))
      expect(isStatusIndexRevoked(list, index)).toBe(false);
    expect(
      (await listIssued(desk)).find((e) => e.id === other.value.record.id)?.revoked,
    ).toBeUndefined();
  });
});

describe('the copies request by file and link', () => {
  const DESK = 'https://vouch.example/issuer';

  /** The request as the desk reads it from `text` (a link, a file's content, pasted text). */
  function read(text: string): string {
    const payload = readRelationshipMessageText(text);
    if (!payload.ok) throw new Error(`${payload.reason}: ${payload.detail.message}`);
    const jws = bytesToUtf8(payload.value);
    if (!jws.ok) throw new Error('not UTF-8');
    return jws.value;
  }

  it('Given a copies request sent as a link and saved as a file, when the desk reads either, then it is the request, and the desk answers it', async () => {
    const { wallet, desk, credentialId } = await holdingTwoCopies();
    const request = await createCopiesRequestFor(wallet, credentialId, { now: LATER, jti: 'l1' });
    if (!request.ok) throw new Error(request.reason);
    const link = copiesRequestLink(DESK, request.value);
    expect(link.startsWith(`${DESK}#copies=VOUCH1%3A`)).toBe(true);
    expect(read(link)).toBe(request.value);
    expect(read(`${copiesRequestText(request.value)}\n`)).toBe(request.value);
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: read(link), now: LATER },
    );
    expect(answered.ok).toBe(true);
  });

  it.each([
    ['an empty file', 'not-vouch', ''],
    ['a text that is not Vouch text', 'not-vouch', 'hello desk'],
    ['a link with broken %-encoding', 'damaged', `${DESK}#copies=VOUCH1%3A%E0%A4%A`],
    ['damaged Vouch text', 'damaged', 'VOUCH1:@@@@'],
    ['a truncated code', 'damaged', `${DESK}#copies=VOUCH1%3AVwAB`],
    ['an offer instead', 'wrong-kind', encodeForText('offer', utf8ToBytes('{}'))],
    ['an oversized file', 'too-large', `VOUCH1:${'A'.repeat(MAX_RELATIONSHIP_MESSAGE_TEXT)}`],
  ])(
    'Given %s, then it is refused as %s, with a message and no exception',
    (_what, reason, text) => {
      const payload = readRelationshipMessageText(text);
      expect(!payload.ok && payload.reason).toBe(reason);
      expect(!payload.ok && payload.detail.message.length).toBeGreaterThan(0);
    },
  );

  it('Given a link whose request was tampered with (more copies asked, same signature), when the desk reads it, then it refuses it as a bad signature and issues nothing', async () => {
    const { wallet, desk, credentialId } = await holdingTwoCopies();
    const request = await createCopiesRequestFor(wallet, credentialId, { now: LATER, jti: 'l2' });
    if (!request.ok) throw new Error(request.reason);
    const [header, payload, signature] = request.value.split('.') as [string, string, string];
    const bytes = decodeBase64Url(payload);
    const json = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
    if (!json?.ok) throw new Error('payload');
    const changed = { ...(JSON.parse(json.value) as object), copies: 50 };
    const forged = [header, encodeBase64Url(utf8ToBytes(JSON.stringify(changed))), signature].join(
      '.',
    );
    const before = (await listIssued(desk)).length;
    const answered = await issueCopiesOnRequest(
      desk,
      { jws, randomBytes },
      { request: read(copiesRequestLink(DESK, forged)), now: LATER },
    );
    expect(!answered.ok && answered.reason).toBe('bad-signature');
    expect(await listIssued(desk)).toHaveLength(before);
  });
});
