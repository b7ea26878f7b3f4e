import { describe, expect, it } from 'vitest';
import { didKeyFromJwk } from '../did/did-key.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws } from '../jose/compact-jws.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { dcqlForClaims } from './dcql.ts';
import {
  createPresentationRequest,
  verifierIdOf,
  verifierLabel,
  verifyPresentationRequest,
  verifyRequestParameters,
} from './request.ts';

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
    responseMode: 'vouch_qr',
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
        responseMode: 'direct_post',
        responseUri: 'https://desk.example/v',
      });
      const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
      expect(verified).toEqual({
        ok: true,
        value: {
          clientId: `decentralized_identifier:${verifier.did}`,
          verifier: { kind: 'did', did: verifier.did },
          verified: true,
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
    ['a nonce that is not URL-safe', { nonce: `${'A'.repeat(22)}+` }, '"nonce"'],
    ['an empty nonce', { nonce: '' }, '"nonce"'],
    ['no nonce', { nonce: undefined }, '"nonce"'],
    ['no response_type', { response_type: undefined }, '"response_type"'],
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
    ['a vouch member that is not an object', { vouch: 'Gemeente' }, '"vouch"'],
    [
      'an http response_uri to another machine',
      { response_uri: 'http://desk.example/v', response_mode: 'direct_post' },
      '"response_uri"',
    ],
    [
      'a response_uri with a password',
      { response_uri: 'https://a:b@desk.example/v', response_mode: 'direct_post' },
      '"response_uri"',
    ],
    [
      'direct_post with a redirect_uri',
      {
        response_mode: 'direct_post',
        response_uri: 'https://d.example/r',
        redirect_uri: 'https://d.example/c',
      },
      '"redirect_uri"',
    ],
    ['direct_post.jwt without response_uri', { response_mode: 'direct_post.jwt' }, 'response_uri'],
    ['fragment without redirect_uri', { response_mode: 'fragment' }, '"redirect_uri"'],
    [
      'fragment to a response_uri (the old link request)',
      { response_mode: 'fragment', response_uri: 'https://d.example/v' },
      '"response_uri"',
    ],
    [
      'vouch_qr with a response_uri',
      { response_mode: 'vouch_qr', response_uri: 'https://d.example/v' },
      'QR',
    ],
    ['iat as text', { iat: String(NOW_S) }, '"iat"'],
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

  it('Given the relative key id "#<multibase>", when verified, then it is accepted', async () => {
    const verified = await verifyPresentationRequest(
      await craft(PAYLOAD, { kid: `#${es256.did.slice(8)}` }),
      { crypto, now: NOW },
    );
    expect(verified.ok).toBe(true);
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

  it('Given the creator of a QR request, when it signs, then the DID in client_id is the signer and nothing else is added', async () => {
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

describe('presentation request: receipts (issue 14)', () => {
  it('Given a verifier that countersigns receipts, when the request is created and verified, then vouch.receipts is true; without it, absent', async () => {
    const jws = await create({ receipts: true });
    expect(partJson(jws, 1)).toMatchObject({ vouch: { receipts: true } });
    const verified = await verifyPresentationRequest(jws, { crypto, now: NOW });
    expect(verified.ok && verified.value.receipts).toBe(true);
    const without = await verifyPresentationRequest(await create(), { crypto, now: NOW });
    expect(without.ok && 'receipts' in without.value).toBe(false);
    expect(partJson(await create(), 1)).not.toHaveProperty('vouch.receipts');
  });
});

describe('presentation request: any conformant OpenID4VP 1.0 request', () => {
  const verify = (jws: string, now = NOW) => verifyPresentationRequest(jws, { crypto, now });
  const ENC_KEY = {
    kty: 'EC' as const,
    crv: 'P-256' as const,
    x: 'YO4epjifD-KWeq1sL2tNmm36BhXnkJ0He-WqMYrp9Fk',
    y: 'Hekpm0zfK7C-YccH5iBjcIXgf6YdUvNUac_0At55Okk',
  };
  /** An unsigned request object (RFC 7519 §6): header alg none, empty signature. */
  const unsigned = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    `${encodeBase64Url(utf8ToBytes(JSON.stringify({ alg: 'none', typ: 'oauth-authz-req+jwt', ...header })))}.${encodeBase64Url(utf8ToBytes(JSON.stringify(payload)))}.`;
  const REDIRECT_PARAMS = {
    client_id: 'redirect_uri:https://peer.example/post',
    response_type: 'vp_token',
    response_mode: 'direct_post',
    response_uri: 'https://peer.example/post',
    nonce: 'n-0S6_WzA2Mj',
    dcql_query: JSON.stringify(DCQL),
  };

  it('Given unknown parameters at the top and in client_metadata, when verified, then they are ignored', async () => {
    const verified = await verify(
      await craft({
        ...PAYLOAD,
        presentation_definition_uri_supported: true,
        scope_hint: 'x',
        client_metadata: { logo_uri: 'https://x.example/l.png', future_member: [1, 2] },
        iss: 'anyone',
        aud: 'https://wallet.example',
      }),
    );
    expect(verified.ok).toBe(true);
  });

  it('Given no vouch member, when verified, then the verifier has no name and is still the verified DID', async () => {
    const verified = await verify(await craft({ ...PAYLOAD, vouch: undefined }));
    expect(verified.ok && verified.value).toMatchObject({
      verified: true,
      verifier: { kind: 'did', did: es256.did },
    });
    expect(verified.ok && 'verifierName' in verified.value).toBe(false);
    expect(verified.ok && 'purpose' in verified.value).toBe(false);
  });

  it('Given neither iat nor exp, when verified a year later, then it is accepted', async () => {
    const later = new Date(NOW.getTime() + 365 * 86400_000);
    const verified = await verify(
      await craft({ ...PAYLOAD, iat: undefined, exp: undefined }),
      later,
    );
    expect(verified.ok && [verified.value.iat, verified.value.exp]).toEqual([undefined, undefined]);
  });

  it('Given only exp, when verified after it, then expired', async () => {
    const jws = await craft({ ...PAYLOAD, iat: undefined, exp: NOW_S + 10 });
    const verified = await verify(jws, new Date((NOW_S + 71) * 1000));
    expect(verified.ok ? 'ok' : verified.reason).toBe('expired');
  });

  it('Given a short nonce a peer may send, when verified, then the wallet accepts it (the creator does not)', async () => {
    const verified = await verify(await craft({ ...PAYLOAD, nonce: 'n-0S6_WzA2Mj' }));
    expect(verified.ok && verified.value.nonce).toBe('n-0S6_WzA2Mj');
    await expect(create({ nonce: 'n-0S6_WzA2Mj' })).rejects.toThrow('"nonce"');
  });

  it('Given an old desk QR request (direct_post, no response_uri), when verified, then it is the vouch_qr mode', async () => {
    const verified = await verify(await craft(PAYLOAD));
    expect(verified.ok && verified.value.responseMode).toBe('vouch_qr');
  });

  it('Given a fragment request, when verified, then the answer goes to redirect_uri', async () => {
    const jws = await create({ responseMode: 'fragment', redirectUri: 'https://desk.example/v' });
    expect(partJson(jws, 1)).toMatchObject({ redirect_uri: 'https://desk.example/v' });
    const verified = await verify(jws);
    expect(verified.ok && verified.value.redirectUri).toBe('https://desk.example/v');
    expect(verified.ok && verified.value.responseUri).toBeUndefined();
  });

  it('Given an http response_uri on this machine, when verified, then it is accepted (development)', async () => {
    const jws = await create({
      responseMode: 'direct_post',
      responseUri: 'http://127.0.0.1:8787/responses/1',
    });
    expect((await verify(jws)).ok).toBe(true);
  });

  it('Given an online request, when created, then it has aud, client_metadata with vp_formats_supported, and a response_uri', async () => {
    const payload = partJson(
      await create({ responseMode: 'direct_post', responseUri: 'https://d.example/r' }),
      1,
    );
    expect(payload).toMatchObject({
      aud: 'https://self-issued.me/v2',
      response_uri: 'https://d.example/r',
      client_metadata: { vp_formats_supported: { 'dc+sd-jwt': {} } },
    });
  });

  it('Given a direct_post.jwt request, when verified, then the encryption key and enc come from client_metadata', async () => {
    const jws = await create({
      responseMode: 'direct_post.jwt',
      responseUri: 'https://d.example/r',
      encryptionKey: { ...ENC_KEY, kid: 'ac' },
      encValues: ['A256GCM', 'A128GCM'],
    });
    expect(partJson(jws, 1)).toMatchObject({
      client_metadata: {
        jwks: { keys: [{ ...ENC_KEY, kid: 'ac', use: 'enc', alg: 'ECDH-ES' }] },
        encrypted_response_enc_values_supported: ['A256GCM', 'A128GCM'],
      },
    });
    const verified = await verify(jws);
    expect(verified.ok && verified.value.encryption).toEqual({
      jwk: { ...ENC_KEY, kid: 'ac' },
      alg: 'ECDH-ES',
      enc: 'A256GCM',
    });
  });

  it.each([
    ['no enc value given: A128GCM', {}, 'A128GCM'],
    [
      'only A128CBC-HS256 and A128GCM',
      { encrypted_response_enc_values_supported: ['A128CBC-HS256', 'A128GCM'] },
      'A128GCM',
    ],
    [
      'only A128CBC-HS256',
      { encrypted_response_enc_values_supported: ['A128CBC-HS256'] },
      'unsupported',
    ],
  ])('Given direct_post.jwt with %s, when verified, then %s', async (_, metadata, expected) => {
    const jws = await craft({
      ...PAYLOAD,
      response_mode: 'direct_post.jwt',
      response_uri: 'https://d.example/r',
      client_metadata: {
        jwks: {
          keys: [
            { kty: 'EC', crv: 'P-256', use: 'sig', kid: 's', x: ENC_KEY.x, y: ENC_KEY.y },
            { kty: 'OKP', crv: 'X25519', use: 'enc', alg: 'ECDH-ES', kid: 'x', x: ENC_KEY.x },
            { ...ENC_KEY, alg: 'ECDH-ES', kid: 'e' },
          ],
        },
        ...metadata,
      },
    });
    const verified = await verify(jws);
    expect(verified.ok ? verified.value.encryption?.enc : verified.reason).toBe(expected);
    if (verified.ok) expect(verified.value.encryption?.jwk.kid).toBe('e');
  });

  it.each([
    ['no client_metadata', undefined, 'malformed'],
    ['a key off the curve', { jwks: { keys: [{ ...ENC_KEY, y: ENC_KEY.x }] } }, 'unsupported'],
    ['only a jwks_uri', { jwks_uri: 'https://d.example/jwks' }, 'unsupported'],
    ['jwks that is not a set', { jwks: [ENC_KEY] }, 'malformed'],
  ])('Given direct_post.jwt with %s, when verified, then %s', async (_, metadata, reason) => {
    const jws = await craft({
      ...PAYLOAD,
      response_mode: 'direct_post.jwt',
      response_uri: 'https://d.example/r',
      client_metadata: metadata,
    });
    const verified = await verify(jws);
    expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
  });

  it('Given transaction_data, when verified, then it is refused as unsupported (OpenID4VP §5.1)', async () => {
    const verified = await verify(await craft({ ...PAYLOAD, transaction_data: ['e30'] }));
    expect(verified.ok ? 'ok' : verified.reason).toBe('unsupported');
  });

  it.each([
    ['a bare DID (pre-1.0 client_id)', es256.did],
    ['an x509_san_dns client', 'x509_san_dns:desk.example'],
    ['a pre-registered client', 'desk-7'],
    ['a did:web client', 'decentralized_identifier:did:web:example.org'],
  ])('Given %s, when verified, then unsupported', async (_, clientId) => {
    const verified = await verify(await craft({ ...PAYLOAD, client_id: clientId }));
    expect(verified.ok ? 'ok' : verified.reason).toBe('unsupported');
  });

  it('Given the wallet_nonce the wallet sent, when the request echoes another, then malformed', async () => {
    const jws = await craft({ ...PAYLOAD, wallet_nonce: 'w-1' });
    const good = await verifyPresentationRequest(jws, { crypto, now: NOW, walletNonce: 'w-1' });
    expect(good.ok && good.value.walletNonce).toBe('w-1');
    const bad = await verifyPresentationRequest(jws, { crypto, now: NOW, walletNonce: 'w-2' });
    expect(!bad.ok && bad.detail.message).toContain('wallet_nonce');
  });

  it('Given redirect_uri: parameters by value, when verified, then the verifier is the URI and not verified', async () => {
    const verified = await verifyRequestParameters(REDIRECT_PARAMS, { now: NOW, raw: 'uri' });
    expect(verified.ok && verified.value).toMatchObject({
      clientId: 'redirect_uri:https://peer.example/post',
      verifier: { kind: 'redirect_uri', uri: 'https://peer.example/post' },
      verified: false,
      responseMode: 'direct_post',
      responseUri: 'https://peer.example/post',
      nonce: 'n-0S6_WzA2Mj',
      dcql: DCQL,
      raw: 'uri',
    });
    expect(verified.ok && 'verifierDid' in verified.value).toBe(false);
  });

  it('Given redirect_uri: without response_uri, when verified, then the answer goes to the client_id URI', async () => {
    const { response_uri: _omitted, ...params } = REDIRECT_PARAMS;
    const verified = await verifyRequestParameters(params, { now: NOW, raw: 'uri' });
    expect(verified.ok && verified.value.responseUri).toBe('https://peer.example/post');
  });

  it.each([
    [
      'a response_uri other than the client_id URI',
      { response_uri: 'https://evil.example/post' },
      'malformed',
    ],
    ['dcql_query that is not JSON', { dcql_query: '{credentials' }, 'malformed'],
    [
      'a client_id URI in plain http',
      {
        client_id: 'redirect_uri:http://peer.example/post',
        response_uri: 'http://peer.example/post',
      },
      'malformed',
    ],
    [
      'a decentralized_identifier: client by value',
      { client_id: `decentralized_identifier:${es256.did}` },
      'malformed',
    ],
    [
      'the vouch_qr mode, unsigned',
      { response_mode: 'vouch_qr', response_uri: undefined },
      'malformed',
    ],
  ])(
    'Given redirect_uri: parameters with %s, when verified, then %s',
    async (_, change, reason) => {
      const verified = await verifyRequestParameters(
        { ...REDIRECT_PARAMS, ...change },
        { now: NOW, raw: 'u' },
      );
      expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
    },
  );

  it('Given an unsigned request object of a redirect_uri: client, when verified, then it is read, not verified', async () => {
    const verified = await verify(unsigned({ ...REDIRECT_PARAMS, dcql_query: DCQL }));
    expect(verified.ok && verified.value.verified).toBe(false);
  });

  it.each([
    ['a DID client', { ...PAYLOAD }, 'unsupported-alg'],
    ['another typ', { ...REDIRECT_PARAMS, dcql_query: DCQL }, 'malformed'],
  ])(
    'Given an unsigned request object of %s, when verified, then %s',
    async (name, payload, reason) => {
      const jws = unsigned(payload, name === 'another typ' ? { typ: 'JWT' } : {});
      const verified = await verify(jws);
      expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
    },
  );

  it('Given a signed request of a redirect_uri: client, when verified, then malformed (it cannot be signed)', async () => {
    const verified = await verify(await craft({ ...REDIRECT_PARAMS, dcql_query: DCQL }));
    expect(!verified.ok && verified.detail.message).toContain('cannot be signed');
  });

  it('Given a request without a name, when labelled, then the DID, or the host of a redirect URI', async () => {
    const did = await verify(await craft({ ...PAYLOAD, vouch: undefined }));
    expect(did.ok && verifierLabel(did.value)).toBe(es256.did);
    const uri = await verifyRequestParameters(REDIRECT_PARAMS, { now: NOW, raw: 'u' });
    expect(uri.ok && verifierLabel(uri.value)).toBe('peer.example');
    expect(uri.ok && verifierIdOf(uri.value)).toBe('redirect_uri:https://peer.example/post');
  });

  it.each([
    [
      'dc+sd-jwt with ES256K key binding',
      { 'dc+sd-jwt': { 'kb-jwt_alg_values': ['ES256', 'ES256K'] } },
      'ok',
    ],
    ['dc+sd-jwt with no algorithm lists', { 'dc+sd-jwt': {} }, 'ok'],
    ['only mso_mdoc', { mso_mdoc: {} }, 'unsupported'],
    [
      'dc+sd-jwt with ES256 key binding only (HAIP)',
      { 'dc+sd-jwt': { 'kb-jwt_alg_values': ['ES256'] } },
      'unsupported',
    ],
  ])('Given vp_formats_supported with %s, when verified, then %s', async (_, formats, expected) => {
    const verified = await verify(
      await craft({ ...PAYLOAD, client_metadata: { vp_formats_supported: formats } }),
    );
    expect(verified.ok ? 'ok' : verified.reason).toBe(expected);
  });
});

describe('presentation request: verifier_info (OpenID4VP 1.0 §5.1)', () => {
  const verify = (jws: string) => verifyPresentationRequest(jws, { crypto, now: NOW });

  it('Given verifier_info made by the creator, when verified, then its entries come back unchecked', async () => {
    const info = [{ format: 'jwt', data: 'a.b.c' }];
    const verified = await verify(await create({ verifierInfo: info }));
    expect(verified.ok && verified.value.verifierInfo).toEqual(info);
    const none = await verify(await create({ verifierInfo: [] }));
    expect(none.ok && none.value.verifierInfo).toBeUndefined();
  });

  it.each([
    ['not a list', { format: 'jwt', data: 'x' }],
    ['entries that are not objects', ['jwt', 7, null]],
    [
      'data that is an object (a format this wallet does not read)',
      [{ format: 'x', data: { a: 1 } }],
    ],
    ['data over 8 KiB', [{ format: 'jwt', data: 'x'.repeat(8 * 1024 + 1) }]],
    ['no format', [{ data: 'a.b.c' }]],
  ])(
    'Given verifier_info with %s, when verified, then the request is read and the entry ignored',
    async (_case, value) => {
      const verified = await verify(await craft({ ...PAYLOAD, verifier_info: value }));
      expect(verified.ok).toBe(true);
      expect(verified.ok && verified.value.verifierInfo).toBeUndefined();
    },
  );

  it('Given 6 entries, when verified, then only the first 4 are kept', async () => {
    const entries = Array.from({ length: 6 }, (_, index) => ({ format: 'jwt', data: `e${index}` }));
    const verified = await verify(await craft({ ...PAYLOAD, verifier_info: entries }));
    expect(verified.ok && verified.value.verifierInfo?.map((entry) => entry.data)).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
    ]);
  });

  it('Given the creator is asked for 5 entries or oversized data, then it throws', async () => {
    const entry = { format: 'jwt', data: 'a.b.c' };
    await expect(create({ verifierInfo: Array(5).fill(entry) })).rejects.toThrow(/at most 4/);
    await expect(
      create({ verifierInfo: [{ format: 'jwt', data: 'x'.repeat(9000) }] }),
    ).rejects.toThrow(/data/);
  });
});
