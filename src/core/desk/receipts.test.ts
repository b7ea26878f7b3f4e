import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../encoding/index.ts';
import { parseReceiptFile, verifyReceipt } from '../evidence/index.ts';
import { receiveCredentialOffer } from '../holder/index.ts';
import { applicationHalf } from '../holder/receipts.fake.ts';
import {
  completeReceiptFromText,
  issuerJwtOf,
  keepPendingReceipt,
  listReceipts,
  listWaitingIssuanceTexts,
  PENDING_RECEIPT_PREFIX,
  readReceiptTexts,
  startOfflineIssuanceReceipts,
} from '../holder/receipts.ts';
import { connect, jws, newDesk, newWallet, NOW, payslip } from '../issuer/desk-wallet.fake.ts';
import { issueToSubject } from '../issuer/issuance.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import {
  countersignApplicationOnDesk,
  countersignIssuanceOnDesk,
  exportDeskReceipts,
  listDeskReceipts,
  readGiveReceipts,
  rememberIssuedDocument,
  saveGiveReceipts,
  walletFingerprint,
} from './receipts.ts';

const VP_TOKEN = { diploma: ['eyJhbGciOiJFUzI1NiJ9.e30.c2ln~WyJzIiwiZGVncmVlIiwiTVNjIl0~kb'] };
const deps = { crypto: jws, randomBytes };

/** Flips one bit in the middle of the base64url text after `prefix`. */
function tamper(text: string, prefix: string): string {
  const bytes = decodeBase64Url(text.slice(prefix.length).split('.')[0] ?? '');
  if (!bytes.ok) throw new Error('not base64url');
  const changed = bytes.value.slice();
  const at = Math.floor(changed.length / 2);
  changed[at] = (changed[at] as number) ^ 1;
  return `${prefix}${encodeBase64Url(changed)}`;
}

describe('an application receipt at the verifier desk, offline', () => {
  it('Given a valid half, when the desk countersigns, then it keeps its copy (wallet fingerprint, no name), its receipt text completes the wallet half, and the export holds the record', async () => {
    const desk = await newDesk();
    const wallet = await newWallet();
    const { pending, half } = await applicationHalf(wallet, {
      verifierDid: desk.issuer.did,
      vpToken: VP_TOKEN,
      now: NOW,
      randomBytes,
    });
    await keepPendingReceipt(wallet, pending, NOW);
    const signed = await countersignApplicationOnDesk(
      desk.vault,
      { jws },
      { half, vpToken: VP_TOKEN, now: NOW },
    );
    if (!signed.ok) throw new Error(signed.detail.message);
    expect(signed.value.text).toMatch(/^vouch-receipt:[A-Za-z0-9_-]+$/);
    const [copy] = await listDeskReceipts(desk.vault);
    expect(copy).toMatchObject({
      kind: 'application',
      action: 'ACKNOWLEDGE',
      wallet: walletFingerprint(pending.receipt.sender),
    });
    expect(copy?.wallet).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const exported = JSON.parse(await exportDeskReceipts(desk.vault, NOW)) as {
      receipts: { record: unknown }[];
    };
    const file = parseReceiptFile(JSON.stringify(exported.receipts[0]?.record));
    if (!file.ok) throw new Error(file.detail.message);
    expect(
      (await verifyReceipt(file.value.receipt, { crypto: jws, opening: file.value.opening })).level,
    ).toBe(2);

    const kept = await completeReceiptFromText(wallet, signed.value.text, deps);
    expect(kept.ok && kept.value.map((r) => r.kind)).toEqual(['application']);
    expect(await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)).toEqual([]);
  });

  it('Given a half over another answer, a tampered half, or a stale one, when the desk countersigns, then refused with its reason and no copy is kept', async () => {
    const desk = await newDesk();
    const wallet = await newWallet();
    const { half } = await applicationHalf(wallet, {
      verifierDid: desk.issuer.did,
      vpToken: VP_TOKEN,
      now: NOW,
      randomBytes,
    });
    const tampered = `${tamper(half, '')}.${half.split('.')[1] ?? ''}`;
    const outcomes = [];
    for (const [text, vpToken, now] of [
      [half, { diploma: ['other'] }, NOW],
      [tampered, VP_TOKEN, NOW],
      [half, VP_TOKEN, new Date(NOW.getTime() + 3_600_000)],
      ['x'.repeat(5000), VP_TOKEN, NOW],
    ] as const) {
      const signed = await countersignApplicationOnDesk(
        desk.vault,
        { jws },
        { half: text, vpToken, now },
      );
      outcomes.push(signed.ok ? 'ok' : signed.reason);
    }
    expect(outcomes[0]).toBe('commitment-mismatch');
    expect(outcomes[1]).not.toBe('ok');
    expect(outcomes.slice(2)).toEqual(['time-not-fresh', 'bad-receipt-half']);
    expect(await listDeskReceipts(desk.vault)).toEqual([]);
  });

  it('Given a fresh desk, when its receipts setting is read, then it gives receipts until switched off', async () => {
    const desk = await newDesk();
    expect(await readGiveReceipts(desk.vault)).toBe(true);
    await saveGiveReceipts(desk.vault, false);
    expect(await readGiveReceipts(desk.vault)).toBe(false);
  });
});

