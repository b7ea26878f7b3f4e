/**
 * TEST SUPPORT — the peer wallet's presentation side: @openid4vc/openid4vp's Openid4vpClient
 * resolves a `vouch serve` openid4vp:// request (request_uri, signed request object), and
 * @sd-jwt/sd-jwt-vc presents with a key binding JWT signed by the credential key; the answer goes
 * to response_uri by direct_post or direct_post.jwt (JWE made with jose).
 */
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { exampleClaims } from '../core/credentials/index.ts';
import {
  newPeerKey,
  peerEncryptJwe,
  peerHash,
  peerSignJwt,
  peerVerifyJwt,
} from './peer-harness.fake.ts';
import type { PeerKey, PeerServer } from './peer-harness.fake.ts';
import { obtainAsPeer } from './peer-wallet.fake.ts';

export function peerVerifierClient(server: PeerServer, keys: readonly PeerKey[] = []) {
  return new Openid4vpClient({
    callbacks: {
      fetch: server.fetch,
      hash: peerHash,
      signJwt: peerSignJwt(keys) as never,
      verifyJwt: peerVerifyJwt as never,
      encryptJwe: peerEncryptJwe as never,
      decryptJwe: () => {
        throw new Error('the peer wallet decrypts nothing here');
      },
    },
  });
}

/** A credential of the server's own issuer, held by the peer wallet under `key`. */
export async function peerCredential(
  server: PeerServer,
  key: PeerKey,
  claims: Record<string, unknown> = exampleClaims('income-statement'),
) {
  const { json } = await server.admin('POST', '/admin/offers', {
    type: 'income-statement',
    claims,
  });
  const { credentials } = await obtainAsPeer(server, {
    offerUri: (json as { uri: string }).uri,
    keys: [key],
  });
  return credentials[0] as string;
}

/** The peer wallet resolves our openid4vp:// URI (request_uri, signed request object). */
export async function resolveAsPeer(server: PeerServer, uri: string) {
  const client = peerVerifierClient(server);
  const parsed = client.parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: parsed.params as never,
  });
  return resolved;
}

/** @sd-jwt/sd-jwt-vc presents the asked claims with a KB-JWT signed by the credential key. */
export async function presentAsPeer(
  credential: string,
  key: PeerKey,
  opts: { claims: readonly string[]; aud: string; nonce: string; iat?: number },
) {
  const privateKey = createPrivateKey({ key: key.privateJwk as NodeJsonWebKey, format: 'jwk' });
  const holder = new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
    kbSignAlg: 'ES256',
    kbSigner: (data: string) =>
      nodeSign('sha256', Buffer.from(data), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      }).toString('base64url'),
  });
  const frame = Object.fromEntries(opts.claims.map((claim) => [claim, true]));
  return holder.present(credential, frame, {
    kb: {
      payload: { aud: opts.aud, nonce: opts.nonce, iat: opts.iat ?? Math.floor(Date.now() / 1000) },
    },
  });
}

/** The whole answer as the peer wallet: present, create the response, submit it to response_uri. */
export async function answerAsPeer(
  server: PeerServer,
  resolved: Awaited<ReturnType<typeof resolveAsPeer>>,
  vpToken: Record<string, string[]>,
) {
  const client = peerVerifierClient(server);
  const request = resolved.authorizationRequestPayload;
  const jwt = request.response_mode === 'direct_post.jwt';
  const response = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: request,
    authorizationResponsePayload: { vp_token: vpToken as never },
    ...(jwt
      ? {
          jarm: {
            encryption: { nonce: request.nonce },
            serverMetadata: {
              authorization_signing_alg_values_supported: [],
              authorization_encryption_alg_values_supported: ['ECDH-ES'],
              authorization_encryption_enc_values_supported: ['A128GCM', 'A256GCM'],
            },
          },
        }
      : {}),
  });
  const submitted = await client.submitOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: { response_uri: request.response_uri as string },
    authorizationResponsePayload: response.authorizationResponsePayload,
    ...(response.jarm ? { jarm: { responseJwt: response.jarm.responseJwt } } : {}),
  });
  return submitted.response;
}

/** The whole citizen side in one call: get a credential, then answer `uri` with `claims`. */
export async function answerRequestAsPeer(
  server: PeerServer,
  opts: { uri: string; claims: readonly string[] },
): Promise<Response> {
  const key = await newPeerKey();
  const credential = await peerCredential(server, key);
  const resolved = await resolveAsPeer(server, opts.uri);
  const presentation = await presentAsPeer(credential, key, {
    claims: opts.claims,
    aud: resolved.client.effective,
    nonce: resolved.authorizationRequestPayload.nonce,
  });
  const queryId = (resolved.dcql?.query as { credentials: { id: string }[] }).credentials[0]?.id;
  return answerAsPeer(server, resolved, { [queryId ?? '']: [presentation] });
}
