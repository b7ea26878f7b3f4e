import { describe, expect, it } from 'vitest';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import type { SdJwtCompact } from '../sd-jwt/index.ts';
import {
  encodeCredentialOffer,
  MAX_OFFER_BYTES,
  parseCredentialOffer,
} from './credential-offer.ts';

const CREDENTIAL =
  'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~WyJzYWx0IiwicGVyaW9kIiwiMjAyNS0wMSJd~' as SdJwtCompact;
const OFFER = { credential: CREDENTIAL, relationship: '0badf00d', childIndex: 7 };
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

  it('Given an encoded offer, when parsed, then it round-trips', () => {
    expect(parseCredentialOffer(encodeCredentialOffer(OFFER))).toEqual({ ok: true, value: OFFER });
  });

  it.each([
    ['bytes that are not UTF-8', new Uint8Array([0xff, 0xfe]), 'UTF-8'],
    ['text that is not JSON', utf8ToBytes('{"type":'), 'not JSON'],
    ['a JSON array', json([wire]), 'not a JSON object'],
    ['an unknown member', json({ ...wire, extra: 1 }), '"extra"'],
    ['no child_index', json({ ...wire, child_index: undefined }), '"child_index"'],
    ['another type', json({ ...wire, type: 'openid-credential-offer' }), '"type"'],
    ['version 2', json({ ...wire, v: 2 }), '"v"'],
    [
      'a credential that is not an SD-JWT',
      json({ ...wire, credential: 'eyJ.eyJ.sig' }),
      '"credential"',
    ],
    ['an upper-case fingerprint', json({ ...wire, relationship: '0BADF00D' }), '"relationship"'],
    ['a hardened child index', json({ ...wire, child_index: 2 ** 31 }), '"child_index"'],
    ['a negative child index', json({ ...wire, child_index: -1 }), '"child_index"'],
    ['more than 64 KiB', new Uint8Array(MAX_OFFER_BYTES + 1), '65536'],
  ])('Given %s, when parsed, then it is malformed naming what was wrong', (_, bytes, text) => {
    const parsed = parseCredentialOffer(bytes);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('malformed');
    if (!parsed.ok) expect(parsed.detail.message).toContain(text);
  });
});
