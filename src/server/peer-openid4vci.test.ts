/**
 * A peer wallet built on the OpenID Foundation's @openid4vc/openid4vci (the library under Credo)
 * obtains credentials from `vouch serve` by the pre-authorized code flow (OpenID4VCI 1.0), and
 * @sd-jwt/sd-jwt-vc verifies every credential it gets, status list included (read from our
 * /status route in-process). Nothing here uses Vouch's own client code.
 */
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciVersion } from '@openid4vc/openid4vci';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newPeerKey,
  peerHash,
  peerRandom,
  peerSignJwt,
  PUBLIC_URL,
  startPeerServer,
} from './peer-harness.fake.ts';
import type { PeerKey, PeerServer } from './peer-harness.fake.ts';

export const STATEMENT = {
  period: '2026-09',
  gross_wage_cents: 245000,
  net_wage_cents: 198000,
  hours: 152,
  employer_name: 'Rides BV',
  employer_id: '12345678',
  employee_name: 'Lotte Janssens',
  birth_date: '1984-03-17',
};

// One server per file: PGlite takes seconds to start on a loaded machine. Every test makes its
// own offers and keys, so tests do not depend on each other.
let server: PeerServer;
beforeAll(async () => {
  server = await startPeerServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

export function peerWallet(fetch: typeof globalThis.fetch, keys: readonly PeerKey[]) {
  return new Openid4vciClient({
    callbacks: {
      fetch,
      hash: peerHash,
      generateRandom: peerRandom,
      signJwt: peerSignJwt(keys) as never,
      clientAuthentication: clientAuthenticationAnonymous(),
    },
  });
}

/** Runs the whole pre-authorized flow as the peer wallet: offer → metadata → token → nonce → credential. */
export async function obtainAsPeer(
  server: PeerServer,
  options: { offerUri: string; txCode?: string; keys: readonly PeerKey[] },
) {
  const client = peerWallet(server.fetch, options.keys);
  const offer = await client.resolveCredentialOffer(options.offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer: offer,
    issuerMetadata,
    ...(options.txCode === undefined ? {} : { txCode: options.txCode }),
  });
  const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
  const configurationId = offer.credential_configuration_ids[0] as string;
  const proofs = [];
  for (const key of options.keys) {
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: configurationId,
      nonce,
      signer: { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk as never },
    });
    proofs.push(jwt);
  }
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: configurationId,
    proofs: { jwt: proofs },
  });
  const credentials = (response.credentialResponse.credentials ?? []).map(
    (entry) => (entry as { credential: string }).credential,
  );
  return { offer, issuerMetadata, credentials, accessToken: accessTokenResponse.access_token };
}

export function peerSdJwtVerifier(server: PeerServer) {
  const key = createPublicKey({
    key: server.issuerKey.publicJwk as NodeJsonWebKey,
    format: 'jwk',
  });
  return new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: (data: string, signature: string) =>
      nodeVerify(
        'sha256',
        Buffer.from(data),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url'),
      ),
    statusListFetcher: async (uri: string) => {
      const response = await server.fetch(uri);
      if (!response.ok) throw new Error(`status list ${response.status}`);
      return (await response.text()).trim();
    },
  });
}

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
