/**
 * The DCQL query the desk sends for its needs (OpenID4VP 1.0 §6). Most types are asked for as an
 * SD-JWT VC only. A diploma may also travel as a W3C VC-JWT (Europass-style, issue 10), so the
 * desk asks for it in either format (docs/w3c-vc.md §DCQL): two credential queries,
 *
 *   `diploma`      format `dc+sd-jwt`,   meta.vct_values  [vct],       claim paths [name]
 *   `diploma_w3c`  format `jwt_vc_json`, meta.type_values [[VC, type]], claim paths ["credentialSubject", name]
 *
 * and one required credential set whose options are either query alone (§6.2), so the wallet
 * answers with the first it can.
 */
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../credentials/index.ts';
import {
  dcqlForClaims,
  dcqlForEitherFormat,
  type DcqlQuery,
  type DcqlValue,
} from '../protocol/dcql.ts';
import type { CredentialFormat } from '../verification/check.ts';
import type { RequestNeeds } from './templates.ts';

/** Types the desk accepts as a W3C VC-JWT too (the issuer desk issues only these as VC-JWTs). */
export const W3C_ALTERNATIVE_TYPES: readonly CredentialTypeId[] = ['diploma'];

/** The id of a type's jwt_vc_json query: the SD-JWT query's id with this suffix (dcqlForEitherFormat). */
export const W3C_QUERY_SUFFIX = '_w3c';

/** OpenID4VP 1.0 Appendix B format identifiers. */
export const FORMAT_SD_JWT_VC: CredentialFormat = 'dc+sd-jwt';
export const FORMAT_JWT_VC_JSON: CredentialFormat = 'jwt_vc_json';

/** One credential query of a request: its id (the vp_token key) and the format it asks for. */
export interface RequestQuery {
  readonly id: string;
  readonly format: CredentialFormat;
}

export interface RequestDcql {
  readonly dcql: DcqlQuery;
  /** The credential queries, in the order of `dcql.credentials`. */
  readonly queries: readonly RequestQuery[];
}

/**
 * The query for `needs`: one SD-JWT VC query with id `needs.typeId`, plus (for a type in
 * W3C_ALTERNATIVE_TYPES) the same claims as a jwt_vc_json query and a credential set that takes
 * either. `values` fixes required claims (e.g. the month of an income statement) in both.
 */
export function dcqlForNeeds(
  needs: RequestNeeds,
  options: { values?: Readonly<Record<string, readonly DcqlValue[]>> } = {},
): RequestDcql {
  const common = {
    id: needs.typeId,
    vct: needs.vct,
    required: needs.required,
    optional: needs.optional,
    ...(options.values === undefined ? {} : { values: options.values }),
  };
  const sdJwtQuery = { id: needs.typeId, format: FORMAT_SD_JWT_VC };
  if (!W3C_ALTERNATIVE_TYPES.includes(needs.typeId)) {
    return { dcql: dcqlForClaims(common), queries: [sdJwtQuery] };
  }
  return {
    dcql: dcqlForEitherFormat({ ...common, w3cType: CREDENTIAL_TYPES[needs.typeId].w3cType }),
    queries: [sdJwtQuery, { id: `${needs.typeId}${W3C_QUERY_SUFFIX}`, format: FORMAT_JWT_VC_JSON }],
  };
}
