/**
 * TEST SUPPORT — the whole `vouch serve` app in-process (PGlite in memory, fresh keys), and the
 * callbacks the OpenID Foundation's libraries (@openid4vc/*) need, built on `jose` and node:crypto
 * only, so that the peer tests check Vouch against code that shares nothing with it.
 */
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  calculateJwkThumbprint,
  compactDecrypt,
  CompactEncrypt,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
} from 'jose';
import type { JWK } from 'jose';
import { createServerApp } from './app.ts';
import type { ServerContext } from './context.ts';
import { sharedTestDb } from './test-server.fake.ts';
import type { OpenedDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './db/migrations.ts';
import { createMemoryLog } from './log.ts';
import type { ServerRegistration } from './openid4vp/registration.ts';
import { didKeyFromJwk, didKeyVerificationMethod, resolveDidKey } from '../core/did/index.ts';
import type { PublicJwk } from '../core/jose/index.ts';
import { createIssuerKeyFile, issuerSigner } from '../core/jose/index.ts';
import type { IssuerKeyFile } from '../core/jose/index.ts';
import { webJwsCrypto } from '../platform/crypto/jws-crypto.ts';

export const PUBLIC_URL = 'https://vouch.test';
export const ADMIN_TOKEN = 'peer-test-admin-token-0123456789';

export interface PeerServer {
  readonly ctx: ServerContext;
  readonly db: OpenedDb;
  readonly issuerKey: IssuerKeyFile;
  readonly verifierKey: IssuerKeyFile;
  readonly logLines: string[];
  /** A `fetch` that answers from the app in-process, whatever the host. */
  readonly fetch: typeof globalThis.fetch;
  /** Moves the server's clock (seconds, may be negative). */
  advance(seconds: number): void;
  /** An admin call: JSON in, JSON out, with the admin token. */
  admin(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export interface PeerServerOptions {
  /** The verifier key (default: a fresh one), e.g. one a registration certificate names. */
  readonly verifierKey?: IssuerKeyFile;
  /** A registration certificate the server signs into its requests (openid4vp/registration.ts). */
  readonly registration?: ServerRegistration;
}

export async function startPeerServer(options: PeerServerOptions = {}): Promise<PeerServer> {
  // The test file's database (PostgreSQL under `npm test`, else PGlite): see sharedTestDb.
  const db = await sharedTestDb();
  await migrate(db, MIGRATIONS);
  const crypto = webJwsCrypto();
  const issuerKey = await createIssuerKeyFile(crypto, 'ES256');
  const verifierKey = options.verifierKey ?? (await createIssuerKeyFile(crypto, 'ES256'));
  const { log, lines } = createMemoryLog();
  let offset = 0;
  const ctx: ServerContext = {
    db,
    publicUrl: PUBLIC_URL,
    issuer: { did: issuerKey.did, alg: issuerKey.alg, sign: issuerSigner(crypto, issuerKey) },
    verifier: {
      did: verifierKey.did,
      alg: verifierKey.alg,
      sign: issuerSigner(crypto, verifierKey),
    },
    ...(options.registration === undefined ? {} : { registration: options.registration }),
    crypto,
    randomBytes: (n) => new Uint8Array(nodeRandomBytes(n)),
    now: () => new Date(Date.now() + offset * 1000),
    log,
  };
  const app = createServerApp(ctx, { adminToken: ADMIN_TOKEN, rateLimit: false });
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    app.fetch(new Request(input, init))) as typeof globalThis.fetch;
  return {
    ctx,
    db,
    issuerKey,
    verifierKey,
    logLines: lines,
    fetch,
    advance(seconds) {
      offset += seconds;
    },
    async admin(method, path, body) {
      const response = await fetch(`${PUBLIC_URL}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
    close: () => Promise.resolve(), // the database ends with the test file's worker
  };
}

// ---- a peer's own keys and callbacks (jose + node:crypto) --------------------------------------

export interface PeerKey {
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
  readonly alg: 'ES256';
}

export async function newPeerKey(): Promise<PeerKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    publicJwk: await exportJWK(publicKey),
    privateJwk: await exportJWK(privateKey),
    alg: 'ES256',
  };
}

export async function signWithPeerKey(
  key: PeerKey,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, key.alg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ ...header, alg: key.alg })
    .sign(privateKey);
}

export const peerHash = (data: Uint8Array, alg: string): Uint8Array => {
  const name = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' }[alg];
  if (name === undefined) throw new Error(`unsupported hash ${alg}`);
  return new Uint8Array(createHash(name).update(data).digest());
};

export const peerRandom = (n: number): Uint8Array => new Uint8Array(nodeRandomBytes(n));

/** The did:key DID URL of a peer key (its `kid` when the peer signs as method "did"). */
export function peerDidUrl(key: PeerKey): string {
  return didKeyVerificationMethod(didKeyFromJwk(key.publicJwk as PublicJwk));
}

/**
 * The `signJwt` callback of @openid4vc/*: signs with the peer key whose public JWK the signer
 * names (method "jwk"), or whose did:key DID URL it names (method "did"), through jose.
 */
export function peerSignJwt(keys: readonly PeerKey[]) {
  return async (
    signer: { method: string; publicJwk?: unknown; didUrl?: string; alg: string },
    jwt: { header: Record<string, unknown>; payload: Record<string, unknown> },
  ) => {
    if (signer.method === 'did') {
      const key = keys.find((candidate) => peerDidUrl(candidate) === signer.didUrl);
      if (key === undefined) throw new Error('peer signer: no such did:key');
      return {
        jwt: await signWithPeerKey(key, jwt.header, jwt.payload),
        signerJwk: key.publicJwk as Record<string, unknown> as { kty: string },
      };
    }
    if (signer.method !== 'jwk')
      throw new Error(`peer signer: method ${signer.method} unsupported`);
    const wanted = await calculateJwkThumbprint(signer.publicJwk as JWK);
    for (const key of keys) {
      if ((await calculateJwkThumbprint(key.publicJwk)) === wanted) {
        return {
          jwt: await signWithPeerKey(key, jwt.header, jwt.payload),
          signerJwk: key.publicJwk as Record<string, unknown> as { kty: string },
        };
      }
    }
    throw new Error('peer signer: no such key');
  };
}

/** The `encryptJwe` callback: ECDH-ES + the asked enc, to the verifier's public key, via jose. */
export async function peerEncryptJwe(
  encryptor: {
    publicJwk: unknown;
    alg: string;
    enc: string;
    kid?: string;
    apu?: string;
    apv?: string;
  },
  data: string,
): Promise<{ encryptionJwk: { kty: string }; jwe: string }> {
  const jwk = encryptor.publicJwk as JWK;
  const key = await importJWK(jwk, encryptor.alg);
  const jwe = await new CompactEncrypt(new TextEncoder().encode(data))
    .setProtectedHeader({
      alg: encryptor.alg,
      enc: encryptor.enc,
      ...(jwk.kid === undefined ? {} : { kid: jwk.kid }),
    })
    .encrypt(key);
  return { encryptionJwk: jwk as { kty: string }, jwe };
}

/**
 * The `verifyJwt` callback of @openid4vc/openid4vp for a `decentralized_identifier:` verifier: the
 * did:key in the signer's DID URL gives the key (resolved by Vouch's did:key decoder, which is
 * tested against the W3C vectors), and jose checks the signature.
 */
export async function peerVerifyJwt(
  signer: { method: string; didUrl?: string; alg: string },
  jwt: { compact: string },
): Promise<{ verified: true; signerJwk: { kty: string } } | { verified: false }> {
  if (signer.method !== 'did' || signer.didUrl === undefined) return { verified: false };
  const resolved = resolveDidKey(signer.didUrl.split('#')[0] ?? '');
  if (!resolved.ok) return { verified: false };
  try {
    await compactVerify(jwt.compact, await importJWK(resolved.value as JWK, signer.alg));
    return { verified: true, signerJwk: resolved.value };
  } catch {
    return { verified: false };
  }
}

/** For tests that look inside a JWE or JWS header. */
export { compactDecrypt, decodeProtectedHeader };
