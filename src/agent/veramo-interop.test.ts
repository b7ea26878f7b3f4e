// Veramo 7 and did-jwt-vc 4 against Vouch, both directions (issue 10 item 3): what Vouch's core
// issues and presents verifies in did-jwt-vc and in this Veramo agent's own CredentialPlugin, and
// what Veramo's CredentialPlugin (on the Vouch KMS) issues and presents verifies in Vouch's
// verifyCredentialJwt / verifyVpJwt / verifyPresentation. Veramo and did-jwt stamp credentials
// with the system clock, so these tests verify at the real time.
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { verifyCredential, verifyPresentation as verifyPresentationDidJwtVc } from 'did-jwt-vc';
import { Resolver } from 'did-resolver';
import { describe, expect, it } from 'vitest';
import { exampleClaims } from '../core/credentials/index.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../core/jose/index.ts';
import type { IssuerKeyFile, JwsAlgorithm } from '../core/jose/index.ts';
import {
  credentialPath,
  describeKey,
  relationshipPath,
  es256kSigner,
  mnemonicFromEntropy,
  mnemonicToSeed,
  withPrivateKey,
} from '../core/keys/index.ts';
import type { Did } from '../core/brand.ts';
import type { TrustList } from '../core/trust/index.ts';
import {
  bitstringStatusListUrl,
  createDidResolver,
  createVpJwt,
  issueVcJwt,
  signBitstringStatusListCredential,
  verifyCredentialJwt,
  verifyVpJwt,
} from '../core/w3c/index.ts';
import { createVouchAgent } from './index.ts';

const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const crypto = nobleJwsCrypto({ randomBytes });
const MNEMONIC = mnemonicFromEntropy(Uint8Array.from({ length: 32 }, (_, i) => 7 * i));
const DIPLOMA = 'urn:vouch:diploma:1';
const AUDIENCE = 'https://hr.example/verifier';
const NONCE = 'n-7Hq2';
const STATUS_URI = 'https://uni.example/status/1';
const claims = exampleClaims('diploma');

async function world(alg: JwsAlgorithm, revokedIndex?: number) {
  const issuerFile: IssuerKeyFile = await createIssuerKeyFile(crypto, alg);
  const issuer = { did: issuerFile.did, alg, sign: issuerSigner(crypto, issuerFile) };
  const bitstring = new Uint8Array(131_072 / 8);
  if (revokedIndex !== undefined) bitstring[revokedIndex >> 3]! |= 0x80 >> (revokedIndex & 7);
  const w3cUrl = bitstringStatusListUrl(STATUS_URI);
  const listJwt = await signBitstringStatusListCredential({
    issuer,
    url: w3cUrl,
    list: { bitstring },
    issuedAt: new Date(Date.now() - 60_000),
  });
  const statusList = (uri: string) =>
    uri === w3cUrl ? { jwt: listJwt, fetchedAt: new Date() } : undefined;
  const issuerAgent = await createVouchAgent({ issuerKeyFile: issuerFile, crypto, statusList });
  const holderAgent = await createVouchAgent({ mnemonic: MNEMONIC, crypto, statusList });
  const holder = await holderAgent.createHolderDid({ relationship: 5, child: 1 });
  const trust: TrustList = {
    issuer: 'did:key:zDnaeVerifier',
    name: 'HR desk',
    iat: Math.floor(Date.now() / 1000) - 60,
    exp: Math.floor(Date.now() / 1000) + 3600,
    entries: [{ did: issuerFile.did, name: 'Universiteit Utrecht', vct: [DIPLOMA] }],
  };
  const seed = await mnemonicToSeed(MNEMONIC);
  const holderSign = async (data: Uint8Array) =>
    withPrivateKey(seed, credentialPath(5, 1), async (key) => {
      const sign = es256kSigner(key);
      try {
        return await sign(data);
      } finally {
        sign.wipe();
      }
    });
  return {
    issuerFile,
    issuer,
    issuerAgent,
    holderAgent,
    holderDid: holder.did as Did,
    holderSigner: { did: holder.did as Did, alg: 'ES256K' as const, sign: holderSign },
    trust,
    statusList,
  };
}

