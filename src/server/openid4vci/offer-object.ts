/** The Credential Offer object of an offer this server keeps (by reference and by value alike). */
import type { CredentialTypeId } from '../../core/credentials/index.ts';
import { credentialConfigurationId } from '../../core/oid4vci/metadata.ts';
import type { CredentialFormat } from '../../core/oid4vci/metadata.ts';
import { buildCredentialOffer } from '../../core/oid4vci/offer.ts';
import type { CredentialOfferObject } from '../../core/oid4vci/offer.ts';
import type { ServerContext } from '../context.ts';

/** Transaction codes are this many decimal digits. */
export const TX_CODE_LENGTH = 6;

/** The Credential Offer object (OpenID4VCI 1.0 §4.1.1) of an open offer. */
export function offerObject(
  ctx: Pick<ServerContext, 'publicUrl'>,
  offer: { type: CredentialTypeId; format: CredentialFormat; code: string; hasTxCode: boolean },
): CredentialOfferObject {
  return buildCredentialOffer({
    credentialIssuer: ctx.publicUrl,
    credentialConfigurationIds: [credentialConfigurationId(offer.type, offer.format)],
    preAuthorizedCode: offer.code,
    ...(offer.hasTxCode
      ? {
          txCode: {
            input_mode: 'numeric',
            length: TX_CODE_LENGTH,
            description: 'The code the issuer sent you separately',
          },
        }
      : {}),
  });
}
