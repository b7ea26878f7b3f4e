/**
 * did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md): `did:jwk:` + base64url of the
 * UTF-8 JSON of a public JWK. Its one verification method is `#0` (§2.3).
 */
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { parsePublicJwk } from '../jose/jwk.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { DID_JWK_PREFIX } from './verification-method.ts';

export { DID_JWK_PREFIX } from './verification-method.ts';
const MAX_DID_JWK_LENGTH = 1024;

export function didJwkFromJwk(jwk: PublicJwk): Did {
  return `${DID_JWK_PREFIX}${encodeBase64Url(utf8ToBytes(JSON.stringify(jwk)))}` as Did;
}

export function jwkFromDidJwk(
  did: string,
): Result<PublicJwk, 'not-did' | 'bad-encoding' | 'unsupported-key-type', { message: string }> {
  if (typeof did !== 'string' || !did.startsWith(DID_JWK_PREFIX)) {
    return failedWith('not-did', { message: 'expected a DID starting "did:jwk:"' });
  }
  if (did.length > MAX_DID_JWK_LENGTH) {
    return failedWith('bad-encoding', {
      message: `a did:jwk is at most ${MAX_DID_JWK_LENGTH} characters, got ${did.length}`,
    });
  }
  const bytes = decodeBase64Url(did.slice(DID_JWK_PREFIX.length));
  if (!bytes.ok) return failedWith('bad-encoding', { message: `did:jwk: ${bytes.detail.message}` });
  const text = bytesToUtf8(bytes.value);
  if (!text.ok) return failedWith('bad-encoding', { message: `did:jwk: ${text.detail.message}` });
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return failedWith('bad-encoding', { message: 'did:jwk: the decoded value is not JSON' });
  }
  const jwk = parsePublicJwk(json);
  if (!jwk.ok)
    return failedWith('unsupported-key-type', { message: `did:jwk: ${jwk.detail.message}` });
  return ok(jwk.value);
}
