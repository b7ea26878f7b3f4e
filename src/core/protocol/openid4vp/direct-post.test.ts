import { CompactEncrypt, decodeProtectedHeader, generateKeyPair, exportJWK, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { utf8ToBytes } from '../../encoding/utf8.ts';
import type { ResponseEncryption } from '../request.ts';
import type { PresentationResponse } from '../response.ts';
import {
  decryptPresentationResponse,
  encodeDirectPostBody,
  encryptPresentationResponse,
  generateResponseEncryptionKey,
  MAX_DIRECT_POST_BODY_LENGTH,
  readDirectPostBody,
  submitErrorResponse,
  submitPresentationResponse,
} from './direct-post.ts';
import type { FetchLike, HttpRequestInit } from './http.ts';

// The OpenID4VP 1.0 §8.3 example key and encrypted response (the spec's own test vector).
const SPEC_KEY = {
  kty: 'EC' as const,
  crv: 'P-256' as const,
  kid: 'ac',
  x: 'YO4epjifD-KWeq1sL2tNmm36BhXnkJ0He-WqMYrp9Fk',
  y: 'Hekpm0zfK7C-YccH5iBjcIXgf6YdUvNUac_0At55Okk',
  d: 'Et-3ce0omz8_TuZ96Df9lp0GAaaDoUnDe6X-CRO7Aww',
};
const SPEC_JWE =
  'eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTEyOEdDTSIsImtpZCI6ImFjIiwiZXBrIjp7Imt0eSI6IkVDIiwieCI6Im5ubVZwbTNWM2piaGNhZlFhUkJrU1ZOSGx3Wkh3dC05ck9wSnVmeVlJdWsiLCJ5IjoicjRmakRxd0p5czlxVU9QLV9iM21SNVNaRy0tQ3dPMm1pYzVWU05UWU45ZyIsImNydiI6IlAtMjU2In19..uAYcHRUSSn2X0WPX.yVzlGSYG4qbg0bq18JcUiDRw56yVnbKR8E7S7YlEtzT00RqE3Pw5oTpUG3hdLN4taHZ9gC1kwak8JOnJgQ.1wR024_3-qtAlx1oFIUpQQ';

const PRESENTATION =
  'eyJhbGciOiJFUzI1NiJ9.eyJ2Y3QiOiJ4In0.c2ln~WyJzIiwicCIsIjEiXQ~eyJ0eXAiOiJrYitqd3QifQ.e30.c2ln';
const RESPONSE: PresentationResponse = {
  vpToken: { income: [PRESENTATION] },
  state: 's-1',
  declared: { household: 'single', adults: 1 },
};
const { x, y, kid } = SPEC_KEY;
const ENCRYPTION: ResponseEncryption = {
  jwk: { kty: 'EC', crv: 'P-256', x, y, kid },
  alg: 'ECDH-ES',
  enc: 'A128GCM',
};

describe('direct_post body', () => {
  it('Given a response, when encoded, then vp_token is the JSON object, state and vouch follow, form-encoded', () => {
    const body = encodeDirectPostBody(RESPONSE);
    const params = new URLSearchParams(body);
    expect([...params.keys()]).toEqual(['vp_token', 'state', 'vouch']);
    expect(JSON.parse(params.get('vp_token') ?? '')).toEqual({ income: [PRESENTATION] });
    expect(params.get('state')).toBe('s-1');
    expect(JSON.parse(params.get('vouch') ?? '')).toEqual({ declared: RESPONSE.declared });
  });

  it('Given the encoded body, when read at the Response URI, then the same response comes back', () => {
    expect(readDirectPostBody(encodeDirectPostBody(RESPONSE))).toEqual({
      ok: true,
      value: { kind: 'response', response: RESPONSE },
    });
  });

  it('Given a body with parameters a peer adds (presentation_submission, iss), when read, then they are ignored', () => {
    const body = `${encodeDirectPostBody({ vpToken: RESPONSE.vpToken })}&iss=https%3A%2F%2Fw.example&id_token_hint=x`;
    const read = readDirectPostBody(body);
    expect(read.ok && read.value).toEqual({
      kind: 'response',
      response: { vpToken: RESPONSE.vpToken },
    });
  });

  it('Given an error response, when read, then error, description and state come back', () => {
    const read = readDirectPostBody('error=access_denied&error_description=no+thanks&state=s-1');
    expect(read.ok && read.value).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'no thanks',
      state: 's-1',
    });
  });

  it.each([
    ['no vp_token', 'state=s-1', 'vp_token'],
    ['vp_token that is not JSON', 'vp_token=%7Bincome', 'not JSON'],
    ['the pre-1.0 string vp_token', `vp_token=${PRESENTATION}`, 'vp_token'],
    [
      'a query id that is no DCQL id',
      `vp_token=${encodeURIComponent('{"in come":["a.b.c"]}')}`,
      'DCQL',
    ],
    ['an empty presentation list', `vp_token=${encodeURIComponent('{"income":[]}')}`, 'income'],
    [
      'a presentation that is not SD-JWT text',
      `vp_token=${encodeURIComponent('{"income":[{"a":1}]}')}`,
      'SD-JWT',
    ],
    ['vp_token twice', 'vp_token=%7B%7D&vp_token=%7B%7D', 'twice'],
    ['broken percent-encoding', 'vp_token=%E0%A4%A', 'form-encoded'],
    [
      'a declared object value',
      `vp_token=${encodeURIComponent('{"income":["a.b.c"]}')}&vouch=${encodeURIComponent('{"declared":{"x":{}}}')}`,
      'declared',
    ],
    ['a response that is not a JWE', 'response=eyJhbGciOiJFUzI1NiJ9.e30.c2ln', 'JWE'],
    ['an error code with a quote', 'error=a%22b', '"error"'],
    ['over the cap', `vp_token=${'a'.repeat(MAX_DIRECT_POST_BODY_LENGTH)}`, 'at most'],
  ])('Given %s, when read, then malformed naming it', (_, body, text) => {
    const read = readDirectPostBody(body);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.detail.message).toContain(text);
  });
});

