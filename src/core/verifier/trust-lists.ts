import { z } from 'zod';
import type { Did } from '../brand.ts';
import { bytesToHex } from '../encoding/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { publicJwkThumbprint } from '../jose/index.ts';
import { failed, failedWith, ok, type Result } from '../result.ts';
import {
  fingerprintWords,
  isCredentialTypeName,
  MAX_VCT_PER_ENTRY,
  readSignedTrustList,
  signTrustList,
  trustListExpired,
  verifyTrustList,
  type TrustEntry,
  type TrustList,
  type VerifiedTrustList,
} from '../trust/index.ts';
import { withVerifierSigner, type VerifierDesk } from './desk.ts';

/**
 * The desk's trust: signed trust lists imported from elsewhere (a ministry, a sector body), and the
 * desk's own list, edited here and signed with the verifier key. Only issuers on one of these lists
 * are trusted, and only for the `vct`s listed, and an imported list only until it expires.
 *
 * Anchors: the signer keys the clerk has confirmed, by their fingerprint words, kept in the vault
 * (`trust-anchors`). A list signed by an anchor (or by this desk's own key) imports at once; a list
 * signed by any other key imports only after the clerk confirms that key's words, which makes the
 * key an anchor in the same commit (docs/verification.md §Trust lists).
 */
export const TRUST_LIST_PREFIX = 'trust-list:';
export const OWN_TRUST_LIST_ID = 'own-trust-list';
export const TRUST_ANCHORS_ID = 'trust-anchors';

const anchorSchema = z.object({
  /** RFC 7638 SHA-256 thumbprint of the signer key. */
  thumbprint: z.string().min(43).max(43),
  /** The DID the key signed as when the clerk confirmed it. */
  did: z.string().max(2048),
  confirmedAt: z.string(),
});
export type TrustAnchor = z.infer<typeof anchorSchema>;
const anchorsSchema = z.object({ anchors: z.array(anchorSchema).max(10_000) });

/** The signer of a list the clerk must confirm: who, and the words to compare. */
export interface TrustListSigner {
  readonly did: string;
  readonly thumbprint: string;
  readonly words: readonly string[];
  /** The list's own name, and how many issuers it holds (for the confirmation screen). */
  readonly listName: string;
  readonly entryCount: number;
}

const importedSchema = z.object({
  id: z.string(),
  jwt: z.string(),
  importedAt: z.string(),
});

const entrySchema = z.object({
  did: z.string().min(1).max(2048),
  name: z.string().min(1).max(200),
  vct: z.array(z.string().min(1)).min(1),
});

const ownSchema = z.object({
  name: z.string(),
  entries: z.array(entrySchema),
  /** The last signed form; absent or outdated after an edit until signed again. */
  signed: z.object({ jwt: z.string(), at: z.string() }).optional(),
});
export type OwnTrustList = z.infer<typeof ownSchema>;

export interface ImportedTrustList {
  readonly id: string;
  readonly jwt: string;
  readonly importedAt: string;
  /** The signed list (also once expired); undefined when it no longer verifies at all. */
  readonly list?: VerifiedTrustList;
  /** Set when the list has expired (ISO date-time): it no longer counts. */
  readonly expiredAt?: string;
  /** Why the stored list no longer verifies (a problem code), when it does not. */
  readonly problem?: string;
}

export type TrustImportProblem =
  | 'malformed'
  | 'bad-signature'
  | 'unsupported-alg'
  | 'expired'
  | 'already-imported'
  | 'signer-not-confirmed';

export interface TrustImportDetail {
  readonly message: string;
  /** 'expired': when the list expired (ISO date-time). */
  readonly expiredAt?: string;
  /** 'signer-not-confirmed': the signer and its words, to show the clerk. */
  readonly signer?: TrustListSigner;
}

export async function listTrustAnchors(desk: VerifierDesk): Promise<TrustAnchor[]> {
  const read = await desk.vault.readRecord(TRUST_ANCHORS_ID, anchorsSchema);
  return read.ok && read.value ? read.value.anchors : [];
}

