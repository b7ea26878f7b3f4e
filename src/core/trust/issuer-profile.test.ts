// Issuer profiles: self-signed by a desk's did:key, read offline from a QR's or a file's text.
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import { publicJwkThumbprint } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { issuerKid } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { forgedJws } from '../verification/presentation-world.fake.ts';
import {
  ISSUER_PROFILE_TYP,
  issuerProfileFileName,
  MAX_ISSUER_PROFILE_LENGTH,
  readIssuerProfile,
  signIssuerProfile,
} from './issuer-profile.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('issuer-profile') });
const NOW = new Date('2026-03-02T09:30:00Z');
const TYPES = ['urn:vouch:diploma:1', 'VouchDiploma'];
const LISTS = ['https://status.ugent.example/lists/1'];

async function desk(alg: 'ES256' | 'EdDSA' | 'ES256K' = 'ES256') {
  const key = await createIssuerKeyFile(crypto, alg);
  return { key, signer: { did: key.did as Did, alg: key.alg, sign: issuerSigner(crypto, key) } };
}

function parts(jws: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = jws.split('.');
  const json = (part: string) => {
    const bytes = decodeBase64Url(part);
    if (!bytes.ok) throw new Error('test: not base64url');
    return JSON.parse(new TextDecoder().decode(bytes.value)) as Record<string, unknown>;
  };
  return { header: json(header), payload: json(payload) };
}

/** Re-signs a changed header or payload with `sign` (a well-signed profile with one thing wrong). */
async function resigned(
  jws: string,
  sign: (data: Uint8Array) => Promise<Uint8Array>,
  change: (p: { header: Record<string, unknown>; payload: Record<string, unknown> }) => void,
) {
  const decoded = parts(jws);
  change(decoded);
  return signCompactJws({ header: decoded.header, payload: decoded.payload, sign });
}

