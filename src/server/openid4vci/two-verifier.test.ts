/**
 * Issue 13 item 2, online: a credential received over OpenID4VCI from `vouch serve` (in-process,
 * PGlite) as a batch of copies, presented to two verifiers (two client_ids), gives two
 * presentations that share no substring of 12 or more characters apart from the disclosed claim
 * values, `vct` and the issuer's identifier (its DID and its status list's address, the same for
 * every credential it issues) and each verifier's own id. Then the negative control: one copy
 * shown to both is caught (signature, cnf).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { copiesLeft, readCredential } from '../../core/holder/index.ts';
import type { HolderWallet, StoredCredential } from '../../core/holder/index.ts';
import { sharedSubstrings } from '../../core/holder/linkability.fake.ts';
import { receiveOpenid4vciCredential } from '../../core/holder/receive-openid4vci.ts';
import { DISCLOSE, presentTo as presentToVerifier } from '../../core/holder/two-verifier.fake.ts';
import { jws, newWallet } from '../../core/issuer/desk-wallet.fake.ts';
import { createIssuerKeyFile } from '../../core/jose/index.ts';
import type { IssuerKeyFile } from '../../core/jose/index.ts';
import { resolveCredentialOffer } from '../../core/oid4vci/index.ts';
import type { HttpFetch } from '../../core/oid4vci/index.ts';
import { startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';

const STATEMENT = exampleClaims('income-statement');
let server: PeerServer;
let verifiers: IssuerKeyFile[];
let serverFetch: HttpFetch;

beforeAll(async () => {
  server = await startPeerServer();
  verifiers = [await createIssuerKeyFile(jws, 'ES256'), await createIssuerKeyFile(jws, 'ES256')];
  serverFetch = (url, init) => server.fetch(url, init);
}, 120_000);

/** A wallet holding the statement, received online with the wallet's default (a batch of 10). */
async function holding(): Promise<{ wallet: HolderWallet; credential: StoredCredential }> {
  const wallet = await newWallet();
  const { json } = await server.admin('POST', '/admin/offers', {
    type: 'income-statement',
    claims: STATEMENT,
  });
  const resolved = await resolveCredentialOffer((json as { uri: string }).uri, {
    fetch: serverFetch,
  });
  if (!resolved.ok) throw new Error(resolved.detail.message);
  const received = await receiveOpenid4vciCredential(wallet, resolved.value, {
    fetch: serverFetch,
    crypto: jws,
    now: new Date(),
  });
  if (!received.ok) throw new Error(`${received.reason}: ${received.detail}`);
  return { wallet, credential: received.value[0] as StoredCredential };
}

const VERIFIER_NAMES = ['Gemeente Utrecht', 'Woningcorporatie Mitros'];

/** Verifier `which` asks for the statement; the wallet answers; the presentation verifies. */
const presentTo = (wallet: HolderWallet, which: 0 | 1, credentialId: string) =>
  presentToVerifier(
    wallet,
    { key: verifiers[which] as IssuerKeyFile, name: VERIFIER_NAMES[which] as string },
    { credentialId, issuerKey: server.issuerKey.publicJwk, jws, now: new Date() },
  );

/** The disclosed values, vct, the issuer (DID, status list address) and the verifiers' own ids. */
function allowedFor(credential: StoredCredential): string[] {
  return [
    ...DISCLOSE.map((claim) => String(STATEMENT[claim as keyof typeof STATEMENT])),
    'urn:vouch:income-statement:1',
    server.issuerKey.did,
    credential.status?.uri ?? '',
    ...verifiers.map((verifier) => `decentralized_identifier:${verifier.did}`),
  ];
}

describe('two verifiers, one credential received online (issue 13 item 2)', () => {
  it('Given 10 copies from vouch serve, when the credential is presented to two verifiers, then the presentations share no substring of 12 or more characters beyond the disclosed values, vct and the issuer', async () => {
    const { wallet, credential } = await holding();
    expect(credential.copies).toHaveLength(10);
    const first = await presentTo(wallet, 0, credential.id);
    const second = await presentTo(wallet, 1, credential.id);
    expect(sharedSubstrings(first, second, allowedFor(credential))).toEqual([]);
    const after = await readCredential(wallet, credential.id);
    expect(after && copiesLeft(after)).toBe(8);
  });

  it('Given the record reduced to one copy (the negative control), when it is presented to two verifiers, then the check finds the signature and the cnf key', async () => {
    const { wallet, credential } = await holding();
    const { copies: _copies, refresh: _refresh, ...single } = credential;
    await wallet.vault.writeRecords([{ id: `credential:${credential.id}`, value: single }]);
    const first = await presentTo(wallet, 0, credential.id);
    const second = await presentTo(wallet, 1, credential.id);
    const shared = sharedSubstrings(first, second, allowedFor(credential));
    const [, payload, signature] = (first.split('~')[0] as string).split('.') as [
      string,
      string,
      string,
    ];
    const cnf = (
      JSON.parse(Buffer.from(payload, 'base64url').toString()) as { cnf: { jwk: { x: string } } }
    ).cnf.jwk.x;
    expect(shared).toContain(signature);
    expect(shared.some((run) => run.includes(cnf))).toBe(true);
  });
});
