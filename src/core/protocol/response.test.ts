import { describe, expect, it } from 'vitest';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import {
  encodePresentationResponse,
  MAX_RESPONSE_BYTES,
  parsePresentationResponse,
} from './response.ts';

const PRESENTATION =
  'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln~WyJzYWx0IiwicGVyaW9kIiwiMjAyNS0wOSJd~eyJhbGciOiJFUzI1NksifQ.e30.c2ln';
const json = (value: unknown) => utf8ToBytes(JSON.stringify(value));

describe('presentation response', () => {
  it('Given a response, when encoded, then it is the OpenID4VP JSON with members in order', () => {
    const bytes = encodePresentationResponse({
      vpToken: { income: [PRESENTATION] },
      state: 's1',
      declared: { household_type: 'single', adult_co_residents: 0 },
    });
    const text = bytesToUtf8(bytes);
    expect(text.ok && text.value).toBe(
      `{"vp_token":{"income":["${PRESENTATION}"]},"state":"s1","vouch":{"declared":{"household_type":"single","adult_co_residents":0}}}`,
    );
  });

  it.each([
    ['a bare response', { vpToken: { income: [PRESENTATION] } }],
    [
      'two queries, two presentations',
      { vpToken: { a: [PRESENTATION, PRESENTATION], b: [PRESENTATION] }, state: 'x' },
    ],
    [
      'declared facts of every kind',
      { vpToken: { a: [PRESENTATION] }, declared: { t: 'x', n: 1.5, b: false, z: null } },
    ],
    [
      'a receipt half (issue 14), with and without declared facts',
      { vpToken: { a: [PRESENTATION] }, declared: { t: 'x' }, receipt: 'VlIB-_x.c2FsdA' },
    ],
    ['a receipt half alone', { vpToken: { a: [PRESENTATION] }, receipt: 'VlIB.c2FsdA' }],
  ])('Given %s, when encoded and parsed, then it round-trips', (_, response) => {
    expect(parsePresentationResponse(encodePresentationResponse(response))).toEqual({
      ok: true,
      value: response,
    });
  });

  const base = { vp_token: { income: [PRESENTATION] } };
  it.each([
    ['bytes that are not UTF-8', new Uint8Array([0xff]), 'UTF-8'],
    ['text that is not JSON', utf8ToBytes('{"vp_token":'), 'not JSON'],
    ['an array', json([base]), 'not a JSON object'],
    [
      'an unknown member',
      json({ ...base, presentation_submission: {} }),
      'presentation_submission',
    ],
    ['vp_token as a string (draft shape)', json({ vp_token: PRESENTATION }), '"vp_token"'],
    ['an empty vp_token', json({ vp_token: {} }), 'no presentation'],
    [
      'a presentation that is not a string',
      json({ vp_token: { income: [1] } }),
      '"vp_token.income[0]"',
    ],
    [
      'a presentation with a space',
      json({ vp_token: { income: ['a b'] } }),
      '"vp_token.income[0]"',
    ],
    ['an empty presentation list', json({ vp_token: { income: [] } }), '"vp_token.income"'],
    ['a bad query id', json({ vp_token: { 'a b': [PRESENTATION] } }), '"a b"'],
    ['a number state', json({ ...base, state: 5 }), '"state"'],
    ['vouch without declared', json({ ...base, vouch: {} }), '"declared"'],
    ['an unknown vouch member', json({ ...base, vouch: { declared: {}, x: 1 } }), '"vouch.x"'],
    ['a receipt that is not text', json({ ...base, vouch: { receipt: 5 } }), '"vouch.receipt"'],
    [
      'a receipt with other characters',
      json({ ...base, vouch: { receipt: 'a b' } }),
      '"vouch.receipt"',
    ],
    [
      'a nested declared value',
      json({ ...base, vouch: { declared: { a: { b: 1 } } } }),
      '"vouch.declared.a"',
    ],
    [
      'a declared text of 501 characters',
      json({ ...base, vouch: { declared: { a: 'x'.repeat(501) } } }),
      '"vouch.declared.a"',
    ],
    [
      '65 declared facts',
      json({
        ...base,
        vouch: { declared: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`f${i}`, i])) },
      }),
      '65',
    ],
    [
      'a __proto__ fact',
      utf8ToBytes(`{"vp_token":{"a":["${PRESENTATION}"]},"vouch":{"declared":{"__proto__":1}}}`),
      '__proto__',
    ],
    ['more than 256 KiB', new Uint8Array(MAX_RESPONSE_BYTES + 1), '262144'],
  ])('Given %s, when parsed, then it is malformed naming what was wrong', (_, bytes, text) => {
    const parsed = parsePresentationResponse(bytes);
    expect(parsed.ok ? 'ok' : parsed.reason).toBe('malformed');
    if (!parsed.ok) expect(parsed.detail.message).toContain(text);
  });

  it('Given something that is not bytes, when parsed, then malformed, never a throw', () => {
    expect(parsePresentationResponse('x' as unknown as Uint8Array).ok).toBe(false);
  });

  it('Given an invalid response, when encoded, then it throws naming the member', () => {
    expect(() => encodePresentationResponse({ vpToken: {} })).toThrow('vp_token');
  });
});
