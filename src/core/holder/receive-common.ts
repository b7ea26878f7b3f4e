/**
 * What receiving a credential shares across formats (receive.ts for SD-JWT VC, receive-vc-jwt.ts
 * for W3C VC-JWT, receive-openid4vci.ts): the refusal reasons, the options, and issuer pinning.
 *
 * Issuer pinning: the first credential received through a relationship pins its issuer DID. A
 * later one from another DID is refused ('issuer-changed', naming both) unless the citizen
 * explicitly trusts that new DID (`trustNewIssuer`), which then re-pins the relationship.
 */
import type { JwsCrypto } from '../jose/index.ts';
import { CREDENTIAL_PREFIX, listCredentials, type StoredCredential } from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { relationshipRecord, type Relationship } from './relationships.ts';

export type ReceiveProblem =
  | 'malformed-offer'
  | 'unknown-relationship'
  | 'invalid-credential'
  | 'not-bound-to-wallet'
  | 'unknown-type'
  | 'invalid-claims'
  | 'already-stored'
  | 'issuer-changed';

/** What the citizen needs to decide about a credential from another issuer than before. */
export interface IssuerChange {
  /** The citizen's label for the relationship. */
  readonly relationshipName: string;
  /** The DID the relationship is pinned to. */
  readonly pinnedIssuer: string;
  /** The DID that signed this credential. */
  readonly offeredIssuer: string;
  /** The name the new credential gives its issuer (self-asserted). */
  readonly offeredIssuerName?: string;
}

export type ReceiveResult =
  | { ok: true; value: StoredCredential }
  | { ok: false; reason: ReceiveProblem; detail: string; issuerChange?: IssuerChange };

export interface ReceiveOptions {
  crypto: JwsCrypto;
  now: Date;
  /**
   * The issuer DID the citizen explicitly chose to trust after an 'issuer-changed' warning. Only
   * that exact DID is accepted (and re-pinned); default: none, so a changed issuer is refused.
   */
  trustNewIssuer?: string;
}

/** A credential that arrived for `relationship`'s child key `childIndex`, to be checked. */
export interface PrepareInput {
  relationship: Relationship;
  credential: string;
  childIndex: number;
  options: ReceiveOptions;
}

/** A checked credential and the vault records that store it (and re-pin its relationship). */
export interface PreparedCredential {
  readonly stored: StoredCredential;
  /** The relationship as it is after this credential (pinned to its issuer). */
  readonly relationship: Relationship;
  readonly records: { id: string; value: unknown }[];
}

export type PrepareResult =
  | { ok: true; value: PreparedCredential }
  | { ok: false; reason: ReceiveProblem; detail: string; issuerChange?: IssuerChange };

export const refuse = (
  reason: ReceiveProblem,
  detail: string,
): { ok: false; reason: ReceiveProblem; detail: string } => ({
  ok: false,
  reason,
  detail,
});

/**
 * The issuer DID a relationship is pinned to. Relationships created before pinning existed have no
 * `issuerDid`: for them the first credential already received through them decides.
 */
async function pinnedIssuerOf(
  wallet: HolderWallet,
  relationship: Relationship,
): Promise<string | undefined> {
  if (relationship.issuerDid !== undefined) return relationship.issuerDid;
  const earlier = (await listCredentials(wallet))
    .filter((credential) => credential.relationshipIndex === relationship.index)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return earlier[0]?.issuer;
}

/**
 * Issuer pinning and the records to write, for a credential that passed every other check: refused
 * with 'issuer-changed' (naming both DIDs) when its relationship is pinned to another issuer and
 * the citizen did not choose to trust exactly this one; else the credential record and, when the
 * pin changes, the relationship record.
 */
export async function pinAndRecord(
  wallet: HolderWallet,
  input: {
    relationship: Relationship;
    stored: StoredCredential;
    /** The name the credential gives its issuer (self-asserted), for the warning. */
    offeredIssuerName: string | undefined;
    options: ReceiveOptions;
  },
): Promise<PrepareResult> {
  const { relationship, stored, offeredIssuerName, options } = input;
  const issuer = stored.issuer;
  const pinned = await pinnedIssuerOf(wallet, relationship);
  if (pinned !== undefined && pinned !== issuer && options.trustNewIssuer !== issuer) {
    return {
      ok: false,
      reason: 'issuer-changed',
      detail: `"${relationship.issuerName}" is pinned to issuer ${pinned}, but this credential is signed by ${issuer}`,
      issuerChange: {
        relationshipName: relationship.issuerName,
        pinnedIssuer: pinned,
        offeredIssuer: issuer,
        ...(offeredIssuerName === undefined ? {} : { offeredIssuerName }),
      },
    };
  }
  const repinned: Relationship =
    relationship.issuerDid === issuer
      ? relationship
      : { ...relationship, issuerDid: issuer, issuerPinnedAt: options.now.toISOString() };
  return {
    ok: true,
    value: {
      stored,
      relationship: repinned,
      records: [
        { id: `${CREDENTIAL_PREFIX}${stored.id}`, value: stored },
        ...(repinned === relationship ? [] : [relationshipRecord(repinned)]),
      ],
    },
  };
}
