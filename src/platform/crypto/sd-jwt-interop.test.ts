/**
 * Independent check: SD-JWT VCs issued by our code verify with @sd-jwt/sd-jwt-vc@0.19.0 (the
 * OpenWallet Foundation implementation), and theirs verify with ours. Signatures on their side go
 * through node:crypto only; the status list is served by a fetcher (no network).
 */
import {
  createPublicKey,
  createPrivateKey,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance, type TypeMetadataFormat } from '@sd-jwt/sd-jwt-vc';
import { describe, expect, it } from 'vitest';
import { exampleClaims, typeMetadata } from '../../core/credentials/index.ts';
import { didKeyFromJwk } from '../../core/did/index.ts';
import {
  createIssuerKeyFile,
  issuerSigner,
  type JwsAlgorithm,
  type PrivateJwk,
  type PublicJwk,
} from '../../core/jose/index.ts';
import { issueSdJwtVc, verifySdJwtVc } from '../../core/sd-jwt/index.ts';
import {
  allocateStatusIndex,
  createStatusList,
  publishStatusListJwt,
  revokeStatusIndex,
  type StatusListFile,
} from '../../core/status-list/index.ts';
import { webJwsCrypto } from './jws-crypto.ts';

const crypto = webJwsCrypto();
const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const ALGS: JwsAlgorithm[] = ['ES256', 'EdDSA', 'ES256K'];
const STATUS_URI = 'https://issuer.example/status/1';

