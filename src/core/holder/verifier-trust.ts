/**
 * Whom the wallet trusts to say who a verifier is (docs/ux.md §Consent and who asks): registration
 * authorities (DIDs the citizen added in Settings → Trusted authorities, besides those the build
 * names) and verifier trust lists signed by one of them. One encrypted record in the wallet's
 * vault, validated on the way out: a damaged or foreign record reads as "nothing added".
 */
import { z } from 'zod';
import { resolveDidKey } from '../did/did-key.ts';
import type { JwsCrypto } from '../jose/jws-crypto.ts';
import { publicJwkThumbprint } from '../jose/jwk.ts';
import { failedWith, ok, type Result } from '../result.ts';
import { fingerprintWords } from '../trust/fingerprint-words.ts';
import { MAX_TRUST_LIST_LENGTH } from '../trust/trust-list.ts';
import { readSignedTrustList, verifyTrustList } from '../trust/verify-trust-list.ts';
import {
  VERIFIER_VCT,
  verifierStanding,
  type VerifierStanding,
} from '../trust/verifier-registration.ts';
import type { PresentationRequest } from '../protocol/request.ts';
import type { HolderWallet } from './holder-wallet.ts';

export const VERIFIER_TRUST_ID = 'verifier-trust';
/** At most this many authorities and lists are kept (each is checked on every request). */
export const MAX_TRUSTED_AUTHORITIES = 20;
export const MAX_VERIFIER_TRUST_LISTS = 20;

const recordSchema = z.object({
  v: z.literal(1),
  authorities: z
    .array(z.object({ did: z.string().min(1).max(2048), addedAt: z.string() }))
    .max(MAX_TRUSTED_AUTHORITIES),
  lists: z
    .array(z.object({ jwt: z.string().min(1).max(MAX_TRUST_LIST_LENGTH), addedAt: z.string() }))
    .max(MAX_VERIFIER_TRUST_LISTS),
});
type VerifierTrustRecord = z.infer<typeof recordSchema>;
const EMPTY: VerifierTrustRecord = { v: 1, authorities: [], lists: [] };

/** An authority as Settings shows it: where it comes from, and its fingerprint words. */
export interface TrustedAuthority {
  readonly did: string;
  readonly source: 'build' | 'added';
  readonly words: string[];
  readonly addedAt?: string;
}

/** A verifier trust list as Settings shows it (public facts only). */
export interface HeldVerifierList {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly verifiers: number;
  readonly expiresAt: string;
  /** False when expired, or its signer is no longer a trusted authority: it does not count. */
  readonly counts: boolean;
  readonly addedAt: string;
}

async function readRecord(wallet: HolderWallet): Promise<VerifierTrustRecord> {
  const read = await wallet.vault.readRecord(VERIFIER_TRUST_ID, recordSchema);
  return read.ok && read.value ? read.value : EMPTY;
}

async function writeRecord(wallet: HolderWallet, record: VerifierTrustRecord): Promise<void> {
  await wallet.vault.writeRecords([{ id: VERIFIER_TRUST_ID, value: record }]);
}

/**
 * The build's authorities (VOUCH_VERIFIER_AUTHORITIES: space- or comma-separated DIDs); anything
 * that is not a did:key or did:jwk the wallet can resolve offline is left out.
 */
export function parseAuthorityList(text: string | undefined): string[] {
  if (typeof text !== 'string') return [];
  const dids = text
    .split(/[\s,]+/)
    .filter((did) => did !== '' && !did.includes('#') && resolveDidKey(did).ok);
  return [...new Set(dids)].slice(0, MAX_TRUSTED_AUTHORITIES);
}

function wordsOf(did: string): string[] {
  const key = resolveDidKey(did);
  return key.ok ? fingerprintWords(publicJwkThumbprint(key.value)) : [];
}

/** Every trusted authority: the build's first, then those the citizen added. */
export async function listTrustedAuthorities(
  wallet: HolderWallet,
  buildAuthorities: readonly string[],
): Promise<TrustedAuthority[]> {
  const record = await readRecord(wallet);
  const build = buildAuthorities.map((did) => ({
    did,
    source: 'build' as const,
    words: wordsOf(did),
  }));
  const added = record.authorities
    .filter((entry) => !buildAuthorities.includes(entry.did))
    .map((entry) => ({
      did: entry.did,
      source: 'added' as const,
      words: wordsOf(entry.did),
      addedAt: entry.addedAt,
    }));
  return [...build, ...added];
}

export type AddAuthorityProblem = 'not-a-did' | 'already-trusted' | 'too-many';

