/**
 * Interop with the peers' libraries, both directions (issue 10 §3): did-jwt-vc's own
 * createVerifiableCredentialJwt / createVerifiablePresentationJwt, signed with did-jwt's ES256,
 * ES256K and EdDSA signers, are accepted by Vouch; Vouch's VC-JWTs and VP-JWTs are accepted by
 * did-jwt-vc's verifyCredential / verifyPresentation resolving did:key with Veramo's
 * getDidKeyResolver (not ours).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { ES256KSigner, ES256Signer, EdDSASigner } from 'did-jwt';
import type { Signer } from 'did-jwt';
import {
  createVerifiableCredentialJwt,
  createVerifiablePresentationJwt,
  verifyCredential,
  verifyPresentation,
} from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { resolveDidKey } from '../did/did-key.ts';
import { encodeDidKey } from '../did/multikey.ts';
import type { KeyCodec } from '../did/multikey.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { createDidResolver } from './did-resolver.ts';
import { verifyCredentialJwt } from './verify-vc-jwt.ts';
import { verifyVpJwt } from './verify-vp-jwt.ts';
import { AUDIENCE, CLAIMS, makeW3cWorld, NONCE, NOW, optionsFor } from './w3c-world.fake.ts';

const nowSeconds = Math.floor(NOW.getTime() / 1000);
const veramoResolver = new Resolver(getDidKeyResolver());

function peerKey(alg: JwsAlgorithm, fill: number): { did: Did; signer: Signer } {
  const secret = new Uint8Array(32).fill(fill);
  const [codec, publicKey, signer]: [KeyCodec, Uint8Array, Signer] =
    alg === 'ES256'
      ? ['p256-pub', p256.getPublicKey(secret, true), ES256Signer(secret)]
      : alg === 'ES256K'
        ? ['secp256k1-pub', secp256k1.getPublicKey(secret, true), ES256KSigner(secret)]
        : ['ed25519-pub', ed25519.getPublicKey(secret), EdDSASigner(secret)];
  return { did: encodeDidKey(codec, publicKey), signer };
}

function pinned(did: Did) {
  const key = resolveDidKey(did);
  if (!key.ok) throw new Error(key.detail.message);
  return key.value;
}

describe('did-jwt-vc → Vouch', () => {
  it.each<JwsAlgorithm>(['ES256', 'ES256K', 'EdDSA'])(
    "Given a VC-JWT and VP-JWT made by did-jwt-vc with did-jwt's %s signer, when Vouch verifies them, then every check passes",
    async (alg) => {
      const world = await makeW3cWorld();
      const issuer = peerKey(alg, 7);
      const holder = peerKey('ES256K', 9);
      const vcJwt = await createVerifiableCredentialJwt(
        {
          sub: holder.did,
          nbf: nowSeconds - 3600,
          vc: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiableCredential', 'VouchIncomeStatement'],
            credentialSubject: CLAIMS,
          },
        },
        { did: issuer.did, signer: issuer.signer, alg },
      );
      const vpJwt = await createVerifiablePresentationJwt(
        {
          vp: {
            '@context': ['https://www.w3.org/2018/credentials/v1'],
            type: ['VerifiablePresentation'],
            verifiableCredential: [vcJwt],
          },
          iat: nowSeconds - 5,
        },
        { did: holder.did, signer: holder.signer, alg: 'ES256K' },
        { domain: AUDIENCE, challenge: NONCE },
      );
      const opts = optionsFor(world, { issuerKey: pinned(issuer.did) });
      const vp = await verifyVpJwt(vpJwt, opts);
      expect(vp.checks.filter((c) => !c.ok)).toEqual([]);
      expect(vp.claims).toEqual(CLAIMS);
      expect(vp.vct).toBe('urn:vouch:income-statement:1');
      const vc = await verifyCredentialJwt(vcJwt, opts);
      expect(vc.valid).toBe(true);
    },
  );

  it('Given a did-jwt-vc credential from an issuer on no trust list, then only issuer-trusted fails', async () => {
    const world = await makeW3cWorld();
    const issuer = peerKey('ES256', 11);
    const vcJwt = await createVerifiableCredentialJwt(
      {
        sub: world.holderDid,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'VouchIncomeStatement'],
          credentialSubject: CLAIMS,
        },
      },
      { did: issuer.did, signer: issuer.signer, alg: 'ES256' },
    );
    const result = await verifyCredentialJwt(vcJwt, optionsFor(world));
    expect(result.checks.filter((c) => !c.ok).map((c) => [c.name, c.code])).toEqual([
      ['issuer-trusted', 'untrusted-issuer'],
    ]);
  });
});

describe('did-jwt-vc VP-JWT dates → Vouch freshness', () => {
  async function presentation(dates: { iat?: number; issuanceDate?: string }): Promise<{
    vpJwt: string;
    world: Awaited<ReturnType<typeof makeW3cWorld>>;
    issuerDid: Did;
  }> {
    const world = await makeW3cWorld();
    const issuer = peerKey('ES256', 21);
    const holder = peerKey('ES256K', 22);
    const vcJwt = await createVerifiableCredentialJwt(
      {
        sub: holder.did,
        nbf: nowSeconds - 3600,
        vc: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'VouchIncomeStatement'],
          credentialSubject: CLAIMS,
        },
      },
      { did: issuer.did, signer: issuer.signer, alg: 'ES256' },
    );
    // did-jwt-vc's own defaults: no iat in a VP-JWT; an issuanceDate becomes nbf.
    const vpJwt = await createVerifiablePresentationJwt(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiablePresentation'],
        holder: holder.did,
        verifiableCredential: [vcJwt],
        ...(dates.issuanceDate === undefined ? {} : { issuanceDate: dates.issuanceDate }),
        ...(dates.iat === undefined ? {} : { iat: dates.iat }),
      } as never,
      { did: holder.did, signer: holder.signer, alg: 'ES256K' },
      { domain: AUDIENCE, challenge: NONCE },
    );
    return { vpJwt, world, issuerDid: issuer.did };
  }

  const freshness = async (dates: { iat?: number; issuanceDate?: string }) => {
    const { vpJwt, world, issuerDid } = await presentation(dates);
    const verdict = await verifyVpJwt(vpJwt, optionsFor(world, { issuerKey: pinned(issuerDid) }));
    return { verdict, check: verdict.checks.find((c) => c.name === 'freshness') };
  };

  it('Given a VP-JWT with no time at all (did-jwt-vc default), then freshness passes with a warning and the verdict is valid', async () => {
    const { verdict, check } = await freshness({});
    expect(check).toMatchObject({ ok: true, code: 'warning' });
    expect(verdict.valid).toBe(true);
  });

  it('Given a VP-JWT dated only by nbf (its issuanceDate), then nbf is when it was made: recent passes, an hour old is stale', async () => {
    const recent = new Date((nowSeconds - 10) * 1000).toISOString();
    expect((await freshness({ issuanceDate: recent })).check).toMatchObject({
      ok: true,
      code: 'ok',
    });
    const old = new Date((nowSeconds - 3600) * 1000).toISOString();
    const stale = await freshness({ issuanceDate: old });
    expect(stale.check).toMatchObject({ ok: false, code: 'stale' });
    expect(stale.verdict.valid).toBe(false);
  });

  it('Given a VP-JWT with an old iat, then it is stale whatever else it carries', async () => {
    expect((await freshness({ iat: nowSeconds - 3600 })).check).toMatchObject({
      ok: false,
      code: 'stale',
    });
  });
});

describe('Vouch → did-jwt-vc (Veramo key-did resolver)', () => {
  it.each<JwsAlgorithm>(['ES256', 'ES256K', 'EdDSA'])(
    'Given a Vouch VC-JWT signed with %s and its VP-JWT, then did-jwt-vc verifies both with the right aud and challenge',
    async (alg) => {
      const world = await makeW3cWorld(alg);
      const policies = { now: nowSeconds };
      const vc = await verifyCredential(world.vcJwt, veramoResolver, { policies });
      expect(vc.verified).toBe(true);
      expect(vc.issuer).toBe(world.issuer.did);
      expect(vc.verifiableCredential.credentialSubject).toMatchObject({
        ...CLAIMS,
        id: world.holderDid,
      });
      const vp = await verifyPresentation(world.vpJwt, veramoResolver, {
        domain: AUDIENCE,
        challenge: NONCE,
        policies,
      });
      expect(vp.verified).toBe(true);
      expect(vp.issuer).toBe(world.holderDid);
      await expect(
        verifyPresentation(world.vpJwt, veramoResolver, {
          domain: 'https://other.example',
          challenge: NONCE,
          policies,
        }),
      ).rejects.toThrow(/audience|domain/);
    },
  );

  it("Given our resolver and Veramo's, when both resolve our did:keys, then the verification method ids agree", async () => {
    const world = await makeW3cWorld();
    for (const did of [world.issuer.did, world.holderDid, peerKey('EdDSA', 3).did]) {
      const ours = await createDidResolver().resolve(did);
      const theirs = await veramoResolver.resolve(did);
      expect(ours.didDocument?.verificationMethod?.[0]?.id).toBe(
        theirs.didDocument?.verificationMethod?.[0]?.id,
      );
      expect(ours.didDocument?.verificationMethod?.[0]?.publicKeyJwk).toMatchObject({
        x: theirs.didDocument?.verificationMethod?.[0]?.publicKeyJwk?.x,
      });
    }
  });
});
