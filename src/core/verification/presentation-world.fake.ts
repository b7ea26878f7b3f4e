/**
 * A small world for verification tests (never for production): an issuer, a holder, a verifier's
 * trust list and a status list, all from seeded keys and a fixed clock, plus helpers that assemble
 * presentations part by part so each error code can be provoked on purpose.
 */
import type { Did } from '../brand.ts';
import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import { bytesToUtf8, utf8ToBytes } from '../encoding/utf8.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/issuer-key-file.ts';
import type { IssuerKeyFile } from '../jose/issuer-key-file.ts';
import type { JwsAlgorithm } from '../jose/jws-algorithm.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import type { PrivateJwk, PublicJwk } from '../jose/jwk.ts';
import { publicJwkOf } from '../jose/jwk.ts';
import { nobleJwsCrypto } from '../jose/noble-jws-crypto.ts';
import { seededRandomBytes } from '../jose/random-bytes.fake.ts';
import { privateKeyToJwk } from '../keys/jwk.ts';
import { signKeyBindingJwt } from '../presentation/kb-jwt.ts';
import { computeSdHash } from '../presentation/sd-hash.ts';
import { issueCarelessly } from '../sd-jwt/careless-issuer.fake.ts';
import { issuerKid, issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.ts';
import {
  allocateStatusIndex,
  createStatusList,
  revokeStatusIndex,
} from '../status-list/status-list-file.ts';
import type { StatusListFile } from '../status-list/status-list-file.ts';
import { publishStatusListJwt } from '../status-list/status-list-jwt.ts';
import { signTrustList } from '../trust/sign-trust-list.ts';
import { verifyTrustList } from '../trust/verify-trust-list.ts';
import type { TrustList } from '../trust/trust-list.ts';

export const NOW = new Date('2026-03-02T09:30:00Z');
export const VCT = 'urn:vouch:income-statement:1';
export const AUDIENCE = 'decentralized_identifier:did:key:zDnaeVerifierDesk';
export const NONCE = 'n-0S6_WzA2Mj';
export const STATUS_URI = 'https://bakkerij.example/status/1';
export const CLAIMS = {
  period: '2026-01',
  gross_wage_cents: 312550,
  net_wage_cents: 241210,
  employee_name: 'Jan Jansen',
  birth_date: '1985-04-12',
};

export interface Holder {
  alg: JwsAlgorithm;
  publicJwk: PublicJwk;
  privateJwk: PrivateJwk;
}

export interface World {
  crypto: JwsCrypto;
  randomBytes: (n: number) => Uint8Array;
  issuer: IssuerKeyFile;
  holder: Holder;
  trustList: TrustList;
  statusIndex: number;
  statusList: StatusListFile;
  /** A credential (issuance form) with CLAIMS, exp in a year, and a status entry. */
  credential: string;
}

export function signerFor(crypto: JwsCrypto, key: { alg: JwsAlgorithm; privateJwk: PrivateJwk }) {
  return { alg: key.alg, sign: (data: Uint8Array) => crypto.sign(key.alg, key.privateJwk, data) };
}

/** Our wallets' holder key: secp256k1 (src/core/keys), from seeded bytes. */
export function holderFromSeed(seed: string): Holder {
  const privateJwk = privateKeyToJwk(seededRandomBytes(seed)(32)) as PrivateJwk;
  return { alg: 'ES256K', publicJwk: publicJwkOf(privateJwk), privateJwk };
}

export async function makeWorld(alg: JwsAlgorithm = 'ES256', seed = 'world'): Promise<World> {
  const randomBytes = seededRandomBytes(seed);
  const crypto = nobleJwsCrypto({ randomBytes });
  const issuer = await createIssuerKeyFile(crypto, alg);
  const desk = await createIssuerKeyFile(crypto, 'ES256');
  const holder = holderFromSeed(`${seed}/holder`);
  const allocated = allocateStatusIndex(createStatusList({ uri: STATUS_URI }), randomBytes);
  if (!allocated.ok) throw new Error('status list full');
  const signed = await signTrustList({
    issuer: { did: desk.did, alg: desk.alg, sign: issuerSigner(crypto, desk) },
    name: 'Gemeente Utrecht, income desk',
    entries: [{ did: issuer.did, name: 'Bakkerij de Vries B.V.', vct: [VCT] }],
    issuedAt: new Date(NOW.getTime() - 86_400_000),
  });
  const trustList = await verifyTrustList(signed, { crypto, now: NOW });
  if (!trustList.ok) throw new Error(trustList.detail.message);
  const world = {
    crypto,
    randomBytes,
    issuer,
    holder,
    trustList: trustList.value,
    statusIndex: allocated.value.index,
    statusList: allocated.value.list,
    credential: '',
  };
  world.credential = await issue(world);
  return world;
}

export function issue(
  world: Pick<World, 'crypto' | 'issuer' | 'holder' | 'randomBytes' | 'statusIndex'>,
  opts: {
    issuedAt?: Date;
    expiresAt?: Date | null;
    status?: boolean;
    claims?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const { crypto, issuer, holder, randomBytes, statusIndex } = world;
  const expiresAt =
    opts.expiresAt === null
      ? undefined
      : (opts.expiresAt ?? new Date(NOW.getTime() + 365 * 86_400_000));
  return issueSdJwtVc({
    issuer: { did: issuer.did, alg: issuer.alg, sign: issuerSigner(crypto, issuer) },
    vct: VCT,
    claims: opts.claims ?? CLAIMS,
    holderJwk: holder.publicJwk,
    ...(opts.status === false ? {} : { status: { idx: statusIndex, uri: STATUS_URI } }),
    issuedAt: opts.issuedAt ?? new Date(NOW.getTime() - 30 * 86_400_000),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    decoys: 2,
    randomBytes,
  });
}

/**
 * A credential from an issuer that signs whatever it is told (careless-issuer.fake.ts): the
 * envelope of `issue` (iss, iat a month ago, exp in a year, vct, cnf, status) in the clear, minus
 * `remove`, plus `visible`; CLAIMS plus `disclosed` as top-level disclosures. Returns the issuer
 * JWT and the disclosures by claim name, for `assemble`.
 */
export async function issueCareless(
  world: Pick<World, 'crypto' | 'issuer' | 'holder' | 'randomBytes' | 'statusIndex'>,
  opts: {
    remove?: readonly string[];
    visible?: Record<string, unknown>;
    disclosed?: Record<string, unknown>;
    header?: Record<string, unknown>;
  } = {},
): Promise<{ jwt: string; disclosures: Map<string, string> }> {
  const { crypto, issuer, holder, randomBytes, statusIndex } = world;
  const nowSeconds = Math.floor(NOW.getTime() / 1000);
  const visible: Record<string, unknown> = {
    iss: issuer.did,
    iat: nowSeconds - 30 * 86_400,
    exp: nowSeconds + 365 * 86_400,
    vct: VCT,
    cnf: { jwk: holder.publicJwk },
    status: { status_list: { idx: statusIndex, uri: STATUS_URI } },
    ...opts.visible,
  };
  for (const name of opts.remove ?? []) delete visible[name];
  const { credential, disclosures } = await issueCarelessly({
    header: { alg: issuer.alg, typ: 'dc+sd-jwt', kid: issuerKid(issuer.did), ...opts.header },
    visible,
    disclosed: { ...CLAIMS, ...opts.disclosed },
    sign: issuerSigner(crypto, issuer),
    randomBytes,
  });
  return { jwt: credential.split('~')[0] ?? '', disclosures };
}

export async function publishList(
  world: World,
  opts: {
    revoked?: boolean;
    issuedAt?: Date;
    ttlSeconds?: number;
    by?: IssuerKeyFile;
    uri?: string;
  } = {},
): Promise<string> {
  let list = opts.uri === undefined ? world.statusList : { ...world.statusList, uri: opts.uri };
  if (opts.revoked) {
    const revoked = revokeStatusIndex(list, world.statusIndex);
    if (!revoked.ok) throw new Error(revoked.reason);
    list = revoked.value;
  }
  const by = opts.by ?? world.issuer;
  return publishStatusListJwt({
    list,
    issuer: { did: by.did as Did, alg: by.alg, sign: issuerSigner(world.crypto, by) },
    issuedAt: opts.issuedAt ?? new Date(NOW.getTime() - 3600_000),
    ...(opts.ttlSeconds === undefined ? {} : { ttlSeconds: opts.ttlSeconds }),
  });
}

/** Splits a credential (issuance form) into its issuer JWT and disclosures by claim name. */
export function partsOf(credential: string): { jwt: string; disclosures: Map<string, string> } {
  const [jwt = '', ...rest] = credential.split('~');
  const disclosures = new Map<string, string>();
  for (const encoded of rest.filter((part) => part !== '')) {
    const bytes = decodeBase64Url(encoded);
    const text = bytes.ok ? bytesToUtf8(bytes.value) : undefined;
    const decoded = (text?.ok ? JSON.parse(text.value) : []) as unknown[];
    disclosures.set(String(decoded[1]), encoded);
  }
  return { jwt, disclosures };
}

/**
 * Assembles `jwt~d1~…~dn~KB` by hand. The KB-JWT's claims default to a correct one for the parts
 * given; override any of them (or the signer, the typ, or sd_hash's input) to break one thing.
 */
export async function assemble(
  world: World,
  opts: {
    jwt: string;
    disclosures: readonly string[];
    kb?: false;
    aud?: unknown;
    nonce?: unknown;
    iat?: unknown;
    sdHashOver?: readonly string[];
    signer?: { alg: JwsAlgorithm; privateJwk: PrivateJwk };
    typ?: string;
  },
): Promise<string> {
  const body = `${opts.jwt}~${opts.disclosures.map((d) => `${d}~`).join('')}`;
  if (opts.kb === false) return body;
  const hashed =
    opts.sdHashOver === undefined
      ? body
      : `${opts.jwt}~${opts.sdHashOver.map((d) => `${d}~`).join('')}`;
  const claims = {
    iat: 'iat' in opts ? opts.iat : Math.floor(NOW.getTime() / 1000) - 10,
    aud: 'aud' in opts ? opts.aud : AUDIENCE,
    nonce: 'nonce' in opts ? opts.nonce : NONCE,
    sd_hash: computeSdHash(hashed),
  };
  const signer = signerFor(world.crypto, opts.signer ?? world.holder);
  if (opts.typ === undefined) {
    return `${body}${await signKeyBindingJwt({ claims: claims as never, holder: signer })}`;
  }
  const header = encodeBase64Url(utf8ToBytes(JSON.stringify({ typ: opts.typ, alg: signer.alg })));
  const payload = encodeBase64Url(utf8ToBytes(JSON.stringify(claims)));
  const signature = await signer.sign(utf8ToBytes(`${header}.${payload}`));
  return `${body}${header}.${payload}.${encodeBase64Url(signature)}`;
}

/** A JWS with any header (alg "none", HS256…) and a made-up signature. */
export function forgedJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  signature = 'c2ln',
): string {
  const part = (value: unknown) => encodeBase64Url(utf8ToBytes(JSON.stringify(value)));
  return `${part(header)}.${part(payload)}.${signature}`;
}
