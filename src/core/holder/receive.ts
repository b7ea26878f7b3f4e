import { credentialTypeByVct, checkClaims, issuerNameFromClaims } from '../credentials/index.ts';
import type { PublicJwk } from '../jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import { storeCopies } from './copies-store.ts';
import {
  CREDENTIAL_PREFIX,
  credentialIdFor,
  hasCredential,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import {
  pinAndRecord,
  refuse,
  type PreparedCredential,
  type PrepareInput,
  type PrepareResult,
  type ReceiveOptions,
  type ReceiveResult,
} from './receive-common.ts';
import { looksLikeVcJwt, prepareReceivedVcJwt } from './receive-vc-jwt.ts';
import { findRelationshipByFingerprint, type Relationship } from './relationships.ts';

export type {
  IssuerChange,
  PreparedCredential,
  PrepareResult,
  ReceiveOptions,
  ReceiveProblem,
  ReceiveResult,
} from './receive-common.ts';

/**
 * Receive a credential offer. Before anything is stored: the offer parses, it is for one of this
 * wallet's relationships, the issuer's signature verifies, no registered claim (exp, status…) is
 * selectively disclosable (SD-JWT VC §3.2.2.2; all disclosures are here, so none can hide), `cnf`
 * is exactly the child key this wallet derives for the offered index, the type is known and the
 * claims fit its schema, and the issuer is the one this relationship is pinned to (receive-common.ts).
 * Anything else is refused with a reason, and nothing is written. A W3C VC-JWT in the offer takes
 * the same checks in its encoding (receive-vc-jwt.ts: `sub` is the child key's did:key).
 */
function sameKey(
  a: PublicJwk | undefined,
  b: { kty: string; crv: string; x: string; y: string },
): boolean {
  return !!a && a.kty === b.kty && a.crv === b.crv && a.x === b.x && 'y' in a && a.y === b.y;
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
  if (offer.value.version === 2) {
    return receiveCopies(wallet, { relationship, copies: offer.value.copies, options });
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

/**
 * Copies of one credential (a v2 offer, docs/credentials.md §Copies): EVERY copy takes every check
 * a single credential takes (prepareReceivedCredential), then they are kept as one record with
 * `copies`. A later batch of a credential already held (same issuer, vct and claims, same
 * relationship) joins its record (copies-store.ts storeCopies, shared with OpenID4VCI). All or nothing: one bad copy refuses the
 * offer, and nothing is written.
 */
async function receiveCopies(
  wallet: HolderWallet,
  input: {
    relationship: Relationship;
    copies: readonly { credential: string; childIndex: number }[];
    options: ReceiveOptions;
  },
): Promise<ReceiveResult> {
  const prepared: PreparedCredential[] = [];
  for (const [i, copy] of input.copies.entries()) {
    const one = await prepareReceivedCredential(wallet, {
      relationship: input.relationship,
      credential: copy.credential,
      childIndex: copy.childIndex,
      options: input.options,
    });
    if (!one.ok) {
      return input.copies.length === 1 ? one : { ...one, detail: `copy ${i}: ${one.detail}` };
    }
    prepared.push(one.value);
  }
  const first = prepared[0] as PreparedCredential;
  // The relationship's re-pin, if any (the same record in every copy's preparation).
  return storeCopies(wallet, {
    copies: prepared.map(({ stored }) => stored),
    relationshipIndex: input.relationship.index,
    refresh: { kind: 'offline' },
    alsoWrite: first.records.filter((record) => !record.id.startsWith(CREDENTIAL_PREFIX)),
  });
}

/**
 * Every check before a credential bound to `relationship`'s child key `childIndex` is stored (see
 * the top of this file): issuer signature, no disclosable registered claim, cnf = our child key,
 * known type, claims fit its schema, not stored yet, issuer pinning. Writes nothing: the caller
 * writes `records` in one transaction (with whatever else belongs to it). Shared by the offline
 * offer and OpenID4VCI (receive-openid4vci.ts). A W3C VC-JWT goes to prepareReceivedVcJwt.
 */
export async function prepareReceivedCredential(
  wallet: HolderWallet,
  input: PrepareInput,
): Promise<PrepareResult> {
  const { relationship, options } = input;
  if (looksLikeVcJwt(input.credential)) return prepareReceivedVcJwt(wallet, input);
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
  return pinAndRecord(wallet, {
    relationship,
    stored,
    offeredIssuerName: issuerNameFromClaims(type.id, claims.value),
    options,
  });
}
