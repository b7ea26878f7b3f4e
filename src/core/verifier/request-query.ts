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
 *
 * Other credentials the citizen may add (`needs.optionalCredentials`, e.g. the municipality's
 * household credential with the income supplement) are one SD-JWT VC query each, with the type id
 * as query id, in a credential set of their own with `required: false` (§6.2, §6.4.2); the main
 * credential then gets an explicit required set, so every query belongs to a set.
 */
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../credentials/index.ts';
import {
  dcqlForClaims,
  dcqlForEitherFormat,
  type DcqlQuery,
  type DcqlValue,
} from '../protocol/dcql.ts';
import type { CredentialFormat } from '../verification/check.ts';
import type { CredentialNeeds, RequestNeeds } from './templates.ts';

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
  /** The queries of the main credential (one, or one per format), in the order of `dcql.credentials`. */
  readonly queries: readonly RequestQuery[];
  /** The optional credentials' queries (SD-JWT VC, query id = type id), after the main ones. */
  readonly optionalQueries: readonly (CredentialNeeds & { readonly id: string })[];
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
  const main = dcqlForMainNeeds(needs, options);
  const extra = needs.optionalCredentials ?? [];
  if (extra.length === 0) return { ...main, optionalQueries: [] };
  const ids = new Set(main.queries.map((query) => query.id));
  const optionalQueries = extra.map((optional) => {
    if (ids.has(optional.typeId)) {
      throw new TypeError(`dcqlForNeeds: ${JSON.stringify(optional.typeId)} is asked for twice`);
    }
    ids.add(optional.typeId);
    return { id: optional.typeId, ...optional };
  });
  const mainSets = main.dcql.credential_sets ?? [{ options: [[needs.typeId]] }];
  return {
    dcql: {
      credentials: [
        ...main.dcql.credentials,
        ...optionalQueries.flatMap(
          (query) =>
            dcqlForClaims({
              id: query.id,
              vct: query.vct,
              required: query.required,
              optional: query.optional,
            }).credentials,
        ),
      ],
      credential_sets: [
        ...mainSets,
        ...optionalQueries.map((query) => ({ options: [[query.id]], required: false })),
      ],
    },
    queries: main.queries,
    optionalQueries,
  };
}

function dcqlForMainNeeds(
  needs: CredentialNeeds,
  options: { values?: Readonly<Record<string, readonly DcqlValue[]>> },
): Omit<RequestDcql, 'optionalQueries'> {
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
