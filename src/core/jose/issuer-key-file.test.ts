import { describe, expect, it } from 'vitest';
import { ALLOWED_ALGORITHMS } from './jws-algorithm.ts';
import { createIssuerKeyFile, issuerSigner, parseIssuerKeyFile } from './issuer-key-file.ts';
import { verifyCompactJws, signCompactJws } from './compact-jws.ts';
import { nobleJwsCrypto } from './noble-jws-crypto.ts';
import { seededRandomBytes } from './random-bytes.fake.ts';

const crypto = nobleJwsCrypto({ randomBytes: seededRandomBytes('issuer-key-file') });

describe('issuer key file', () => {
  it('Given no alg, when created, then it is ES256 with a did:key:zDn… DID', async () => {
    const file = await createIssuerKeyFile(crypto);
    expect(file.alg).toBe('ES256');
    expect(file.did.startsWith('did:key:zDn')).toBe(true);
    expect(Object.keys(file).sort()).toEqual(['alg', 'did', 'privateJwk', 'publicJwk']);
  });

  it.each(ALLOWED_ALGORITHMS)(
    'Given %s, when created, written as JSON, read back and used to sign, then it verifies',
    async (alg) => {
      const file = await createIssuerKeyFile(crypto, alg);
      const parsed = parseIssuerKeyFile(JSON.parse(JSON.stringify(file)));
      expect(parsed).toEqual({ ok: true, value: file });
      const jws = await signCompactJws({
        header: { alg },
        payload: { a: 1 },
        sign: issuerSigner(crypto, file),
      });
      expect((await verifyCompactJws(jws, { crypto, key: file.publicJwk })).ok).toBe(true);
    },
  );

  it('Given broken key files, when parsed, then bad-issuer-file names the member', async () => {
    const file = await createIssuerKeyFile(crypto, 'EdDSA');
    const other = await createIssuerKeyFile(crypto, 'EdDSA');
    const cases: [unknown, string][] = [
      [null, 'JSON object'],
      [{ ...file, extra: 1 }, '"extra"'],
      [{ ...file, did: undefined }, '"did" is missing'],
      [{ ...file, alg: 'HS256' }, '"alg"'],
      [{ ...file, alg: 'ES256' }, 'signs with EdDSA'],
      [{ ...file, did: other.did }, '"did" expected'],
      [{ ...file, privateJwk: other.privateJwk }, 'different keys'],
      [{ ...file, privateJwk: { ...file.privateJwk, d: other.privateJwk.d } }, 'does not belong'],
      [{ ...file, publicJwk: { kty: 'RSA' } }, '"publicJwk"'],
    ];
    for (const [input, message] of cases) {
      const result = parseIssuerKeyFile(input);
      expect(result).toMatchObject({ ok: false, reason: 'bad-issuer-file' });
      if (!result.ok) expect(result.detail.message).toContain(message);
    }
  });
});
