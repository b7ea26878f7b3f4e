/** What the server's requests ask for (docs/server.md "OpenID4VP", docs/w3c-vc.md "DCQL"). */
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import type { DcqlQuery } from '../../core/protocol/dcql.ts';
import { dcqlForNeeds } from '../../core/verifier/request-query.ts';
import type { RequestQuery } from '../../core/verifier/request-query.ts';

/**
 * The DCQL query of a request for `type` and its credential queries (id and format): the desk's
 * composition (core/verifier/request-query.ts), so a diploma is asked for as an SD-JWT VC or a
 * W3C VC-JWT, other types as an SD-JWT VC.
 */
export function requestDcql(
  type: CredentialTypeId,
  claims: readonly string[],
): { dcql: DcqlQuery; queries: readonly RequestQuery[] } {
  return dcqlForNeeds({
    typeId: type,
    vct: CREDENTIAL_TYPES[type].vct,
    required: claims,
    optional: [],
  });
}
