/**
 * TEST SUPPORT — the peer wallet's issuance side: @openid4vc/openid4vci's Openid4vciClient runs the
 * pre-authorized code flow against the in-process server, and @sd-jwt/sd-jwt-vc verifies what it
 * got (signature with the issuer key, status from our /status route through the same fetch).
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { peerHash, peerRandom, peerSignJwt } from './peer-harness.fake.ts';
import type { PeerKey, PeerServer } from './peer-harness.fake.ts';

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
