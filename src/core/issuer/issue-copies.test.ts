import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import {
  copiesLeft,
  listCredentials,
  listCredentialSummaries,
  receiveCredentialOffer,
} from '../holder/index.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import { isStatusIndexRevoked } from '../status-list/index.ts';
import { readStatusList } from './desk.ts';
import { connect, jws, newDesk, newWallet, NOW, payslip } from './desk-wallet.fake.ts';
import { readCopiesPolicy, saveCopiesPolicy } from './copies-policy.ts';
import { issueToSubject, listIssued, revokeIssued } from './issuance.ts';
import { readSubject } from './register.ts';

function decodePayload(compact: string): Record<string, unknown> {
  const [jwt] = compact.split('~');
  const payload = (jwt as string).split('.')[1] as string;
  const bytes = decodeBase64Url(payload);
  if (!bytes.ok) throw new Error('not base64url');
  return JSON.parse(new TextDecoder().decode(bytes.value)) as Record<string, unknown>;
}

describe('batch copies: the desk issues N, the wallet keeps one credential', () => {
  it('Given a connected wallet, when the desk issues 10 copies, then each copy has its own child key, status index and salts, the same day-rounded iat, and one transaction spent them all', async () => {
    const wallet = await newWallet();
    const desk = await newDesk();
    const subject = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies: 10 },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const { copies, record, offer } = issued.value;
    expect(copies).toHaveLength(10);
    expect(copies.map((c) => c.childIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const payloads = copies.map((c) => decodePayload(c.credential));
    const cnfs = new Set(payloads.map((p) => JSON.stringify(p.cnf)));
    const idxs = new Set(payloads.map((p) => JSON.stringify(p.status)));
    const digests = new Set(payloads.flatMap((p) => p._sd as string[]));
    expect(cnfs.size).toBe(10);
    expect(idxs.size).toBe(10);
    expect(digests.size).toBe(10 * (payloads[0]?._sd as string[]).length);
    expect(new Set(payloads.map((p) => p.iat))).toEqual(new Set([Date.parse('2026-10-01') / 1000]));
    expect(record.copies?.map((c) => c.childIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await readSubject(desk, subject.id))?.nextChildIndex).toBe(10);
    const parsed = parseCredentialOffer(offer);
    expect(parsed.ok && parsed.value.version).toBe(2);
    // Every copy's status index is spent in the desk's list: a later credential gets none of them.
    const again = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies: 1 },
    );
    if (!again.ok) throw new Error(again.reason);
    expect(record.copies?.map((c) => c.statusIndex)).not.toContain(again.value.record.statusIndex);
  });

  it('Given 10 copies received, when the same credential comes again as a new batch, then the wallet holds one credential with 13 copies; another credential is a record of its own', async () => {
    const wallet = await newWallet();
    const desk = await newDesk();
    const subject = await connect(wallet, desk);
    const issue = async (copies: number, claims = payslip) => {
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'income-statement', claims, now: NOW, copies },
      );
      if (!issued.ok) throw new Error(issued.reason);
      return issued.value.offer;
    };
    const first = await receiveCredentialOffer(wallet, await issue(10), { crypto: jws, now: NOW });
    if (!first.ok) throw new Error(`${first.reason}: ${first.detail}`);
    expect(first.value.copies).toHaveLength(10);
    expect(first.value.compact).toBe(first.value.copies?.[0]?.compact);
    expect(first.value.refresh).toEqual({ kind: 'offline' });
    expect(copiesLeft(first.value)).toBe(10);

    const more = await receiveCredentialOffer(wallet, await issue(3), { crypto: jws, now: NOW });
    if (!more.ok) throw new Error(`${more.reason}: ${more.detail}`);
    expect(more.value.id).toBe(first.value.id);
    expect(more.value.copies).toHaveLength(13);

    const other = await receiveCredentialOffer(
      wallet,
      await issue(2, { ...payslip, period: '2026-10' }),
      { crypto: jws, now: NOW },
    );
    if (!other.ok) throw new Error(`${other.reason}: ${other.detail}`);
    expect(other.value.id).not.toBe(first.value.id);

    const summaries = await listCredentialSummaries(wallet);
    expect(
      summaries.map((s) => s.copyCount).sort((a, b) => (a?.total ?? 0) - (b?.total ?? 0)),
    ).toEqual([
      { total: 2, left: 2 },
      { total: 13, left: 13 },
    ]);
    expect(JSON.stringify(summaries)).not.toContain('~');
    expect(await listCredentials(wallet)).toHaveLength(2);
  });

  it('Given a batch offer where one copy is bound to another key, when received, then the whole offer is refused naming the copy, and nothing is stored', async () => {
    const wallet = await newWallet();
    const desk = await newDesk();
    const subject = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies: 3 },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const json = JSON.parse(new TextDecoder().decode(issued.value.offer)) as {
      credentials: { child_index: number }[];
    };
    (json.credentials[2] as { child_index: number }).child_index = 7;
    const received = await receiveCredentialOffer(
      wallet,
      new TextEncoder().encode(JSON.stringify(json)),
      { crypto: jws, now: NOW },
    );
    expect(received.ok).toBe(false);
    expect(!received.ok && received.reason).toBe('not-bound-to-wallet');
    expect(!received.ok && received.detail).toMatch(/^copy 2: /);
    expect(await listCredentials(wallet)).toHaveLength(0);
  });

  it('Given 4 copies issued, when the credential is revoked, then every copy status index is revoked', async () => {
    const wallet = await newWallet();
    const desk = await newDesk();
    const subject = await connect(wallet, desk);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW, copies: 4 },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const revoked = await revokeIssued(desk, {
      issuedId: issued.value.record.id,
      reason: 'wrong hours',
      now: NOW,
    });
    expect(revoked.ok).toBe(true);
    const list = await readStatusList(desk);
    for (const copy of issued.value.record.copies ?? []) {
      expect(isStatusIndexRevoked(list, copy.statusIndex)).toBe(true);
    }
    expect((await listIssued(desk))[0]?.copies).toHaveLength(4);
  });

  it('Given a new desk, then it issues 10 copies; 1 and 50 may be set, 0, 51 and 2.5 are refused', async () => {
    const desk = await newDesk();
    expect(await readCopiesPolicy(desk)).toBe(10);
    for (const bad of [0, 51, 2.5, Number.NaN])
      expect(await saveCopiesPolicy(desk, bad)).toBe(false);
    expect(await saveCopiesPolicy(desk, 50)).toBe(true);
    expect(await readCopiesPolicy(desk)).toBe(50);
    expect(await saveCopiesPolicy(desk, 1)).toBe(true);
    expect(await readCopiesPolicy(desk)).toBe(1);
  });
});
