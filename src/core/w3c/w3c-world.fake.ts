/**
 * W3C test world (never for production): the verification world's issuer, holder, trust list and
 * status list (presentation-world.fake.ts), with a VC-JWT income statement, its VP-JWT, and the
 * `.w3c` twin of the status list, plus verify options for this world.
 */
import type { Did } from '../brand.ts';
import { exampleClaims } from '../credentials/credential-types.ts';
import { didKeyFromJwk } from '../did/did-key.ts';
import { issuerSigner } from '../jose/issuer-key-file.ts';
import type { StatusListFile } from '../status-list/status-list-file.ts';
import type { VerifyPresentationOptions } from '../verification/check.ts';
import {
  AUDIENCE,
  makeWorld,
  NONCE,
  NOW,
  signerFor,
  STATUS_URI,
} from '../verification/presentation-world.fake.ts';
import type { World } from '../verification/presentation-world.fake.ts';
import { signBitstringStatusListCredential } from './bitstring-status-list.ts';
import { bitstringStatusListUrl } from './status-entry.ts';
import { issueVcJwt } from './vc-jwt.ts';
import type { IssueVcJwtOptions } from './vc-jwt.ts';
import { createVpJwt } from './vp-jwt.ts';

export { AUDIENCE, NONCE, NOW, STATUS_URI };

/** A complete income statement (the type's own example claims). */
export const CLAIMS: Record<string, unknown> = exampleClaims('income-statement');

export interface W3cWorld extends World {
  issuerSigner: {
    did: Did;
    alg: World['issuer']['alg'];
    sign: (d: Uint8Array) => Promise<Uint8Array>;
  };
  holderDid: Did;
  holderSigner: { did: Did; alg: 'ES256K'; sign: (d: Uint8Array) => Promise<Uint8Array> };
  vcJwt: string;
  vpJwt: string;
  /** The `.w3c` list, signed an hour before NOW. */
  w3cList: string;
}

export async function makeW3cWorld(alg: World['issuer']['alg'] = 'ES256'): Promise<W3cWorld> {
  const world = await makeWorld(alg, `w3c-${alg}`);
  const issuer = {
    did: world.issuer.did,
    alg: world.issuer.alg,
    sign: issuerSigner(world.crypto, world.issuer),
  };
  const holderDid = didKeyFromJwk(world.holder.publicJwk);
  const holder = {
    did: holderDid,
    alg: 'ES256K' as const,
    sign: signerFor(world.crypto, world.holder).sign,
  };
  const partial = { ...world, issuerSigner: issuer, holderDid, holderSigner: holder };
  const vcJwt = await issueW3c(partial);
  const vpJwt = await presentW3c(partial, vcJwt);
  const w3cList = await signW3cList(partial, world.statusList);
  return { ...partial, vcJwt, vpJwt, w3cList };
}

export function issueW3c(
  world: Pick<W3cWorld, 'issuerSigner' | 'holderDid' | 'statusIndex' | 'randomBytes'>,
  opts: Partial<IssueVcJwtOptions> = {},
): Promise<string> {
  return issueVcJwt({
    issuer: world.issuerSigner,
    subject: world.holderDid,
    typeId: 'income-statement',
    claims: CLAIMS,
    issuedAt: new Date(NOW.getTime() - 86_400_000),
    expiresAt: new Date(NOW.getTime() + 365 * 86_400_000),
    status: { idx: world.statusIndex, uri: STATUS_URI },
    randomBytes: world.randomBytes,
    ...opts,
  });
}

export function presentW3c(
  world: Pick<W3cWorld, 'holderSigner' | 'randomBytes'>,
  credential: string,
  opts: { audience?: string; nonce?: string; issuedAt?: Date } = {},
): Promise<string> {
  return createVpJwt({
    holder: world.holderSigner,
    credential,
    audience: opts.audience ?? AUDIENCE,
    nonce: opts.nonce ?? NONCE,
    issuedAt: opts.issuedAt ?? new Date(NOW.getTime() - 10_000),
    randomBytes: world.randomBytes,
  });
}

export function signW3cList(
  world: Pick<W3cWorld, 'issuerSigner'>,
  list: StatusListFile,
  issuedAt = new Date(NOW.getTime() - 3_600_000),
): Promise<string> {
  return signBitstringStatusListCredential({
    issuer: world.issuerSigner,
    url: bitstringStatusListUrl(STATUS_URI),
    list,
    issuedAt,
  });
}

/** Verify options for this world: its trust list, its `.w3c` list in the cache, NOW. */
export function optionsFor(
  world: W3cWorld,
  more: Partial<VerifyPresentationOptions> = {},
): VerifyPresentationOptions {
  const listUrl = bitstringStatusListUrl(STATUS_URI);
  return {
    crypto: world.crypto,
    now: NOW,
    audience: AUDIENCE,
    nonce: NONCE,
    trustLists: [world.trustList],
    statusList: (uri) =>
      uri === listUrl
        ? { jwt: world.w3cList, fetchedAt: new Date(NOW.getTime() - 60_000) }
        : undefined,
    ...more,
  };
}
