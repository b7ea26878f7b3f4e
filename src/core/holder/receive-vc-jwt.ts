/**
 * Receiving a W3C VC-JWT (docs/w3c-vc.md §Wallet): the same checks as an SD-JWT VC (receive.ts),
 * in the W3C encoding. Before anything is stored: the issuer's signature verifies (did-jwt-vc
 * through src/core/w3c; no trust list: trust is the verifier's business), the credential is
 * within its validity period, `sub` is the did:key of this wallet's child key, the type is a Vouch
 * type and the claims (credentialSubject) fit its schema, it is not stored yet, and the issuer is
 * the one its relationship is pinned to.
 *
 * src/core/w3c (did-jwt-vc, did-resolver) is loaded with a dynamic `import()`, only when a W3C
 * credential arrives, so the wallet's first screen never loads it.
 *
 * Three ways in: an offline offer (relationship fingerprint + child index, receive.ts), OpenID4VCI
 * (the child key the wallet proved, receive-openid4vci.ts), and a bare VC-JWT pasted, opened as a
 * file or followed as a link (`receiveVcJwt`): the wallet then looks for the child key whose
 * did:key is `sub`, among each relationship's keys up to VC_JWT_LOOKAHEAD past the highest it
 * knows to be in use.
 */
import { checkClaims, CREDENTIAL_TYPES, issuerNameFromClaims } from '../credentials/index.ts';
import { isRecord, peekJwtPayload } from '../w3c/shape.ts';
import { deriveCredentialPublicKey, didKeyFromPublicKey } from '../keys/index.ts';
import {
  credentialIdFor,
  hasCredential,
  listCredentials,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import {
  pinAndRecord,
  refuse,
  type PrepareInput,
  type PrepareResult,
  type ReceiveOptions,
  type ReceiveResult,
} from './receive-common.ts';
import { listRelationships, type Relationship } from './relationships.ts';

/** How far past a relationship's highest known child index a pasted VC-JWT's key is looked for. */
export const VC_JWT_LOOKAHEAD = 64;
/** A pasted VC-JWT longer than this is refused unread (a Vouch VC-JWT is 1–2 KB). */
export const MAX_PASTED_VC_JWT_LENGTH = 64 * 1024;

/** The checks of verifyCredentialJwt a credential must pass to be stored (trust and status: no). */
const REQUIRED_CHECKS = ['encoding', 'issuer-signature', 'validity'] as const;

/**
 * The decoded payload of a compact JWS that carries a `vc` object, else undefined. A cheap shape
 * test (no signature, no did-jwt-vc) to route a credential to the W3C path.
 */
export function vcJwtPayloadOf(text: string): Readonly<Record<string, unknown>> | undefined {
  if (typeof text !== 'string' || text.length > MAX_PASTED_VC_JWT_LENGTH || text.includes('~'))
    return undefined;
  const payload = peekJwtPayload(text);
  return payload !== undefined && isRecord(payload.vc) ? payload : undefined;
}

/** Whether text is a W3C VC-JWT by its shape (see vcJwtPayloadOf). */
export function looksLikeVcJwt(text: string): boolean {
  return vcJwtPayloadOf(text) !== undefined;
}

/** The did:key of a relationship's child key (the `sub` an issuer puts in a VC-JWT for it). */
export function childDidKey(relationship: Relationship, childIndex: number): string {
  return didKeyFromPublicKey(deriveCredentialPublicKey(relationship.xpub, childIndex));
}

/**
 * Every check before a VC-JWT bound to `relationship`'s child key `childIndex` is stored. Writes
 * nothing (the caller writes `records` in one transaction), like prepareReceivedCredential.
 */
export async function prepareReceivedVcJwt(
  wallet: HolderWallet,
  input: PrepareInput,
): Promise<PrepareResult> {
  const { relationship, options } = input;
  const jwt = input.credential.trim();
  const w3c = await import('../w3c/index.ts');
  const read = w3c.readVcJwt(jwt);
  if (!read.ok) return refuse('invalid-credential', `${read.reason}: ${read.detail.message}`);
  const verdict = await w3c.verifyCredentialJwt(jwt, { crypto: options.crypto, now: options.now });
  for (const name of REQUIRED_CHECKS) {
    const check = verdict.checks.find((c) => c.name === name);
    if (!check?.ok) {
      return refuse(
        'invalid-credential',
        check ? `${check.code}: ${check.message}` : `the ${name} check did not run`,
      );
    }
  }
  const credential = read.value;

  let expected: string;
  try {
    expected = childDidKey(relationship, input.childIndex);
  } catch {
    return refuse('not-bound-to-wallet', `child index ${input.childIndex} is not usable`);
  }
  if (credential.subject !== expected) {
    return refuse(
      'not-bound-to-wallet',
      'sub is not the did:key this wallet derives for the offered child index',
    );
  }

  const type = credential.typeId === undefined ? undefined : CREDENTIAL_TYPES[credential.typeId];
  if (!type) {
    return refuse('unknown-type', `type ${JSON.stringify(credential.types).slice(0, 160)}`);
  }
  const claims = checkClaims(type.id, credential.claims);
  if (!claims.ok) {
    return refuse(
      'invalid-claims',
      claims.detail.issues.map((i) => `${i.claim}: ${i.message}`).join('; '),
    );
  }
  const issuer = credential.issuer;
  const id = credentialIdFor(jwt);
  if (await hasCredential(wallet, id)) return refuse('already-stored', id);

  // Only a revocation entry is kept: the status check reads revocation lists only.
  const status =
    credential.status?.purpose === 'revocation'
      ? { idx: credential.status.idx, uri: credential.status.uri }
      : undefined;
  const stored: StoredCredential = {
    id,
    format: 'jwt_vc_json',
    compact: jwt,
    types: [...credential.types],
    typeId: type.id,
    vct: type.vct,
    issuer,
    issuerName: relationship.issuerName,
    relationshipIndex: relationship.index,
    childIndex: input.childIndex,
    claims: claims.value,
    ...(credential.issuedAt === undefined ? {} : { issuedAt: credential.issuedAt.toISOString() }),
    ...(credential.expiresAt === undefined
      ? {}
      : { expiresAt: credential.expiresAt.toISOString() }),
    receivedAt: options.now.toISOString(),
    ...(status ? { status } : {}),
  };
  return pinAndRecord(wallet, {
    relationship,
    stored,
    offeredIssuerName: issuerNameFromClaims(type.id, claims.value),
    options,
  });
}

/**
 * Which of this wallet's child keys a `sub` is: each relationship's keys from 0 up to
 * VC_JWT_LOOKAHEAD past the highest index it knows to be in use (its credentials, the OpenID4VCI
 * `nextChildIndex`). Undefined when none is.
 */
export async function findChildKeyOf(
  wallet: HolderWallet,
  subject: string,
): Promise<{ relationship: Relationship; childIndex: number } | undefined> {
  if (!subject.startsWith('did:key:zQ3s')) return undefined;
  const [relationships, credentials] = await Promise.all([
    listRelationships(wallet),
    listCredentials(wallet),
  ]);
  for (const relationship of relationships) {
    const used = credentials
      .filter((credential) => credential.relationshipIndex === relationship.index)
      .map((credential) => credential.childIndex + 1);
    const known = Math.max(relationship.nextChildIndex ?? 0, ...used, 0);
    for (let childIndex = 0; childIndex < known + VC_JWT_LOOKAHEAD; childIndex++) {
      if (childDidKey(relationship, childIndex) === subject) return { relationship, childIndex };
    }
  }
  return undefined;
}

/**
 * Receive a bare VC-JWT (pasted, opened as a file, followed as a link): find the child key its
 * `sub` names, then the same checks as an offer; 'not-bound-to-wallet' when `sub` is none of this
 * wallet's keys. Stores the credential (and the relationship's pin) in one transaction.
 */
export async function receiveVcJwt(
  wallet: HolderWallet,
  text: string,
  options: ReceiveOptions,
): Promise<ReceiveResult> {
  const jwt = typeof text === 'string' ? text.trim() : '';
  const payload = vcJwtPayloadOf(jwt);
  if (!payload) return refuse('malformed-offer', 'this is not a W3C VC-JWT (a JWT with "vc")');
  const vc = payload.vc as Record<string, unknown>;
  const subjectId =
    typeof vc.credentialSubject === 'object' && vc.credentialSubject !== null
      ? (vc.credentialSubject as { id?: unknown }).id
      : undefined;
  const subject = payload.sub ?? subjectId;
  if (typeof subject !== 'string') {
    return refuse('not-bound-to-wallet', 'the credential names no subject (sub)');
  }
  const owner = await findChildKeyOf(wallet, subject);
  if (!owner) {
    return refuse(
      'not-bound-to-wallet',
      `sub ${subject.slice(0, 80)} is none of this wallet's credential keys`,
    );
  }
  const prepared = await prepareReceivedVcJwt(wallet, {
    relationship: owner.relationship,
    credential: jwt,
    childIndex: owner.childIndex,
    options,
  });
  if (!prepared.ok) return prepared;
  await wallet.vault.writeRecords(prepared.value.records);
  return { ok: true, value: prepared.value.stored };
}
