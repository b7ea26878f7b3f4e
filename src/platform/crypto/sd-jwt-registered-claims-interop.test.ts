/**
 * Interop for SD-JWT VC registered claims (draft-ietf-oauth-sd-jwt-vc §3.2.2.2), with credentials
 * made by @sd-jwt/sd-jwt-vc@0.19.0 (the OpenWallet Foundation implementation):
 *
 * - its issuer refuses to make iss, nbf, exp, cnf, vct or status disclosable, but a subclass that
 *   skips `validateReservedFields` (a careless issuer) can — we must refuse those credentials;
 * - it happily issues without `iat`, or with `iat` disclosable — we must accept those;
 * - it writes whatever `signAlg` says into the header — "Ed25519" (RFC 9864) we accept as EdDSA.
 *
 * Signatures on their side go through node:crypto only.
 */
import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import type { JsonWebKey as NodeJsonWebKey } from 'node:crypto';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance, type SDJWTVCConfig, type SdJwtVcPayload } from '@sd-jwt/sd-jwt-vc';
import { describe, expect, it } from 'vitest';
import { exampleClaims } from '../../core/credentials/index.ts';
import { didKeyFromJwk } from '../../core/did/index.ts';
import type { JwsAlgorithm, PrivateJwk } from '../../core/jose/index.ts';
import { verifySdJwtVc } from '../../core/sd-jwt/index.ts';
import { webJwsCrypto } from './jws-crypto.ts';

const crypto = webJwsCrypto();
const STATUS_URI = 'https://issuer.example/status/1';

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

/** An issuer built on their library that skips their own reserved-claims check. */
class CarelessIssuer extends SDJwtVcInstance {
  override validateReservedFields(): void {}
}

async function theirIssuer(alg: JwsAlgorithm, opts: { signAlg?: string; careless?: boolean } = {}) {
  const keys = await crypto.generateKeyPair(alg);
  const did = didKeyFromJwk(keys.publicJwk);
  const config: SDJWTVCConfig = {
    signer: nodeSigner(keys.privateJwk),
    signAlg: opts.signAlg ?? alg,
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  };
  const issuer = opts.careless ? new CarelessIssuer(config) : new SDJwtVcInstance(config);
  const holder = await crypto.generateKeyPair('ES256K');
  const kid = `${did}#${did.slice('did:key:'.length)}`;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const envelope = {
    iss: did,
    vct: 'urn:vouch:income-statement:1',
    cnf: { jwk: holder.publicJwk },
    iat: nowSeconds - 60,
    exp: nowSeconds + 86_400,
    status: { status_list: { idx: 12, uri: STATUS_URI } },
  };
  const issue = (payload: Record<string, unknown>, sd: string[]) =>
    issuer.issue(payload as SdJwtVcPayload, { _sd: sd } as never, { header: { kid } });
  return { did, keys, envelope, issue };
}

const claims = exampleClaims('income-statement');
const personal = Object.keys(claims);

describe('SD-JWT VCs from @sd-jwt/sd-jwt-vc@0.19.0 with registered claims made disclosable', () => {
  it('Given their own issuer, when asked to make exp or status disclosable, then it refuses too (the same rule)', async () => {
    const { envelope, issue } = await theirIssuer('ES256');
    await expect(issue({ ...envelope, ...claims }, [...personal, 'exp'])).rejects.toThrow(
      /protected field/,
    );
    await expect(issue({ ...envelope, ...claims }, [...personal, 'status'])).rejects.toThrow(
      /protected field/,
    );
  });

  it.each(['exp', 'status', 'nbf', 'cnf', 'vct', 'iss'])(
    'Given a careless issuer on their library that made "%s" disclosable, when we verify it, then disclosable-registered-claim',
    async (name) => {
      const { envelope, issue, keys } = await theirIssuer('ES256', { careless: true });
      const payload = { ...envelope, nbf: envelope.iat, ...claims };
      const credential = await issue(payload, [...personal, name]);
      const verified = await verifySdJwtVc(credential, {
        crypto,
        now: new Date(),
        // Without `iss` in the clear the key must be pinned (SD-JWT VC §3.2.2.2).
        ...(name === 'iss' ? { issuerKey: keys.publicJwk } : {}),
      });
      expect(verified).toMatchObject({ ok: false, reason: 'disclosable-registered-claim' });
      if (!verified.ok) expect(verified.detail.message).toContain(`"${name}"`);
    },
  );

  it('Given their disclosable status with its disclosure withheld by the holder, when we verify it, then we cannot tell (only a digest): the wallet refuses such credentials at receipt, where every disclosure is present', async () => {
    const { envelope, issue } = await theirIssuer('EdDSA', { careless: true });
    const credential = await issue({ ...envelope, ...claims }, [...personal, 'status']);
    const withheld = credential
      .split('~')
      .filter((part) => !Buffer.from(part, 'base64url').toString().includes('"status"'))
      .join('~');
    expect(withheld.length).toBeLessThan(credential.length);
    const verified = await verifySdJwtVc(withheld, { crypto, now: new Date() });
    expect(verified.ok && verified.value.status).toBeUndefined();
    expect(await verifySdJwtVc(credential, { crypto, now: new Date() })).toMatchObject({
      ok: false,
      reason: 'disclosable-registered-claim',
    });
  });
});

