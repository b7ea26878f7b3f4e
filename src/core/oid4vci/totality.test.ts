// Every OpenID4VCI decoder of outside input is total: seeded mutations of valid inputs (byte flips,
// truncations, duplications, splices of JSON fragments) give a Result, never a throw.
import { randomBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { nobleJwsCrypto } from '../jose/index.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { parseCredentialRequest, parseCredentialResponse } from './credential.ts';
import { parseFormBody } from './http.ts';
import {
  buildAuthorizationServerMetadata,
  buildCredentialIssuerMetadata,
  parseAuthorizationServerMetadata,
  parseCredentialIssuerMetadata,
} from './metadata.ts';
import {
  buildCredentialOffer,
  buildCredentialOfferLink,
  parseCredentialOfferLink,
} from './offer.ts';
import { createKeyProof, verifyKeyProof } from './proof.ts';
import { parseOAuthErrorBody, parseTokenRequest, parseTokenResponse } from './token.ts';

const ISSUER = 'https://issuer.example';
const MUTATIONS = 300;
const FRAGMENTS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  '1e999',
  '-0',
  '"__proto__"',
  '%',
  '%2',
  '&',
  '=',
  '~',
  '.',
  '\\u0000',
  '\uD800',
];

function mutator(seed: string) {
  const random = seededRandomBytes(seed);
  const below = (n: number) => {
    const [a = 0, b = 0, c = 0] = random(3);
    return (a * 65_536 + b * 256 + c) % Math.max(n, 1);
  };
  return (text: string): string => {
    let out = text;
    const steps = 1 + below(4);
    for (let step = 0; step < steps; step++) {
      const at = below(out.length + 1);
      switch (below(5)) {
        case 0:
          out = `${out.slice(0, at)}${String.fromCharCode(below(0x250))}${out.slice(at + 1)}`;
          break;
        case 1:
          out = out.slice(0, at);
          break;
        case 2:
          out = `${out.slice(0, at)}${out.slice(at, at + 1 + below(40)).repeat(1 + below(3))}${out.slice(at)}`;
          break;
        case 3:
          out = `${out.slice(0, at)}${FRAGMENTS[below(FRAGMENTS.length)]}${out.slice(at)}`;
          break;
        default:
          out = `${out.slice(0, at)}${out.slice(at + 1 + below(10))}`;
      }
    }
    return out;
  };
}

function totalOver(name: string, valid: string, decode: (input: string) => unknown) {
  it(`${name}: ${MUTATIONS} mutations, no throw`, async () => {
    const mutate = mutator(name);
    for (let i = 0; i < MUTATIONS; i++) {
      const input = mutate(valid);
      let result: unknown;
      try {
        result = await decode(input);
      } catch (error) {
        throw new Error(
          `${name} threw on input ${i} ${JSON.stringify(input).slice(0, 200)}: ${String(error)}`,
          { cause: error },
        );
      }
      expect(
        typeof (result as { ok?: unknown } | undefined)?.ok === 'boolean' || result === undefined,
      ).toBe(true);
    }
  });
}

describe('Given mutated inputs, every decoder answers with a Result', () => {
  const offer = buildCredentialOffer({
    credentialIssuer: ISSUER,
    credentialConfigurationIds: ['income-statement', 'diploma'],
    preAuthorizedCode: 'code-123',
    txCode: { input_mode: 'numeric', length: 6, description: 'The code' },
  });
  totalOver('offer link by value', buildCredentialOfferLink({ offer }), parseCredentialOfferLink);
  totalOver(
    'offer link by reference',
    buildCredentialOfferLink({ offerUri: `${ISSUER}/offers/1` }),
    parseCredentialOfferLink,
  );
  totalOver(
    'issuer metadata',
    JSON.stringify(buildCredentialIssuerMetadata({ credentialIssuer: ISSUER, types: ['diploma'] })),
    (text) => parseCredentialIssuerMetadata(text, ISSUER),
  );
  totalOver(
    'AS metadata',
    JSON.stringify(buildAuthorizationServerMetadata({ issuer: ISSUER })),
    (text) => parseAuthorizationServerMetadata(text, ISSUER),
  );
  totalOver(
    'token request',
    'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code=abc&tx_code=123456',
    parseTokenRequest,
  );
  totalOver('form body', 'a=1&b=%C3%A9+x&c', (text) => parseFormBody(text, 'form', 10_000));
  totalOver(
    'token response',
    '{"access_token":"abc","token_type":"Bearer","expires_in":300}',
    parseTokenResponse,
  );
  totalOver('OAuth error', '{"error":"invalid_grant","error_description":"no"}', (text) => {
    parseOAuthErrorBody(text);
    return undefined;
  });
  totalOver(
    'credential request',
    '{"credential_configuration_id":"diploma","proofs":{"jwt":["eyJh.eyJh.sig"]}}',
    (text) => parseCredentialRequest(text, { batchSize: 10 }),
  );
  totalOver(
    'credential response',
    '{"credentials":[{"credential":"eyJh.eyJh.sig~WyJh~"}]}',
    parseCredentialResponse,
  );

  it(`key proof: ${MUTATIONS} mutations, no throw`, async () => {
    const crypto = nobleJwsCrypto({ randomBytes });
    const { publicJwk, privateJwk } = await crypto.generateKeyPair('ES256K');
    const jwt = await createKeyProof({
      key: { publicJwk, alg: 'ES256K', sign: (data) => crypto.sign('ES256K', privateJwk, data) },
      credentialIssuer: ISSUER,
      nonce: 'n',
      now: new Date('2026-10-01T09:00:00Z'),
    });
    const mutate = mutator('key proof');
    let accepted = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const result = await verifyKeyProof(mutate(jwt), {
        crypto,
        credentialIssuer: ISSUER,
        expectedNonce: 'n',
        now: new Date('2026-10-01T09:00:00Z'),
      });
      if (result.ok) accepted++;
    }
    // A mutated proof may still verify only if the mutation left the signed bytes intact
    // (e.g. it cut nothing but trailing base64url bits); nearly all must fail.
    expect(accepted).toBeLessThan(MUTATIONS / 20);
  });
});
