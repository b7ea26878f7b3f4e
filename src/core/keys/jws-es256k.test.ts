import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { es256kSigner, es256kVerifier } from './es256k.ts';
import { signJwsEs256k, verifyJwsEs256k } from './jws-es256k.ts';

const PRIVATE_KEY = hexToBytes('f0f4df55a2b3ff13051ea814a8f24ad00f2e469af73c363ac7e9fb999a9072ed');
const verifier = es256kVerifier(secp256k1.getPublicKey(PRIVATE_KEY, true));

async function sampleJws(): Promise<string> {
  return signJwsEs256k({
    signer: es256kSigner(PRIVATE_KEY),
    header: { typ: 'JWT', alg: 'none' },
    payload: { nonce: 'n-0S6_WzA2Mj' },
  });
}

function withHeader(jws: string, header: object): string {
  const [, payload, signature] = jws.split('.');
  return [encodeBase64Url(utf8ToBytes(JSON.stringify(header))), payload, signature].join('.');
}

describe('compact JWS with ES256K', () => {
  it('Given a payload, when signed and verified, then header and payload come back and alg is forced to ES256K', async () => {
    const jws = await sampleJws();
    const result = await verifyJwsEs256k(jws, verifier);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.header).toEqual({ typ: 'JWT', alg: 'ES256K' });
    const payload = bytesToUtf8(result.value.payload);
    expect(payload.ok && JSON.parse(payload.value)).toEqual({ nonce: 'n-0S6_WzA2Mj' });
  });

  it('Given a JWS whose payload was changed, when verified, then the signature fails', async () => {
    const [header, , signature] = (await sampleJws()).split('.');
    const forged = [header, encodeBase64Url(utf8ToBytes('{"nonce":"other"}')), signature].join('.');
    expect(await verifyJwsEs256k(forged, verifier)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it.each([
    [{ alg: 'none' }, 'wrong-alg'],
    [{ alg: 'HS256' }, 'wrong-alg'],
    [{ alg: 'ES256' }, 'wrong-alg'],
    [{}, 'wrong-alg'],
    [{ alg: 'ES256K', crit: ['b64'] }, 'bad-jws'],
  ])(
    'Given header %j, when verified, then it is refused before the key is used (%s)',
    async (header, reason) => {
      let called = false;
      const spy = async () => ((called = true), true);
      expect(await verifyJwsEs256k(withHeader(await sampleJws(), header), spy)).toMatchObject({
        ok: false,
        reason,
      });
      expect(called).toBe(false);
    },
  );

  it('Given malformed compact serialisations, when verified, then they are refused as bad-jws or bad-signature', async () => {
    const jws = await sampleJws();
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const shortSignature = encodeBase64Url(
      (decodeBase64Url(signature) as { value: Uint8Array }).value.subarray(0, 63),
    );
    expect(await verifyJwsEs256k(`${header}.${payload}`, verifier)).toMatchObject({
      reason: 'bad-jws',
    });
    expect(await verifyJwsEs256k(`${jws}.x`, verifier)).toMatchObject({ reason: 'bad-jws' });
    expect(await verifyJwsEs256k(`${header}=.${payload}.${signature}`, verifier)).toMatchObject({
      reason: 'bad-jws',
    });
    expect(
      await verifyJwsEs256k(
        `${encodeBase64Url(utf8ToBytes('[1]'))}.${payload}.${signature}`,
        verifier,
      ),
    ).toMatchObject({ reason: 'bad-jws' });
    expect(await verifyJwsEs256k(`${header}.${payload}.${shortSignature}`, verifier)).toMatchObject(
      { reason: 'bad-signature' },
    );
  });
});
