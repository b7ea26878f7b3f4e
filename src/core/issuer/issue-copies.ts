/**
 * Issuing the copies of one credential (issue 13, docs/credentials.md §Copies): the one path the
 * issuer desk (issuance.ts issueToSubject) and the CLI (`vouch issue --copies`, `vouch offer
 * --issuer`) take. Each copy is bound to its own key, the relationship xpub's non-hardened child
 * (docs/keys.md), with fresh salts (a new SD-JWT VC each) and its own status index. A batch's
 * `iat` is the day (batchIssuedAt). A W3C VC-JWT is one copy (the caller's rule: issueToSubject
 * and the CLI refuse more).
 */
import type { Did, ExtendedPublicKey } from '../brand.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import { CREDENTIAL_TYPES } from '../credentials/index.ts';
import type { JwsAlgorithm, JwsSign } from '../jose/index.ts';
import { deriveCredentialPublicKey, didKeyFromPublicKey, publicKeyToJwk } from '../keys/index.ts';
import type { OfferFormat } from '../protocol/credential-offer.ts';
import { encodeBatchCredentialOffer, encodeCredentialOffer } from '../protocol/index.ts';
import { issueSdJwtVc, type SdJwtCompact } from '../sd-jwt/index.ts';

const DAY_MS = 86_400_000;

/**
 * A batch's `iat` (and `exp` from it): `now` rounded down to the day, the same in every copy, so
 * it does not single out one batch among the day's. One copy keeps the moment of issue.
 */
export function batchIssuedAt(now: Date, copies: number): Date {
  return copies > 1 ? new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS) : now;
}

/** `exp` by the type's policy (none for a type without one, e.g. the diploma). */
export function policyExpiry(typeId: CredentialTypeId, issuedAt: Date): Date | undefined {
  const days = CREDENTIAL_TYPES[typeId].expiresAfterDays;
  return days === undefined ? undefined : new Date(issuedAt.getTime() + days * DAY_MS);
}

export interface IssuedCopy {
  readonly credential: SdJwtCompact | string;
  readonly childIndex: number;
}

export async function issueCopies(options: {
  readonly issuer: { did: Did; alg: JwsAlgorithm; sign: JwsSign };
  readonly xpub: ExtendedPublicKey;
  readonly typeId: CredentialTypeId;
  /** Checked against the type's schema already (checkClaims). */
  readonly claims: Record<string, unknown>;
  /** One per copy: its child index under `xpub` and, when the issuer keeps a list, its status. */
  readonly copies: readonly {
    readonly childIndex: number;
    readonly status?: { idx: number; uri: string };
  }[];
  readonly issuedAt: Date;
  readonly expiresAt?: Date;
  readonly format?: OfferFormat;
  /** Decoy digests (SD-JWT VC only). */
  readonly decoys?: number;
  readonly randomBytes: (n: number) => Uint8Array;
}): Promise<IssuedCopy[]> {
  const format = options.format ?? 'dc+sd-jwt';
  if (format === 'jwt_vc_json' && options.copies.length !== 1) {
    throw new RangeError(`issueCopies: a W3C VC-JWT is one copy, got ${options.copies.length}`);
  }
  const { issuedAt, expiresAt } = options;
  const issued: IssuedCopy[] = [];
  for (const { childIndex, status } of options.copies) {
    // The copy's own key: the relationship xpub's non-hardened child (docs/keys.md).
    const holderKey = deriveCredentialPublicKey(options.xpub, childIndex);
    if (format === 'jwt_vc_json') {
      // Loaded only when a VC-JWT is issued: did-jwt-vc stays out of the desk's first screens.
      const { issueVcJwt } = await import('../w3c/index.ts');
      const credential = await issueVcJwt({
        issuer: options.issuer,
        // `sub`: the did:key of the same child key an SD-JWT VC would bind in `cnf`.
        subject: didKeyFromPublicKey(holderKey),
        typeId: options.typeId,
        claims: options.claims,
        issuedAt,
        ...(expiresAt ? { expiresAt } : {}),
        // The IETF list's URI: the entry points at the same bits at bitstringStatusListUrl(uri).
        ...(status ? { status } : {}),
        randomBytes: options.randomBytes,
      });
      issued.push({ credential, childIndex });
      continue;
    }
    const credential = await issueSdJwtVc({
      issuer: options.issuer,
      vct: CREDENTIAL_TYPES[options.typeId].vct,
      claims: options.claims,
      holderJwk: publicKeyToJwk(holderKey),
      ...(status ? { status } : {}),
      issuedAt,
      ...(expiresAt ? { expiresAt } : {}),
      decoys: options.decoys ?? 0,
      randomBytes: options.randomBytes,
    });
    issued.push({ credential, childIndex });
  }
  return issued;
}

/** The offline offer for these copies (docs/protocol.md): v1 for one copy, v2 for a batch. */
export function encodeOfferForCopies(relationship: string, copies: readonly IssuedCopy[]) {
  const [first] = copies;
  if (first === undefined) throw new RangeError('encodeOfferForCopies: no copies');
  return copies.length === 1
    ? encodeCredentialOffer({
        credential: first.credential,
        relationship,
        childIndex: first.childIndex,
      })
    : encodeBatchCredentialOffer({ relationship, copies });
}