async function issuedOffline(copies = 3) {
  const desk = await newDesk();
  const wallet = await newWallet();
  const subject = await connect(wallet, desk);
  const issued = await issueToSubject(
    desk,
    { jws, randomBytes },
    { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies },
  );
  if (!issued.ok) throw new Error(issued.reason);
  await rememberIssuedDocument(desk.vault, {
    issuedId: issued.value.record.id,
    credentials: issued.value.copies.map((copy) => copy.credential),
    issuedAt: NOW,
  });
  const received = await receiveCredentialOffer(wallet, issued.value.offer, {
    crypto: jws,
    now: NOW,
  });
  if (!received.ok) throw new Error(received.reason);
  const offer = parseCredentialOffer(issued.value.offer);
  if (!offer.ok) throw new Error(offer.detail.message);
  const saved = new Date(NOW.getTime() + 60_000);
  const text = await startOfflineIssuanceReceipts(wallet, {
    issuerDid: received.value.issuer,
    issuerName: received.value.issuerName,
    relationshipIndex: received.value.relationshipIndex,
    issuerJwts: offer.value.copies.map((copy) => issuerJwtOf(copy.credential)),
    now: saved,
    randomBytes,
  });
  if (!text) throw new Error('no halves');
  return { desk, wallet, text, issuedId: issued.value.record.id, saved };
}

