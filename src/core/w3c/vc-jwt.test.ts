import { verifyCredential } from 'did-jwt-vc';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleClaims } from '../credentials/credential-types.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { decodeCompactJws } from '../jose/compact-jws.ts';
import {
  signBitstringStatusListCredential,
  verifyBitstringStatusListCredential,
} from './bitstring-status-list.ts';
import { createDidResolver } from './did-resolver.ts';
import { bitstringStatusListUrl } from './status-entry.ts';
import { readVcJwt } from './vc-jwt.ts';
import { createVpJwt } from './vp-jwt.ts';
import { verifyCredentialJwt } from './verify-vc-jwt.ts';
import { verifyVpJwt } from './verify-vp-jwt.ts';
import { issueW3c, makeW3cWorld, NOW, optionsFor, STATUS_URI } from './w3c-world.fake.ts';
import type { W3cWorld } from './w3c-world.fake.ts';

let world: W3cWorld;
beforeAll(async () => {
  world = await makeW3cWorld();
});

const nowSeconds = Math.floor(NOW.getTime() / 1000);

describe('issueVcJwt', () => {
  it('Given a diploma with an EQF level and ISCED-F field, then the VC-JWT has the contract shape and no subject id', async () => {
    const claims = { ...exampleClaims('diploma'), eqf_level: 7, isced_f: '0613' };
    const jwt = await issueW3c(world, { typeId: 'diploma', claims, expiresAt: undefined });
    const read = readVcJwt(jwt);
    if (!read.ok) throw new Error(read.detail.message);
    const { header, payload } = read.value;
    expect(header).toEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid: `${world.issuer.did}#${world.issuer.did.slice('did:key:'.length)}`,
    });
    expect(payload.iss).toBe(world.issuer.did);
    expect(payload.sub).toBe(world.holderDid);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload.exp).toBeUndefined();
    expect(payload.jti).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(payload.vc).toEqual({
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'VouchDiploma'],
      credentialSubject: claims,
      credentialStatus: {
        id: `${STATUS_URI}.w3c#${world.statusIndex}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(world.statusIndex),
        statusListCredential: `${STATUS_URI}.w3c`,
      },
    });
    expect(read.value.typeId).toBe('diploma');
    expect(read.value.vct).toBe('urn:vouch:diploma:1');
  });

  it.each([
    [
      'a claim of another type',
      { ...exampleClaims('diploma'), net_wage_cents: 1 },
      /net_wage_cents/,
    ],
    ['an EQF level of 9', { ...exampleClaims('diploma'), eqf_level: 9 }, /eqf_level/],
    ['an id claim', { ...exampleClaims('diploma'), id: 'did:key:zX' }, /id/],
  ])(
    'Given a diploma with %s, then issuing refuses it naming the claim',
    async (_, claims, message) => {
      await expect(issueW3c(world, { typeId: 'diploma', claims })).rejects.toThrow(message);
    },
  );

  it('Given other W3C types, then the claims are taken as they are and the vct is the most specific type', async () => {
    const jwt = await issueW3c(world, {
      typeId: undefined,
      types: ['EuropassCredential'],
      claims: { title: 'Master' },
      status: undefined,
    });
    const read = readVcJwt(jwt);
    expect(read.ok && [read.value.vct, read.value.typeId, read.value.status]).toEqual([
      'EuropassCredential',
      undefined,
      undefined,
    ]);
  });

  it('Given a subject that is not a DID, or no type at all, then issuing refuses', async () => {
    await expect(issueW3c(world, { subject: 'alice' as never })).rejects.toThrow(/subject/);
    await expect(issueW3c(world, { typeId: undefined })).rejects.toThrow(/types/);
  });
});

describe('readVcJwt', () => {
  it.each([
    ['a VP-JWT', () => world.vpJwt, 'malformed'],
    ['an SD-JWT VC', () => world.credential, 'malformed'],
    [
      'a header with alg none',
      () => `eyJhbGciOiJub25lIn0.${world.vcJwt.split('.')[1]}.`,
      'unsupported-alg',
    ],
    ['a number', () => 42, 'malformed'],
    [
      'a VCDM 2.0 context',
      () => {
        const [h, p, sig] = world.vcJwt.split('.');
        const payload = JSON.parse(atob((p ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
          vc: Record<string, unknown>;
        };
        payload.vc['@context'] = ['https://www.w3.org/ns/credentials/v2'];
        return `${h}.${encodeBase64Url(utf8ToBytes(JSON.stringify(payload)))}.${sig}`;
      },
      'malformed',
    ],
    ['a huge string', () => 'a'.repeat(70_000), 'malformed'],
  ])('Given %s, then %s', (_, input, reason) => {
    const read = readVcJwt(input());
    expect(read.ok ? 'ok' : read.reason).toBe(reason);
  });
});

describe('createVpJwt', () => {
  it('Given a holder, then the VP-JWT has iss, aud, nonce, iat, exp = iat + 300, a jti and the kid', async () => {
    const vp = await createVpJwt({
      holder: world.holderSigner,
      credential: world.vcJwt,
      audience: 'x509_san_dns:verifier.example',
      nonce: 'abc',
      issuedAt: NOW,
    });
    const decoded = decodeCompactJws(vp);
    if (!decoded.ok) throw new Error(decoded.detail.message);
    const { header, payload } = decoded.value;
    expect(header).toEqual({
      alg: 'ES256K',
      typ: 'JWT',
      kid: `${world.holderDid}#${world.holderDid.slice('did:key:'.length)}`,
    });
    expect(payload).toMatchObject({
      iss: world.holderDid,
      aud: 'x509_san_dns:verifier.example',
      nonce: 'abc',
      iat: nowSeconds,
      exp: nowSeconds + 300,
      vp: { verifiableCredential: [world.vcJwt] },
    });
    expect(payload.jti).toMatch(/^urn:uuid:/);
  });

  it('Given no nonce, then creating refuses', async () => {
    await expect(
      createVpJwt({
        holder: world.holderSigner,
        credential: world.vcJwt,
        audience: 'a',
        nonce: '',
        issuedAt: NOW,
      }),
    ).rejects.toThrow(/nonce/);
  });
});