/** Forget a confirmed signer: its next list asks for the words again. Lists stay as they are. */
export async function removeTrustAnchor(desk: VerifierDesk, thumbprint: string): Promise<void> {
  const anchors = (await listTrustAnchors(desk)).filter((a) => a.thumbprint !== thumbprint);
  await desk.vault.writeRecords([{ id: TRUST_ANCHORS_ID, value: { anchors } }]);
}

/**
 * Import a signed trust list. Refused when it does not verify or has expired (with when). When its
 * signer is neither an anchor nor this desk, the first call refuses with 'signer-not-confirmed' and
 * the signer's fingerprint words; call again with `confirmedSigner` = that thumbprint once the
 * clerk confirmed the words: the list and the new anchor are then stored in one commit.
 */
export async function importTrustList(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: { jwt: string; now: Date; confirmedSigner?: string },
): Promise<Result<ImportedTrustList, TrustImportProblem, TrustImportDetail>> {
  const { now } = options;
  const jwt = options.jwt.trim();
  const verified = await verifyTrustList(jwt, { crypto: deps.jws, now });
  if (!verified.ok) return verified;
  const list = verified.value;
  const existing = await listImportedTrustLists(desk, deps, now);
  const same = existing.find((item) => item.jwt === jwt);
  if (same) return failedWith('already-imported', { message: 'this trust list is already here' });

  const anchors = await listTrustAnchors(desk);
  const anchored =
    list.signerThumbprint === publicJwkThumbprint(desk.verifier.publicJwk) ||
    anchors.some((anchor) => anchor.thumbprint === list.signerThumbprint);
  if (!anchored && options.confirmedSigner !== list.signerThumbprint) {
    return failedWith('signer-not-confirmed', {
      message: `the list is signed by ${list.issuer}, a key this desk does not trust yet: confirm its fingerprint words first`,
      signer: {
        did: list.issuer,
        thumbprint: list.signerThumbprint,
        words: fingerprintWords(list.signerThumbprint),
        listName: list.name,
        entryCount: list.entries.length,
      },
    });
  }
  // A newer edition of a list (same signer, same name) replaces the older one.
  const older = existing.filter(
    (item) => item.list?.issuer === list.issuer && item.list.name === list.name,
  );
  const record = {
    id: bytesToHex(deps.randomBytes(8)),
    jwt,
    importedAt: now.toISOString(),
  };
  const newAnchor: TrustAnchor[] = anchored
    ? []
    : [{ thumbprint: list.signerThumbprint, did: list.issuer, confirmedAt: now.toISOString() }];
  await desk.vault.writeRecords([
    ...older.map((item) => ({ delete: `${TRUST_LIST_PREFIX}${item.id}` })),
    { id: `${TRUST_LIST_PREFIX}${record.id}`, value: record },
    ...(newAnchor.length > 0
      ? [{ id: TRUST_ANCHORS_ID, value: { anchors: [...anchors, ...newAnchor] } }]
      : []),
  ]);
  return ok({ ...record, list });
}

export async function listImportedTrustLists(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  now: Date,
): Promise<ImportedTrustList[]> {
  const ids = await desk.vault.listRecordIds(TRUST_LIST_PREFIX);
  const lists: ImportedTrustList[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, importedSchema);
    if (!read.ok || !read.value) continue;
    const verified = await readSignedTrustList(read.value.jwt, { crypto: deps.jws });
    if (!verified.ok) {
      lists.push({ ...read.value, problem: verified.reason });
      continue;
    }
    const { expSource: _source, ...list } = verified.value;
    lists.push(
      trustListExpired(list, now)
        ? { ...read.value, list, expiredAt: new Date(list.exp * 1000).toISOString() }
        : { ...read.value, list },
    );
  }
  return lists.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function removeTrustList(desk: VerifierDesk, id: string): Promise<void> {
  await desk.vault.writeRecords([{ delete: `${TRUST_LIST_PREFIX}${id}` }]);
}