/** Add an authority by its DID (a did:key or did:jwk, resolved offline). */
export async function addTrustedAuthority(
  wallet: HolderWallet,
  did: string,
  opts: { now: Date; buildAuthorities: readonly string[] },
): Promise<Result<TrustedAuthority, AddAuthorityProblem>> {
  const text = typeof did === 'string' ? did.trim() : '';
  if (text.includes('#') || !resolveDidKey(text).ok) return failedWith('not-a-did', undefined);
  const record = await readRecord(wallet);
  if (opts.buildAuthorities.includes(text) || record.authorities.some((a) => a.did === text)) {
    return failedWith('already-trusted', undefined);
  }
  if (record.authorities.length >= MAX_TRUSTED_AUTHORITIES) {
    return failedWith('too-many', undefined);
  }
  const addedAt = opts.now.toISOString();
  await writeRecord(wallet, {
    ...record,
    authorities: [...record.authorities, { did: text, addedAt }],
  });
  return ok({ did: text, source: 'added', words: wordsOf(text), addedAt });
}

export async function removeTrustedAuthority(wallet: HolderWallet, did: string): Promise<void> {
  const record = await readRecord(wallet);
  await writeRecord(wallet, {
    ...record,
    authorities: record.authorities.filter((entry) => entry.did !== did),
  });
}

function authoritiesOf(record: VerifierTrustRecord, buildAuthorities: readonly string[]): string[] {
  return [...new Set([...buildAuthorities, ...record.authorities.map((entry) => entry.did)])];
}

/** The lists the wallet holds, each checked now (a list that stopped counting says so). */
export async function listVerifierTrustLists(
  wallet: HolderWallet,
  opts: { crypto: JwsCrypto; now: Date; buildAuthorities: readonly string[] },
): Promise<HeldVerifierList[]> {
  const record = await readRecord(wallet);
  const authorities = authoritiesOf(record, opts.buildAuthorities);
  const held: HeldVerifierList[] = [];
  for (const [index, entry] of record.lists.entries()) {
    const read = await verifyTrustList(entry.jwt, { crypto: opts.crypto, now: opts.now });
    // An expired list is still shown (so it can be removed), from its signed content.
    const signed = read.ok ? read : await readSignedTrustList(entry.jwt, { crypto: opts.crypto });
    if (!signed.ok) continue;
    held.push({
      id: String(index),
      name: signed.value.name,
      issuer: signed.value.issuer,
      verifiers: signed.value.entries.filter((e) => e.vct.includes(VERIFIER_VCT)).length,
      expiresAt: new Date(signed.value.exp * 1000).toISOString(),
      counts: read.ok && authorities.includes(signed.value.issuer),
      addedAt: entry.addedAt,
    });
  }
  return held;
}

export type AddListProblem =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'untrusted-signer'
  | 'no-verifiers'
  | 'already-held'
  | 'too-many';

/**
 * Add a verifier trust list (its JWS text, from a file or a link the citizen fetched): it must
 * verify, be unexpired, be signed by a trusted authority, and name at least one verifier.
 */
export async function addVerifierTrustList(
  wallet: HolderWallet,
  jwt: string,
  opts: { crypto: JwsCrypto; now: Date; buildAuthorities: readonly string[] },
): Promise<Result<{ name: string; verifiers: number }, AddListProblem>> {
  const text = typeof jwt === 'string' ? jwt.trim() : '';
  const read = await verifyTrustList(text, { crypto: opts.crypto, now: opts.now });
  if (!read.ok) {
    return failedWith(read.reason === 'unsupported-alg' ? 'bad-signature' : read.reason, undefined);
  }
  const record = await readRecord(wallet);
  const authorities = authoritiesOf(record, opts.buildAuthorities);
  if (!authorities.includes(read.value.issuer)) return failedWith('untrusted-signer', undefined);
  const verifiers = read.value.entries.filter((entry) => entry.vct.includes(VERIFIER_VCT)).length;
  if (verifiers === 0) return failedWith('no-verifiers', undefined);
  if (record.lists.some((entry) => entry.jwt === text)) {
    return failedWith('already-held', undefined);
  }
  if (record.lists.length >= MAX_VERIFIER_TRUST_LISTS) return failedWith('too-many', undefined);
  await writeRecord(wallet, {
    ...record,
    lists: [...record.lists, { jwt: text, addedAt: opts.now.toISOString() }],
  });
  return ok({ name: read.value.name, verifiers });
}

export async function removeVerifierTrustList(wallet: HolderWallet, id: string): Promise<void> {
  const record = await readRecord(wallet);
  await writeRecord(wallet, {
    ...record,
    lists: record.lists.filter((_, index) => String(index) !== id),
  });
}

/** The standing of a request's verifier, by what this wallet trusts (verifier-registration.ts). */
export async function standingFor(
  wallet: HolderWallet,
  request: PresentationRequest,
  opts: { crypto: JwsCrypto; now: Date; buildAuthorities?: readonly string[] },
): Promise<VerifierStanding> {
  const record = await readRecord(wallet);
  return verifierStanding(request, {
    authorities: authoritiesOf(record, opts.buildAuthorities ?? []),
    trustLists: record.lists.map((entry) => entry.jwt),
    crypto: opts.crypto,
    now: opts.now,
  });
}
