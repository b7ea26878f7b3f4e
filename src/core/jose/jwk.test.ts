import { describe, expect, it } from 'vitest';
import { decodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import { signCompactJws, verifyCompactJws } from './compact-jws.ts';
import { derivePublicJwk, parsePrivateJwk, parsePublicJwk, publicJwkThumbprint } from './jwk.ts';
import { nobleJwsCrypto } from './noble-jws-crypto.ts';
import { seededRandomBytes } from './random-bytes.fake.ts';

// RFC 8037 Appendix A.1–A.3: the Ed25519 key and its RFC 7638 thumbprint.
const RFC8037_PRIVATE = {
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
} as const;
const RFC8037_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';
// RFC 8037 Appendix A.4: JWS over "Example of Ed25519 signing" with header {"alg":"EdDSA"}.
const RFC8037_JWS =
  'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('jwk') });

describe('JWKs', () => {
  it('Given the RFC 8037 Ed25519 key, then its thumbprint is the RFC value and d derives x', () => {
    const parsed = parsePrivateJwk(RFC8037_PRIVATE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(publicJwkThumbprint(parsed.value)).toBe(RFC8037_THUMBPRINT);
    expect(derivePublicJwk(parsed.value)).toEqual({
      ok: true,
      value: { kty: 'OKP', crv: 'Ed25519', x: RFC8037_PRIVATE.x },
    });
  });

  it('Given the RFC 8037 A.4 JWS, when signed again and verified, then both match the RFC', async () => {
    const jws = await signCompactJws({
      header: { alg: 'EdDSA' },
      payload: utf8ToBytes('Example of Ed25519 signing'),
      sign: (input) => crypto.sign('EdDSA', RFC8037_PRIVATE, input),
    });
    expect(jws).toBe(RFC8037_JWS);
    const key = { kty: 'OKP', crv: 'Ed25519', x: RFC8037_PRIVATE.x } as const;
    // verifyCompactJws needs a JSON payload; the RFC payload is text, so check the signature directly.
    const [h, p, s] = RFC8037_JWS.split('.') as [string, string, string];
    const sig = decodeBase64Url(s);
    expect(sig.ok && (await crypto.verify('EdDSA', key, utf8ToBytes(`${h}.${p}`), sig.value))).toBe(
      true,
    );
    expect((await verifyCompactJws(RFC8037_JWS, { crypto, key })).ok).toBe(false); // text payload: not a JWT
  });

  it.each([
    ['null', null, 'expected a JWK object'],
    ['an array', [], 'expected a JWK object'],
    ['RSA', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, '"kty"'],
    ['oct (a shared secret)', { kty: 'oct', k: 'c2VjcmV0' }, '"kty"'],
    ['P-384', { kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }, '"crv"'],
    [
      'X25519',
      { kty: 'OKP', crv: 'X25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      '"crv"',
    ],
    ['short x', { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, 'expected 32 bytes'],
    ['x a number', { kty: 'OKP', crv: 'Ed25519', x: 5 }, 'base64url string'],
    ['padded x', { kty: 'OKP', crv: 'Ed25519', x: `${RFC8037_PRIVATE.x}=` }, 'base64url'],
    ['a private key', RFC8037_PRIVATE, 'private member "d"'],
    [
      'a point not on P-256',
      {
        kty: 'EC',
        crv: 'P-256',
        x: 'igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns',
        y: 'igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns',
      },
      'not a point on P-256',
    ],
  ])(
    'Given %s, when parsed as a public JWK, then bad-jwk naming the problem',
    (_name, input, message) => {
      const result = parsePublicJwk(input);
      expect(result).toMatchObject({ ok: false, reason: 'bad-jwk' });
      if (!result.ok) expect(result.detail.message).toContain(message);
    },
  );

  it('Given a JWK with extra members, when parsed, then only kty, crv, x, y are kept', () => {
    const result = parsePublicJwk({
      kty: 'OKP',
      crv: 'Ed25519',
      x: RFC8037_PRIVATE.x,
      kid: 'k',
      use: 'sig',
      alg: 'EdDSA',
    });
    expect(result).toEqual({
      ok: true,
      value: { kty: 'OKP', crv: 'Ed25519', x: RFC8037_PRIVATE.x },
    });
  });
});