describe('BitstringStatusListCredential', () => {
  it('Given our signed list, then did-jwt-vc verifies it and ours reads it as the issuer’s revocation list', async () => {
    const verified = await verifyCredential(world.w3cList, createDidResolver(), {
      policies: { now: nowSeconds },
    });
    expect(verified.verifiableCredential.type).toEqual([
      'VerifiableCredential',
      'BitstringStatusListCredential',
    ]);
    const list = await verifyBitstringStatusListCredential(world.w3cList, {
      now: NOW,
      resolver: createDidResolver(),
      expectedUrl: bitstringStatusListUrl(STATUS_URI),
    });
    if (!list.ok) throw new Error(list.detail.message);
    expect([list.value.issuer, list.value.purpose, list.value.statusAt(world.statusIndex)]).toEqual(
      [world.issuer.did, 'revocation', 0],
    );
  });

  it('Given a list fetched from another URL than it names, then wrong-uri', async () => {
    const list = await verifyBitstringStatusListCredential(world.w3cList, {
      now: NOW,
      resolver: createDidResolver(),
      expectedUrl: 'https://elsewhere.example/status/9.w3c',
    });
    expect(list.ok ? 'ok' : list.reason).toBe('wrong-uri');
  });

  it('Given a list past its validUntil, then the credential’s status is unavailable', async () => {
    const w3cList = await signBitstringStatusListCredential({
      issuer: world.issuerSigner,
      url: bitstringStatusListUrl(STATUS_URI),
      list: world.statusList,
      issuedAt: new Date(NOW.getTime() - 7_200_000),
      validUntil: new Date(NOW.getTime() - 3_600_000),
    });
    const result = await verifyVpJwt(world.vpJwt, optionsFor({ ...world, w3cList }));
    expect(result.checks.find((c) => c.name === 'status')?.code).toBe('status-unavailable');
  });

  it('Given a list whose ttl is one minute and is an hour old, then stale, and a bare VC verifies the same way', async () => {
    const w3cList = await signBitstringStatusListCredential({
      issuer: world.issuerSigner,
      url: bitstringStatusListUrl(STATUS_URI),
      list: world.statusList,
      issuedAt: new Date(NOW.getTime() - 3_600_000),
      ttlSeconds: 60,
    });
    const result = await verifyCredentialJwt(world.vcJwt, optionsFor({ ...world, w3cList }));
    expect(result.status?.stale).toBe(true);
    expect(result.checks.find((c) => c.name === 'status')?.code).toBe('status-unavailable');
  });

  it('Given a list built from a bitstring with the credential’s bit set, then revoked', async () => {
    const idx = world.statusIndex;
    const bitstring = new Uint8Array(16_384);
    bitstring[idx >> 3] = 0x80 >> (idx & 7);
    const w3cList = await signBitstringStatusListCredential({
      issuer: world.issuerSigner,
      url: bitstringStatusListUrl(STATUS_URI),
      list: { bitstring },
      issuedAt: new Date(NOW.getTime() - 60_000),
    });
    const result = await verifyCredentialJwt(world.vcJwt, optionsFor({ ...world, w3cList }));
    expect(result.checks.find((c) => c.name === 'status')?.code).toBe('revoked');
  });

  it('Given a suspension list for a revocation entry, then status-unavailable (the purposes differ)', async () => {
    const w3cList = await signBitstringStatusListCredential({
      issuer: world.issuerSigner,
      url: bitstringStatusListUrl(STATUS_URI),
      list: world.statusList,
      issuedAt: new Date(NOW.getTime() - 60_000),
      statusPurpose: 'suspension',
    });
    const result = await verifyCredentialJwt(world.vcJwt, optionsFor({ ...world, w3cList }));
    expect(result.checks.find((c) => c.name === 'status')?.code).toBe('status-unavailable');
  });
});
