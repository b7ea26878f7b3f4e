/**
 * The issuer's key file: the CLI's issuer.json, and what the desk stores (encrypted).
 * Exactly these members: { did, alg, publicJwk, privateJwk }. The DID is the did:key of the public
 * key, so a verifier needs nothing but the credential to find the key.
 */
import type { Did } from '../brand.ts';
import { shortValue } from './compact-jws.ts';
import { algorithmForJwk, isAllowedAlgorithm } from './jws-algorithm.ts';
import type { JwsAlgorithm } from './jws-algorithm.ts';
import type { JwsCrypto, JwsSign } from './jws-crypto.ts';
import { derivePublicJwk, parsePrivateJwk, parsePublicJwk, sameJwk } from './jwk.ts';
import type { PrivateJwk, PublicJwk } from './jwk.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { didKeyFromJwk } from '../did/did-key.ts';

export interface IssuerKeyFile {
  did: Did;
  alg: JwsAlgorithm;
  publicJwk: PublicJwk;
  /** Key material: never log it; the desk stores it only encrypted. */
  privateJwk: PrivateJwk;
}

const MEMBERS = ['did', 'alg', 'publicJwk', 'privateJwk'] as const;

export async function createIssuerKeyFile(
  crypto: JwsCrypto,
  alg: JwsAlgorithm = 'ES256',
): Promise<IssuerKeyFile> {
  if (!isAllowedAlgorithm(alg))
    throw new TypeError(`createIssuerKeyFile: unsupported alg ${shortValue(alg)}`);
  const { publicJwk, privateJwk } = await crypto.generateKeyPair(alg);
  return { did: didKeyFromJwk(publicJwk), alg, publicJwk, privateJwk };
}

/**
 * The public JWK of a private one (jwk.ts's `derivePublicJwk`, noble's curves): a port, so a
 * platform with the curves built in (Node's crypto: src/platform/node/derive-public-jwk.ts) can
 * check an issuer key file without loading noble and computing its tables (about 50 ms at a CLI
 * command's start).
 */
export type DerivePublicJwk = typeof derivePublicJwk;

export function parseIssuerKeyFile(
  json: unknown,
  opts: { derivePublicJwk?: DerivePublicJwk } = {},
): Result<IssuerKeyFile, 'bad-issuer-file', { message: string }> {
  const bad = (message: string) => failedWith('bad-issuer-file', { message });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return bad('an issuer key file is a JSON object with did, alg, publicJwk and privateJwk');
  }
  const record = json as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(MEMBERS as readonly string[]).includes(key));
  if (extra.length > 0)
    return bad(`unexpected member ${shortValue(extra[0])} in the issuer key file`);
  const missing = MEMBERS.find((key) => record[key] === undefined);
  if (missing !== undefined) return bad(`"${missing}" is missing from the issuer key file`);
  const { did, alg, publicJwk, privateJwk } = record;
  if (!isAllowedAlgorithm(alg))
    return bad(`"alg" must be ES256, EdDSA or ES256K, got ${shortValue(alg)}`);
  const pub = parsePublicJwk(publicJwk);
  if (!pub.ok) return bad(`"publicJwk": ${pub.detail.message}`);
  const priv = parsePrivateJwk(privateJwk);
  if (!priv.ok) return bad(`"privateJwk": ${priv.detail.message}`);
  if (!sameJwk(pub.value, priv.value))
    return bad('"privateJwk" and "publicJwk" are different keys');
  const derived = (opts.derivePublicJwk ?? derivePublicJwk)(priv.value);
  if (!derived.ok || !sameJwk(derived.value, pub.value)) {
    return bad('"privateJwk" has a "d" that does not belong to its public key');
  }
  const keyAlg = algorithmForJwk(pub.value);
  if (keyAlg !== alg)
    return bad(`"alg" is ${alg}, but a ${pub.value.crv} key signs with ${keyAlg}`);
  const expectedDid = didKeyFromJwk(pub.value);
  if (did !== expectedDid)
    return bad(`"did" expected ${expectedDid} (the did:key of publicJwk), got ${shortValue(did)}`);
  return ok({ did: expectedDid, alg, publicJwk: pub.value, privateJwk: priv.value });
}

/** A JwsSign with the issuer's private key through the crypto port. */
export function issuerSigner(crypto: JwsCrypto, issuer: IssuerKeyFile): JwsSign {
  return (signingInput) => crypto.sign(issuer.alg, issuer.privateJwk, signingInput);
}
