/**
 * Copies from the command line (issue 13, docs/cli.md): `vouch issue --copies` and the offline
 * `vouch offer --issuer`. Both take the desk's one path (core/issuer/issue-copies.ts): each copy
 * bound to its own child key of the relationship xpub (--holder-xpub; the copies take children
 * --child-index … --child-index + n − 1), fresh salts, its own status index from --status-list.
 */
import type { ExtendedPublicKey } from '../../core/brand.ts';
import { checkClaims, type CredentialTypeId } from '../../core/credentials/index.ts';
import { isCopiesCount, MAX_COPIES } from '../../core/issuer/issuance.ts';
import {
  batchIssuedAt,
  issueCopies,
  policyExpiry,
  type IssuedCopy,
} from '../../core/issuer/issue-copies.ts';
import { issuerSigner, type IssuerKeyFile } from '../../core/jose/index.ts';
import { MAX_CHILD_INDEX, parseExtendedPublicKey } from '../../core/keys/index.ts';
import type { OfferFormat } from '../../core/protocol/credential-offer.ts';
import { allocateStatusIndices } from '../../core/status-list/index.ts';
import { writeFileAtomic } from '../../platform/node/files.ts';
import { CommandFailure } from '../command.ts';
import type { ParsedFlags, UsageError } from '../command.ts';
import { readJsonFile, readStatusListFile } from './inputs.ts';
import { jwsCrypto, randomBytes } from './runtime.ts';

export { copiesFlag } from './issuance-flags.ts';

/** The --copies value, or `defaultCopies` when it is not given. */
export function readCopies(
  flags: ParsedFlags,
  defaultCopies: number,
  usage: (message: string) => UsageError,
): number {
  const text = flags.string('copies');
  if (text === undefined) return defaultCopies;
  const value = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!isCopiesCount(value)) {
    throw usage(
      `--copies: expected a whole number from 1 to ${MAX_COPIES}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** --holder-xpub and --child-index (the first copy's child), checked. */
export function readXpubHolder(
  flags: ParsedFlags,
  copies: number,
  usage: (message: string) => UsageError,
): { xpub: ExtendedPublicKey; firstChild: number } {
  const xpubText = flags.string('holder-xpub');
  if (xpubText === undefined) throw usage('missing required flag --holder-xpub <xpub>');
  const childText = flags.string('child-index');
  if (childText === undefined) throw usage('--holder-xpub needs --child-index <n>');
  const firstChild = /^\d{1,10}$/.test(childText) ? Number(childText) : Number.NaN;
  if (!(firstChild <= MAX_CHILD_INDEX - (copies - 1))) {
    throw usage(
      `--child-index: expected a whole number from 0 to ${MAX_CHILD_INDEX - (copies - 1)} (${copies} cop${copies === 1 ? 'y takes' : 'ies take'} children n…n+${copies - 1}), got ${JSON.stringify(childText)}`,
    );
  }
  const xpub = parseExtendedPublicKey(xpubText);
  if (!xpub.ok) throw usage(`--holder-xpub: ${xpub.detail.message}`);
  return { xpub: xpub.value, firstChild };
}

/** The claims file, checked against the type's schema: every problem in one line otherwise. */
export async function readCheckedClaims(
  path: string,
  type: CredentialTypeId,
): Promise<Record<string, unknown>> {
  const claims = checkClaims(type, await readJsonFile(path, '--claims'));
  if (!claims.ok) {
    const issues = claims.detail.issues.map((issue) => issue.message);
    throw new CommandFailure(
      `the claims do not fit ${type} (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.join('; ')}`,
    );
  }
  return claims.value;
}

/**
 * Issue `count` copies to the xpub's children firstChild…: with `statusListPath`, one random
 * unused index each, and the list written back atomically BEFORE the copies are returned (an index
 * is never handed out twice). `exp`: `expiresAt`, else the type's policy from the batch's `iat`.
 */
export async function issueCopiesToXpub(input: {
  issuer: IssuerKeyFile;
  xpub: ExtendedPublicKey;
  firstChild: number;
  count: number;
  typeId: CredentialTypeId;
  claims: Record<string, unknown>;
  format: OfferFormat;
  statusListPath: string | undefined;
  expiresAt: Date | undefined;
}): Promise<IssuedCopy[]> {
  const { count } = input;
  let statuses: ({ idx: number; uri: string } | undefined)[] = Array.from(
    { length: count },
    () => undefined,
  );
  let writeList: (() => Promise<void>) | undefined;
  if (input.statusListPath !== undefined) {
    const path = input.statusListPath;
    const list = await readStatusListFile(path);
    const allocated = allocateStatusIndices(list, count, randomBytes);
    if (!allocated.ok) throw new CommandFailure(allocated.detail.message);
    statuses = allocated.value.indices.map((idx) => ({ idx, uri: list.uri }));
    writeList = () => writeFileAtomic(path, `${JSON.stringify(allocated.value.list, null, 2)}\n`);
  }
  const issuedAt = batchIssuedAt(new Date(), count);
  const expiresAt = input.expiresAt ?? policyExpiry(input.typeId, issuedAt);
  const copies = await issueCopies({
    issuer: {
      did: input.issuer.did,
      alg: input.issuer.alg,
      sign: issuerSigner(jwsCrypto(), input.issuer),
    },
    xpub: input.xpub,
    typeId: input.typeId,
    claims: input.claims,
    copies: statuses.map((status, i) => ({
      childIndex: input.firstChild + i,
      ...(status ? { status } : {}),
    })),
    issuedAt,
    ...(expiresAt ? { expiresAt } : {}),
    format: input.format,
    randomBytes,
  });
  // The indices are spent once the list says so: write it before any copy is shown.
  await writeList?.();
  return copies;
}