export async function readOwnTrustList(desk: VerifierDesk): Promise<OwnTrustList> {
  const read = await desk.vault.readRecord(OWN_TRUST_LIST_ID, ownSchema);
  return read.ok && read.value ? read.value : { name: desk.profile.name, entries: [] };
}

export type EntryProblem = 'invalid-did' | 'invalid-name' | 'no-types' | 'invalid-type';

/**
 * Add an issuer to the desk's own list (or replace the entry with the same DID). Its types are
 * Vouch `vct`s (which cover the same type as a W3C VC-JWT too) or W3C `type` terms of foreign
 * credentials (`VerifiableDiploma`): one word each, no white space.
 */
export async function addOwnTrustEntry(
  desk: VerifierDesk,
  entry: TrustEntry,
): Promise<Result<OwnTrustList, EntryProblem>> {
  const did = entry.did.trim();
  const name = entry.name.trim();
  if (!/^did:[a-z0-9]+:[\w.%:-]+$/i.test(did) || did.length > 2048) return failed('invalid-did');
  if (!name || name.length > 200) return failed('invalid-name');
  const vct = [...new Set(entry.vct.map((type) => type.trim()))];
  if (vct.length === 0) return failed('no-types');
  if (vct.length > MAX_VCT_PER_ENTRY || !vct.every(isCredentialTypeName)) {
    return failed('invalid-type');
  }
  const own = await readOwnTrustList(desk);
  const next: OwnTrustList = {
    name: own.name,
    entries: [...own.entries.filter((e) => e.did !== did), { did, name, vct }],
  };
  await desk.vault.writeRecords([{ id: OWN_TRUST_LIST_ID, value: next }]);
  return ok(next);
}

export async function removeOwnTrustEntry(desk: VerifierDesk, did: string): Promise<OwnTrustList> {
  const own = await readOwnTrustList(desk);
  const next: OwnTrustList = { name: own.name, entries: own.entries.filter((e) => e.did !== did) };
  await desk.vault.writeRecords([{ id: OWN_TRUST_LIST_ID, value: next }]);
  return next;
}

/** Sign the own list with the verifier key (typ vouch-trust-list+jwt) and keep the signed form. */
export async function signOwnTrustList(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  options: { now: Date; name?: string; expiresAt?: Date },
): Promise<string> {
  const own = await readOwnTrustList(desk);
  const name = options.name?.trim() || own.name;
  const jwt = await withVerifierSigner(desk, deps, (issuer) =>
    signTrustList({
      issuer,
      name,
      entries: own.entries,
      issuedAt: options.now,
      ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
    }),
  );
  await desk.vault.writeRecords([
    {
      id: OWN_TRUST_LIST_ID,
      value: { ...own, name, signed: { jwt, at: options.now.toISOString() } },
    },
  ]);
  return jwt;
}

/**
 * Every list the verification may use: the imported lists that still verify, and the desk's own
 * entries (they count at once: the clerk entered them here; signing is for handing them on).
 */
export async function activeTrustLists(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  now: Date,
): Promise<TrustList[]> {
  return (await trustAt(desk, deps, now)).active;
}

/**
 * The desk's trust at `now`: the lists that count (the own entries first, then the imported lists
 * that verify and have not expired), and the imported lists that have expired (a verdict says so
 * when an issuer is only on one of those).
 */
export async function trustAt(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto },
  now: Date,
): Promise<{ active: TrustList[]; expired: VerifiedTrustList[] }> {
  const lists = await listImportedTrustLists(desk, deps, now);
  const imported = lists.flatMap((item) => (item.list && !item.expiredAt ? [item.list] : []));
  const expired = lists.flatMap((item) => (item.list && item.expiredAt ? [item.list] : []));
  const own = await readOwnTrustList(desk);
  const ownList: TrustList = {
    issuer: desk.verifier.did as Did,
    name: own.name,
    iat: Math.floor(now.getTime() / 1000),
    entries: own.entries,
  };
  return { active: own.entries.length > 0 ? [ownList, ...imported] : imported, expired };
}
