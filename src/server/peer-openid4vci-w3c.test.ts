/**
 * A peer wallet built on @openid4vc/openid4vci asks `vouch serve` for the diploma as `jwt_vc_json`
 * (OpenID4VCI 1.0 Appendix A.1.1) and gets W3C VC-JWTs that did-jwt-vc verifies with Veramo's
 * did:key resolver; each `sub` is the did:key of the key the peer proved (a `kid` did:key proof
 * or a `jwk` proof), and the BitstringStatusListEntry points at the list's `.w3c` twin, which
 * did-jwt-vc verifies too and which shows a revoke at once. No Vouch client code is used.
 */
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { createDidResolver, verifyBitstringStatusListCredential } from '../core/w3c/index.ts';
import { newPeerKey, peerDidUrl, PUBLIC_URL, startPeerServer } from './peer-harness.fake.ts';
import type { PeerKey, PeerServer } from './peer-harness.fake.ts';
import { peerWallet } from './peer-wallet.fake.ts';

const DIPLOMA = exampleClaims('diploma');
const resolver = new Resolver(getDidKeyResolver());

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
  return json as { id: string; uri: string };
}

/** The peer's pre-authorized flow; the first key proves with a did:key `kid`, the others by `jwk`. */
async function obtainW3c(offerUri: string, keys: readonly PeerKey[]) {
  const client = peerWallet(server.fetch, keys);
  const offer = await client.resolveCredentialOffer(offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
  const configurationId = offer.credential_configuration_ids[0] as string;
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer: offer,
    issuerMetadata,
  });
  const { c_nonce: nonce } = await client.requestNonce({ issuerMetadata });
  const proofs = [];
  for (const [index, key] of keys.entries()) {
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: configurationId,
      nonce,
      signer:
        index === 0
          ? { method: 'did', didUrl: peerDidUrl(key), alg: key.alg }
          : { method: 'jwk', alg: key.alg, publicJwk: key.publicJwk as never },
    });
    proofs.push(jwt);
  }
  const response = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId: configurationId,
    proofs: { jwt: proofs },
  });
  return {
    configurationId,
    configuration: issuerMetadata.credentialIssuer.credential_configurations_supported[
      configurationId
    ] as Record<string, unknown>,
    credentials: (response.credentialResponse.credentials ?? []).map(
      (entry) => (entry as { credential: string }).credential,
    ),
  };
}

const verifyAsPeer = (jwt: string) =>
  verifyCredential(jwt, resolver, {
    policies: { now: Math.floor(server.ctx.now().getTime() / 1000) },
  });

async function statusBit(url: string, index: number): Promise<number> {
  const response = await server.fetch(url);
  expect(response.status).toBe(200);
  const jwt = await response.text();
  const peer = await verifyAsPeer(jwt);
  expect(peer.issuer).toBe(server.issuerKey.did);
  const list = await verifyBitstringStatusListCredential(jwt, {
    now: server.ctx.now(),
    resolver: createDidResolver(),
    expectedUrl: url,
  });
  if (!list.ok) throw new Error(list.detail.message);
  return list.value.statusAt(index);
}

describe('a peer wallet (@openid4vc/openid4vci) obtains the diploma as jwt_vc_json from vouch serve', () => {
  it('Given an offer for jwt_vc_json, when the peer proves two P-256 keys (kid did:key and jwk), then it gets two VC-JWTs that did-jwt-vc verifies, each sub the did:key of its key', async () => {
    const offer = await createOffer({ type: 'diploma', claims: DIPLOMA, format: 'jwt_vc_json' });
    const keys = [await newPeerKey(), await newPeerKey()];
    const { configurationId, configuration, credentials } = await obtainW3c(offer.uri, keys);
    expect(configurationId).toBe('diploma-w3c');
    expect(configuration).toMatchObject({
      format: 'jwt_vc_json',
      credential_definition: { type: ['VerifiableCredential', 'VouchDiploma'] },
    });
    expect(credentials).toHaveLength(2);
    const subjects = [];
    const indices = new Set<string>();
    for (const jwt of credentials) {
      const verified = await verifyAsPeer(jwt);
      expect(verified.issuer).toBe(server.issuerKey.did);
      expect(verified.verifiableCredential.type).toEqual(['VerifiableCredential', 'VouchDiploma']);
      const { id, ...claims } = verified.verifiableCredential.credentialSubject;
      expect(id).toBe(verified.payload.sub);
      expect(claims).toEqual(DIPLOMA);
      const status = verified.verifiableCredential.credentialStatus as unknown as Record<
        string,
        string
      >;
      expect(status.type).toBe('BitstringStatusListEntry');
      expect(status.statusListCredential).toMatch(
        new RegExp(`^${PUBLIC_URL}/status/[A-Za-z0-9_-]+\\.w3c$`),
      );
      indices.add(status.statusListIndex as string);
      subjects.push(verified.payload.sub);
    }
    expect(subjects).toEqual(keys.map((key) => peerDidUrl(key).split('#')[0]));
    expect(indices.size).toBe(2);
  });

  it('Given an issued VC-JWT, when the desk revokes its index, then its .w3c status list (verified by did-jwt-vc) shows it at once', async () => {
    const offer = await createOffer({
      credentialConfigurationId: 'diploma-w3c',
      claims: DIPLOMA,
    });
    const { credentials } = await obtainW3c(offer.uri, [await newPeerKey()]);
    const verified = await verifyAsPeer(credentials[0] as string);
    const status = verified.verifiableCredential.credentialStatus as unknown as Record<
      string,
      string
    >;
    const url = status.statusListCredential as string;
    const index = Number(status.statusListIndex);
    expect(await statusBit(url, index)).toBe(0);
    const revoked = await server.admin('POST', '/admin/status/revoke', {
      index,
      list: url.slice(0, -'.w3c'.length),
    });
    expect(revoked.status).toBe(200);
    expect(await statusBit(url, index)).toBe(1);
  });

  it('Given a type not offered as jwt_vc_json, or a configuration id that is not in the metadata, when the desk asks for an offer, then 400 and no offer exists', async () => {
    for (const body of [
      { type: 'income-statement', format: 'jwt_vc_json' },
      { credentialConfigurationId: 'income-statement-w3c' },
      { credentialConfigurationId: 'diploma-w3c', format: 'dc+sd-jwt' },
      { type: 'diploma', format: 'ldp_vc' },
    ]) {
      const { status, json } = await server.admin('POST', '/admin/offers', {
        claims: exampleClaims('income-statement'),
        ...body,
      });
      expect(status).toBe(400);
      expect((json as { error: string }).error).toBe('invalid_request');
    }
  });
});