/** A JWS verifier written over node:crypto alone (independent of our code). */
function nodeVerifier(jwk: PublicJwk) {
  const key = createPublicKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  return (data: string, signatureBase64url: string): boolean => {
    const signature = Buffer.from(signatureBase64url, 'base64url');
    if (jwk.kty === 'OKP') return nodeVerify(null, Buffer.from(data), key, signature);
    return nodeVerify('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, signature);
  };
}

function nodeSigner(jwk: PrivateJwk) {
  const key = createPrivateKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  return (data: string): string => {
    const signature =
      jwk.kty === 'OKP'
        ? nodeSign(null, Buffer.from(data), key)
        : nodeSign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' });
    return signature.toString('base64url');
  };
}

describe('our SD-JWT VCs, verified by @sd-jwt/sd-jwt-vc@0.19.0', () => {
  it.each(ALGS)(
    'Given an income statement issued with %s and a published status list, when they verify it, then they reconstruct every claim, and after revocation they refuse it',
    async (alg) => {
      const issuer = await createIssuerKeyFile(crypto, alg);
      const holder = await crypto.generateKeyPair('ES256K');
      let list: StatusListFile = createStatusList({ uri: STATUS_URI });
      const allocated = allocateStatusIndex(list, randomBytes);
      if (!allocated.ok) throw new Error('list-full');
      list = allocated.value.list;
      const claims = exampleClaims('income-statement');
      const credential = await issueSdJwtVc({
        issuer: { did: issuer.did, alg, sign: issuerSigner(crypto, issuer) },
        vct: 'urn:vouch:income-statement:1',
        claims,
        holderJwk: holder.publicJwk,
        status: { idx: allocated.value.index, uri: STATUS_URI },
        issuedAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
        decoys: 3,
        randomBytes,
      });
      const sign = { did: issuer.did, alg, sign: issuerSigner(crypto, issuer) };
      let statusListJwt = await publishStatusListJwt({
        list,
        issuer: sign,
        issuedAt: new Date(),
        ttlSeconds: 3600,
      });
      const fetched: string[] = [];
      const theirs = new SDJwtVcInstance({
        hasher: digest,
        hashAlg: 'sha-256',
        verifier: nodeVerifier(issuer.publicJwk),
        statusListFetcher: async (uri: string) => {
          fetched.push(uri);
          return statusListJwt;
        },
        loadTypeMetadataFormat: true,
        vctFetcher: async (vct: string) => {
          expect(vct).toBe('urn:vouch:income-statement:1');
          // Their zod schema validates our type metadata (loadTypeMetadataFormat).
          return typeMetadata('income-statement') as unknown as TypeMetadataFormat;
        },
      });
      const result = await theirs.verify(credential);
      expect(fetched).toEqual([STATUS_URI]);
      expect(result.header).toMatchObject({ alg, typ: 'dc+sd-jwt' });
      const { iss, iat, exp, vct, cnf, status, ...disclosed } = result.payload;
      expect({ iss, vct, cnf, status }).toEqual({
        iss: issuer.did,
        vct: 'urn:vouch:income-statement:1',
        cnf: { jwk: holder.publicJwk },
        status: { status_list: { idx: allocated.value.index, uri: STATUS_URI } },
      });
      expect(typeof iat).toBe('number');
      expect(typeof exp).toBe('number');
      expect(disclosed).toEqual(claims);

      const revoked = revokeStatusIndex(list, allocated.value.index);
      if (!revoked.ok) throw new Error(revoked.reason);
      statusListJwt = await publishStatusListJwt({
        list: revoked.value,
        issuer: sign,
        issuedAt: new Date(),
      });
      await expect(theirs.verify(credential)).rejects.toThrow();
    },
  );

  // Finding: @sd-jwt 0.19.0 does not reject an unreferenced disclosure (RFC 9901 §7.1 step 5 says
  // it MUST); it silently drops it. We reject. Both agree the tampered value is never shown.
  it('Given one character changed in a disclosure of our credential, when verified, then they drop the claim and we refuse the credential', async () => {
    const issuer = await createIssuerKeyFile(crypto, 'ES256');
    const holder = await crypto.generateKeyPair('ES256K');
    const credential = await issueSdJwtVc({
      issuer: { did: issuer.did, alg: 'ES256', sign: issuerSigner(crypto, issuer) },
      vct: 'urn:vouch:household:1',
      claims: exampleClaims('household'),
      holderJwk: holder.publicJwk,
      issuedAt: new Date(),
      randomBytes,
    });
    const parts = credential.split('~');
    const [, claimName] = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as [
      string,
      string,
    ];
    // Change one character of the value near the end (the JSON stays well-formed).
    const original = Buffer.from(parts[1]!, 'base64url').toString();
    const changed = original.replace(/.(["\d\]]*)$/, (_m, rest: string) => `X${rest}`);
    parts[1] = Buffer.from(changed).toString('base64url');
    const theirs = new SDJwtVcInstance({
      hasher: digest,
      hashAlg: 'sha-256',
      verifier: nodeVerifier(issuer.publicJwk),
    });
    const result = await theirs.verify(parts.join('~'));
    expect(Object.keys(result.payload)).not.toContain(claimName);
    expect(await verifySdJwtVc(parts.join('~'), { crypto, now: new Date() })).toMatchObject({
      ok: false,
    });
  });
});

describe('their SD-JWT VCs, verified by ours', () => {
  it.each(ALGS)(
    'Given an SD-JWT VC issued by @sd-jwt/sd-jwt-vc with %s and a did:key issuer, when we verify it, then we reconstruct every claim',
    async (alg) => {
      const keys = await crypto.generateKeyPair(alg);
      const did = didKeyFromJwk(keys.publicJwk);
      const claims = exampleClaims('diploma');
      const theirs = new SDJwtVcInstance({
        signer: nodeSigner(keys.privateJwk),
        signAlg: alg,
        hasher: digest,
        hashAlg: 'sha-256',
        saltGenerator: generateSalt,
      });
      const holder = await crypto.generateKeyPair('ES256K');
      const iat = Math.floor(Date.now() / 1000);
      const credential = await theirs.issue(
        { iss: did, iat, vct: 'urn:vouch:diploma:1', cnf: { jwk: holder.publicJwk }, ...claims },
        { _sd: Object.keys(claims) as never[] },
        { header: { kid: `${did}#${did.slice('did:key:'.length)}` } },
      );
      const verified = await verifySdJwtVc(credential, { crypto, now: new Date() });
      expect(verified.ok).toBe(true);
      if (!verified.ok) return;
      expect(verified.value).toMatchObject({
        issuer: did,
        vct: 'urn:vouch:diploma:1',
        iat,
        cnfJwk: holder.publicJwk,
      });
      expect(verified.value.claims).toEqual(claims);
    },
  );

  it('Given their SD-JWT VC with nested disclosures, array elements and decoys, when we verify it, then the structure comes back', async () => {
    const keys = await crypto.generateKeyPair('ES256');
    const did = didKeyFromJwk(keys.publicJwk);
    const theirs = new SDJwtVcInstance({
      signer: nodeSigner(keys.privateJwk),
      signAlg: 'ES256',
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
    });
    const payload = {
      iss: did,
      iat: Math.floor(Date.now() / 1000),
      vct: 'urn:example:nested',
      address: { street: 'Oudegracht 1', city: 'Utrecht' },
      nationalities: ['NL', 'BE', 'FR'],
    };
    const credential = await theirs.issue(payload, {
      _sd: ['address', 'nationalities'],
      _sd_decoy: 2,
      address: { _sd: ['street'], _sd_decoy: 1 },
      nationalities: { _sd: [0, 2] },
    } as never);
    const verified = await verifySdJwtVc(credential, { crypto, now: new Date() });
    expect(verified.ok && verified.value.claims).toEqual({
      address: { street: 'Oudegracht 1', city: 'Utrecht' },
      nationalities: ['NL', 'BE', 'FR'],
    });
    // Drop the disclosure of "BE"'s neighbour "FR": the holder keeps it private.
    const parts = credential.split('~');
    const withoutFr = parts.filter(
      (part, i) =>
        i === 0 || part === '' || !Buffer.from(part, 'base64url').toString().includes('"FR"'),
    );
    const partial = await verifySdJwtVc(withoutFr.join('~'), { crypto, now: new Date() });
    expect(partial.ok && partial.value.claims.nationalities).toEqual(['NL', 'BE']);
  });
});