const vouchOptions = (w: Awaited<ReturnType<typeof world>>) => ({
  crypto,
  now: new Date(),
  trustLists: [w.trust],
  statusList: w.statusList,
});

describe.each(['ES256', 'EdDSA', 'ES256K'] as JwsAlgorithm[])('%s issuer', (alg) => {
  it('Given a VC-JWT and VP-JWT made by Vouch core, then did-jwt-vc (Vouch resolver and Veramo did:key resolver) and the Veramo agent verify them', async () => {
    const w = await world(alg);
    const vc = await issueVcJwt({
      issuer: w.issuer,
      subject: w.holderDid,
      typeId: 'diploma',
      claims,
      issuedAt: new Date(Date.now() - 1000),
      status: { idx: 17, uri: STATUS_URI },
      randomBytes,
    });
    for (const resolver of [createDidResolver(), new Resolver(getDidKeyResolver())]) {
      const verified = await verifyCredential(vc, resolver);
      expect(verified.verified).toBe(true);
      expect(verified.issuer).toBe(w.issuerFile.did);
    }
    const byVeramo = await w.issuerAgent.verifyCredential({ credential: vc });
    expect(byVeramo.error).toBeUndefined();
    expect(byVeramo.verified).toBe(true);

    const vp = await createVpJwt({
      holder: w.holderSigner,
      credential: vc,
      audience: AUDIENCE,
      nonce: NONCE,
      issuedAt: new Date(),
      randomBytes,
    });
    const vpByVeramo = await w.issuerAgent.verifyPresentation({
      presentation: vp,
      domain: AUDIENCE,
      challenge: NONCE,
    });
    expect(vpByVeramo.error).toBeUndefined();
    expect(vpByVeramo.verified).toBe(true);
    const otherAudience = await w.issuerAgent.verifyPresentation({
      presentation: vp,
      domain: 'https://other.example',
      challenge: NONCE,
    });
    expect(otherAudience.verified).toBe(false);
    const byDidJwtVc = await verifyPresentationDidJwtVc(vp, createDidResolver(), {
      audience: AUDIENCE,
      challenge: NONCE,
    });
    expect(byDidJwtVc.verified).toBe(true);
  });

  it("Given a VC issued and presented by Veramo's CredentialPlugin on the Vouch KMS, then Vouch's verifyCredentialJwt, verifyVpJwt and the agent's verifyVouchPresentation accept them", async () => {
    const w = await world(alg);
    const vc = await w.issuerAgent.createVerifiableCredential({
      proofFormat: 'jwt',
      credential: {
        issuer: { id: w.issuerFile.did },
        type: ['VerifiableCredential', 'VouchDiploma'],
        credentialSubject: { id: w.holderDid, ...claims },
      },
    });
    const jwt = vc.proof.jwt as string;
    const bare = await verifyCredentialJwt(jwt, vouchOptions(w));
    expect(bare.checks.filter((check) => !check.ok)).toEqual([]);
    expect(bare).toMatchObject({ valid: true, format: 'jwt_vc_json', vct: DIPLOMA });
    expect(bare.issuer).toBe(w.issuerFile.did);
    expect(bare.claims).toEqual(claims);

    // did-jwt-vc leaves `iat` out of a VP-JWT unless it is given (nbf = issuanceDate instead);
    // Vouch's freshness check reads `iat`, so the holder gives it (see docs/agent.md).
    const vp = await w.holderAgent.createVerifiablePresentation({
      proofFormat: 'jwt',
      presentation: {
        holder: w.holderDid,
        verifiableCredential: [vc],
        iat: Math.floor(Date.now() / 1000),
      },
      domain: AUDIENCE,
      challenge: NONCE,
    });
    const vpJwt = vp.proof.jwt as string;
    const verdict = await verifyVpJwt(vpJwt, {
      ...vouchOptions(w),
      audience: AUDIENCE,
      nonce: NONCE,
    });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict).toMatchObject({ valid: true, format: 'jwt_vc_json', claims });
    const viaAgent = await w.issuerAgent.verifyVouchPresentation({
      presentation: vpJwt,
      audience: AUDIENCE,
      nonce: NONCE,
      trustLists: [w.trust],
    });
    expect(viaAgent).toMatchObject({ valid: true, format: 'jwt_vc_json', vct: DIPLOMA });
    const wrongNonce = await w.issuerAgent.verifyVouchPresentation({
      presentation: vpJwt,
      audience: AUDIENCE,
      nonce: 'n-other',
      trustLists: [w.trust],
    });
    expect(wrongNonce.checks.filter((check) => !check.ok).map((check) => check.code)).toEqual([
      'wrong-nonce',
    ]);
    const sdJwtOnly = await w.issuerAgent.verifySdJwtPresentation({
      presentation: vpJwt,
      audience: AUDIENCE,
      nonce: NONCE,
    });
    expect(sdJwtOnly.valid).toBe(false);
    expect(sdJwtOnly.checks[0]?.code).toBe('bad-encoding');
  });
});

