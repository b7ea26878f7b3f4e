import { describe, expect, it } from 'vitest';
import { encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import {
  copiesLeft,
  copiesOf,
  fewCopiesLeft,
  markCopyUsed,
  pickCopy,
  sameCredential,
  SHOWN_BEFORE_COPIES,
  withCopies,
} from './copies.ts';
import type { StoredCopy, StoredCredential } from './credential-store.ts';

const b64 = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));
/** A copy in the shape of an SD-JWT VC (claims in the clear; copies.ts never checks signatures). */
const compact = (n: number, claims: Record<string, unknown> = { period: '2026-09' }) =>
  `${b64({ alg: 'ES256' })}.${b64({ iss: 'did:key:zIssuer', vct: 'urn:vouch:income-statement:1', cnf: { n }, ...claims })}.${b64(`sig${n}`)}~`;
const copy = (n: number, used?: string): StoredCopy => ({
  compact: compact(n),
  childIndex: n,
  status: { idx: 100 + n, uri: 'https://status.example/1' },
  ...(used ? { usedWith: used, usedAt: '2026-10-01T00:00:00.000Z' } : {}),
});
const AT = new Date('2026-10-02T00:00:00Z');

function credential(copies?: StoredCopy[]): StoredCredential {
  const first = copies?.[0] ?? copy(0);
  return {
    id: '0'.repeat(32),
    compact: first.compact,
    typeId: 'income-statement',
    vct: 'urn:vouch:income-statement:1',
    issuer: 'did:key:zIssuer',
    issuerName: 'Acme',
    relationshipIndex: 0,
    childIndex: first.childIndex,
    claims: { period: '2026-09' },
    receivedAt: '2026-10-01T00:00:00.000Z',
    ...(first.status ? { status: first.status } : {}),
    ...(copies ? { copies } : {}),
  };
}

describe('copies: which copy a verifier sees', () => {
  it('Given 3 unused copies, when verifier A asks twice and B once (one-per-verifier), then A sees the same copy twice and B another', () => {
    let held = credential([copy(0), copy(1), copy(2)]);
    const a = pickCopy(held, 'A');
    if (!a.ok) throw new Error('no copy');
    held = markCopyUsed(held, { index: a.value.index, verifierId: 'A', at: AT });
    const again = pickCopy(held, 'A');
    expect(again.ok && again.value).toMatchObject({ index: a.value.index, seenBefore: true });
    const b = pickCopy(held, 'B');
    expect(b.ok && b.value.index).not.toBe(a.value.index);
    expect(copiesLeft(held)).toBe(2);
  });

  it('Given fresh-every-time, when A asks again, then A gets an unused copy', () => {
    const held = credential([copy(0, 'A'), copy(1)]);
    const picked = pickCopy(held, 'A', 'fresh-every-time');
    expect(picked.ok && picked.value).toMatchObject({ index: 1, seenBefore: false });
  });

  it('Given every copy seen by other verifiers, when C asks, then there is no copy left; A may still see its own', () => {
    const held = credential([copy(0, 'A'), copy(1, 'B')]);
    expect(pickCopy(held, 'C')).toEqual({ ok: false, reason: 'no-copy-left' });
    expect(pickCopy(held, 'A', 'one-per-verifier').ok).toBe(true);
    expect(pickCopy(held, 'A', 'fresh-every-time').ok).toBe(false);
    expect(copiesLeft(held)).toBe(0);
    expect(fewCopiesLeft(held)).toBe(true);
  });

  it('Given a credential that came as one copy (no copies), then it is shown as before and its use is not tracked', () => {
    const held = credential();
    expect(copiesOf(held)).toHaveLength(1);
    expect(pickCopy(held, 'A').ok && pickCopy(held, 'B').ok).toBe(true);
    expect(markCopyUsed(held, { index: 0, verifierId: 'A', at: AT })).toBe(held);
    expect(fewCopiesLeft(held)).toBe(false);
  });

  it('Given a copy B saw, when marking it used for A, then it throws (pickCopy never picks it)', () => {
    const held = credential([copy(0, 'B')]);
    expect(() => markCopyUsed(held, { index: 0, verifierId: 'A', at: AT })).toThrow(/another/);
  });
});

describe('copies: a new batch joins the credential', () => {
  it('Given copies of the same credential, then sameCredential; with another claim value, not', () => {
    expect(sameCredential(compact(1), compact(2))).toBe(true);
    expect(sameCredential(compact(1), compact(2, { period: '2026-10' }))).toBe(false);
  });

  it('Given 2 copies held, when 2 more are added, then the record has 4 and the first stays first', () => {
    const joined = withCopies(credential([copy(0), copy(1)]), [copy(2), copy(3)], {
      kind: 'offline',
    });
    if (!joined.ok) throw new Error(joined.detail.message);
    expect(joined.value.copies?.map((c) => c.childIndex)).toEqual([0, 1, 2, 3]);
    expect(joined.value.compact).toBe(compact(0));
    expect(joined.value.refresh).toEqual({ kind: 'offline' });
  });

  it.each([
    [
      'another credential',
      { ...copy(5), compact: compact(5, { period: '2026-10' }) },
      'not-same-credential',
    ],
    ['a copy held already', copy(1), 'already-stored'],
  ] as const)('Given %s, when added, then it is refused', (_, incoming, reason) => {
    const joined = withCopies(credential([copy(0), copy(1)]), [incoming]);
    expect(joined.ok ? 'ok' : joined.reason).toBe(reason);
  });

  it('Given a credential that came as one copy (its showings untracked), when a batch joins it, then that copy counts as shown and only the new copies are left', () => {
    const joined = withCopies(credential(), [copy(1), copy(2)]);
    if (!joined.ok) throw new Error(joined.detail.message);
    expect(joined.value.copies?.[0]?.usedWith).toBe(SHOWN_BEFORE_COPIES);
    expect(copiesLeft(joined.value)).toBe(2);
    const picked = pickCopy(joined.value, 'A');
    expect(picked.ok && picked.value.index).toBe(1);
  });
});
