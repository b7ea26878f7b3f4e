/**
 * Independent check of presentations: a credential and key binding JWT made by
 * @sd-jwt/sd-jwt-vc@0.19.0 (the OpenWallet Foundation implementation, signing through node:crypto
 * only) verify with our verifyPresentation; our presentations verify with theirs (key binding,
 * nonce and sd_hash included).
 */
import {
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { describe, expect, it } from 'vitest';
import { didKeyFromJwk } from '../../core/did/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/index.ts';
import type { JwsAlgorithm, PrivateJwk, PublicJwk } from '../../core/jose/index.ts';
import { createPresentation } from '../../core/presentation/index.ts';
import { issueSdJwtVc } from '../../core/sd-jwt/index.ts';
import { verifyPresentation } from '../../core/verification/index.ts';
import { webJwsCrypto } from './jws-crypto.ts';

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const ALGS: JwsAlgorithm[] = ['ES256', 'EdDSA', 'ES256K'];
const AUD = 'https://desk.example/verifier';
const NONCE = 'c3RhdGUtb2YtdGhlLWFydA';

function nodeSigner(jwk: PrivateJwk) {
  const key = createPrivateKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  return (data: string): string =>
    (jwk.kty === 'OKP'
      ? nodeSign(null, Buffer.from(data), key)
      : nodeSign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' })
    ).toString('base64url');
}

function nodeVerifier(jwk: PublicJwk) {
  const key = createPublicKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  return (data: string, signature: string): boolean => {
    const bytes = Buffer.from(signature, 'base64url');
    return jwk.kty === 'OKP'
      ? nodeVerify(null, Buffer.from(data), key, bytes)
      : nodeVerify('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, bytes);
  };
}

describe('their presentations, verified by ours', () => {
  it.each(ALGS)(
    'Given an SD-JWT VC and KB-JWT made by @sd-jwt/sd-jwt-vc with a %s issuer, when we verify it, then valid with exactly the presented claims',
    async (alg) => {
      const issuerKeys = await crypto.generateKeyPair(alg);
      const did = didKeyFromJwk(issuerKeys.publicJwk);
      const holder = await crypto.generateKeyPair(alg === 'ES256K' ? 'ES256K' : 'ES256');
      const holderAlg = alg === 'ES256K' ? 'ES256K' : 'ES256';
      const theirs = new SDJwtVcInstance({
        signer: nodeSigner(issuerKeys.privateJwk),
        signAlg: alg,
        hasher: digest,
        hashAlg: 'sha-256',
        saltGenerator: generateSalt,
        kbSigner: nodeSigner(holder.privateJwk),
        kbSignAlg: holderAlg,
      });
      const now = Math.floor(Date.now() / 1000);
      const credential = await theirs.issue(
        {
          iss: did,
          iat: now - 60,
          exp: now + 86_400,
          vct: 'urn:example:pid',
          cnf: { jwk: holder.publicJwk },
          given_name: 'Lotte',
          family_name: 'Janssens',
          birthdate: '1984-03-17',
          address: { locality: 'Utrecht', country: 'NL' },
        },
        {
          _sd: ['given_name', 'family_name', 'birthdate', 'address'],
          address: { _sd: ['locality'] },
        } as never,
        { header: { kid: `${did}#${did.slice('did:key:'.length)}` } },
      );
      const presentation = await theirs.present(
        credential,
        { given_name: true, address: { locality: true } } as never,
        { kb: { payload: { iat: now, aud: AUD, nonce: NONCE } } },
      );
      const result = await verifyPresentation(presentation, {
        crypto,
        now: new Date(),
        audience: AUD,
        nonce: NONCE,
        issuerKey: issuerKeys.publicJwk,
        requiredClaims: ['given_name'],
      });
      expect(result.checks.filter((c) => !c.ok)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.claims).toEqual({
        given_name: 'Lotte',
        address: { locality: 'Utrecht', country: 'NL' },
      });
      // Resolved from the did:key in kid, trusted through a trust list instead of a pinned key.
      const listed = await verifyPresentation(presentation, {
        crypto,
        now: new Date(),
        audience: AUD,
        nonce: NONCE,
        trustLists: [
          {
            issuer: 'did:key:zDesk',
            name: 'Desk',
            iat: now,
            entries: [{ did, name: 'PID issuer', vct: ['urn:example:pid'] }],
          },
        ],
      });
      expect(listed).toMatchObject({ valid: true, issuerName: 'PID issuer' });
    },
  );
});

describe('our presentations, verified by theirs', () => {
  it.each(ALGS)(
    'Given our presentation of a credential from a %s issuer, when @sd-jwt/sd-jwt-vc verifies it with key binding and nonce, then it accepts exactly the disclosed claims',
    async (alg) => {
      const issuer = await createIssuerKeyFile(crypto, alg);
      const holder = await crypto.generateKeyPair('ES256K');
      const credential = await issueSdJwtVc({
        issuer: { did: issuer.did, alg, sign: issuerSigner(crypto, issuer) },
        vct: 'urn:vouch:income-statement:1',
        claims: { period: '2026-01', net_wage_cents: 241210, birth_date: '1985-04-12' },
        holderJwk: holder.publicJwk,
        issuedAt: new Date(),
        decoys: 2,
        randomBytes,
      });
      const made = await createPresentation({
        credential,
        disclose: ['period', 'net_wage_cents'],
        audience: AUD,
        nonce: NONCE,
        issuedAt: new Date(),
        holder: { alg: 'ES256K', sign: (data) => crypto.sign('ES256K', holder.privateJwk, data) },
      });
      if (!made.ok) throw new Error(made.detail.message);
      const theirs = new SDJwtVcInstance({
        hasher: digest,
        hashAlg: 'sha-256',
        verifier: nodeVerifier(issuer.publicJwk),
        kbVerifier: (data: string, signature: string) =>
          nodeVerifier(holder.publicJwk)(data, signature),
      });
      const result = await theirs.verify(made.value, { keyBindingNonce: NONCE });
      expect(result.kb?.payload).toMatchObject({ aud: AUD, nonce: NONCE });
      const { iss, iat, vct, cnf, ...disclosed } = result.payload as Record<string, unknown>;
      expect({ iss, vct, cnf }).toEqual({
        iss: issuer.did,
        vct: 'urn:vouch:income-statement:1',
        cnf: { jwk: holder.publicJwk },
      });
      expect(typeof iat).toBe('number');
      expect(disclosed).toEqual({ period: '2026-01', net_wage_cents: 241210 });
      await expect(theirs.verify(made.value, { keyBindingNonce: 'another' })).rejects.toThrow();
    },
  );
});
