/**
 * Issue 13 item 2, offline: the same credential presented to two verifiers gives two presentations
 * that share no substring of 12 or more characters apart from the disclosed claim values, `vct` and
 * the issuer's identifier (its DID and the address of its status list, the same for every
 * credential it issues). Then the negative control: the same copy shown twice is caught.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { holdingIssued, jws, NOW, payslip, STATUS_URI } from '../issuer/desk-wallet.fake.ts';
import { createIssuerKeyFile } from '../jose/index.ts';
import type { PublicJwk } from '../jose/index.ts';
import { copiesLeft } from './copies.ts';
import { readCredential } from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { sharedSubstrings } from './linkability.fake.ts';
import { listHistory } from './history.ts';
import { answerPresentationRequest, copyForRequest } from './presentation-flow.ts';
import { askForStatement, DISCLOSE, presentTo as presentToVerifier } from './two-verifier.fake.ts';

const verifiers = [
  await createIssuerKeyFile(jws, 'ES256'),
  await createIssuerKeyFile(jws, 'ES256'),
  await createIssuerKeyFile(jws, 'ES256'),
];
const VERIFIER_NAMES = ['Gemeente Utrecht', 'Woningcorporatie Mitros', 'CAF Liège'];

async function holding(copies: number) {
  const held = await holdingIssued(copies);
  return { ...held, issuer: held.desk.issuer.did };
}

const asked = (which: 0 | 1 | 2) => ({
  key: verifiers[which] as Awaited<ReturnType<typeof createIssuerKeyFile>>,
  name: VERIFIER_NAMES[which] as string,
});

/** Verifier `which` asks for the payslip; the wallet answers; the presentation is checked valid. */
const presentTo = (
  wallet: HolderWallet,
  which: 0 | 1 | 2,
  credentialId: string,
  issuerKey: PublicJwk,
) => presentToVerifier(wallet, asked(which), { credentialId, issuerKey, jws, now: NOW });

/**
 * What two presentations may share: the disclosed values, vct, the issuer's identity (its DID, its
 * status list's address) and each verifier's own identifier (the KB-JWT's `aud`: both are did:key
 * client_ids with the same prefix, and each verifier knows its own).
 */
const allowedFor = (issuer: string) => [
  ...DISCLOSE.map((claim) => String(payslip[claim as keyof typeof payslip])),
  'urn:vouch:income-statement:1',
  issuer,
  STATUS_URI,
  ...verifiers.map((verifier) => `decentralized_identifier:${verifier.did}`),
];

describe('two verifiers, one credential (issue 13 item 2)', () => {
  it('Given 10 copies, when the credential is presented to two verifiers, then the presentations share no substring of 12 or more characters beyond the disclosed values, vct and the issuer, and 8 copies are left', async () => {
    const { wallet, desk, credentialId, issuer } = await holding(10);
    const first = await presentTo(wallet, 0, credentialId, desk.issuer.publicJwk);
    const second = await presentTo(wallet, 1, credentialId, desk.issuer.publicJwk);
    expect(sharedSubstrings(first, second, allowedFor(issuer))).toEqual([]);
    const stored = await readCredential(wallet, credentialId);
    expect(stored && copiesLeft(stored)).toBe(8);
    // The same verifier asking again sees the copy it saw: no copy is spent.
    await presentTo(wallet, 0, credentialId, desk.issuer.publicJwk);
    const after = await readCredential(wallet, credentialId);
    expect(after && copiesLeft(after)).toBe(8);
  });

  it('Given one copy (the negative control), when it is presented to two verifiers, then the check finds what links them: the signature and the cnf key', async () => {
    const { wallet, desk, credentialId, issuer } = await holding(1);
    const first = await presentTo(wallet, 0, credentialId, desk.issuer.publicJwk);
    const second = await presentTo(wallet, 1, credentialId, desk.issuer.publicJwk);
    const shared = sharedSubstrings(first, second, allowedFor(issuer));
    const [jwt] = first.split('~');
    const [, payload, signature] = (jwt as string).split('.') as [string, string, string];
    const cnf = (
      JSON.parse(
        new TextDecoder().decode(
          Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
            c.charCodeAt(0),
          ),
        ),
      ) as { cnf: { jwk: { x: string } } }
    ).cnf.jwk.x;
    expect(shared).toContain(signature);
    expect(shared.some((run) => run.includes(cnf))).toBe(true);
  });

  it('Given 2 copies shown to two verifiers, when a third asks, then no copy is left for it: nothing is sent and nothing recorded', async () => {
    const { wallet, desk, credentialId } = await holding(2);
    await presentTo(wallet, 0, credentialId, desk.issuer.publicJwk);
    await presentTo(wallet, 1, credentialId, desk.issuer.publicJwk);
    const { read } = await askForStatement(wallet, asked(2), { jws, now: NOW });
    const held = await readCredential(wallet, credentialId);
    if (!held) throw new Error('credential');
    expect(copyForRequest(read.request, held).ok).toBe(false);
    const answered = await answerPresentationRequest(
      wallet,
      read,
      [{ queryId: 'income', credentialId, disclose: [...DISCLOSE] }],
      { now: NOW, randomBytes },
    );
    expect(!answered.ok && answered.reason).toBe('no-copy-left');
    expect(await listHistory(wallet)).toHaveLength(2);
    // The first verifier may still see the copy it saw (one copy per verifier).
    await presentTo(wallet, 0, credentialId, desk.issuer.publicJwk);
  });
});
