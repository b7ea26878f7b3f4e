/**
 * One Vouch credential, issued exactly as the offline desk and `vouch issue` issue it
 * (src/core/issuer/issuance.ts, src/cli/commands/issue.ts): claims checked against the type's
 * schema, `issueSdJwtVc` with the type's vct, every personal claim selectively disclosable,
 * registered claims never, `status.status_list` { idx, uri }, `exp` from the type's expiry policy.
 */
import { checkClaims, CREDENTIAL_TYPES } from '../credentials/index.ts';
import type { ClaimIssue, CredentialTypeId } from '../credentials/index.ts';
import type { PublicJwk } from '../jose/jwk.ts';
import { issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.ts';
import type { SdJwtCompact } from '../sd-jwt/issue-sd-jwt-vc.ts';
import { failedWith, ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { IssuerSigningKey } from './endpoint.ts';

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
  const expiresAt =
    definition.expiresAfterDays === undefined
      ? undefined
      : new Date(options.now.getTime() + definition.expiresAfterDays * 86_400_000);
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
