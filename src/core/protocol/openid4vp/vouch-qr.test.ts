/**
 * The `vouch_qr` response mode (docs/protocol.md §Presentation request, Vouch extension): the test
 * vector printed there is made and verified here, so the document stays true.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { Did } from '../../brand.ts';
import { didKeyFromJwk } from '../../did/did-key.ts';
import { encodeBase64Url } from '../../encoding/base64url.ts';
import { utf8ToBytes } from '../../encoding/utf8.ts';
import { derivePublicJwk } from '../../jose/jwk.ts';
import type { PrivateJwk } from '../../jose/jwk.ts';
import { nobleJwsCrypto } from '../../jose/noble-jws-crypto.ts';
import { encodeForText } from '../../transport/text.ts';
import { dcqlForClaims } from '../dcql.ts';
import { createPresentationRequest, verifyPresentationRequest } from '../request.ts';

/** d = SHA-256("vouch_qr test vector"), a P-256 key: public test material, never a real key. */
const D = 'OqcxXmhoEYVepSq89XbrqU5VSfKKQpX7RY2gKRMOa_Y';
const DID = 'did:key:zDnaei2sJJFAhFA5qMrRmmDoj3eavgWjCSjw2BfDz2e4hVvhk' as Did;
const VECTOR =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6Im9hdXRoLWF1dGh6LXJlcStqd3QiLCJraWQiOiJkaWQ6a2V5OnpEbmFlaTJzSkpGQWhGQTVxTXJSbW1Eb2ozZWF2Z1dqQ1NqdzJCZkR6MmU0aFZ2aGsjekRuYWVpMnNKSkZBaEZBNXFNclJtbURvajNlYXZnV2pDU2p3MkJmRHoyZTRoVnZoayJ9.eyJjbGllbnRfaWQiOiJkZWNlbnRyYWxpemVkX2lkZW50aWZpZXI6ZGlkOmtleTp6RG5hZWkyc0pKRkFoRkE1cU1yUm1tRG9qM2VhdmdXakNTancyQmZEejJlNGhWdmhrIiwicmVzcG9uc2VfdHlwZSI6InZwX3Rva2VuIiwicmVzcG9uc2VfbW9kZSI6InZvdWNoX3FyIiwibm9uY2UiOiJuLTBTNl9XekEyTWo4ZkEzcTlMeFVRIiwiZGNxbF9xdWVyeSI6eyJjcmVkZW50aWFscyI6W3siaWQiOiJpbmNvbWUiLCJmb3JtYXQiOiJkYytzZC1qd3QiLCJtZXRhIjp7InZjdF92YWx1ZXMiOlsidXJuOnZvdWNoOmluY29tZS1zdGF0ZW1lbnQ6MSJdfSwiY2xhaW1zIjpbeyJpZCI6InBlcmlvZCIsInBhdGgiOlsicGVyaW9kIl19LHsiaWQiOiJuZXRfd2FnZV9jZW50cyIsInBhdGgiOlsibmV0X3dhZ2VfY2VudHMiXX0seyJpZCI6ImVtcGxveWVlX25hbWUiLCJwYXRoIjpbImVtcGxveWVlX25hbWUiXX1dLCJjbGFpbV9zZXRzIjpbWyJwZXJpb2QiLCJuZXRfd2FnZV9jZW50cyIsImVtcGxveWVlX25hbWUiXSxbInBlcmlvZCIsIm5ldF93YWdlX2NlbnRzIl1dfV19LCJpYXQiOjE3NTkzOTcyODAsImV4cCI6MTc1OTM5Nzg4MCwidm91Y2giOnsidmVyaWZpZXJfbmFtZSI6IkdlbWVlbnRlIFV0cmVjaHQiLCJwdXJwb3NlIjoiSW5kaXZpZHVlbGUgaW5rb21lbnN0b2VzbGFnOiB1dyBuZXR0b2xvb24gdmFuIHNlcHRlbWJlciAyMDI1In19.jMmnEqztMYdbes5gXtyu6fMmCMO6bAKST6QJzVwKJ7whTHXwR-KNHqbn9dI91GtX54kZck3aGHtmCQk-KBmn2A';
const IAT = 1759397280;
const crypto = nobleJwsCrypto({ randomBytes: (n) => new Uint8Array(n) });

describe('the vouch_qr response mode (a Vouch extension)', () => {
  it('Given the documented key and inputs, when the request is made, then it is the documented vector byte for byte', async () => {
    expect(D).toBe(encodeBase64Url(sha256(utf8ToBytes('vouch_qr test vector'))));
    const publicJwk = derivePublicJwk({ kty: 'EC', crv: 'P-256', x: '', y: '', d: D });
    if (!publicJwk.ok) throw new Error(publicJwk.detail.message);
    expect(didKeyFromJwk(publicJwk.value)).toBe(DID);
    const privateJwk = { ...publicJwk.value, d: D } as PrivateJwk;
    const made = await createPresentationRequest({
      verifier: { did: DID, alg: 'ES256', sign: (data) => crypto.sign('ES256', privateJwk, data) },
      verifierName: 'Gemeente Utrecht',
      purpose: 'Individuele inkomenstoeslag: uw nettoloon van september 2025',
      dcql: dcqlForClaims({
        id: 'income',
        vct: 'urn:vouch:income-statement:1',
        required: ['period', 'net_wage_cents'],
        optional: ['employee_name'],
      }),
      responseMode: 'vouch_qr',
      nonce: 'n-0S6_WzA2Mj8fA3q9LxUQ',
      now: new Date(IAT * 1000),
    });
    expect(made).toBe(VECTOR);
  });

  it('Given the vector, when a wallet verifies it within its lifetime, then it answers by QR code: no response_uri, no redirect_uri', async () => {
    const verified = await verifyPresentationRequest(VECTOR, {
      crypto,
      now: new Date((IAT + 60) * 1000),
    });
    expect(verified.ok && verified.value).toMatchObject({
      clientId: `decentralized_identifier:${DID}`,
      verified: true,
      responseMode: 'vouch_qr',
      verifierName: 'Gemeente Utrecht',
      nonce: 'n-0S6_WzA2Mj8fA3q9LxUQ',
    });
    expect(verified.ok && [verified.value.responseUri, verified.value.redirectUri]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('Given the vector, when it travels as text, then it is the documented length', () => {
    expect(VECTOR.length).toBe(1220);
    expect(encodeForText('request', utf8ToBytes(VECTOR)).length).toBe(538);
  });
});