describe('Credential status in the Veramo agent', () => {
  it('Given a Vouch VC-JWT with a BitstringStatusListEntry, then Veramo verifyCredential on the normalised VC reads the Vouch status list: valid while the bit is clear, revoked when set, refused when the list is missing', async () => {
    const w = await world('ES256', 42);
    const issue = (idx: number) =>
      issueVcJwt({
        issuer: w.issuer,
        subject: w.holderDid,
        typeId: 'diploma',
        claims,
        issuedAt: new Date(Date.now() - 1000),
        status: { idx, uri: STATUS_URI },
        randomBytes,
      });
    const normalised = async (jwt: string) =>
      (await w.issuerAgent.verifyCredential({ credential: jwt })).verifiableCredential!;
    const good = await w.issuerAgent.verifyCredential({
      credential: await normalised(await issue(41)),
    });
    expect(good.verified).toBe(true);
    const revoked = await w.issuerAgent.verifyCredential({
      credential: await normalised(await issue(42)),
    });
    expect(revoked.verified).toBe(false);
    expect(revoked.error?.errorCode).toBe('revoked');
    expect(
      await w.issuerAgent.checkCredentialStatus({ credential: await issue(42) }),
    ).toMatchObject({
      revoked: true,
      state: 'revoked',
    });
    const elsewhere = await issueVcJwt({
      issuer: w.issuer,
      subject: w.holderDid,
      typeId: 'diploma',
      claims,
      issuedAt: new Date(Date.now() - 1000),
      status: { idx: 1, uri: 'https://uni.example/status/2' },
      randomBytes,
    });
    expect(await w.issuerAgent.checkCredentialStatus({ credential: elsewhere })).toMatchObject({
      verified: false,
      state: 'status-unavailable',
    });
  });

  it('Given an expired or tampered Veramo VC, then Vouch says expired or refuses the signature', async () => {
    const w = await world('ES256');
    const vc = await w.issuerAgent.createVerifiableCredential({
      proofFormat: 'jwt',
      credential: {
        issuer: { id: w.issuerFile.did },
        type: ['VerifiableCredential', 'VouchDiploma'],
        issuanceDate: new Date(Date.now() - 7200_000).toISOString(),
        expirationDate: new Date(Date.now() - 3600_000).toISOString(),
        credentialSubject: { id: w.holderDid, ...claims },
      },
    });
    const jwt = vc.proof.jwt as string;
    const expired = await verifyCredentialJwt(jwt, vouchOptions(w));
    expect(expired.checks.filter((check) => !check.ok).map((check) => check.code)).toEqual([
      'expired',
    ]);
    const [head, payload, signature] = jwt.split('.');
    const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    changed.vc.credentialSubject.grade = 'summa cum laude';
    const tampered = `${head}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
    const refused = await verifyCredentialJwt(tampered, vouchOptions(w));
    expect(refused.valid).toBe(false);
    expect(refused.checks.find((check) => check.name === 'issuer-signature')?.code).toBe(
      'bad-signature',
    );
  });
});

describe('createVcJwt and verifyVouchCredential', () => {
  it("Given an issuer agent, when it issues a diploma VC-JWT to a wallet's xpub and child, then it is Vouch's format (kid, iat, jti, status entry), did-jwt-vc and Veramo accept it, verifyVouchCredential says valid, the holder agent's createVpJwt verifies in Vouch and did-jwt-vc, and a revoked one is revoked", async () => {
    const w = await world('EdDSA', 9);
    const seed = await mnemonicToSeed(MNEMONIC);
    const made = await w.issuerAgent.createVcJwt({
      issuer: w.issuerFile.did,
      type: 'diploma',
      claims,
      holder: { xpub: describeKey(seed, relationshipPath(5)).xpub, child: 1 },
      issuedAt: new Date(Date.now() - 1000),
      status: { idx: 8, uri: STATUS_URI },
    });
    expect(made.subject).toBe(w.holderDid);
    const [header, payload] = made.credential
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
    expect(header.kid).toMatch(/^did:key:z6Mk[^#]+#z6Mk/);
    expect(payload).toMatchObject({ iss: w.issuerFile.did, sub: w.holderDid });
    expect(payload.iat).toBeTypeOf('number');
    expect(payload.jti).toMatch(/^urn:uuid:/);
    expect(payload.vc.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusListIndex: '8',
      statusListCredential: `${STATUS_URI}.w3c`,
    });
    expect((await verifyCredential(made.credential, createDidResolver())).verified).toBe(true);
    expect((await w.issuerAgent.verifyCredential({ credential: made.credential })).verified).toBe(
      true,
    );
    const verdict = await w.issuerAgent.verifyVouchCredential({
      credential: made.credential,
      trustLists: [w.trust],
    });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict).toMatchObject({ valid: true, format: 'jwt_vc_json', vct: DIPLOMA, claims });

    const { presentation } = await w.holderAgent.createVpJwt({
      credential: made.credential,
      audience: AUDIENCE,
      nonce: NONCE,
      holder: w.holderDid,
    });
    const presented = await verifyVpJwt(presentation, {
      ...vouchOptions(w),
      audience: AUDIENCE,
      nonce: NONCE,
    });
    expect(presented.checks.filter((check) => !check.ok)).toEqual([]);
    const byPeer = await verifyPresentationDidJwtVc(presentation, createDidResolver(), {
      audience: AUDIENCE,
      challenge: NONCE,
    });
    expect(byPeer.verified).toBe(true);
    await expect(
      w.issuerAgent.createVpJwt({
        credential: made.credential,
        audience: AUDIENCE,
        nonce: NONCE,
        holder: w.issuerFile.did,
      }),
    ).rejects.toThrow(/must be a secp256k1 did:key \(ES256K\), got an EdDSA key/);

    const revoked = await w.issuerAgent.createVcJwt({
      issuer: w.issuerFile.did,
      type: 'diploma',
      claims,
      holder: { did: w.holderDid },
      status: { idx: 9, uri: STATUS_URI },
    });
    const revokedVerdict = await w.issuerAgent.verifyVouchCredential({
      credential: revoked.credential,
      trustLists: [w.trust],
    });
    expect(revokedVerdict.checks.filter((check) => !check.ok).map((check) => check.code)).toEqual([
      'revoked',
    ]);
  });

  it('Given claims that do not fit the diploma or an unmanaged issuer, then createVcJwt names what is wrong', async () => {
    const w = await world('ES256');
    await expect(
      w.issuerAgent.createVcJwt({
        issuer: w.issuerFile.did,
        type: 'diploma',
        claims: { ...claims, eqf_level: 9 },
        holder: { did: w.holderDid },
      }),
    ).rejects.toThrow(/invalid_argument: eqf_level/);
    await expect(
      w.holderAgent.createVcJwt({
        issuer: w.issuerFile.did,
        type: 'diploma',
        claims,
        holder: { did: w.holderDid },
      }),
    ).rejects.toThrow(/is not a DID this agent manages/);
  });
});
