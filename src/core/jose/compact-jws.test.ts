import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import cases from './alg-allow-list.cases.json' with { type: 'json' };
import { decodeCompactJws, signCompactJws, verifyCompactJws } from './compact-jws.ts';
import { ALLOWED_ALGORITHMS } from './jws-algorithm.ts';
import type { JwsAlgorithm } from './jws-algorithm.ts';
import type { JwsCrypto } from './jws-crypto.ts';
import { nobleJwsCrypto } from './noble-jws-crypto.ts';
import { seededRandomBytes } from './random-bytes.fake.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('compact-jws') });

async function sampleJws(alg: JwsAlgorithm) {
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  const jws = await signCompactJws({
    header: { alg, typ: 'example+jwt' },
    payload: { hello: 'wereld', n: 1 },
    sign: (input) => crypto.sign(alg, privateJwk, input),
  });
  return { jws, publicJwk };
}

function withHeader(jws: string, header: unknown): string {
  const [, payload, signature] = jws.split('.');
  return [encodeBase64Url(utf8ToBytes(JSON.stringify(header))), payload, signature].join('.');
}

const spyCrypto = (): JwsCrypto & { calls: number } => {
  const spy = {
    calls: 0,
    generateKeyPair: crypto.generateKeyPair,
    sign: crypto.sign,
    async verify() {
      spy.calls++;
      return true;
    },
  };
  return spy;
};

describe('compact JWS', () => {
  it('Given the allow-list, then it is exactly ES256, EdDSA and ES256K', () => {
    expect([...ALLOWED_ALGORITHMS].sort()).toEqual(['ES256', 'ES256K', 'EdDSA']);
  });

  it.each(ALLOWED_ALGORITHMS)(
    'Given a JWT signed with %s, when verified with its key, then header and payload come back',
    async (alg) => {
      const { jws, publicJwk } = await sampleJws(alg);
      const result = await verifyCompactJws(jws, {
        crypto,
        key: publicJwk,
        expectedTyp: 'example+jwt',
      });
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value.payload).toEqual({ hello: 'wereld', n: 1 });
        expect(result.value.alg).toBe(alg);
      }
    },
  );

  it.each(ALLOWED_ALGORITHMS)(
    'Given a %s JWT whose payload changed by one character, when verified, then it is bad-signature',
    async (alg) => {
      const { jws, publicJwk } = await sampleJws(alg);
      const [header, payload, signature] = jws.split('.') as [string, string, string];
      const flipped = payload.slice(0, 5) + (payload[5] === 'A' ? 'B' : 'A') + payload.slice(6);
      const result = await verifyCompactJws(`${header}.${flipped}.${signature}`, {
        crypto,
        key: publicJwk,
      });
      expect(result.ok ? 'ok' : result.reason).toMatch(/bad-signature|malformed/);
    },
  );

  it('Given a JWT signed by another key, when verified, then it is bad-signature', async () => {
    const { jws } = await sampleJws('ES256');
    const other = await crypto.generateKeyPair('ES256');
    expect(await verifyCompactJws(jws, { crypto, key: other.publicJwk })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('Given an ES256 JWT and an Ed25519 key, when verified, then it is refused without verifying', async () => {
    const { jws } = await sampleJws('ES256');
    const ed = await crypto.generateKeyPair('EdDSA');
    const spy = spyCrypto();
    expect(await verifyCompactJws(jws, { crypto: spy, key: ed.publicJwk })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(spy.calls).toBe(0);
  });

  it('Given an unexpected typ, when verified, then it is wrong-typ', async () => {
    const { jws, publicJwk } = await sampleJws('EdDSA');
    expect(
      await verifyCompactJws(jws, { crypto, key: publicJwk, expectedTyp: 'statuslist+jwt' }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-typ',
    });
  });

  it.each(cases.refused)(
    'Given $name, when verified, then alg-not-allowed before any key is used',
    async ({ header }) => {
      const { jws, publicJwk } = await sampleJws('ES256');
      const spy = spyCrypto();
      const result = await verifyCompactJws(withHeader(jws, header), {
        crypto: spy,
        key: publicJwk,
      });
      expect(result).toMatchObject({ ok: false, reason: 'alg-not-allowed' });
      if (!result.ok) expect(result.detail.message).toContain('"alg"');
      expect(spy.calls).toBe(0);
    },
  );

  it.each(cases.accepted)(
    'Given $name signed with a key of its curve, when verified, then it passes as $verifiesAs',
    async ({ header, verifiesAs }) => {
      const alg = verifiesAs as JwsAlgorithm;
      const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
      const signingInput = `${encodeBase64Url(utf8ToBytes(JSON.stringify(header)))}.${encodeBase64Url(utf8ToBytes('{"a":1}'))}`;
      const signature = await crypto.sign(alg, privateJwk, utf8ToBytes(signingInput));
      const result = await verifyCompactJws(`${signingInput}.${encodeBase64Url(signature)}`, {
        crypto,
        key: publicJwk,
      });
      expect(result).toMatchObject({ ok: true, value: { alg, header, payload: { a: 1 } } });
    },
  );

  it('Given alg Ed25519 (RFC 9864) and a P-256 key, when verified, then it is refused without verifying', async () => {
    const { jws, publicJwk } = await sampleJws('ES256');
    const spy = spyCrypto();
    expect(
      await verifyCompactJws(withHeader(jws, { alg: 'Ed25519' }), { crypto: spy, key: publicJwk }),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(spy.calls).toBe(0);
  });

  it('Given a crit header, when decoded, then it is malformed (RFC 7515 §4.1.11)', async () => {
    const { jws } = await sampleJws('ES256');
    expect(
      decodeCompactJws(withHeader(jws, { alg: 'ES256', crit: ['b64'], b64: false })),
    ).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['two parts', 'eyJhbGciOiJFUzI1NiJ9.e30'],
    ['four parts', 'a.b.c.d'],
    ['padding', 'eyJhbGciOiJFUzI1NiJ9=.e30.AA'],
    ['header not JSON', `${encodeBase64Url(utf8ToBytes('{alg'))}.e30.AA`],
    ['header an array', `${encodeBase64Url(utf8ToBytes('["ES256"]'))}.e30.AA`],
    [
      'payload not an object',
      `${encodeBase64Url(utf8ToBytes('{"alg":"ES256"}'))}.${encodeBase64Url(utf8ToBytes('[1]'))}.AA`,
    ],
    ['invalid UTF-8', `${encodeBase64Url(Uint8Array.of(0xff, 0xfe))}.e30.AA`],
    ['huge', 'a'.repeat(5 * 1024 * 1024)],
    ['unicode', 'ünïcödé.💥.☃'],
  ])('Given %s, when decoded, then a Result comes back, never an exception', (_name, input) => {
    const result = decodeCompactJws(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['malformed', 'alg-not-allowed']).toContain(result.reason);
  });

  it('Given a forbidden alg in signCompactJws, then it throws (a bug, not input)', async () => {
    await expect(
      signCompactJws({ header: { alg: 'none' }, payload: {}, sign: async () => new Uint8Array() }),
    ).rejects.toThrow(/alg/);
  });
});
