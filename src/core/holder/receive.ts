import { credentialTypeByVct, checkClaims } from '../credentials/index.ts';
import type { JwsCrypto, PublicJwk } from '../jose/index.ts';
import { deriveCredentialPublicKey, publicKeyToJwk } from '../keys/index.ts';
import { parseCredentialOffer } from '../protocol/index.ts';
import { verifySdJwtVc } from '../sd-jwt/index.ts';
import {
  credentialIdFor,
  hasCredential,
  saveCredential,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { findRelationshipByFingerprint } from './relationships.ts';

/**
 * Receive a credential offer. Before anything is stored: the offer parses, it is for one of this
 * wallet's relationships, the issuer's signature verifies, `cnf` is exactly the child key this
 * wallet derives for the offered index, the type is known and the claims fit its schema. Anything
 * else is refused with a reason, and nothing is written.
 */
export type ReceiveProblem =
  | 'malformed-offer'
  | 'unknown-relationship'
  | 'invalid-credential'
  | 'not-bound-to-wallet'
  | 'unknown-type'
  | 'invalid-claims'
  | 'already-stored';

export type ReceiveResult =
  { ok: true; value: StoredCredential } | { ok: false; reason: ReceiveProblem; detail: string };

const refuse = (reason: ReceiveProblem, detail: string): ReceiveResult => ({
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

export async function receiveCredentialOffer(
  wallet: HolderWallet,
  offerBytes: Uint8Array,
  deps: { crypto: JwsCrypto; now: Date },
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

  const verified = await verifySdJwtVc(offer.value.credential, {
    crypto: deps.crypto,
    now: deps.now,
  });
  if (!verified.ok)
    return refuse('invalid-credential', `${verified.reason}: ${verified.detail.message}`);
  const credential = verified.value;
  const issuer = credential.issuer;
  // verifySdJwtVc requires `iss` when no issuer key is pinned; the wallet never pins one.
  if (issuer === undefined) return refuse('invalid-credential', 'the credential names no issuer');

  let expectedKey;
  try {
    expectedKey = publicKeyToJwk(
      deriveCredentialPublicKey(relationship.xpub, offer.value.childIndex),
    );
  } catch {
    return refuse('not-bound-to-wallet', `child index ${offer.value.childIndex} is not usable`);
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

  const id = credentialIdFor(offer.value.credential);
  if (await hasCredential(wallet, id)) return refuse('already-stored', id);

  const stored: StoredCredential = {
    id,
    compact: offer.value.credential,
    typeId: type.id,
    vct: credential.vct,
    issuer,
    issuerName: relationship.issuerName,
    relationshipIndex: relationship.index,
    childIndex: offer.value.childIndex,
    claims: claims.value,
    ...(credential.iat === undefined
      ? {}
      : { issuedAt: new Date(credential.iat * 1000).toISOString() }),
    ...(credential.exp === undefined
      ? {}
      : { expiresAt: new Date(credential.exp * 1000).toISOString() }),
    receivedAt: deps.now.toISOString(),
    ...(credential.status ? { status: credential.status } : {}),
  };
  await saveCredential(wallet, stored);
  return { ok: true, value: stored };
}
