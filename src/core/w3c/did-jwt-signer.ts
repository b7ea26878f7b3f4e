/**
 * Our signers (`{ did, alg, sign }`, where `sign` returns the raw JWS signature bytes, RFC 7518
 * §3.4 r || s or the Ed25519 signature) as did-jwt `Signer`s. did-jwt passes the JWS signing input
 * as a string and takes back the base64url signature as is, for ES256, ES256K and EdDSA alike.
 */
import type { Signer } from 'did-jwt';
import { encodeBase64Url } from '../encoding/base64url.ts';
import { utf8ToBytes } from '../encoding/utf8.ts';
import type { JwsSign } from '../jose/jws-crypto.ts';

export function didJwtSigner(sign: JwsSign): Signer {
  return async (data: string | Uint8Array) =>
    encodeBase64Url(await sign(typeof data === 'string' ? utf8ToBytes(data) : data));
}
