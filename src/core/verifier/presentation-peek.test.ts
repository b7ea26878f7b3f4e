import { describe, expect, it } from 'vitest';
import { encodeBase64Url, utf8ToBytes } from '../encoding/index.ts';
import { looksLikeVpJwt, presentationNonce, presentationStatusUri } from './presentation-peek.ts';

/** A compact JWS with these parts; the signature is never checked here (peek only). */
const jws = (header: object, payload: object) =>
  [header, payload].map((part) => encodeBase64Url(utf8ToBytes(JSON.stringify(part)))).join('.') +
  '.c2ln';

const LIST = 'https://issuer.example/status/1.w3c';
const vcJwt = (credentialStatus: unknown) =>
  jws(
    { alg: 'ES256', typ: 'JWT' },
    {
      iss: 'did:key:zDnaIssuer',
      sub: 'did:key:zQ3sHolder',
      vc: {
        type: ['VerifiableCredential', 'VouchDiploma'],
        credentialSubject: { degree: 'MSc' },
        ...(credentialStatus === undefined ? {} : { credentialStatus }),
      },
    },
  );
const vpJwt = (inner: unknown, nonce: unknown = 'n-0123') =>
  jws(
    { alg: 'ES256K', typ: 'JWT' },
    {
      iss: 'did:key:zQ3sHolder',
      aud: 'decentralized_identifier:did:key:zDnaDesk',
      nonce,
      vp: { type: ['VerifiablePresentation'], verifiableCredential: inner },
    },
  );
const ENTRY = {
  id: `${LIST}#7`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '7',
  statusListCredential: LIST,
};

describe('reading a presentation before verifying it', () => {
  it('Given a VP-JWT, then its nonce is the VP-JWT nonce claim and it looks like a VP-JWT', () => {
    const vp = vpJwt([vcJwt(ENTRY)]);
    expect(looksLikeVpJwt(vp)).toBe(true);
    expect(presentationNonce(vp)).toBe('n-0123');
    expect(presentationNonce(vpJwt([vcJwt(ENTRY)], 42))).toBeUndefined();
    expect(presentationNonce(vpJwt([vcJwt(ENTRY)], 'x'.repeat(513)))).toBeUndefined();
  });

  it('Given an SD-JWT VC with a key binding JWT, then its nonce is the KB-JWT nonce, and without one there is none', () => {
    const issuerJwt = jws(
      { alg: 'ES256', typ: 'dc+sd-jwt' },
      {
        iss: 'did:key:zDnaIssuer',
        status: { status_list: { idx: 3, uri: 'https://i.example/s/1' } },
      },
    );
    const kb = jws({ alg: 'ES256K', typ: 'kb+jwt' }, { nonce: 'kb-nonce', aud: 'x' });
    expect(presentationNonce(`${issuerJwt}~WyJhIiwiYiJd~${kb}`)).toBe('kb-nonce');
    expect(presentationNonce(`${issuerJwt}~WyJhIiwiYiJd~`)).toBeUndefined();
    expect(looksLikeVpJwt(`${issuerJwt}~${kb}`)).toBe(false);
    expect(presentationStatusUri(`${issuerJwt}~${kb}`)).toBe('https://i.example/s/1');
  });

  it('Given a VP-JWT whose credential has a BitstringStatusListEntry, then the status URI is its statusListCredential (alone or in a list)', () => {
    expect(presentationStatusUri(vpJwt([vcJwt(ENTRY)]))).toBe(LIST);
    expect(presentationStatusUri(vpJwt(vcJwt(ENTRY)))).toBe(LIST);
    expect(
      presentationStatusUri(
        vpJwt([vcJwt([{ type: 'StatusList2021Entry', statusListCredential: 'x' }, ENTRY])]),
      ),
    ).toBe(LIST);
  });

  it.each([
    ['no credentialStatus', vpJwt([vcJwt(undefined)])],
    ['another status type', vpJwt([vcJwt({ ...ENTRY, type: 'StatusList2021Entry' })])],
    [
      'a statusListCredential that is no string',
      vpJwt([vcJwt({ ...ENTRY, statusListCredential: 7 })]),
    ],
    ['no credential at all', vpJwt([])],
    ['a credential that is no JWT', vpJwt(['not a jwt'])],
    ['text that is no JWS', 'hello'],
  ])('Given a VP-JWT with %s, then there is no status URI to fetch', (_case, vp) => {
    expect(presentationStatusUri(vp)).toBeUndefined();
  });
});