describe('direct_post.jwt', () => {
  it('Given the OpenID4VP 1.0 §8.3 example, when decrypted with its key, then the vp_token comes back', async () => {
    const opened = await decryptPresentationResponse(SPEC_JWE, SPEC_KEY);
    expect(opened).toEqual({
      ok: true,
      value: { vpToken: { example_credential_id: ['eyJhb...YMetA'] } },
    });
  });

  it.each(['A128GCM', 'A256GCM'] as const)(
    'Given a response encrypted with %s, when decrypted, then it is the response, and the header names the key',
    async (enc) => {
      const jwe = await encryptPresentationResponse(RESPONSE, { ...ENCRYPTION, enc });
      expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'ECDH-ES', enc, kid: 'ac' });
      expect(await decryptPresentationResponse(jwe, SPEC_KEY)).toEqual({
        ok: true,
        value: RESPONSE,
      });
      const body = readDirectPostBody(`response=${jwe}`);
      expect(body.ok && body.value).toEqual({ kind: 'encrypted', jwe });
    },
  );

  it('Given another verifier key, when decrypting, then undecryptable', async () => {
    const other = await generateResponseEncryptionKey('k2');
    const jwe = await encryptPresentationResponse(RESPONSE, ENCRYPTION);
    const opened = await decryptPresentationResponse(jwe, other.privateJwk);
    expect(opened.ok ? 'ok' : opened.reason).toBe('undecryptable');
  });

  it('Given a tampered ciphertext, when decrypting, then undecryptable', async () => {
    const parts = (await encryptPresentationResponse(RESPONSE, ENCRYPTION)).split('.');
    parts[3] = `${parts[3]?.startsWith('A') ? 'B' : 'A'}${parts[3]?.slice(1)}`;
    const opened = await decryptPresentationResponse(parts.join('.'), SPEC_KEY);
    expect(opened.ok ? 'ok' : opened.reason).toBe('undecryptable');
  });

  it('Given a JWE with A128CBC-HS256 or key wrapping, when decrypting, then undecryptable (not allowed)', async () => {
    const key = await importJWK({ kty: 'EC', crv: 'P-256', x, y }, 'ECDH-ES+A128KW');
    const payload = utf8ToBytes(JSON.stringify({ vp_token: RESPONSE.vpToken }));
    const cbc = await new CompactEncrypt(payload)
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128CBC-HS256' })
      .encrypt(await importJWK({ kty: 'EC', crv: 'P-256', x, y }, 'ECDH-ES'));
    const wrapped = await new CompactEncrypt(payload)
      .setProtectedHeader({ alg: 'ECDH-ES+A128KW', enc: 'A128GCM' })
      .encrypt(key);
    for (const jwe of [cbc, wrapped]) {
      const opened = await decryptPresentationResponse(jwe, SPEC_KEY);
      expect(opened.ok ? 'ok' : opened.reason).toBe('undecryptable');
    }
  });

  it('Given a JWE whose payload is no response, when decrypting, then malformed', async () => {
    const jwe = await new CompactEncrypt(utf8ToBytes('{"vp_token":"a.b.c"}'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM' })
      .encrypt(await importJWK({ kty: 'EC', crv: 'P-256', x, y }, 'ECDH-ES'));
    const opened = await decryptPresentationResponse(jwe, SPEC_KEY);
    expect(opened.ok ? 'ok' : opened.reason).toBe('malformed');
  });

  it.each([
    ['a number', 42],
    ['four parts', 'a.b.c.d'],
    ['a JWS', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln'],
  ])('Given %s, when decrypting, then malformed, never a throw', async (_, jwe) => {
    const opened = await decryptPresentationResponse(jwe as string, SPEC_KEY);
    expect(opened.ok ? 'ok' : opened.reason).toBe('malformed');
  });

  it('Given a generated key, when its public half encrypts, then the private half decrypts', async () => {
    const { publicJwk, privateJwk } = await generateResponseEncryptionKey('eph-1');
    expect(publicJwk).not.toHaveProperty('d');
    const jwe = await encryptPresentationResponse(RESPONSE, {
      jwk: publicJwk,
      alg: 'ECDH-ES',
      enc: 'A128GCM',
    });
    expect(await decryptPresentationResponse(jwe, privateJwk)).toEqual({
      ok: true,
      value: RESPONSE,
    });
    const peer = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    expect((await exportJWK(peer.publicKey)).crv).toBe('P-256');
  });
});

describe('submitting to response_uri', () => {
  function responseUri(answer: () => Response) {
    const sent: { url: string; init: HttpRequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      sent.push({ url, init });
      return answer();
    };
    return { fetch, sent };
  }
  const DIRECT = {
    responseMode: 'direct_post' as const,
    responseUri: 'https://v.example/responses/1',
  };

  it('Given direct_post, when submitted, then the form is POSTed without following redirects and the redirect_uri comes back', async () => {
    const { fetch, sent } = responseUri(() =>
      Response.json({ redirect_uri: 'https://v.example/done#response_code=abc' }),
    );
    const submitted = await submitPresentationResponse(DIRECT, RESPONSE, { fetch });
    expect(submitted).toEqual({
      ok: true,
      value: { redirectUri: 'https://v.example/done#response_code=abc' },
    });
    expect(sent).toEqual([
      {
        url: 'https://v.example/responses/1',
        init: {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: encodeDirectPostBody(RESPONSE),
          redirect: 'error',
        },
      },
    ]);
  });

  it('Given direct_post.jwt, when submitted, then the body is response=<JWE> the verifier opens', async () => {
    const { fetch, sent } = responseUri(() => Response.json({}));
    const submitted = await submitPresentationResponse(
      { ...DIRECT, responseMode: 'direct_post.jwt', encryption: ENCRYPTION },
      RESPONSE,
      { fetch },
    );
    expect(submitted).toEqual({ ok: true, value: {} });
    const body = readDirectPostBody(sent[0]?.init.body ?? '');
    expect(body.ok && body.value.kind).toBe('encrypted');
    if (body.ok && body.value.kind === 'encrypted') {
      expect(await decryptPresentationResponse(body.value.jwe, SPEC_KEY)).toEqual({
        ok: true,
        value: RESPONSE,
      });
    }
  });

  it('Given a receipt half, when submitted, then vouch_receipt rides beside the response and the answer’s vouch_receipt comes back', async () => {
    const { fetch, sent } = responseUri(() => Response.json({ vouch_receipt: { v: 1 } }));
    const submitted = await submitPresentationResponse(DIRECT, RESPONSE, {
      fetch,
      vouchReceipt: '{"half":1}',
    });
    expect(submitted).toEqual({ ok: true, value: { vouchReceipt: { v: 1 } } });
    const body = sent[0]?.init.body ?? '';
    expect(body).toBe(`${encodeDirectPostBody(RESPONSE)}&vouch_receipt=%7B%22half%22%3A1%7D`);
    // A verifier that does not know the parameter reads the same response.
    const read = readDirectPostBody(body);
    expect(read.ok && read.value.kind === 'response' && read.value.response).toEqual(RESPONSE);
  });

  it.each([
    ['a javascript: redirect_uri', () => Response.json({ redirect_uri: 'javascript:alert(1)' })],
    [
      'an http redirect_uri to another machine',
      () => Response.json({ redirect_uri: 'http://v.example/x' }),
    ],
    ['a 200 that is not JSON', () => new Response('thanks')],
    ['an empty 200', () => new Response(null)],
  ])('Given %s, when submitted, then delivered without a redirect', async (_, answer) => {
    const { fetch } = responseUri(answer);
    expect(await submitPresentationResponse(DIRECT, RESPONSE, { fetch })).toEqual({
      ok: true,
      value: {},
    });
  });

  it('Given an error status, when submitted, then rejected with the status and the OAuth error', async () => {
    const { fetch } = responseUri(() =>
      Response.json({ error: 'invalid_request' }, { status: 400 }),
    );
    const submitted = await submitPresentationResponse(DIRECT, RESPONSE, { fetch });
    expect(!submitted.ok && submitted.detail).toMatchObject({
      status: 400,
      error: 'invalid_request',
    });
  });

  it('Given the network fails, when submitted, then unreachable without the URI in the message', async () => {
    const fetch: FetchLike = () => Promise.reject(new Error('ECONNREFUSED'));
    const submitted = await submitPresentationResponse(DIRECT, RESPONSE, { fetch });
    expect(submitted.ok ? 'ok' : submitted.reason).toBe('unreachable');
    expect(!submitted.ok && submitted.detail.message).not.toContain('v.example');
  });

  it.each(['vouch_qr', 'fragment'] as const)(
    'Given a %s request, when submitted, then not-direct-post',
    async (mode) => {
      const fetch: FetchLike = () => Promise.reject(new Error('must not be called'));
      const submitted = await submitPresentationResponse({ responseMode: mode }, RESPONSE, {
        fetch,
      });
      expect(submitted.ok ? 'ok' : submitted.reason).toBe('not-direct-post');
    },
  );
});

describe('telling the verifier no answer will come', () => {
  it('Given the citizen declines a direct_post request, when the error is sent, then the verifier reads access_denied with its state', async () => {
    const bodies: string[] = [];
    const fetch: FetchLike = async (_url, init) => {
      bodies.push(init.body ?? '');
      return Response.json({});
    };
    const sent = await submitErrorResponse(
      { responseMode: 'direct_post.jwt', responseUri: 'https://v.example/r', state: 's-1' },
      'access_denied',
      { fetch },
      'the citizen declined',
    );
    expect(sent).toEqual({ ok: true, value: {} });
    expect(readDirectPostBody(bodies[0] ?? '')).toEqual({
      ok: true,
      value: {
        kind: 'error',
        error: 'access_denied',
        description: 'the citizen declined',
        state: 's-1',
      },
    });
  });

  it('Given a vouch_qr request, when an error is sent, then not-direct-post and nothing leaves', async () => {
    const fetch: FetchLike = () => Promise.reject(new Error('must not be called'));
    const sent = await submitErrorResponse({ responseMode: 'vouch_qr' }, 'access_denied', {
      fetch,
    });
    expect(sent.ok ? 'ok' : sent.reason).toBe('not-direct-post');
  });
});
