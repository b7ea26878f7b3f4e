/**
 * A W3C Verifiable Presentation as a JWT (VC Data Model 1.1 §6.3.1; OpenID4VP 1.0 Appendix
 * B.1.3.1 for `jwt_vc_json`): signed by the holder's credential key (ES256K, `kid` its did:key
 * verification method), `iss` the holder DID, `aud` the verifier's client_id, `nonce` the request's,
 * `iat` and `exp` = iat + 300, a `jti`, and `vp.verifiableCredential` holding the one VC-JWT.
 * Created through did-jwt-vc's createVerifiablePresentationJwt.
 */
import { randomBytes as nobleRandomBytes } from '@noble/hashes/utils.js';
import { createVerifiablePresentationJwt } from 'did-jwt-vc';
import type { Did } from '../brand.ts';
import { didKeyVerificationMethod } from '../did/did-key.ts';
import { shortValue } from '../jose/compact-jws.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';
import { didJwtSigner } from './did-jwt-signer.ts';
import { uuidV4, VC_CONTEXT_V1 } from './vc-jwt.ts';

/** A VP-JWT is good for five minutes (the verifier's freshness check allows 300 s too). */
export const VP_JWT_LIFETIME_SECONDS = 300;

export interface CreateVpJwtOptions {
  holder: { did: Did; alg: 'ES256K'; sign: JwsSign };
  /** The VC-JWT presented. */
  credential: string;
  /** The verifier's client_id. */
  audience: string;
  nonce: string;
  issuedAt: Date;
  randomBytes?: (n: number) => Uint8Array;
}

export async function createVpJwt(opts: CreateVpJwtOptions): Promise<string> {
  const { holder, credential, audience, nonce, issuedAt } = opts;
  if (typeof audience !== 'string' || audience === '') {
    throw new TypeError(
      `createVpJwt: "audience" must be the verifier's id, got ${shortValue(audience)}`,
    );
  }
  if (typeof nonce !== 'string' || nonce === '') {
    throw new TypeError(
      `createVpJwt: "nonce" must be the request's nonce, got ${shortValue(nonce)}`,
    );
  }
  if (holder.alg !== 'ES256K') {
    throw new TypeError(`createVpJwt: the holder signs with ES256K, got ${shortValue(holder.alg)}`);
  }
  const iat = Math.floor(issuedAt.getTime() / 1000);
  if (!Number.isFinite(iat)) throw new TypeError('createVpJwt: "issuedAt" is an invalid Date');
  return createVerifiablePresentationJwt(
    {
      aud: audience,
      nonce,
      iat,
      exp: iat + VP_JWT_LIFETIME_SECONDS,
      jti: `urn:uuid:${uuidV4(opts.randomBytes ?? nobleRandomBytes)}`,
      vp: {
        '@context': [VC_CONTEXT_V1],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
      },
    },
    { did: holder.did, signer: didJwtSigner(holder.sign), alg: 'ES256K' },
    {
      header: {
        alg: 'ES256K',
        typ: 'JWT',
        kid: holder.did.startsWith('did:key:')
          ? didKeyVerificationMethod(holder.did)
          : `${holder.did}#0`,
      },
    },
  );
}
