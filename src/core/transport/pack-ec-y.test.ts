// Codec 2's EC "y" (tags 16/17): the packer checks y by the curve equation instead of taking a
// square root. These pin down that it still packs exactly the y that decompression gives back,
// and nothing else.
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToHex } from '../encoding/hex.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { CODEC_STRUCTURAL_V1, compressBody, decompressBody } from './codec.ts';
import { packStructure } from './structural-pack.ts';
import { Xoshiro256 } from './xoshiro256.ts';

const rng = Xoshiro256.fromSeed(utf8ToBytes('ec y'));
const randomBytes = (n: number) => rng.nextData(n);
const b64 = (text: string) => encodeBase64Url(utf8ToBytes(text));
const toBytes32 = (n: bigint) =>
  Uint8Array.from(n.toString(16).padStart(64, '0').match(/../g) as string[], (h) =>
    parseInt(h, 16),
  );

/** A JWS whose payload carries `jwk` as cnf.jwk: what an offer's credential has. */
function jwsWith(jwk: Record<string, string>): Uint8Array {
  const payload = JSON.stringify({ iss: 'did:example:issuer', cnf: { jwk } });
  return utf8ToBytes(
    `${b64('{"alg":"ES256","typ":"dc+sd-jwt"}')}.${b64(payload)}.${encodeBase64Url(randomBytes(64))}`,
  );
}

const CURVES = [
  ['P-256', p256],
  ['secp256k1', secp256k1],
] as const;

describe.each(CURVES)('codec 2, an EC key on %s', (crv, curve) => {
  const P = curve.Point.Fp.ORDER;
  const key = () => {
    const point = curve.Point.BASE.multiply(
      BigInt(`0x${bytesToHex(randomBytes(31))}`) + 1n,
    ).toAffine();
    return { x: point.x, y: point.y };
  };
  const jwk = (x: bigint, y: Uint8Array | bigint) => ({
    kty: 'EC',
    crv,
    x: encodeBase64Url(toBytes32(x)),
    y: encodeBase64Url(typeof y === 'bigint' ? toBytes32(y) : y),
  });

  it('Given keys with either root as y, when packed, then y costs one byte and comes back exactly', () => {
    for (let i = 0; i < 12; i++) {
      const { x, y } = key();
      for (const root of [y, P - y]) {
        const payload = jwsWith(jwk(x, root));
        const packed = packStructure(payload) as Uint8Array;
        // the same JWS with a y off the curve keeps y's 32 bytes (and a length)
        const offCurve = packStructure(jwsWith(jwk(x, root ^ 1n))) as Uint8Array;
        expect(offCurve.length - packed.length).toBe(33);
        const { codec, body } = compressBody(payload);
        expect(codec).toBe(CODEC_STRUCTURAL_V1);
        expect(decompressBody(codec, body)).toEqual({ ok: true, value: payload });
      }
    }
  });

  it('Given a y that is not on the curve, when packed, then it is kept as bytes and comes back exactly', () => {
    const { x, y } = key();
    const good = jwsWith(jwk(x, y));
    const bad = jwsWith(jwk(x, y ^ 1n));
    const packedGood = packStructure(good) as Uint8Array;
    const packedBad = packStructure(bad) as Uint8Array;
    expect(packedBad.length).toBeGreaterThan(packedGood.length + 30);
    const { codec, body } = compressBody(bad);
    expect(decompressBody(codec, body)).toEqual({ ok: true, value: bad });
  });

  it('Given a body packed earlier, when decoded after other keys were packed, then y is recomputed the same', () => {
    const { x, y } = key();
    const first = jwsWith(jwk(x, y));
    const { codec, body } = compressBody(first);
    for (let i = 0; i < 3; i++) compressBody(jwsWith(jwk(key().x, key().y)));
    expect(decompressBody(codec, body)).toEqual({ ok: true, value: first });
  });
});
