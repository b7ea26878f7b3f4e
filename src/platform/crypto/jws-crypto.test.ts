import { describe, expect, it } from 'vitest';
import {
  ALLOWED_ALGORITHMS,
  nobleJwsCrypto,
  parsePrivateJwk,
  parsePublicJwk,
  type PrivateJwk,
} from '../../core/jose/index.ts';
import { seededRandomBytes } from '../../core/jose/random-bytes.fake.ts';
import { p256 } from '@noble/curves/nist.js';
import { decodeBase64Url, encodeBase64Url, utf8ToBytes } from '../../core/encoding/index.ts';
import { webJwsCrypto } from './jws-crypto.ts';

const web = webJwsCrypto();
const noble = nobleJwsCrypto({ randomBytes: seededRandomBytes('jws-crypto') });
const DATA = utf8ToBytes('eyJhbGciOiJFUzI1NiJ9.eyJoZWxsbyI6IndlcmVsZCJ9');

describe('webJwsCrypto (WebCrypto ES256 and EdDSA, noble ES256K)', () => {
  it.each(ALLOWED_ALGORITHMS)(
    'Given a %s key pair from WebCrypto, then the JWKs are well-formed and signatures cross-verify with noble',
    async (alg) => {
      const { publicJwk, privateJwk } = await web.generateKeyPair(alg);
      expect(parsePublicJwk(publicJwk).ok).toBe(true);
      expect(parsePrivateJwk(privateJwk).ok).toBe(true);
      const signature = await web.sign(alg, privateJwk, DATA);
      expect(signature).toHaveLength(64);
      expect(await web.verify(alg, publicJwk, DATA, signature)).toBe(true);
      expect(await noble.verify(alg, publicJwk, DATA, signature)).toBe(true);
      const nobleSignature = await noble.sign(alg, privateJwk, DATA);
      expect(await web.verify(alg, publicJwk, DATA, nobleSignature)).toBe(true);
    },
  );

  it.each(ALLOWED_ALGORITHMS)(
    'Given a %s signature over other data or by another key, then verify is false, never a throw',
    async (alg) => {
      const a = await web.generateKeyPair(alg);
      const b = await web.generateKeyPair(alg);
      const signature = await web.sign(alg, a.privateJwk, DATA);
      expect(await web.verify(alg, a.publicJwk, utf8ToBytes('other'), signature)).toBe(false);
      expect(await web.verify(alg, b.publicJwk, DATA, signature)).toBe(false);
      expect(await web.verify(alg, a.publicJwk, DATA, signature.subarray(0, 63))).toBe(false);
      expect(await web.verify(alg, a.publicJwk, DATA, new Uint8Array(64))).toBe(false);
    },
  );

  it('Given an alg that does not fit the key, then verify is false and sign throws', async () => {
    const ec = await web.generateKeyPair('ES256');
    const signature = await web.sign('ES256', ec.privateJwk, DATA);
    expect(await web.verify('EdDSA', ec.publicJwk, DATA, signature)).toBe(false);
    expect(await web.verify('ES256K', ec.publicJwk, DATA, signature)).toBe(false);
    await expect(web.sign('EdDSA', ec.privateJwk, DATA)).rejects.toThrow();
  });

  it('Given many signatures with one key, then the key is imported once (cached) and non-extractable', async () => {
    const { spyCrypto, calls } = importSpy();
    const cached = webJwsCrypto({ crypto: spyCrypto });
    const { publicJwk, privateJwk } = await cached.generateKeyPair('EdDSA');
    for (let i = 0; i < 5; i++) {
      const signature = await cached.sign('EdDSA', privateJwk, DATA);
      expect(await cached.verify('EdDSA', publicJwk, DATA, signature)).toBe(true);
    }
    expect(calls).toEqual([
      { extractable: false, usages: ['sign'] },
      { extractable: false, usages: ['verify'] },
    ]);
  });

  it.each(['ES256', 'EdDSA'] as const)(
    'Given a %s key that has signed once, when a caller brings the right public half with another d, then its signature does not verify as the issuer',
    async (alg) => {
      const issuer = await web.generateKeyPair(alg);
      const intruder = await web.generateKeyPair(alg);
      expect(
        await web.verify(alg, issuer.publicJwk, DATA, await web.sign(alg, issuer.privateJwk, DATA)),
      ).toBe(true);
      const forged = { ...issuer.privateJwk, d: intruder.privateJwk.d } as PrivateJwk;
      // WebCrypto may refuse a d that does not fit x (and y); if it signs, it signs as the intruder.
      const signature = await web.sign(alg, forged, DATA).catch(() => undefined);
      if (signature !== undefined) {
        expect(await web.verify(alg, issuer.publicJwk, DATA, signature)).toBe(false);
      }
      // And the real key still signs.
      expect(
        await web.verify(alg, issuer.publicJwk, DATA, await web.sign(alg, issuer.privateJwk, DATA)),
      ).toBe(true);
    },
  );

  it("Given a cached P-256 verification key, when a key with the same x and the other y (the negated point) verifies, then it is another key: the first key's signature does not verify under it", async () => {
    const { publicJwk, privateJwk } = await web.generateKeyPair('ES256');
    const signature = await web.sign('ES256', privateJwk, DATA);
    expect(await web.verify('ES256', publicJwk, DATA, signature)).toBe(true);
    if (publicJwk.kty !== 'EC') throw new Error('expected an EC key');
    const [x, y] = [decodeBase64Url(publicJwk.x), decodeBase64Url(publicJwk.y)];
    if (!x.ok || !y.ok) throw new Error('bad coordinates');
    const point = p256.Point.fromBytes(Uint8Array.of(4, ...x.value, ...y.value));
    const negated = point.negate().toBytes(false);
    const other = { ...publicJwk, y: encodeBase64Url(negated.subarray(33)) };
    expect(parsePublicJwk(other).ok).toBe(true);
    expect(await web.verify('ES256', other, DATA, signature)).toBe(false);
    expect(await web.verify('ES256', publicJwk, DATA, signature)).toBe(true);
  });

  it('Given a verification key imported before, when verify is called, then WebCrypto has the signature before the call returns (no turn spent on the cache)', async () => {
    const { spyCrypto, verifies } = importSpy();
    const desk = webJwsCrypto({ crypto: spyCrypto });
    const { publicJwk, privateJwk } = await desk.generateKeyPair('ES256');
    const signature = await desk.sign('ES256', privateJwk, DATA);
    expect(await desk.verify('ES256', publicJwk, DATA, signature)).toBe(true);
    const before = verifies.count;
    const pending = desk.verify('ES256', publicJwk, DATA, signature);
    expect(verifies.count).toBe(before + 1);
    expect(await pending).toBe(true);
  });

  it('Given a signing key in the cache, when the wallet or desk locks (forgetSigningKeys), then the next signature imports the key again and verification keys stay', async () => {
    const { spyCrypto, calls } = importSpy();
    const session = webJwsCrypto({ crypto: spyCrypto });
    const { publicJwk, privateJwk } = await session.generateKeyPair('ES256');
    const first = await session.sign('ES256', privateJwk, DATA);
    expect(await session.verify('ES256', publicJwk, DATA, first)).toBe(true);
    session.forgetSigningKeys();
    await session.sign('ES256', privateJwk, DATA);
    expect(await session.verify('ES256', publicJwk, DATA, first)).toBe(true);
    expect(calls.map((call) => call.usages[0])).toEqual(['sign', 'verify', 'sign']);
  });
});

/** A Crypto whose subtle.importKey records each call's extractability and usages. */
function importSpy(): {
  spyCrypto: Crypto;
  calls: { extractable: boolean; usages: string[] }[];
  verifies: { count: number };
} {
  const calls: { extractable: boolean; usages: string[] }[] = [];
  const verifies = { count: 0 };
  const subtle = globalThis.crypto.subtle;
  const spyCrypto = {
    getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto),
    subtle: new Proxy(subtle, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property === 'importKey') {
          return (...args: Parameters<SubtleCrypto['importKey']>) => {
            calls.push({ extractable: args[3], usages: [...args[4]] });
            return target.importKey(...args);
          };
        }
        if (property === 'verify') {
          return (...args: Parameters<SubtleCrypto['verify']>) => {
            verifies.count += 1;
            return target.verify(...args);
          };
        }
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    }),
  } as unknown as Crypto;
  return { spyCrypto, calls, verifies };
}
