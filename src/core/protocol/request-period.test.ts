/**
 * The month a request is about (docs/protocol.md §The month a request is about): `vouch.period`,
 * a `YYYY-MM` month in the request's Vouch member. The test vector printed there is made and
 * verified here; a period that is not a month is ignored (the request reads as one without),
 * never a reason to refuse the request or to crash.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { decodeCompactJws, signCompactJws } from '../jose/compact-jws.ts';
import { derivePublicJwk } from '../jose/jwk.ts';
import type { PrivateJwk } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { encodeForText } from '../transport/text.ts';
import { dcqlForClaims } from './dcql.ts';
import {
  createPresentationRequest,
  readRequestPeriod,
  verifyPresentationRequest,
  verifyRequestParameters,
} from './request.ts';

/** The key of the vouch_qr vector: d = SHA-256("vouch_qr test vector"), public test material. */
const D = 'OqcxXmhoEYVepSq89XbrqU5VSfKKQpX7RY2gKRMOa_Y';
const DID = 'did:key:zDnaei2sJJFAhFA5qMrRmmDoj3eavgWjCSjw2BfDz2e4hVvhk' as Did;
const VECTOR =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6Im9hdXRoLWF1dGh6LXJlcStqd3QiLCJraWQiOiJkaWQ6a2V5OnpEbmFlaTJzSkpGQWhGQTVxTXJSbW1Eb2ozZWF2Z1dqQ1NqdzJCZkR6MmU0aFZ2aGsjekRuYWVpMnNKSkZBaEZBNXFNclJtbURvajNlYXZnV2pDU2p3MkJmRHoyZTRoVnZoayJ9.eyJjbGllbnRfaWQiOiJkZWNlbnRyYWxpemVkX2lkZW50aWZpZXI6ZGlkOmtleTp6RG5hZWkyc0pKRkFoRkE1cU1yUm1tRG9qM2VhdmdXakNTancyQmZEejJlNGhWdmhrIiwicmVzcG9uc2VfdHlwZSI6InZwX3Rva2VuIiwicmVzcG9uc2VfbW9kZSI6InZvdWNoX3FyIiwibm9uY2UiOiJuLTBTNl9XekEyTWo4ZkEzcTlMeFVRIiwiZGNxbF9xdWVyeSI6eyJjcmVkZW50aWFscyI6W3siaWQiOiJpbmNvbWUiLCJmb3JtYXQiOiJkYytzZC1qd3QiLCJtZXRhIjp7InZjdF92YWx1ZXMiOlsidXJuOnZvdWNoOmluY29tZS1zdGF0ZW1lbnQ6MSJdfSwiY2xhaW1zIjpbeyJpZCI6InBlcmlvZCIsInBhdGgiOlsicGVyaW9kIl0sInZhbHVlcyI6WyIyMDI1LTA5Il19LHsiaWQiOiJuZXRfd2FnZV9jZW50cyIsInBhdGgiOlsibmV0X3dhZ2VfY2VudHMiXX1dfV19LCJpYXQiOjE3NTkzOTcyODAsImV4cCI6MTc1OTM5Nzg4MCwidm91Y2giOnsidmVyaWZpZXJfbmFtZSI6IkdlbWVlbnRlIFV0cmVjaHQiLCJwdXJwb3NlIjoiSW5kaXZpZHVlbGUgaW5rb21lbnN0b2VzbGFnIG92ZXIgc2VwdGVtYmVyIDIwMjUiLCJydWxlIjoibmwucGFydGljaXBhdGlld2V0LmFhbnZ1bGxpbmciLCJkZWNsYXJlIjpbImhvdXNlaG9sZCIsInBhcnRuZXJOZXRJbmNvbWVDZW50cyJdLCJwZXJpb2QiOiIyMDI1LTA5In19.XlH1N9dbnqGoHCQs10vPZNrvsvZW0PqXhoC9tXblTW4OmMV6klVa5fte7AmQOb9WrbcsVCQEfRZ4k8vWKfp93Q';
const IAT = 1759397280;
const NOW = new Date((IAT + 60) * 1000);
const crypto = nobleJwsCrypto({ randomBytes: (n) => new Uint8Array(n) });

function privateKey(): PrivateJwk {
  const publicJwk = derivePublicJwk({ kty: 'EC', crv: 'P-256', x: '', y: '', d: D });
  if (!publicJwk.ok) throw new Error(publicJwk.detail.message);
  return { ...publicJwk.value, d: D } as PrivateJwk;
}
const sign = (data: Uint8Array) => crypto.sign('ES256', privateKey(), data);

