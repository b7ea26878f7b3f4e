import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import {
  encodeBatchCredentialOffer,
  encodeCredentialOffer,
  MAX_OFFER_BYTES,
  MAX_OFFER_COPIES,
  offerCredentialFormat,
  parseCredentialOffer,
} from './credential-offer.ts';

const CREDENTIAL =
  'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~WyJzYWx0IiwicGVyaW9kIiwiMjAyNS0wMSJd~' as SdJwtCompact;
const OFFER = { credential: CREDENTIAL, relationship: '0badf00d', childIndex: 7 };
const b64 = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));
const jws = (payload: unknown) => `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(payload)}.c2ln`;
/** The shape of a VC-JWT (docs/w3c-vc.md): a compact JWS whose payload has a `vc` object. */
const VC_JWT = jws({
  iss: 'did:key:zDnaexample',
  sub: 'did:key:zQ3sexample',
  vc: { type: ['VerifiableCredential', 'VouchDiploma'], credentialSubject: { eqf_level: 7 } },
});
const json = (value: unknown) => utf8ToBytes(JSON.stringify(value));
const wire = {
  type: 'vouch-credential-offer',
  v: 1,
  credential: CREDENTIAL,
  relationship: '0badf00d',
  child_index: 7,
};

describe('credential offer', () => {
  it('Given an offer, when encoded, then it is the documented JSON with members in order', () => {
    const text = bytesToUtf8(encodeCredentialOffer(OFFER));
    expect(text.ok && text.value).toBe(
      `{"type":"vouch-credential-offer","v":1,"credential":"${CREDENTIAL}","relationship":"0badf00d","child_index":7}`,
    );
  });

  it('Given an encoded offer, when parsed, then it round-trips and names the SD-JWT VC format', () => {
    expect(parseCredentialOffer(encodeCredentialOffer(OFFER))).toEqual({
      ok: true,
      value: {
        ...OFFER,
        format: 'dc+sd-jwt',
        version: 1,
        copies: [{ credential: CREDENTIAL, childIndex: 7 }],
      },
    });
  });

  it('Given an offer of a VC-JWT, when encoded and parsed, then it round-trips as jwt_vc_json', () => {
    const offer = { ...OFFER, credential: VC_JWT };
    const text = bytesToUtf8(encodeCredentialOffer(offer));
    expect(text.ok && JSON.parse(text.value)).toEqual({ ...wire, credential: VC_JWT });
    expect(parseCredentialOffer(encodeCredentialOffer(offer))).toEqual({
      ok: true,
      value: {
        ...offer,
        format: 'jwt_vc_json',
        version: 1,
        copies: [{ credential: VC_JWT, childIndex: 7 }],
      },
    });
  });

  it.each([
    ['an SD-JWT in issuance form', CREDENTIAL, 'dc+sd-jwt'],
    ['a JWS with a vc object', VC_JWT, 'jwt_vc_json'],
    ['a JWS without vc', jws({ iss: 'x' }), undefined],
    ['a JWS whose vc is a string', jws({ vc: 'x' }), undefined],
    ['a JWS whose payload is an array', jws([{ vc: {} }]), undefined],
    ['a JWS whose payload is not JSON', `${b64({ alg: 'ES256' })}.bm90IGpzb24.c2ln`, undefined],
    ['an SD-JWT presentation with a KB-JWT', `${CREDENTIAL}${jws({ nonce: 'n' })}`, undefined],
    ['empty text', '', undefined],
  ])('Given %s, when its format is read, then it is %s', (_, credential, format) => {
    expect(offerCredentialFormat(credential)).toBe(format);
  });

  it.each([
    ['bytes that are not UTF-8', new Uint8Array([0xff, 0xfe]), 'UTF-8'],
    ['text that is not JSON', utf8ToBytes('{"type":'), 'not JSON'],
    ['a JSON array', json([wire]), 'not a JSON object'],
    ['an unknown member', json({ ...wire, extra: 1 }), '"extra"'],
    ['no child_index', json({ ...wire, child_index: undefined }), '"child_index"'],
    ['another type', json({ ...wire, type: 'openid-credential-offer' }), '"type"'],
    ['version 3', json({ ...wire, v: 3 }), '"v"'],
    [
      'a credential that is neither an SD-JWT nor a VC-JWT',
      json({ ...wire, credential: 'eyJ.eyJ.sig' }),
      '"credential"',
    ],
    ['a JWT that is not a VC', json({ ...wire, credential: jws({ iss: 'x' }) }), '"credential"'],
    ['a credential that is a number', json({ ...wire, credential: 7 }), '"credential"'],
    ['an upper-case fingerprint', json({ ...wire, relationship: '0BADF00D' }), '"relationship"'],
    ['a hardened child index', json({ ...wire, child_index: 2 ** 31 }), '"child_index"'],
    ['a negative child index', json({ ...wire, child_index: -1 }), '"child_index"'],
    ['more than 256 KiB', new Uint8Array(MAX_OFFER_BYTES + 1), String(MAX_OFFER_BYTES)],
  ])('Given %s, when parsed, then it is malformed naming what was wrong', (_, bytes, text) => {
    const parsed = parseCredentialOffer(bytes);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('malformed');
    if (!parsed.ok) expect(parsed.detail.message).toContain(text);
  });
});

