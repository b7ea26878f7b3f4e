/**
 * A peer wallet built on the OpenID Foundation's @openid4vc/openid4vci (the library under Credo)
 * obtains credentials from `vouch serve` by the pre-authorized code flow (OpenID4VCI 1.0), and
 * @sd-jwt/sd-jwt-vc verifies every credential it gets, status list included (read from our
 * /status route in-process). Nothing here uses Vouch's own client code.
 */
import { Openid4vciVersion } from '@openid4vc/openid4vci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from './peer-harness.fake.ts';
import type { PeerServer } from './peer-harness.fake.ts';
import { obtainAsPeer, peerSdJwtVerifier, peerWallet } from './peer-wallet.fake.ts';

const STATEMENT = exampleClaims('income-statement');

// One server per file: PGlite takes seconds to start on a loaded machine. Every test makes its
// own offers and keys, so tests do not depend on each other.
let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function createOffer(body: Record<string, unknown>) {
  const { status, json } = await server.admin('POST', '/admin/offers', body);
  expect(status).toBe(201);
  return json as { id: string; uri: string; txCode?: string };
}

describe('a peer wallet (@openid4vc/openid4vci) obtains credentials from vouch serve', () => {
  it('Given an offer without a transaction code, when the peer runs the pre-authorized flow with one key, then it gets one dc+sd-jwt bound to that key that @sd-jwt/sd-jwt-vc verifies', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT });
    expect(offer.uri).toBe(
      `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${PUBLIC_URL}/offers/${offer.id}`)}`,
    );
    expect(offer.txCode).toBeUndefined();
    const key = await newPeerKey();
    const { credentials, issuerMetadata } = await obtainAsPeer(server, {
      offerUri: offer.uri,
      keys: [key],
    });
    expect(issuerMetadata.originalDraftVersion).toBe(Openid4vciVersion.V1);
    expect(credentials).toHaveLength(1);
    const verified = await peerSdJwtVerifier(server).verify(credentials[0] as string);
    expect(verified.payload).toMatchObject({
      iss: server.issuerKey.did,
      vct: 'urn:vouch:income-statement:1',
      cnf: { jwk: { kty: key.publicJwk.kty, x: key.publicJwk.x, y: key.publicJwk.y } },
      ...STATEMENT,
    });
  });
});

describe('the pre-authorized flow with the peer wallet: transaction codes, batches and refusals', () => {
  it('Given an offer by value (byValue), when the peer resolves the credential_offer in the link itself, then it gets its credential without fetching the offer', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT, byValue: true });
    expect(offer.uri.startsWith('openid-credential-offer://?credential_offer=')).toBe(true);
    const { credentials } = await obtainAsPeer(server, {
      offerUri: offer.uri,
      keys: [await newPeerKey()],
    });
    await peerSdJwtVerifier(server).verify(credentials[0] as string);
  });

  it('Given an offer with a transaction code, when the peer sends the right code, then it gets its credential; the offer says numeric, 6 digits', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT, txCode: true });
    expect(offer.txCode).toMatch(/^\d{6}$/);
    const key = await newPeerKey();
    const result = await obtainAsPeer(server, {
      offerUri: offer.uri,
      txCode: offer.txCode as string,
      keys: [key],
    });
    const grant = result.offer.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code'];
    expect(grant?.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    expect(result.credentials).toHaveLength(1);
    await peerSdJwtVerifier(server).verify(result.credentials[0] as string);
  });

  it('Given an offer with a transaction code, when the peer sends a wrong code, then the token endpoint refuses with invalid_grant and the right code still works after', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT, txCode: true });
    const wrong = offer.txCode === '000000' ? '111111' : '000000';
    const key = await newPeerKey();
    await expect(
      obtainAsPeer(server, { offerUri: offer.uri, txCode: wrong, keys: [key] }),
    ).rejects.toThrow(/invalid_grant/);
    const result = await obtainAsPeer(server, {
      offerUri: offer.uri,
      txCode: offer.txCode as string,
      keys: [key],
    });
    expect(result.credentials).toHaveLength(1);
  });

  it('Given an offer redeemed once, when the peer uses the same pre-authorized code again, then invalid_grant, and the offer is no longer served', async () => {
    const offer = await createOffer({ type: 'diploma', claims: exampleClaims('diploma') });
    const client = peerWallet(server.fetch, []);
    const resolved = await client.resolveCredentialOffer(offer.uri);
    const issuerMetadata = await client.resolveIssuerMetadata(resolved.credential_issuer);
    await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: resolved,
      issuerMetadata,
    });
    await expect(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer: resolved,
        issuerMetadata,
      }),
    ).rejects.toThrow(/invalid_grant/);
    const again = await server.fetch(`${PUBLIC_URL}/offers/${offer.id}`);
    expect(again.status).toBe(404);
  });

  it('Given three fresh keys, when the peer sends three proofs in one request, then it gets a batch of three, each bound to its own key with its own status index', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT });
    const keys = [await newPeerKey(), await newPeerKey(), await newPeerKey()];
    const { credentials } = await obtainAsPeer(server, { offerUri: offer.uri, keys });
    expect(credentials).toHaveLength(3);
    const verifier = peerSdJwtVerifier(server);
    const payloads = [];
    for (const credential of credentials)
      payloads.push((await verifier.verify(credential)).payload);
    expect(payloads.map((p) => (p.cnf as { jwk: { x: string } }).jwk.x)).toEqual(
      keys.map((k) => k.publicJwk.x),
    );
    const indices = payloads.map(
      (p) => (p.status as { status_list: { idx: number } }).status_list.idx,
    );
    expect(new Set(indices).size).toBe(3);
  });

  it('Given a c_nonce already spent, when the peer sends a proof with it again, then invalid_nonce', async () => {
    const key = await newPeerKey();
    const first = await createOffer({ type: 'income-statement', claims: STATEMENT });
    const client = peerWallet(server.fetch, [key]);
    const resolved = await client.resolveCredentialOffer(first.uri);
    const issuerMetadata = await client.resolveIssuerMetadata(resolved.credential_issuer);
    const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
    const request = async (offerUri: string) => {
      const offer = await client.resolveCredentialOffer(offerUri);
      const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer: offer,
        issuerMetadata,
      });
      const { jwt } = await client.createCredentialRequestJwtProof({
        issuerMetadata,
        credentialConfigurationId: 'income-statement',
        nonce,
        signer: { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk as never },
      });
      return client.retrieveCredentials({
        issuerMetadata,
        accessToken: accessTokenResponse.access_token,
        credentialConfigurationId: 'income-statement',
        proofs: { jwt: [jwt] },
      });
    };
    await request(first.uri);
    const second = await createOffer({ type: 'income-statement', claims: STATEMENT });
    await expect(request(second.uri)).rejects.toThrow(/invalid_nonce/);
  });

  it('Given an issued credential, when the desk revokes its status index, then @sd-jwt/sd-jwt-vc refuses it at once (status from our hosted list)', async () => {
    const offer = await createOffer({ type: 'income-statement', claims: STATEMENT });
    const { credentials } = await obtainAsPeer(server, {
      offerUri: offer.uri,
      keys: [await newPeerKey()],
    });
    const credential = credentials[0] as string;
    const verifier = peerSdJwtVerifier(server);
    const { payload } = await verifier.verify(credential);
    const idx = (payload.status as { status_list: { idx: number } }).status_list.idx;
    const revoked = await server.admin('POST', '/admin/status/revoke', { index: idx });
    expect(revoked.status).toBe(200);
    await expect(verifier.verify(credential)).rejects.toThrow(/[Ss]tatus/);
  });

  it('Given claims that do not fit the type, when the desk asks for an offer, then 400 invalid_claims naming each problem, and no offer exists', async () => {
    const { status, json } = await server.admin('POST', '/admin/offers', {
      type: 'income-statement',
      claims: { ...STATEMENT, period: 'September', surprise: 1 },
    });
    expect(status).toBe(400);
    const body = json as { error: string; issues: { claim: string }[] };
    expect(body.error).toBe('invalid_claims');
    expect(body.issues.map((issue) => issue.claim).sort()).toEqual(['period', 'surprise']);
  });
});