describe('signIssuerProfile / readIssuerProfile', () => {
  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a profile signed with %s, when read, then its DID, name, types, status lists and key thumbprint come back',
    async (alg) => {
      const { key, signer } = await desk(alg);
      const jws = await signIssuerProfile({
        issuer: signer,
        name: 'Universiteit Gent',
        types: TYPES,
        statusLists: LISTS,
        issuedAt: NOW,
      });
      expect(parts(jws)).toEqual({
        header: { alg, typ: ISSUER_PROFILE_TYP, kid: issuerKid(key.did as Did) },
        payload: {
          iss: key.did,
          sub: key.did,
          name: 'Universiteit Gent',
          types: TYPES,
          status_lists: LISTS,
          iat: NOW.getTime() / 1000,
        },
      });
      // A file's text ends in a newline; a scanned QR's text is the JWS itself.
      expect(await readIssuerProfile(`${jws}\n`, { crypto })).toEqual({
        ok: true,
        value: {
          did: key.did,
          name: 'Universiteit Gent',
          types: TYPES,
          statusLists: LISTS,
          iat: NOW.getTime() / 1000,
          signerThumbprint: publicJwkThumbprint(key.publicJwk),
        },
      });
    },
  );

  it('Given no crypto option, when read, then the profile verifies with the built-in verifier', async () => {
    const { signer } = await desk('ES256');
    const jws = await signIssuerProfile({
      issuer: signer,
      name: 'Bakkerij de Vries',
      types: ['urn:vouch:income-statement:1'],
      issuedAt: NOW,
    });
    expect(parts(jws).payload).not.toHaveProperty('status_lists');
    expect(await readIssuerProfile(jws)).toMatchObject({
      ok: true,
      value: { name: 'Bakkerij de Vries', statusLists: [] },
    });
  });

  it('Given a desk with several types and two status lists, when signed, then the profile fits one QR (under 1,000 characters)', async () => {
    const { signer } = await desk('ES256');
    const jws = await signIssuerProfile({
      issuer: signer,
      name: 'Stichting Werkgevers Zorg en Welzijn Midden-Nederland',
      types: [
        'urn:vouch:income-statement:1',
        'urn:vouch:medical-attestation:1',
        'urn:vouch:diploma:1',
        'urn:vouch:household:1',
      ],
      statusLists: [
        'https://status.werkgevers.example/lists/1',
        'https://status.werkgevers.example/lists/2',
      ],
      issuedAt: NOW,
    });
    expect(jws.length).toBeGreaterThan(500);
    expect(jws.length).toBeLessThan(1000);
  });

  it('Given a profile whose payload was changed after signing, when read, then bad-signature', async () => {
    const { signer } = await desk();
    const jws = await signIssuerProfile({
      issuer: signer,
      name: 'Universiteit Gent',
      types: TYPES,
      issuedAt: NOW,
    });
    const [header, , signature] = jws.split('.');
    const { payload } = parts(jws);
    const tampered = `${header}.${encodeBase64Url(utf8ToBytes(JSON.stringify({ ...payload, types: ['urn:vouch:household:1'] })))}.${signature}`;
    expect(await readIssuerProfile(tampered, { crypto })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it("Given a profile naming another desk's DID in iss, sub and kid but signed by an attacker's key, when read, then bad-signature", async () => {
    const victim = await desk();
    const attacker = await desk();
    const jws = await signIssuerProfile({
      issuer: { ...attacker.signer, did: victim.signer.did },
      name: 'Universiteit Gent',
      types: TYPES,
      issuedAt: NOW,
    });
    const read = await readIssuerProfile(jws, { crypto });
    expect(read).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(!read.ok && read.detail.message).toContain(victim.key.did.slice(0, 20));
  });

  it.each([
    [
      'sub names another DID',
      (p: { payload: Record<string, unknown> }, other: string) => {
        p.payload.sub = other;
      },
      /"sub" .* must be the issuer "iss"/,
    ],
    [
      'sub is missing',
      (p: { payload: Record<string, unknown> }) => {
        delete p.payload.sub;
      },
      /"sub" nothing must be the issuer/,
    ],
    [
      'kid names another DID',
      (p: { header: Record<string, unknown> }, other: string) => {
        p.header.kid = issuerKid(other as Did);
      },
      /header "kid" .* must name the key of "iss"/,
    ],
    [
      'kid is missing',
      (p: { header: Record<string, unknown> }) => {
        delete p.header.kid;
      },
      /header "kid" nothing must name the key/,
    ],
    [
      'iss is not a DID',
      (p: { payload: Record<string, unknown> }) => {
        p.payload.iss = 'Universiteit Gent';
      },
      /"iss" \(the issuer\) must be a DID/,
    ],
  ])(
    'Given a profile whose %s (signed by the right key), when read, then malformed, saying which field',
    async (_case, change, message) => {
      const { signer } = await desk();
      const other = (await desk()).key.did;
      const jws = await signIssuerProfile({
        issuer: signer,
        name: 'Universiteit Gent',
        types: TYPES,
        issuedAt: NOW,
      });
      const bad = await resigned(jws, signer.sign, (p) => change(p, other));
      const read = await readIssuerProfile(bad, { crypto });
      expect(read).toMatchObject({ ok: false, reason: 'malformed' });
      expect(!read.ok && read.detail.message).toMatch(message);
    },
  );

  it.each([
    [
      'a trust list typ',
      { typ: 'vouch-trust-list+jwt' },
      /header "typ" expected "vouch-issuer-profile\+jwt", got "vouch-trust-list\+jwt"/,
    ],
    ['no typ', { typ: undefined }, /header "typ" expected/],
  ])(
    'Given a well-signed JWS with %s, when read as a profile, then malformed',
    async (_case, header, message) => {
      const { signer } = await desk();
      const jws = await signIssuerProfile({
        issuer: signer,
        name: 'Universiteit Gent',
        types: TYPES,
        issuedAt: NOW,
      });
      const bad = await resigned(jws, signer.sign, (p) => {
        Object.assign(p.header, header);
      });
      const read = await readIssuerProfile(bad, { crypto });
      expect(read).toMatchObject({ ok: false, reason: 'malformed' });
      expect(!read.ok && read.detail.message).toMatch(message);
    },
  );

  it.each([
    ['name is empty', { name: '' }, /"name" must be a name/],
    ['name is 201 characters', { name: 'x'.repeat(201) }, /"name" must be a name of 1–200/],
    ['types is empty', { types: [] }, /"types" must be a list of 1–100/],
    [
      'types holds a number',
      { types: ['urn:vouch:diploma:1', 7] },
      /"types\[1\]" must be a credential type/,
    ],
    [
      'a status list is not https',
      { status_lists: ['ftp://x.example/1'] },
      /"status_lists\[0\]" must be an https URI/,
    ],
    [
      'status_lists is a string',
      { status_lists: 'https://x.example/1' },
      /"status_lists" must be a list/,
    ],
    ['iat is text', { iat: 'yesterday' }, /"iat" must be a NumericDate/],
  ])(
    'Given a well-signed profile whose %s, when read, then malformed',
    async (_case, change, message) => {
      const { signer } = await desk();
      const jws = await signIssuerProfile({
        issuer: signer,
        name: 'Universiteit Gent',
        types: TYPES,
        issuedAt: NOW,
      });
      const bad = await resigned(jws, signer.sign, (p) => {
        Object.assign(p.payload, change);
      });
      const read = await readIssuerProfile(bad, { crypto });
      expect(read).toMatchObject({ ok: false, reason: 'malformed' });
      expect(!read.ok && read.detail.message).toMatch(message);
    },
  );

  it('Given a profile with alg "none" and no signature, when read, then malformed before any key is looked up', async () => {
    const { key } = await desk();
    const none = forgedJws(
      { alg: 'none', typ: ISSUER_PROFILE_TYP, kid: issuerKid(key.did as Did) },
      { iss: key.did, sub: key.did, name: 'X', types: TYPES, iat: 1 },
      '',
    );
    const read = await readIssuerProfile(none, { crypto });
    expect(read).toMatchObject({ ok: false, reason: 'malformed' });
    expect(!read.ok && read.detail.message).toMatch(/"alg" must be ES256, EdDSA .* got "none"/);
  });

  it('Given a profile signed with HS256, when read, then malformed', async () => {
    const { key } = await desk();
    const hmac = forgedJws(
      { alg: 'HS256', typ: ISSUER_PROFILE_TYP, kid: issuerKid(key.did as Did) },
      { iss: key.did, sub: key.did, name: 'X', types: TYPES, iat: 1 },
    );
    expect(await readIssuerProfile(hmac, { crypto })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('Given text longer than 16 KiB, when read, then malformed, naming the limit, without decoding it', async () => {
    const read = await readIssuerProfile('a'.repeat(MAX_ISSUER_PROFILE_LENGTH + 1), { crypto });
    expect(read).toEqual({
      ok: false,
      reason: 'malformed',
      detail: {
        message: `the issuer profile is ${MAX_ISSUER_PROFILE_LENGTH + 1} characters, more than the limit of ${MAX_ISSUER_PROFILE_LENGTH}`,
      },
    });
  });

  it.each([
    ['empty text', ''],
    ['a DID pasted instead', 'did:key:zDnaeTXb7A8Pn8CFf8QBvWHpULHjo7hpr4ZSvKa1BqV3QK3dF'],
    ['a link', 'https://desk.example/issuer'],
    ['two parts', 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0'],
    ['binary junk', '\u0000\u0001.\u00ff.\u0002'],
    [
      'a JWS whose payload is not JSON',
      `${encodeBase64Url(utf8ToBytes('{"alg":"ES256"}'))}.bm90IGpzb24.c2ln`,
    ],
  ])(
    'Given %s, when read as a profile, then malformed with a sentence, never a throw',
    async (_case, text) => {
      const read = await readIssuerProfile(text, { crypto });
      expect(read).toMatchObject({ ok: false, reason: 'malformed' });
      expect(!read.ok && read.detail.message).toMatch(/^not a signed issuer profile: /);
    },
  );

  it('Given a value that is not text, when read, then malformed', async () => {
    expect(await readIssuerProfile(42 as unknown as string, { crypto })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('Given a profile a reader would refuse, when signing, then it throws naming the field', async () => {
    const { signer } = await desk();
    await expect(
      signIssuerProfile({ issuer: signer, name: 'Gent', types: [], issuedAt: NOW }),
    ).rejects.toThrow(/signIssuerProfile: "types" must be a list/);
    await expect(
      signIssuerProfile({
        issuer: signer,
        name: 'Gent',
        types: TYPES,
        statusLists: ['status.example/1'],
        issuedAt: NOW,
      }),
    ).rejects.toThrow(/"status_lists\[0\]" must be an https URI/);
    await expect(
      signIssuerProfile({ issuer: signer, name: 'Gent', types: TYPES, issuedAt: new Date('x') }),
    ).rejects.toThrow(/"issuedAt" is an invalid Date/);
  });
});

describe('issuerProfileFileName', () => {
  it.each([
    ['Universiteit Gent', 'Universiteit-Gent.vouch-issuer.jwt'],
    ['Université de Liège', 'Universite-de-Liege.vouch-issuer.jwt'],
    ['../../etc/passwd', 'etc-passwd.vouch-issuer.jwt'],
    ['***', 'issuer.vouch-issuer.jwt'],
  ])('Given the desk name %j, then the file is %j', (name, file) => {
    expect(issuerProfileFileName(name)).toBe(file);
  });
});
