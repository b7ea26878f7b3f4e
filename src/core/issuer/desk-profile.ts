/**
 * The desk's published issuer profile (docs/ux.md §Issuer profile; the format is in
 * core/trust/issuer-profile.ts): its name, the credential types it issues and the status lists it
 * publishes, signed by the desk's issuer key, for a verifier desk to import.
 */
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../credentials/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { signIssuerProfile } from '../trust/issuer-profile.ts';
import { readStatusList, withIssuerSigner, type IssuerDesk, type IssuerKind } from './desk.ts';

/** The types a desk may issue as a W3C VC-JWT too (issue 10: Europass-style diplomas). */
export const W3C_ISSUABLE_TYPES: readonly CredentialTypeId[] = ['diploma'];

/**
 * What a desk of this kind issues: each type's `vct`, and its W3C `type` term where the desk may
 * issue it as a VC-JWT (a verifier's trust list names either).
 */
export function deskCredentialTypes(kind: IssuerKind): string[] {
  const types: string[] = [];
  for (const type of Object.values(CREDENTIAL_TYPES)) {
    if (!type.issuerKinds.includes(kind)) continue;
    types.push(type.vct);
    if (W3C_ISSUABLE_TYPES.includes(type.id)) types.push(type.w3cType);
  }
  return types;
}

/**
 * Signs the desk's profile now. `statusLists` beyond the list's own address: the same list's other
 * addresses (the copy the desk's server hosts).
 */
export async function signDeskIssuerProfile(
  desk: IssuerDesk,
  deps: { jws: JwsCrypto },
  options: { now: Date; otherStatusLists?: readonly string[] },
): Promise<string> {
  const list = await readStatusList(desk);
  const statusLists = [list.uri, ...(options.otherStatusLists ?? [])];
  return withIssuerSigner(desk, deps, (issuer) =>
    signIssuerProfile({
      issuer,
      name: desk.profile.name,
      types: deskCredentialTypes(desk.profile.kind),
      statusLists,
      issuedAt: options.now,
    }),
  );
}
