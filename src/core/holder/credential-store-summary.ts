/**
 * The credentials' summary index (docs/vault.md §Summary index): what the card list, the income
 * chart and the benefit rules read of each credential, kept by the vault in a few encrypted chunks
 * beside the credential records, so unlock lists 10,000 credentials from ~64 decryptions. Opening
 * a card decrypts its own record (readCredential) for the rest: the signed compact form and the
 * claims the list never shows (names, birth date, registration numbers).
 */
import type { z } from 'zod';
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../credentials/index.ts';
import type { RecordIndexSpec } from '../vault/index.ts';
import {
  compareCodeUnits,
  CREDENTIAL_PREFIX,
  storedCredentialSchema,
  type CopyRefresh,
  type StoredCredential,
} from './credential-store.ts';
import { contentKeyOf, copiesLeft } from './copies.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * A credential as the list knows it: every field of the record except the signed compact form,
 * with only the SUMMARY_CLAIMS of its type.
 */
export type CredentialSummary = Omit<StoredCredential, 'compact' | 'copies' | 'refresh'> & {
  /** A batch-issued credential's copies (copies.ts): how many, how many no verifier saw yet. */
  copyCount?: { total: number; left: number };
  /** How more copies can be had (the record's `refresh` without its token). */
  refreshKind?: CopyRefresh['kind'];
  /** Equal for two records of the same credential (copies.ts contentKeyOf): a new batch joins it. */
  contentKey?: string;
};

/** The claims each benefit rule reads (src/core/rules), by credential type. */
const RULE_CLAIMS: Record<CredentialTypeId, readonly string[]> = {
  // participatiewet-aanvulling: the month's net wages; the income chart too.
  'income-statement': ['period', 'net_wage_cents', 'gross_wage_cents', 'hours'],
  // asbest-tas-tns, be-afa (asbestos-diagnosis.ts).
  'medical-attestation': ['diagnosis_code', 'diagnosis_date'],
  diploma: ['degree', 'level', 'date_awarded'],
  // household-credential.ts answers the household question.
  household: ['household_type', 'adult_co_residents', 'valid_on'],
};

/**
 * The claims a summary keeps: what the rules read and the claims naming the issuer (a card's
 * title line). Never the holder's name, birth date or other identifiers: those are read from the
 * record when the card is opened.
 */
export const SUMMARY_CLAIMS: Record<CredentialTypeId, readonly string[]> = {
  'income-statement': summaryClaimsOf('income-statement'),
  'medical-attestation': summaryClaimsOf('medical-attestation'),
  diploma: summaryClaimsOf('diploma'),
  household: summaryClaimsOf('household'),
};

function summaryClaimsOf(typeId: CredentialTypeId): readonly string[] {
  return [...new Set([...RULE_CLAIMS[typeId], ...CREDENTIAL_TYPES[typeId].issuerNameClaims])];
}

/** Raise when summariseCredential changes: every wallet's index is rebuilt at its next unlock. */
export const CREDENTIAL_SUMMARY_VERSION = 2;

export function summariseCredential(credential: StoredCredential): CredentialSummary {
  const { compact: _compact, copies, refresh, claims, ...rest } = credential;
  const kept: Record<string, unknown> = {};
  for (const name of SUMMARY_CLAIMS[credential.typeId]) {
    if (name in claims) kept[name] = claims[name];
  }
  return {
    ...rest,
    claims: kept,
    contentKey: contentKeyOf(credential),
    ...(copies ? { copyCount: { total: copies.length, left: copiesLeft(credential) } } : {}),
    ...(refresh ? { refreshKind: refresh.kind } : {}),
  };
}

/**
 * The fields every reader of a summary dereferences (see RecordIndexSpec.isSummary: the summary
 * was made from a record that passed storedCredentialSchema, and is authenticated and versioned).
 */
function isCredentialSummary(value: unknown): value is CredentialSummary {
  if (typeof value !== 'object' || value === null) return false;
  const summary = value as Record<string, unknown>;
  const claims = summary.claims;
  return (
    typeof summary.id === 'string' &&
    typeof summary.typeId === 'string' &&
    Object.hasOwn(CREDENTIAL_TYPES, summary.typeId) &&
    typeof summary.vct === 'string' &&
    typeof summary.issuer === 'string' &&
    typeof summary.issuerName === 'string' &&
    typeof summary.receivedAt === 'string' &&
    typeof claims === 'object' &&
    claims !== null &&
    !Array.isArray(claims)
  );
}

export const CREDENTIAL_INDEX: RecordIndexSpec<StoredCredential, CredentialSummary> = {
  prefix: CREDENTIAL_PREFIX,
  version: CREDENTIAL_SUMMARY_VERSION,
  recordSchema: storedCredentialSchema as z.ZodType<StoredCredential, unknown>,
  isSummary: isCredentialSummary,
  summarise: summariseCredential,
};

/**
 * Every credential's summary, newest first (issued, else received): one read of the index. The
 * index is rebuilt first when it disagrees with the records (a wallet from before it).
 */
export async function listCredentialSummaries(wallet: HolderWallet): Promise<CredentialSummary[]> {
  const { entries } = await wallet.vault.readIndex(CREDENTIAL_INDEX);
  const when = (c: CredentialSummary) => c.issuedAt ?? c.receivedAt;
  return entries
    .map((entry) => entry.summary)
    .sort((a, b) => compareCodeUnits(when(b), when(a)) || compareCodeUnits(a.id, b.id));
}