/** A copy in the shape of an SD-JWT VC (claims in the clear, no disclosures; never verified here). */
const copy = (i: number, claims: Record<string, unknown> = { period: '2026-09' }) =>
  `${jws({ iss: 'did:key:zDnaexample', vct: 'urn:vouch:income-statement', cnf: { n: i }, ...claims })}~`;
const v2 = (credentials: unknown[], extra: Record<string, unknown> = {}) =>
  json({ type: 'vouch-credential-offer', v: 2, credentials, relationship: '0badf00d', ...extra });

describe('credential offer v2: copies of one credential', () => {
  it('Given 3 copies, when encoded, then it is the documented JSON, and it parses back with the first copy as the credential', () => {
    const copies = [0, 1, 2].map((i) => ({ credential: copy(i), childIndex: 10 + i }));
    const bytes = encodeBatchCredentialOffer({ relationship: '0badf00d', copies });
    const text = bytesToUtf8(bytes);
    expect(text.ok && text.value).toBe(
      `{"type":"vouch-credential-offer","v":2,"credentials":[${copies
        .map((c) => `{"credential":"${c.credential}","child_index":${c.childIndex}}`)
        .join(',')}],"relationship":"0badf00d"}`,
    );
    expect(parseCredentialOffer(bytes)).toEqual({
      ok: true,
      value: {
        credential: copy(0),
        childIndex: 10,
        relationship: '0badf00d',
        format: 'dc+sd-jwt',
        version: 2,
        copies,
      },
    });
  });

  it('Given the documented vector (docs/protocol.md §Credential offer, v2), when parsed and encoded again, then it round-trips byte for byte', () => {
    const vector =
      '{"type":"vouch-credential-offer","v":2,"credentials":[{"credential":"eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJkaWQ6a2V5OnpEbmFleGFtcGxlIiwidmN0IjoidXJuOnZvdWNoOmluY29tZS1zdGF0ZW1lbnQ6MSIsImNuZiI6eyJuIjowfSwicGVyaW9kIjoiMjAyNi0wOSJ9.c2ln~","child_index":10},{"credential":"eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJkaWQ6a2V5OnpEbmFleGFtcGxlIiwidmN0IjoidXJuOnZvdWNoOmluY29tZS1zdGF0ZW1lbnQ6MSIsImNuZiI6eyJuIjoxfSwicGVyaW9kIjoiMjAyNi0wOSJ9.c2ln~","child_index":11}],"relationship":"0badf00d"}';
    const parsed = parseCredentialOffer(utf8ToBytes(vector));
    if (!parsed.ok) throw new Error(parsed.detail.message);
    expect(parsed.value.copies.map((c) => c.childIndex)).toEqual([10, 11]);
    const again = bytesToUtf8(encodeBatchCredentialOffer(parsed.value));
    expect(again.ok && again.value).toBe(vector);
  });

  it.each([
    ['an unknown member', v2([{ credential: copy(0), child_index: 1 }], { extra: 1 }), '"extra"'],
    [
      'a v1 member',
      v2([{ credential: copy(0), child_index: 1 }], { child_index: 1 }),
      '"child_index"',
    ],
    ['no copies', v2([]), '"credentials"'],
    [
      'copies that are not an array',
      json({ type: 'vouch-credential-offer', v: 2, credentials: {}, relationship: '0badf00d' }),
      '"credentials"',
    ],
    [
      'an unknown member in a copy',
      v2([{ credential: copy(0), child_index: 1, x: 1 }]),
      '"x" in "credentials"[0]',
    ],
    ['a copy without child_index', v2([{ credential: copy(0) }]), '"credentials"[0]."child_index"'],
    [
      'a VC-JWT copy',
      v2([{ credential: VC_JWT, child_index: 1 }]),
      '"credentials"[0]."credential"',
    ],
    [
      'a repeated copy',
      v2([
        { credential: copy(0), child_index: 1 },
        { credential: copy(0), child_index: 2 },
      ]),
      '"credentials"[1]."credential" repeats',
    ],
    [
      'a repeated child index',
      v2([
        { credential: copy(0), child_index: 1 },
        { credential: copy(1), child_index: 1 },
      ]),
      '"credentials"[1]."child_index" 1 repeats',
    ],
    [
      'copies of two credentials',
      v2([
        { credential: copy(0), child_index: 1 },
        { credential: copy(1, { period: '2026-10' }), child_index: 2 },
      ]),
      '"credentials"[1]."credential" is not a copy of the first',
    ],
    [
      'an upper-case fingerprint',
      v2([{ credential: copy(0), child_index: 1 }], { relationship: 'ABCDEF01' }),
      '"relationship"',
    ],
    [
      `more than ${MAX_OFFER_COPIES} copies`,
      v2(
        Array.from({ length: MAX_OFFER_COPIES + 1 }, (_, i) => ({
          credential: copy(i),
          child_index: i,
        })),
      ),
      `at most ${MAX_OFFER_COPIES}`,
    ],
  ])('Given %s, when parsed, then it is malformed naming the member', (_, bytes, text) => {
    const parsed = parseCredentialOffer(bytes);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('malformed');
    if (!parsed.ok) expect(parsed.detail.message).toContain(text);
  });
});