function options(period?: string) {
  return {
    verifier: { did: DID, alg: 'ES256' as const, sign },
    verifierName: 'Gemeente Utrecht',
    purpose: 'Individuele inkomenstoeslag over september 2025',
    dcql: dcqlForClaims({
      id: 'income',
      vct: 'urn:vouch:income-statement:1',
      required: ['period', 'net_wage_cents'],
      optional: [],
      values: { period: ['2025-09'] },
    }),
    responseMode: 'vouch_qr' as const,
    nonce: 'n-0S6_WzA2Mj8fA3q9LxUQ',
    rule: 'nl.participatiewet.aanvulling' as const,
    declare: ['household', 'partnerNetIncomeCents'],
    ...(period === undefined ? {} : { period }),
    now: new Date(IAT * 1000),
  };
}

/** The vector's payload with `vouch.period` replaced (or removed), signed by the same key. */
async function withPeriod(period: unknown): Promise<string> {
  const decoded = decodeCompactJws(VECTOR);
  if (!decoded.ok) throw new Error(decoded.detail.message);
  const vouch = { ...(decoded.value.payload.vouch as Record<string, unknown>), period };
  if (period === undefined) delete vouch.period;
  return signCompactJws({
    header: decoded.value.header,
    payload: { ...decoded.value.payload, vouch },
    sign,
  });
}

describe('vouch.period: the month a request is about', () => {
  it('Given the documented key and inputs, when the request is made, then it is the documented vector byte for byte', async () => {
    expect(D).toBe(encodeBase64Url(sha256(utf8ToBytes('vouch_qr test vector'))));
    expect(await createPresentationRequest(options('2025-09'))).toBe(VECTOR);
  });

  it('Given the vector, when a wallet verifies it, then the request is about September 2025', async () => {
    const verified = await verifyPresentationRequest(VECTOR, { crypto, now: NOW });
    expect(verified.ok && verified.value).toMatchObject({
      verified: true,
      rule: 'nl.participatiewet.aanvulling',
      declare: ['household', 'partnerNetIncomeCents'],
      period: '2025-09',
    });
  });

  it('Given the vector, when it travels as text, then it is the documented length', () => {
    expect(VECTOR.length).toBe(1192);
    expect(encodeForText('request', utf8ToBytes(VECTOR)).length).toBe(594);
  });

  it.each([
    ['a month out of range', '2025-13'],
    ['month zero', '2025-00'],
    ['a month without its leading zero', '2025-9'],
    ['a date', '2025-09-01'],
    ['a number', 202509],
    ['an object', { year: 2025, month: 9 }],
    ['a list', ['2025-09']],
    ['null', null],
    ['an empty text', ''],
    ['a long text', '2025-09'.repeat(500)],
    ['a month with spaces', ' 2025-09 '],
  ])(
    'Given a signed request whose vouch.period is %s, when verified, then the period is ignored and the request still reads',
    async (_name, period) => {
      const verified = await verifyPresentationRequest(await withPeriod(period), {
        crypto,
        now: NOW,
      });
      expect(verified.ok).toBe(true);
      expect(verified.ok && 'period' in verified.value).toBe(false);
      expect(verified.ok && verified.value.declare).toEqual(['household', 'partnerNetIncomeCents']);
    },
  );

  it('Given a signed request without vouch.period, when verified, then it has no period', async () => {
    const verified = await verifyPresentationRequest(await withPeriod(undefined), {
      crypto,
      now: NOW,
    });
    expect(verified.ok && 'period' in verified.value).toBe(false);
  });

  it('Given a request by value whose vouch (JSON text) names a period, when verified, then the period is read; a malformed one is ignored', async () => {
    const params = {
      client_id: 'redirect_uri:https://peer.example/post',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      nonce: 'n-0S6_WzA2Mj',
      dcql_query: JSON.stringify(options().dcql),
    };
    const good = await verifyRequestParameters(
      { ...params, vouch: JSON.stringify({ period: '2025-09' }) },
      { now: NOW, raw: 'uri' },
    );
    expect(good.ok && good.value.period).toBe('2025-09');
    const bad = await verifyRequestParameters(
      { ...params, vouch: JSON.stringify({ period: 'September' }) },
      { now: NOW, raw: 'uri' },
    );
    expect(bad.ok).toBe(true);
    expect(bad.ok && 'period' in bad.value).toBe(false);
  });

  it('Given a verifier that asks for a malformed period, when it makes the request, then that is a bug: it throws naming the member', async () => {
    await expect(createPresentationRequest(options('2025-9'))).rejects.toThrow(/"period"/);
  });

  it.each([
    ['2025-09', '2025-09'],
    ['1999-12', '1999-12'],
    ['2025-13', undefined],
    [undefined, undefined],
    [7, undefined],
  ])('Given %j, when read as a period, then it is %j', (value, expected) => {
    expect(readRequestPeriod(value)).toBe(expected);
  });
});
