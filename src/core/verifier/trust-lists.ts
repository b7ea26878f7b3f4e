import { z } from 'zod';
import type { Did } from '../brand.ts';
import { bytesToHex } from '../encoding/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { failed, failedWith, ok, type Result } from '../result.ts';
import { signTrustList, verifyTrustList, type TrustEntry, type TrustList } from '../trust/index.ts';
import { withVerifierSigner, type VerifierDesk } from './desk.ts';

/**
 * The desk's trust: signed trust lists imported from elsewhere (a ministry, a sector body), and the
 * desk's own list, edited here and signed with the verifier key. Only issuers on one of these lists
 * are trusted, and only for the `vct`s listed.
 */
export const TRUST_LIST_PREFIX = 'trust-list:';
export const OWN_TRUST_LIST_ID = 'own-trust-list';

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
  /** The verified list; undefined when it no longer verifies (it expired since the import). */
  readonly list?: TrustList;
  readonly problem?: string;
}

export type TrustImportProblem =
  'malformed' | 'bad-signature' | 'unsupported-alg' | 'expired' | 'already-imported';

export async function importTrustList(
  desk: VerifierDesk,
  deps: { jws: JwsCrypto; randomBytes: (n: number) => Uint8Array },
  options: { jwt: string; now: Date },
): Promise<Result<ImportedTrustList, TrustImportProblem, { message: string }>> {
  const jwt = options.jwt.trim();
  const verified = await verifyTrustList(jwt, { crypto: deps.jws, now: options.now });
  if (!verified.ok) return verified;
  const existing = await listImportedTrustLists(desk, deps, options.now);
  const same = existing.find((item) => item.jwt === jwt);
  if (same) return failedWith('already-imported', { message: 'this trust list is already here' });
  // A newer edition of a list (same signer, same name) replaces the older one.
  const older = existing.filter(
    (item) => item.list?.issuer === verified.value.issuer && item.list.name === verified.value.name,
  );
  const record = {
    id: bytesToHex(deps.randomBytes(8)),
    jwt,
    importedAt: options.now.toISOString(),
  };
  await desk.vault.writeRecords([
    ...older.map((item) => ({ delete: `${TRUST_LIST_PREFIX}${item.id}` })),
    { id: `${TRUST_LIST_PREFIX}${record.id}`, value: record },
  ]);
  return ok({ ...record, list: verified.value });
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
    const verified = await verifyTrustList(read.value.jwt, { crypto: deps.jws, now });
    lists.push(
      verified.ok
        ? { ...read.value, list: verified.value }
        : { ...read.value, problem: verified.reason },
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

export type EntryProblem = 'invalid-did' | 'invalid-name' | 'no-types';

/** Add an issuer to the desk's own list (or replace the entry with the same DID). */
export async function addOwnTrustEntry(
  desk: VerifierDesk,
  entry: TrustEntry,
): Promise<Result<OwnTrustList, EntryProblem>> {
  const did = entry.did.trim();
  const name = entry.name.trim();
  if (!/^did:[a-z0-9]+:[\w.%:-]+$/i.test(did) || did.length > 2048) return failed('invalid-did');
  if (!name || name.length > 200) return failed('invalid-name');
  const vct = [...new Set(entry.vct)];
  if (vct.length === 0) return failed('no-types');
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
  const imported = (await listImportedTrustLists(desk, deps, now)).flatMap((item) =>
    item.list ? [item.list] : [],
  );
  const own = await readOwnTrustList(desk);
  const ownList: TrustList = {
    issuer: desk.verifier.did as Did,
    name: own.name,
    iat: Math.floor(now.getTime() / 1000),
    entries: own.entries,
  };
  return own.entries.length > 0 ? [ownList, ...imported] : imported;
}
