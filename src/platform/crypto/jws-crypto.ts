/**
 * JwsCrypto for the browser and Node ≥ 20: WebCrypto (crypto.subtle) for ES256 (ECDSA P-256,
 * SHA-256; WebCrypto signatures are already the raw r || s that JWS wants, RFC 7518 §3.4) and
 * EdDSA (Ed25519, RFC 8037), and noble (src/core/jose/noble-jws-crypto.ts) for ES256K, which has
 * no WebCrypto path.
 *
 * Keys are imported non-extractable and cached, so a desk signing a batch imports its key once.
 * A verification key is cached under its exact public members (crv, x, y: public data, compared
 * as they are, no hashing on a verifier's hot path), and once imported it is used at once:
 * `verify` hands the signature to WebCrypto in the turn it is called (issue 12: a desk verifying
 * in Chromium). A signing key is cached under a hash of the whole private JWK, `d` included: a
 * caller who knows only the public half misses the cache and signs with whatever `d` it brought,
 * so the cache lends nobody the issuer's signature (issue 8.1). `forgetSigningKeys()` drops every
 * cached signing key; the app calls it whenever a wallet or a desk locks, so after lock nothing on
 * the page can sign. Generated key pairs are exported once as JWKs (the key file needs them) and
 * not kept.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '../../core/encoding/index.ts';
import {
  algorithmForJwk,
  JWS_SIGNATURE_LENGTH,
  nobleJwsCrypto,
  publicJwkOf,
} from '../../core/jose/index.ts';
import type { JwsAlgorithm, JwsCrypto, PrivateJwk, PublicJwk } from '../../core/jose/index.ts';

export interface WebJwsCryptoOptions {
  /** Defaults to globalThis.crypto. */
  readonly crypto?: Crypto;
  /** How many imported keys to keep (least recently used are dropped). Default 64. */
  readonly cacheSize?: number;
}

/** The JWS port, plus the one thing a lock needs: forget every signing key imported so far. */
export interface WebJwsCrypto extends JwsCrypto {
  forgetSigningKeys(): void;
}

type WebAlgorithm = 'ES256' | 'EdDSA';

const IMPORT_PARAMS: Record<WebAlgorithm, EcKeyImportParams | Algorithm> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' } as EcKeyImportParams,
  EdDSA: { name: 'Ed25519' },
};
const SIGN_PARAMS: Record<WebAlgorithm, EcdsaParams | Algorithm> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
  EdDSA: { name: 'Ed25519' },
};

/** The bytes as WebCrypto wants them: the view itself when it is a plain ArrayBuffer's, else a copy. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : (bytes.slice() as Uint8Array<ArrayBuffer>);
}

/**
 * The cache id of a key: public keys by their exact public members (a JSON array, so the id names
 * one key whatever the strings hold); private keys by a hash over every member that makes the key
 * (so a wrong `d` with the right public half is another entry). The id holds no private key
 * bytes: a hash of the private JWK, never the JWK.
 */
function cacheId(alg: WebAlgorithm, jwk: PublicJwk | PrivateJwk, usage: 'sign' | 'verify'): string {
  if (usage === 'verify') {
    return `verify:${JSON.stringify([alg, jwk.crv, jwk.x, 'y' in jwk ? jwk.y : ''])}`;
  }
  const { kty, crv, x, d } = jwk as PrivateJwk;
  const y = 'y' in jwk ? jwk.y : '';
  const material = utf8ToBytes(JSON.stringify([kty, crv, x, y, d]));
  try {
    return `sign:${alg}:${bytesToHex(sha256(material))}`;
  } finally {
    material.fill(0);
  }
}

export function webJwsCrypto(options: WebJwsCryptoOptions = {}): WebJwsCrypto {
  const webCrypto = options.crypto ?? globalThis.crypto;
  if (!webCrypto?.subtle) {
    throw new Error('WebCrypto is unavailable: a secure context (https or localhost) is required');
  }
  const subtle = webCrypto.subtle;
  const cacheSize = options.cacheSize ?? 64;
  const randomBytes = (length: number): Uint8Array =>
    webCrypto.getRandomValues(new Uint8Array(length));
  const noble = nobleJwsCrypto({ randomBytes });
  /** Imported keys by cache id; `key` is set once the import has finished. */
  const cache = new Map<string, { imported: Promise<CryptoKey>; key?: CryptoKey }>();

  /** The key, at once when it was imported before (no await: see verify), else a promise. */
  const importKey = (
    alg: WebAlgorithm,
    jwk: PublicJwk | PrivateJwk,
    usage: 'sign' | 'verify',
  ): CryptoKey | Promise<CryptoKey> => {
    const id = cacheId(alg, jwk, usage);
    const cached = cache.get(id);
    if (cached !== undefined) {
      cache.delete(id);
      cache.set(id, cached); // most recently used last
      return cached.key ?? cached.imported;
    }
    const material: JsonWebKey =
      usage === 'sign' ? { ...(jwk as PrivateJwk) } : { ...publicJwkOf(jwk) };
    const entry: { imported: Promise<CryptoKey>; key?: CryptoKey } = {
      imported: subtle.importKey('jwk', material, IMPORT_PARAMS[alg], false, [usage]),
    };
    entry.imported.then(
      (key) => {
        entry.key = key;
      },
      () => {
        if (cache.get(id) === entry) cache.delete(id);
      },
    );
    cache.set(id, entry);
    while (cache.size > cacheSize) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return entry.imported;
  };

  return {
    forgetSigningKeys() {
      for (const id of [...cache.keys()]) if (id.startsWith('sign:')) cache.delete(id);
    },

    async generateKeyPair(alg: JwsAlgorithm) {
      if (alg === 'ES256K') return noble.generateKeyPair(alg);
      const pair = (await subtle.generateKey(IMPORT_PARAMS[alg] as EcKeyGenParams, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair;
      const exported = await subtle.exportKey('jwk', pair.privateKey);
      const privateJwk = (
        alg === 'ES256'
          ? { kty: 'EC', crv: 'P-256', x: exported.x, y: exported.y, d: exported.d }
          : { kty: 'OKP', crv: 'Ed25519', x: exported.x, d: exported.d }
      ) as PrivateJwk;
      return { publicJwk: publicJwkOf(privateJwk), privateJwk };
    },

    async sign(alg, privateJwk, data) {
      if (alg === 'ES256K') return noble.sign(alg, privateJwk, data);
      if (algorithmForJwk(privateJwk) !== alg)
        throw new TypeError(`alg ${alg} does not fit a ${privateJwk.crv} key`);
      const key = await importKey(alg, privateJwk, 'sign');
      return new Uint8Array(await subtle.sign(SIGN_PARAMS[alg], key, buffer(data)));
    },

    async verify(alg, publicJwk, data, signature) {
      if (alg === 'ES256K') return noble.verify(alg, publicJwk, data, signature);
      if (!(signature instanceof Uint8Array) || signature.length !== JWS_SIGNATURE_LENGTH)
        return false;
      try {
        if (algorithmForJwk(publicJwk) !== alg) return false;
        // A key imported before is used without an await, so WebCrypto gets the work in this turn.
        const known = importKey(alg, publicJwk, 'verify');
        const key = 'then' in known ? await known : known;
        return await subtle.verify(SIGN_PARAMS[alg], key, buffer(signature), buffer(data));
      } catch {
        return false;
      }
    },
  };
}