describe('SD-JWT VCs from @sd-jwt/sd-jwt-vc@0.19.0 that the draft allows', () => {
  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given their %s credential without iat, when we verify it, then every claim comes back and iat is absent',
    async (alg) => {
      const { envelope, issue, did } = await theirIssuer(alg);
      const { iat: _iat, ...withoutIat } = envelope;
      const credential = await issue({ ...withoutIat, ...claims }, personal);
      const verified = await verifySdJwtVc(credential, { crypto, now: new Date() });
      expect(verified).toMatchObject({ ok: true, value: { issuer: did, claims } });
      expect(verified.ok && verified.value.iat).toBeUndefined();
    },
  );

  it('Given their credential with iat selectively disclosable, when we verify it with and without that disclosure, then both pass and iat is reported only when disclosed', async () => {
    const { envelope, issue } = await theirIssuer('ES256');
    const credential = await issue({ ...envelope, ...claims }, [...personal, 'iat']);
    const verified = await verifySdJwtVc(credential, { crypto, now: new Date() });
    expect(verified).toMatchObject({ ok: true, value: { iat: envelope.iat, claims } });
    const withheld = credential
      .split('~')
      .filter((part) => !Buffer.from(part, 'base64url').toString().includes('"iat"'))
      .join('~');
    const partial = await verifySdJwtVc(withheld, { crypto, now: new Date() });
    expect(partial).toMatchObject({ ok: true, value: { claims } });
    expect(partial.ok && partial.value.iat).toBeUndefined();
  });

  it('Given their credential without iss, when we verify it with the issuer key pinned, then it passes; without a pin, missing-claim', async () => {
    const { envelope, issue, keys } = await theirIssuer('ES256');
    const { iss: _iss, ...withoutIss } = envelope;
    const credential = await issue({ ...withoutIss, ...claims }, personal);
    const pinned = await verifySdJwtVc(credential, {
      crypto,
      now: new Date(),
      issuerKey: keys.publicJwk,
    });
    expect(pinned).toMatchObject({ ok: true, value: { claims } });
    expect(pinned.ok && pinned.value.issuer).toBeUndefined();
    expect(await verifySdJwtVc(credential, { crypto, now: new Date() })).toMatchObject({
      ok: false,
      reason: 'missing-claim',
    });
  });

  it('Given their credential signed with signAlg "Ed25519" (RFC 9864), when we verify it, then it passes as EdDSA; "Ed448" is refused', async () => {
    const { envelope, issue, did } = await theirIssuer('EdDSA', { signAlg: 'Ed25519' });
    const credential = await issue({ ...envelope, ...claims }, personal);
    expect(
      JSON.parse(Buffer.from(credential.split('.')[0]!, 'base64url').toString()),
    ).toMatchObject({ alg: 'Ed25519' });
    expect(await verifySdJwtVc(credential, { crypto, now: new Date() })).toMatchObject({
      ok: true,
      value: { issuer: did, claims },
    });
    const other = await theirIssuer('EdDSA', { signAlg: 'Ed448' });
    const refused = await other.issue({ ...other.envelope, ...claims }, personal);
    expect(await verifySdJwtVc(refused, { crypto, now: new Date() })).toMatchObject({
      ok: false,
      reason: 'alg-not-allowed',
    });
  });
});
