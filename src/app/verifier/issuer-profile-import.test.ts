// Trusting an issuer from its published profile: what the clerk sees, and what bad input says.
import { describe, expect, it } from 'vitest';
import type { Did } from '../../core/brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../../core/encoding/base64url.ts';
import { utf8ToBytes } from '../../core/encoding/utf8.ts';
import { signCompactJws } from '../../core/jose/compact-jws.ts';
import { createIssuerKeyFile, issuerSigner } from '../../core/jose/issuer-key-file.ts';
import { publicJwkThumbprint } from '../../core/jose/jwk.ts';
import { nobleJwsCrypto } from '../../core/jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../../core/jose/random-bytes.fake.ts';
import {
  fingerprintWords,
  MAX_ISSUER_PROFILE_LENGTH,
  signIssuerProfile,
  signTrustList,
} from '../../core/trust/index.ts';
import { translate } from '../i18n/index.ts';
import { readIssuerProfileText, trustEntryOf } from './issuer-profile-import.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('verifier-profile-import') });
const NOW = new Date('2026-03-02T09:30:00Z');
const TYPES = ['urn:vouch:diploma:1', 'urn:vouch:income-statement:1'];

async function issuerDesk() {
  const key = await createIssuerKeyFile(crypto, 'ES256');
  return { key, signer: { did: key.did as Did, alg: key.alg, sign: issuerSigner(crypto, key) } };
}

async function profile() {
  const desk = await issuerDesk();
  const jws = await signIssuerProfile({
    issuer: desk.signer,
    name: 'Universiteit Gent',
    types: TYPES,
    statusLists: ['https://status.ugent.example/lists/1'],
    issuedAt: NOW,
  });
  return { ...desk, jws };
}

const json = (part: string): Record<string, unknown> => {
  const bytes = decodeBase64Url(part);
  if (!bytes.ok) throw new Error('test: not base64url');
  return JSON.parse(new TextDecoder().decode(bytes.value)) as Record<string, unknown>;
};
const part = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));

/** The clerk's sentence for a refused input, in English. */
async function refusal(text: string): Promise<string> {
  const read = await readIssuerProfileText(text);
  if (read.ok) throw new Error('test: expected a refusal');
  return translate('en', read.message);
}

describe('reading an issuer profile at the verifier desk', () => {
  it('Given a profile an issuer desk published, when its file text is read, then the clerk sees its name, DID, types, status list, signing time and the words of its key', async () => {
    const { key, jws } = await profile();
    const read = await readIssuerProfileText(`${jws}\n`);
    expect(read).toEqual({
      ok: true,
      profile: {
        did: key.did,
        name: 'Universiteit Gent',
        types: TYPES,
        statusLists: ['https://status.ugent.example/lists/1'],
        words: fingerprintWords(publicJwkThumbprint(key.publicJwk)),
        signedAt: NOW.toISOString(),
      },
    });
    if (!read.ok) return;
    expect(read.profile.words).toHaveLength(8);
    // Trusting it makes one entry of the desk's own list: that DID, for the profile's types.
    expect(trustEntryOf(read.profile)).toEqual({
      did: key.did,
      name: 'Universiteit Gent',
      vct: TYPES,
    });
  });

  it('Given a profile whose name was changed after signing, when read, then it is refused as tampered and nothing is shown of it', async () => {
    const { jws } = await profile();
    const [header = '', payload = '', signature = ''] = jws.split('.');
    const changed = { ...json(payload), name: 'Universiteit Gent (echt)' };
    const tampered = `${header}.${part(changed)}.${signature}`;
    expect(await refusal(tampered)).toBe(
      'The signature of this profile is not correct: it was changed after signing, or not signed by the issuer it names. Nothing was trusted.',
    );
  });

  it('Given a profile signed by one desk that names another desk’s DID, when read, then it is refused (the DID’s key did not sign it)', async () => {
    const { jws } = await profile();
    const other = await issuerDesk();
    const [header = '', payload = ''] = jws.split('.');
    const forged = await signCompactJws({
      header: { ...json(header) },
      payload: { ...json(payload) },
      sign: other.signer.sign,
    });
    expect(await refusal(forged)).toMatch(/^The signature of this profile is not correct/);
  });

  it('Given text longer than 16 KiB, when read, then it is refused as too large before it is decoded', async () => {
    const { jws } = await profile();
    const oversized = `${jws}${'A'.repeat(MAX_ISSUER_PROFILE_LENGTH)}`;
    expect(await refusal(oversized)).toBe(
      'This file is too large to be an issuer profile (at most 16 KiB).',
    );
  });

  it('Given a trust list instead of a profile, when read, then the clerk is told to import it as a trust list', async () => {
    const { signer } = await issuerDesk();
    const list = await signTrustList({
      issuer: signer,
      name: 'Ministry list',
      entries: [{ did: signer.did, name: 'Universiteit Gent', vct: TYPES }],
      issuedAt: NOW,
    });
    expect(await refusal(list)).toBe(
      'This is a trust list, not an issuer profile: import it under “Trust lists”.',
    );
  });

  it.each([
    ['another typ, well signed', { typ: 'statuslist+jwt' }],
    ['no typ at all', { typ: undefined }],
  ])('Given a JWS with %s, when read, then it is not an issuer profile', async (_case, change) => {
    const { jws, signer } = await profile();
    const [header = '', payload = ''] = jws.split('.');
    const other = await signCompactJws({
      header: { ...json(header), ...change },
      payload: json(payload),
      sign: signer.sign,
    });
    expect(await refusal(other)).toMatch(/^This is not an issuer profile\./);
  });

  it.each([
    ['a web address', 'https://ugent.example/profile'],
    ['a Vouch answer code', 'VOUCH1:ABCDEF'],
    ['two parts', 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0'],
    ['header not JSON', 'bm90IGpzb24.eyJpc3MiOiJ4In0.c2ln'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('Given %s, when read, then it is not an issuer profile', async (_case, text) => {
    expect(await refusal(text)).toMatch(/^This is not an issuer profile\./);
  });

  it('Given an unsigned profile (alg none), when read, then it is refused for its signing method', async () => {
    const { jws } = await profile();
    const [header = '', payload = ''] = jws.split('.');
    const unsigned = `${part({ ...json(header), alg: 'none' })}.${payload}.`;
    expect(await refusal(unsigned)).toBe(
      'This profile is signed with a method the desk does not accept.',
    );
  });

  it('Given a well-signed profile with no types, when read, then it is refused as damaged', async () => {
    const { jws, signer } = await profile();
    const [header = '', payload = ''] = jws.split('.');
    const noTypes = await signCompactJws({
      header: json(header),
      payload: { ...json(payload), types: [] },
      sign: signer.sign,
    });
    expect(await refusal(noTypes)).toBe(
      'This issuer profile is damaged or incomplete. Ask the issuer to publish it again.',
    );
  });

  it('Given nothing, when read, then the clerk is asked to choose a file', async () => {
    expect(await refusal('  \n')).toBe('Choose a profile file first.');
  });

  it('Given a profile whose signature was changed, when read, then the refusal reads in Dutch and French too', async () => {
    const { jws } = await profile();
    const at = jws.length - 10;
    const flipped = `${jws.slice(0, at)}${jws[at] === 'A' ? 'B' : 'A'}${jws.slice(at + 1)}`;
    const read = await readIssuerProfileText(flipped);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(translate('nl', read.message)).toMatch(/handtekening van dit profiel/);
    expect(translate('fr', read.message)).toMatch(/signature de ce profil/);
  });
});