describe('issuance receipts for an offline offer', () => {
  it('Given a credential saved from an offline batch offer, when the desk scans the halves and the wallet scans the answer, then both keep the ISSUE and RECEIVE receipts, and a second scan gives the same receipts', async () => {
    const { desk, wallet, text, issuedId, saved } = await issuedOffline();
    expect(text).toMatch(/^vouch-receipt-halves:[A-Za-z0-9_.~-]+$/);
    expect(text.length).toBeLessThan(700);
    expect(await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)).toHaveLength(2);
    // Shown again later (History), until the desk would refuse it as too old.
    expect(await listWaitingIssuanceTexts(wallet, saved)).toEqual([
      { party: 'Acme Rides', at: saved.toISOString(), text },
    ]);
    expect(await listWaitingIssuanceTexts(wallet, new Date(saved.getTime() + 3_601_000))).toEqual(
      [],
    );

    const later = new Date(saved.getTime() + 20 * 60_000);
    const signed = await countersignIssuanceOnDesk(desk.vault, { jws }, { text, now: later });
    if (!signed.ok) throw new Error(signed.detail.message);
    expect(signed.value.issuedId).toBe(issuedId);
    expect(signed.value.copies.map((c) => [c.kind, c.action])).toEqual([
      ['issuance', 'ISSUE'],
      ['issuance', 'RECEIVE'],
    ]);
    const read = readReceiptTexts(signed.value.text);
    expect(read.ok && read.value.length).toBe(2);
    expect(signed.value.text.length).toBeLessThan(779);
    const again = await countersignIssuanceOnDesk(desk.vault, { jws }, { text, now: later });
    expect(again.ok && again.value.text).toBe(signed.value.text);
    expect(await listDeskReceipts(desk.vault)).toHaveLength(2);

    const kept = await completeReceiptFromText(wallet, signed.value.text, deps);
    if (!kept.ok) throw new Error(kept.detail.message);
    expect(kept.value.map((r) => r.record.receipt.action)).toEqual(['ISSUE', 'RECEIVE']);
    expect(await listReceipts(wallet)).toHaveLength(2);
    expect(await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)).toEqual([]);
    expect(await listWaitingIssuanceTexts(wallet, later)).toEqual([]);
  });

  it('Given halves another desk issued, tampered, oversized, or scanned too late, when the desk reads them, then refused and nothing kept', async () => {
    const { desk, text, saved } = await issuedOffline(1);
    const other = await newDesk();
    const [issue, receive, hash] = text.slice('vouch-receipt-halves:'.length).split('~');
    const flipped = `vouch-receipt-halves:${tamper(issue ?? '', '')}.${issue?.split('.')[1] ?? ''}~${receive ?? ''}~${hash ?? ''}`;
    const cases: [typeof desk, string, Date][] = [
      [other, text, saved],
      [desk, flipped, saved],
      [desk, `${text}${'A'.repeat(4096)}`, saved],
      [desk, 'vouch-receipt-halves:abc', saved],
      [desk, text, new Date(saved.getTime() + 2 * 3_600_000)],
    ];
    const outcomes = [];
    for (const [where, scanned, now] of cases) {
      const signed = await countersignIssuanceOnDesk(where.vault, { jws }, { text: scanned, now });
      outcomes.push(signed.ok ? 'ok' : signed.reason);
    }
    expect(outcomes[0]).toBe('not-issued-here');
    expect(outcomes[1]).not.toBe('ok');
    expect(outcomes.slice(2)).toEqual(['bad-receipt-text', 'bad-receipt-text', 'time-not-fresh']);
    expect(await listDeskReceipts(desk.vault)).toEqual([]);
  });

  it('Given the desk answer tampered, for another wallet, or too many receipts, when the wallet reads it, then refused and the halves stay pending', async () => {
    const { desk, wallet, text, saved } = await issuedOffline(1);
    const signed = await countersignIssuanceOnDesk(desk.vault, { jws }, { text, now: saved });
    if (!signed.ok) throw new Error(signed.detail.message);
    const [first, second] = signed.value.text.slice('vouch-receipt:'.length).split('.');
    const outcomes = [];
    for (const answer of [
      `${tamper(`vouch-receipt:${first ?? ''}`, 'vouch-receipt:')}.${second ?? ''}`,
      `vouch-receipt:${first ?? ''}.${second ?? ''}.${first ?? ''}`,
      `vouch-receipt:${'A'.repeat(5000)}`,
    ]) {
      const read = await completeReceiptFromText(wallet, answer, deps);
      outcomes.push(read.ok ? 'ok' : read.reason);
    }
    expect(outcomes[0]).not.toBe('ok');
    expect(outcomes.slice(1)).toEqual(['bad-receipt-text', 'bad-receipt-text']);
    const stranger = await completeReceiptFromText(await newWallet(), signed.value.text, deps);
    expect(stranger.ok ? 'ok' : stranger.reason).toBe('no-pending-receipt');
    expect(await wallet.vault.listRecordIds(PENDING_RECEIPT_PREFIX)).toHaveLength(2);
    expect(await listReceipts(wallet)).toEqual([]);
  });
});
