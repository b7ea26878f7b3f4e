import { describe, expect, it } from 'vitest';
import { didKeyFromJwk } from '../did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { dcqlForClaims } from './dcql.ts';
import { createPresentationRequest, verifyPresentationRequest } from './request.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('request tests') });
const NOW = new Date('2025-10-01T09:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const NONCE = 'q6vS3kQm9ZbX1c2d3e4f5g'; // 22 characters = 132 bits
const DCQL = dcqlForClaims({
  id: 'income',
  vct: 'urn:vouch:income-statement:1',
  required: ['period', 'net_wage_cents'],
  optional: ['employee_name'],
});

async function verifierOf(alg: JwsAlgorithm) {
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  const did = didKeyFromJwk(publicJwk);
  return { did, alg, sign: (data: Uint8Array) => crypto.sign(alg, privateJwk, data) };
}

const es256 = await verifierOf('ES256');
const create = (overrides: Record<string, unknown> = {}) =>
  createPresentationRequest({
    verifier: es256,
    verifierName: 'Gemeente Utrecht',
    purpose: 'Individuele inkomenstoeslag: inkomen van september 2025',
    dcql: DCQL,
    responseMode: 'direct_post',
    nonce: NONCE,
    now: NOW,
    ...overrides,
  });

/** Signs an arbitrary payload as the ES256 verifier, to craft requests the creator refuses. */
async function craft(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return signCompactJws({
    header: {
      alg: 'ES256',
      typ: 'oauth-authz-req+jwt',
      kid: `${es256.did}#${es256.did.slice(8)}`,
      ...header,
    },
    payload,
    sign: es256.sign,
  });
}
/** The JSON of one base64url part of a compact JWS. */
function partJson(jws: string, index: number): unknown {
  const bytes = decodeBase64Url(jws.split('.')[index] ?? '');
  const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
  return text?.ok ? JSON.parse(text.value) : undefined;
}
const PAYLOAD = {
  client_id: `decentralized_identifier:${es256.did}`,
  response_type: 'vp_token',
  response_mode: 'direct_post',
  nonce: NONCE,
  dcql_query: DCQL,
  iat: NOW_S,
  exp: NOW_S + 600,
  vouch: { verifier_name: 'Gemeente Utrecht', purpose: 'p' },
};

describe('presentation request', () => {
  it.each(['ES256', 'EdDSA', 'ES256K'] as const)(
    'Given a %s verifier, when it creates a request, then the wallet verifies it',
    async (alg) => {
      const verifier = alg === 'ES256' ? es256 : await verifierOf(alg);
      const jws = await create({
        verifier,
        state: 'desk-7',
        responseUri: 'https://desk.example/v',
      });
      const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
      expect(verified).toEqual({
        ok: true,
        value: {
          clientId: `decentralized_identifier:${verifier.did}`,
          verifierDid: verifier.did,
          verifierName: 'Gemeente Utrecht',
          purpose: 'Individuele inkomenstoeslag: inkomen van september 2025',
          nonce: NONCE,
          responseMode: 'direct_post',
          responseUri: 'https://desk.example/v',
          state: 'desk-7',
          dcql: DCQL,
          iat: NOW_S,
          exp: NOW_S + 600,
          raw: jws,
        },
      });
    },
  );

  it('Given a request, when its JOSE header is read, then it is the JAR typ with the DID key id', async () => {
    const jws = await create();
    expect(partJson(jws, 0)).toEqual({
      alg: 'ES256',
      typ: 'oauth-authz-req+jwt',
      kid: `${es256.did}#${es256.did.slice(8)}`,
    });
  });

  it('Given a purpose per language, when verified, then purpose is the English text and purposes all', async () => {
    const purpose = { nl: 'Toeslag', en: 'Supplement' };
    const verified = await verifyPresentationRequest(await create({ purpose }), {
      crypto,
      now: NOW,
    });
    expect(verified.ok && [verified.value.purpose, verified.value.purposes]).toEqual([
      'Supplement',
      purpose,
    ]);
  });

  it.each([
    ['59 s in the future', NOW_S - 59, 'ok'],
    ['61 s in the future', NOW_S - 61, 'not-yet-valid'],
  ])('Given a request issued %s, when verified, then %s', async (_, nowS, expected) => {
    const verified = await verifyPresentationRequest(await create(), {
      crypto,
      now: new Date(nowS * 1000),
    });
    expect(verified.ok ? 'ok' : verified.reason).toBe(expected);
  });

  it.each([
    ['within the 60 s skew after exp', 600 + 60, 'ok'],
    ['61 s after exp', 600 + 61, 'expired'],
  ])('Given a request checked %s, when verified, then %s', async (_, after, expected) => {
    const verified = await verifyPresentationRequest(await create(), {
      crypto,
      now: new Date((NOW_S + after) * 1000),
    });
    expect(verified.ok ? 'ok' : verified.reason).toBe(expected);
  });

  it('Given a request signed by another key, when verified, then bad-signature', async () => {
    const other = await verifierOf('ES256');
    const jws = await signCompactJws({
      header: { alg: 'ES256', typ: 'oauth-authz-req+jwt' },
      payload: PAYLOAD,
      sign: other.sign,
    });
    const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
  });

  it('Given a tampered payload, when verified, then bad-signature', async () => {
    const [h, , s] = (await create()).split('.');
    const payload = encodeBase64Url(
      utf8ToBytes(JSON.stringify({ ...PAYLOAD, nonce: 'A'.repeat(22) })),
    );
    const verified = await verifyPresentationRequest(`${h}.${payload}.${s}`, { crypto, now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
  });

  it.each([
    [
      'alg none',
      'eyJhbGciOiJub25lIiwidHlwIjoib2F1dGgtYXV0aHotcmVxK2p3dCJ9.e30.',
      'unsupported-alg',
    ],
    [
      'alg HS256',
      `${encodeBase64Url(utf8ToBytes('{"alg":"HS256","typ":"oauth-authz-req+jwt"}'))}.e30.c2ln`,
      'unsupported-alg',
    ],
    ['not a JWS', 'hello', 'malformed'],
  ])('Given %s, when verified, then %s', async (_, jws, reason) => {
    const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
  });

  it('Given an ES256K header over a P-256 did:key, when verified, then bad-signature', async () => {
    const jws = await craft(PAYLOAD, { alg: 'ES256K' });
    const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe('bad-signature');
  });

  it.each([
    ['a short nonce (127 bits)', { nonce: 'A'.repeat(21) }, '"nonce"'],
    ['a nonce that is not base64url', { nonce: `${'A'.repeat(22)}+` }, '"nonce"'],
    ['no nonce', { nonce: undefined }, '"nonce"'],
    ['a client_id without the prefix', { client_id: es256.did }, 'decentralized_identifier:'],
    ['a did:web client', { client_id: 'decentralized_identifier:did:web:example.org' }, 'did:web'],
    ['response_type code', { response_type: 'code' }, '"response_type"'],
    ['response_mode query', { response_mode: 'query' }, '"response_mode"'],
    ['a javascript: response_uri', { response_uri: 'javascript:alert(1)' }, '"response_uri"'],
    ['an empty state', { state: '' }, '"state"'],
    ['exp before iat', { exp: NOW_S - 1 }, '"exp"'],
    ['a fractional iat', { iat: NOW_S + 0.5 }, '"iat"'],
    ['no dcql_query', { dcql_query: undefined }, 'dcql_query'],
    [
      'a purpose of 501 characters',
      { vouch: { verifier_name: 'V', purpose: 'p'.repeat(501) } },
      '"purpose"',
    ],
    ['a purpose in German', { vouch: { verifier_name: 'V', purpose: { de: 'Zweck' } } }, '"de"'],
    [
      'a verifier name of 201 characters',
      { vouch: { verifier_name: 'v'.repeat(201), purpose: 'p' } },
      '"verifier_name"',
    ],
    ['no vouch member', { vouch: undefined }, '"vouch"'],
    ['an unknown member', { presentation_definition: {} }, 'presentation_definition'],
  ])('Given %s, when verified, then it is malformed naming it', async (_, change, text) => {
    const verified = await verifyPresentationRequest(await craft({ ...PAYLOAD, ...change }), {
      crypto,
      now: NOW,
    });
    expect(verified.ok ? 'ok' : verified.reason).toBe('malformed');
    if (!verified.ok) expect(verified.detail.message).toContain(text);
  });

  it('Given another typ, when verified, then it is malformed', async () => {
    const verified = await verifyPresentationRequest(await craft(PAYLOAD, { typ: 'JWT' }), {
      crypto,
      now: NOW,
    });
    expect(!verified.ok && verified.detail.message).toContain('oauth-authz-req+jwt');
  });

  it('Given a kid of another key, when verified, then it is malformed', async () => {
    const verified = await verifyPresentationRequest(
      await craft(PAYLOAD, { kid: 'did:key:zDnaOther#x' }),
      { crypto, now: NOW },
    );
    expect(!verified.ok && verified.detail.message).toContain('"kid"');
  });

  it.each([
    ['a number', 42],
    ['17 KiB of text', 'a'.repeat(17 * 1024)],
    ['three dots', '...'],
  ])('Given %s, when verified, then malformed, never a throw', async (_, input) => {
    const verified = await verifyPresentationRequest(input as string, { crypto, now: NOW });
    expect(verified.ok ? 'ok' : verified.reason).toBe('malformed');
  });

  it.each([
    ['a 21-character nonce', { nonce: 'A'.repeat(21) }, '"nonce"'],
    ['an empty verifier name', { verifierName: ' ' }, '"verifier_name"'],
    ['a 501-character purpose', { purpose: 'x'.repeat(501) }, '"purpose"'],
  ])('Given %s, when creating, then it throws naming it', async (_, change, text) => {
    await expect(create(change)).rejects.toThrow(text);
  });

  it('Given the creator, when it signs, then the DID in client_id is the signer', async () => {
    const payload = partJson(await create(), 1) as Record<string, unknown>;
    expect(payload.client_id).toBe(`decentralized_identifier:${es256.did}`);
    expect(Object.keys(payload)).toEqual([
      'client_id',
      'response_type',
      'response_mode',
      'nonce',
      'dcql_query',
      'iat',
      'exp',
      'vouch',
    ]);
  });
});

describe('presentation request: rule and declared facts (issue 5)', () => {
  const DECLARE = ['household', 'ageBand', 'assetsCents', 'exemption', 'partnerNetIncomeCents'];

  it('Given a rule and facts to declare, when the request is created and verified, then both come back as sent', async () => {
    const jws = await create({ rule: 'nl.participatiewet.aanvulling', declare: DECLARE });
    expect(partJson(jws, 1)).toMatchObject({
      vouch: {
        verifier_name: 'Gemeente Utrecht',
        purpose: 'Individuele inkomenstoeslag: inkomen van september 2025',
        rule: 'nl.participatiewet.aanvulling',
        declare: DECLARE,
      },
    });
    const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
    expect(verified.ok && verified.value.rule).toBe('nl.participatiewet.aanvulling');
    expect(verified.ok && verified.value.declare).toEqual(DECLARE);
  });

  it('Given a request without rule or declare, when verified, then neither member is present', async () => {
    const verified = await verifyPresentationRequest(await create(), { crypto, now: NOW });
    expect(verified.ok).toBe(true);
    expect(verified.ok && 'rule' in verified.value).toBe(false);
    expect(verified.ok && 'declare' in verified.value).toBe(false);
  });

  it.each(['nl.asbest.tas-tns', 'be.afa'] as const)(
    'Given the rule %s alone, when verified, then it is kept',
    async (rule) => {
      const verified = await verifyPresentationRequest(await create({ rule }), {
        crypto,
        now: NOW,
      });
      expect(verified.ok && verified.value.rule).toBe(rule);
    },
  );

  it.each([
    ['an unknown rule', { rule: 'nl.zorgtoeslag' }, '"rule" expected one of'],
    ['a rule of the wrong case', { rule: 'NL.ASBEST.TAS-TNS' }, '"rule" expected one of'],
    ['a rule that is not text', { rule: 7 }, '"rule" expected one of'],
    ['declare that is not a list', { declare: 'household' }, '"declare" expected a list'],
    ['an empty declare', { declare: [] }, '"declare" expected a list of 1…20'],
    [
      'more than 20 facts',
      { declare: Array.from({ length: 21 }, (_, i) => `fact${i}`) },
      '"declare" expected a list of 1…20',
    ],
    ['a name with a dash', { declare: ['age-band'] }, '"declare[0]" expected a fact name'],
    ['a name starting with a digit', { declare: ['1household'] }, '"declare[0]"'],
    ['__proto__', { declare: ['household', '__proto__'] }, '"declare[1]" expected a fact name'],
    ['a name of 42 characters', { declare: [`a${'b'.repeat(41)}`] }, '"declare[0]"'],
    ['a name twice', { declare: ['household', 'household'] }, 'named twice'],
    ['a name that is not text', { declare: [null] }, '"declare[0]"'],
  ])(
    'Given %s, when the creator signs or the wallet verifies, then it is refused naming the member',
    async (_case, vouch, message) => {
      await expect(create(vouch)).rejects.toThrow(message);
      const crafted = await craft({ ...PAYLOAD, vouch: { ...PAYLOAD.vouch, ...vouch } });
      const verified = await verifyPresentationRequest(crafted, { crypto, now: NOW });
      expect(verified.ok).toBe(false);
      expect(!verified.ok && verified.reason).toBe('malformed');
      expect(!verified.ok && verified.detail.message).toContain(message);
    },
  );

  it('Given 20 fact names of 41 characters, when verified, then they are accepted', async () => {
    const declare = Array.from(
      { length: 20 },
      (_, i) => `f${String(i).padStart(2, '0')}${'x'.repeat(38)}`,
    );
    const verified = await verifyPresentationRequest(await create({ declare }), {
      crypto,
      now: NOW,
    });
    expect(verified.ok && verified.value.declare).toEqual(declare);
  });
});
