import { credentialTypeByVct, checkClaims, issuerNameFromClaims } from '../credentials/index.ts';
import type { JwsCrypto, PublicJwk } from '../jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import {
  credentialIdFor,
  CREDENTIAL_PREFIX,
  hasCredential,
  listCredentials,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import {
  findRelationshipByFingerprint,
  relationshipRecord,
  type Relationship,
} from './relationships.ts';

/**
 * Receive a credential offer. Before anything is stored: the offer parses, it is for one of this
 * wallet's relationships, the issuer's signature verifies, no registered claim (exp, status…) is
 * selectively disclosable (SD-JWT VC §3.2.2.2; all disclosures are here, so none can hide), `cnf`
 * is exactly the child key this wallet derives for the offered index, the type is known and the
 * claims fit its schema, and the issuer is the one this relationship is pinned to. Anything else
 * is refused with a reason, and nothing is written.
 *
 * Issuer pinning: the first credential received through a relationship pins its issuer DID. A
 * later one from another DID is refused ('issuer-changed', naming both) unless the citizen
 * explicitly trusts that new DID (`trustNewIssuer`), which then re-pins the relationship.
 */
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

const refuse = (
  reason: ReceiveProblem,
  detail: string,
): { ok: false; reason: ReceiveProblem; detail: string } => ({
  ok: false,
  reason,
  detail,
});

function sameKey(
  a: PublicJwk | undefined,
  b: { kty: string; crv: string; x: string; y: string },
): boolean {
  return !!a && a.kty === b.kty && a.crv === b.crv && a.x === b.x && 'y' in a && a.y === b.y;
}

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

export async function receiveCredentialOffer(
  wallet: HolderWallet,
  offerBytes: Uint8Array,
  options: ReceiveOptions,
): Promise<ReceiveResult> {
  const offer = parseCredentialOffer(offerBytes);
  if (!offer.ok) return refuse('malformed-offer', offer.detail.message);

  const relationship = await findRelationshipByFingerprint(wallet, offer.value.relationship);
  if (!relationship) {
    return refuse(
      'unknown-relationship',
      `no relationship with fingerprint ${offer.value.relationship}`,
    );
  }
  const prepared = await prepareReceivedCredential(wallet, {
    relationship,
    credential: offer.value.credential,
    childIndex: offer.value.childIndex,
    options,
  });
  if (!prepared.ok) return prepared;
  // The credential and the (re-)pin in one transaction: never one without the other.
  await wallet.vault.writeRecords(prepared.value.records);
  return { ok: true, value: prepared.value.stored };
}

/** A checked credential and the vault records that store it (and re-pin its relationship). */
export interface PreparedCredential {
  readonly stored: StoredCredential;
  /** The relationship as it is after this credential (pinned to its issuer). */
  readonly relationship: Relationship;
  readonly records: { id: string; value: unknown }[];
}

/**
 * Every check before a credential bound to `relationship`'s child key `childIndex` is stored (see
 * the top of this file): issuer signature, no disclosable registered claim, cnf = our child key,
 * known type, claims fit its schema, not stored yet, issuer pinning. Writes nothing: the caller
 * writes `records` in one transaction (with whatever else belongs to it). Shared by the offline
 * offer and OpenID4VCI (receive-openid4vci.ts).
 */
export async function prepareReceivedCredential(
  wallet: HolderWallet,
  input: {
    relationship: Relationship;
    credential: string;
    childIndex: number;
    options: ReceiveOptions;
  },
): Promise<
  | { ok: true; value: PreparedCredential }
  | { ok: false; reason: ReceiveProblem; detail: string; issuerChange?: IssuerChange }
> {
  const { relationship, options } = input;
  // Also refuses a disclosable exp, status… (checked on every disclosure: the issuer hands them all).
  const verified = await verifySdJwtVc(input.credential, {
    crypto: options.crypto,
    now: options.now,
  });
  if (!verified.ok)
    return refuse('invalid-credential', `${verified.reason}: ${verified.detail.message}`);
  const credential = verified.value;
  const issuer = credential.issuer;
  // verifySdJwtVc requires `iss` when no issuer key is pinned; the wallet never pins one.
  if (issuer === undefined) return refuse('invalid-credential', 'the credential names no issuer');

  let expectedKey;
  try {
    expectedKey = publicKeyToJwk(deriveCredentialPublicKey(relationship.xpub, input.childIndex));
  } catch {
    return refuse('not-bound-to-wallet', `child index ${input.childIndex} is not usable`);
  }
  if (!sameKey(credential.cnfJwk, expectedKey)) {
    return refuse(
      'not-bound-to-wallet',
      'cnf is not the key this wallet derives for the offered child index',
    );
  }

  const type = credentialTypeByVct(credential.vct);
  if (!type) return refuse('unknown-type', `vct ${JSON.stringify(credential.vct).slice(0, 120)}`);
  const claims = checkClaims(type.id, credential.claims);
  if (!claims.ok) {
    return refuse(
      'invalid-claims',
      claims.detail.issues.map((i) => `${i.claim}: ${i.message}`).join('; '),
    );
  }

  const id = credentialIdFor(input.credential);
  if (await hasCredential(wallet, id)) return refuse('already-stored', id);

  const pinned = await pinnedIssuerOf(wallet, relationship);
  if (pinned !== undefined && pinned !== issuer && options.trustNewIssuer !== issuer) {
    const offeredIssuerName = issuerNameFromClaims(type.id, claims.value);
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

  const stored: StoredCredential = {
    id,
    compact: input.credential,
    typeId: type.id,
    vct: credential.vct,
    issuer,
    issuerName: relationship.issuerName,
    relationshipIndex: relationship.index,
    childIndex: input.childIndex,
    claims: claims.value,
    ...(credential.iat === undefined
      ? {}
      : { issuedAt: new Date(credential.iat * 1000).toISOString() }),
    ...(credential.exp === undefined
      ? {}
      : { expiresAt: new Date(credential.exp * 1000).toISOString() }),
    receivedAt: options.now.toISOString(),
    ...(credential.status ? { status: credential.status } : {}),
  };
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
