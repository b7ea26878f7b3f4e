import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../encoding/index.ts';
import {
  applyStatusList,
  connectToIssuer,
  credentialState,
  listCredentials,
  receiveCredentialOffer,
  type HolderWallet,
} from '../holder/index.ts';
import { encodeCredentialOffer, parseCredentialOffer } from '../protocol/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import type { IssuerDesk } from './desk.ts';
import {
  ABANDON_ART,
  connect,
  jws,
  newDesk,
  newWallet,
  NOW,
  payslip,
  STATUS_URI,
} from './desk-wallet.fake.ts';
import { exportEncryptedKeyFile, importEncryptedKeyFile } from './key-file-export.ts';
import { issueToSubject, listIssued, publishDeskStatusList, revokeIssued } from './issuance.ts';
import { registerSubject } from './register.ts';

const LEGAL_WINNER =
  'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title';

describe('issue and receive, end to end in core', () => {
  let wallet: HolderWallet;
  let desk: IssuerDesk;

  beforeEach(async () => {
    wallet = await newWallet(ABANDON_ART);
    desk = await newDesk();
  });

  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a %s desk and a connected wallet, when an income statement is issued and received, then the wallet holds it with its claims, bound to its own key',
    async (alg) => {
      desk = await newDesk(alg);
      const subject = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        {
          subjectId: subject.id,
          typeId: 'income-statement',
          claims: payslip,
          now: NOW,
        },
      );
      if (!issued.ok) throw new Error(issued.reason);
      expect(issued.value.credential.endsWith('~')).toBe(true);

      const received = await receiveCredentialOffer(wallet, issued.value.offer, {
        crypto: jws,
        now: NOW,
      });
      if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
      expect(received.value.claims).toEqual(payslip);
      expect(received.value.issuerName).toBe('Acme Rides');
      expect(received.value.issuer).toBe(desk.issuer.did);
      expect(received.value.status?.uri).toBe(STATUS_URI);
      expect(credentialState(received.value, NOW)).toBe('status-unknown');
      expect(await listCredentials(wallet)).toHaveLength(1);
    },
  );

  it('Given two credentials for the same person, when issued, then each is bound to a new child key and a different status index', async () => {
    const subject = await connect(wallet, desk);
    const first = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
    );
    const second = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'income-statement',
        claims: { ...payslip, period: '2026-10' },
        now: NOW,
      },
    );
    if (!first.ok || !second.ok) throw new Error('expected issuance');
    expect(first.value.record.childIndex).toBe(0);
    expect(second.value.record.childIndex).toBe(1);
    expect(first.value.record.statusIndex).not.toBe(second.value.record.statusIndex);
    for (const outcome of [first, second]) {
      const received = await receiveCredentialOffer(wallet, outcome.value.offer, {
        crypto: jws,
        now: NOW,
      });
      expect(received.ok).toBe(true);
    }
  });

  it('Given claims that break the schema, when issuing, then every problem is named and nothing is spent', async () => {
    const subject = await connect(wallet, desk);
    const bad = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'income-statement',
        claims: { ...payslip, period: '2026-13', net_wage_cents: -1 },
        now: NOW,
      },
    );
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.reason !== 'invalid-claims') throw new Error('expected invalid-claims');
    expect(bad.issues.map((issue) => issue.claim).sort()).toEqual(['net_wage_cents', 'period']);
    expect(await listIssued(desk)).toEqual([]);
  });

  describe('refusals on receipt store nothing', () => {
    it('Given an offer for another wallet, when received, then it is refused as unknown-relationship', async () => {
      const subject = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
      );
      if (!issued.ok) throw new Error('expected issuance');
      const other = await newWallet(LEGAL_WINNER);
      const received = await receiveCredentialOffer(other, issued.value.offer, {
        crypto: jws,
        now: NOW,
      });
      expect(received).toMatchObject({ ok: false, reason: 'unknown-relationship' });
      expect(await listCredentials(other)).toEqual([]);
    });

    it('Given an offer whose child index was changed, when received, then cnf does not match and it is refused', async () => {
      const subject = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
      );
      if (!issued.ok) throw new Error('expected issuance');
      const offer = parseCredentialOffer(issued.value.offer);
      if (!offer.ok) throw new Error('expected offer');
      const tampered = encodeCredentialOffer({
        ...offer.value,
        childIndex: offer.value.childIndex + 1,
      });
      const received = await receiveCredentialOffer(wallet, tampered, { crypto: jws, now: NOW });
      expect(received).toMatchObject({ ok: false, reason: 'not-bound-to-wallet' });
      expect(await listCredentials(wallet)).toEqual([]);
    });

    it('Given a credential with one character changed, when received, then it is refused as invalid', async () => {
      const subject = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
      );
      if (!issued.ok) throw new Error('expected issuance');
      const offer = parseCredentialOffer(issued.value.offer);
      if (!offer.ok) throw new Error('expected offer');
      const compact = offer.value.credential;
      const dot = compact.indexOf('.') + 5;
      const flipped = `${compact.slice(0, dot)}${compact[dot] === 'A' ? 'B' : 'A'}${compact.slice(dot + 1)}`;
      const received = await receiveCredentialOffer(
        wallet,
        encodeCredentialOffer({ ...offer.value, credential: flipped as typeof compact }),
        { crypto: jws, now: NOW },
      );
      expect(received).toMatchObject({ ok: false, reason: 'invalid-credential' });
      expect(await listCredentials(wallet)).toEqual([]);
    });

    it('Given garbage, when received, then it is refused as malformed-offer', async () => {
      for (const bytes of [new Uint8Array(0), utf8ToBytes('{"type":"x"}'), randomBytes(300)]) {
        const received = await receiveCredentialOffer(wallet, bytes, { crypto: jws, now: NOW });
        expect(received).toMatchObject({ ok: false, reason: 'malformed-offer' });
      }
      expect(await listCredentials(wallet)).toEqual([]);
    });

    it('Given the same offer twice, when received, then the second is refused as already-stored', async () => {
      const subject = await connect(wallet, desk);
      const issued = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'diploma', claims: undefined, now: NOW },
      );
      expect(issued.ok).toBe(false);
      const ok = await issueToSubject(
        desk,
        { jws, randomBytes },
        { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
      );
      if (!ok.ok) throw new Error('expected issuance');
      expect(
        (await receiveCredentialOffer(wallet, ok.value.offer, { crypto: jws, now: NOW })).ok,
      ).toBe(true);
      expect(
        await receiveCredentialOffer(wallet, ok.value.offer, { crypto: jws, now: NOW }),
      ).toMatchObject({
        ok: false,
        reason: 'already-stored',
      });
      expect(await listCredentials(wallet)).toHaveLength(1);
    });
  });

  it('Given a received credential, when the desk revokes it and publishes, then the wallet sees it revoked and another stays valid', async () => {
    const subject = await connect(wallet, desk);
    const a = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
    );
    const b = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: subject.id,
        typeId: 'income-statement',
        claims: { ...payslip, period: '2026-08' },
        now: NOW,
      },
    );
    if (!a.ok || !b.ok) throw new Error('expected issuance');
    const heldA = await receiveCredentialOffer(wallet, a.value.offer, { crypto: jws, now: NOW });
    const heldB = await receiveCredentialOffer(wallet, b.value.offer, { crypto: jws, now: NOW });
    if (!heldA.ok || !heldB.ok) throw new Error('expected receipt');

    expect(await revokeIssued(desk, { issuedId: a.value.record.id, reason: '', now: NOW })).toEqual(
      { ok: false, reason: 'missing-reason' },
    );
    const revoked = await revokeIssued(desk, {
      issuedId: a.value.record.id,
      reason: 'wrong hours',
      now: NOW,
    });
    expect(revoked.ok && revoked.value.revoked?.reason).toBe('wrong hours');
    expect(
      await revokeIssued(desk, { issuedId: a.value.record.id, reason: 'again', now: NOW }),
    ).toEqual({ ok: false, reason: 'already-revoked' });

    const published = await publishDeskStatusList(desk, { jws }, { now: NOW });
    expect(published.uri).toBe(STATUS_URI);
    const checkedA = await applyStatusList(wallet, heldA.value.id, published.jwt, {
      crypto: jws,
      now: NOW,
    });
    const checkedB = await applyStatusList(wallet, heldB.value.id, published.jwt, {
      crypto: jws,
      now: NOW,
    });
    expect(checkedA.ok && credentialState(checkedA.value, NOW)).toBe('revoked');
    expect(checkedB.ok && credentialState(checkedB.value, NOW)).toBe('valid');
  });

  it('Given a status list signed by another issuer, when applied, then it is refused and the credential is unchanged', async () => {
    const subject = await connect(wallet, desk);
    const a = await issueToSubject(
      desk,
      { jws, randomBytes },
      { subjectId: subject.id, typeId: 'income-statement', claims: payslip, now: NOW },
    );
    if (!a.ok) throw new Error('expected issuance');
    const held = await receiveCredentialOffer(wallet, a.value.offer, { crypto: jws, now: NOW });
    if (!held.ok) throw new Error('expected receipt');
    const impostor = await newDesk();
    const forged = await publishDeskStatusList(impostor, { jws }, { now: NOW });
    const checked = await applyStatusList(wallet, held.value.id, forged.jwt, {
      crypto: jws,
      now: NOW,
    });
    expect(checked).toMatchObject({ ok: false, reason: 'invalid-list' });
    const [stored] = await listCredentials(wallet);
    expect(stored?.statusCheck).toBeUndefined();
  });

  it('Given a stale connect request, when the desk registers it, then it is refused', async () => {
    const started = await connectToIssuer(wallet, {
      issuerName: 'Acme Rides',
      now: NOW,
      jti: 'j2',
    });
    if (!started.ok) throw new Error('expected request');
    const registered = await registerSubject(desk, {
      connectRequest: started.value.request,
      name: 'Sam',
      number: '',
      now: new Date(NOW.getTime() + 11 * 60_000),
      randomBytes,
    });
    expect(registered).toMatchObject({ ok: false, reason: 'invalid-request', code: 'stale' });
  });

  it('Given an exported key file, when imported with the right passphrase, then the same issuer key comes back; a wrong passphrase is refused', async () => {
    const { exportIssuerKeyFile } = await import('./desk.ts');
    const keyFile = await exportIssuerKeyFile(desk);
    const crypto = createFakeVaultCrypto();
    expect(
      await exportEncryptedKeyFile(
        { crypto },
        { keyFile, profile: desk.profile, passphrase: 'short' },
      ),
    ).toEqual({
      ok: false,
      reason: 'weak-passphrase',
    });
    const exported = await exportEncryptedKeyFile(
      { crypto },
      { keyFile, profile: desk.profile, passphrase: 'correct horse battery' },
    );
    if (!exported.ok) throw new Error('expected export');
    expect(exported.value).not.toContain(keyFile.privateJwk.d);
    const imported = await importEncryptedKeyFile(
      { crypto },
      { text: exported.value, passphrase: 'correct horse battery' },
    );
    expect(imported.ok && imported.value.keyFile).toEqual(keyFile);
    expect(
      await importEncryptedKeyFile(
        { crypto },
        { text: exported.value, passphrase: 'wrong horse battery' },
      ),
    ).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
    });
    expect(
      await importEncryptedKeyFile({ crypto }, { text: '{"format":"nope"}', passphrase: 'x' }),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
