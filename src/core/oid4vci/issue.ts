/**
 * One Vouch credential, issued exactly as the offline desk and `vouch issue` issue it
 * (src/core/issuer/issuance.ts, src/cli/commands/issue.ts): claims checked against the type's
 * schema, `issueSdJwtVc` with the type's vct, every personal claim selectively disclosable,
 * registered claims never, `status.status_list` { idx, uri }, `exp` from the type's expiry policy.
 *
 * Or, for a `jwt_vc_json` configuration, the same claims as a W3C VC-JWT (docs/w3c-vc.md) whose
 * `sub` is the did:key of the proved key and whose `credentialStatus` is the BitstringStatusListEntry
 * of the same index, at the list's `.w3c` twin. did-jwt-vc is loaded only then (dynamic import).
 */
import { checkClaims, CREDENTIAL_TYPES } from '../credentials/index.ts';
import type { ClaimIssue, CredentialTypeId } from '../credentials/index.ts';
import { didKeyFromJwk } from '../did/did-key.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.ts';
import type { SdJwtCompact } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { IssuerSigningKey } from './endpoint.ts';

function expiryOf(type: CredentialTypeId, now: Date): Date | undefined {
  const days = CREDENTIAL_TYPES[type].expiresAfterDays;
  return days === undefined ? undefined : new Date(now.getTime() + days * 86_400_000);
}

/** A W3C VC-JWT (`jwt_vc_json`) of a Vouch type, `sub` = the did:key of `holderJwk`. */
export async function issueVouchW3cCredential(options: {
  issuer: IssuerSigningKey;
  type: CredentialTypeId;
  claims: unknown;
  holderJwk: PublicJwk;
  status?: { uri: string; idx: number };
  now: Date;
  randomBytes: (n: number) => Uint8Array;
}): Promise<Result<string, 'invalid-claims', { issues: ClaimIssue[] }>> {
  const claims = checkClaims(options.type, options.claims);
  if (!claims.ok) return failedWith('invalid-claims', { issues: claims.detail.issues });
  const { issueVcJwt } = await import('../w3c/index.ts');
  const expiresAt = expiryOf(options.type, options.now);
  return ok(
    await issueVcJwt({
      issuer: options.issuer,
      subject: didKeyFromJwk(options.holderJwk),
      typeId: options.type,
      claims: claims.value,
      issuedAt: options.now,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      ...(options.status === undefined ? {} : { status: options.status }),
      randomBytes: options.randomBytes,
    }),
  );
}

export async function issueVouchCredential(options: {
  issuer: IssuerSigningKey;
  type: CredentialTypeId;
  claims: unknown;
  holderJwk: PublicJwk;
  status?: { uri: string; idx: number };
  now: Date;
  randomBytes: (n: number) => Uint8Array;
  decoys?: number;
}): Promise<Result<SdJwtCompact, 'invalid-claims', { issues: ClaimIssue[] }>> {
  const claims = checkClaims(options.type, options.claims);
  if (!claims.ok) return failedWith('invalid-claims', { issues: claims.detail.issues });
  const definition = CREDENTIAL_TYPES[options.type];
  const expiresAt = expiryOf(options.type, options.now);
  return ok(
    await issueSdJwtVc({
      issuer: options.issuer,
      vct: definition.vct,
      claims: claims.value,
      holderJwk: options.holderJwk,
      ...(options.status === undefined ? {} : { status: options.status }),
      issuedAt: options.now,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      decoys: options.decoys ?? 0,
      randomBytes: options.randomBytes,
    }),
  );
}
