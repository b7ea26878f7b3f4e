/**
 * What the server's `POST /admin/offers` needs to make a pre-authorized offer: a fresh
 * pre-authorized code, an optional numeric Transaction Code (shown once to the desk, sent to the
 * citizen out of band, kept only as a digest), the offer object (served at `offerUri`) and the
 * `openid-credential-offer://?credential_offer_uri=…` link for the QR code.
 */
import type { CredentialTypeId } from '../credentials/index.ts';
import { digestSecret } from './endpoint.ts';
import { credentialConfigurationId } from './metadata.ts';
import { buildCredentialOffer, buildCredentialOfferLink } from './offer.ts';
import type { CredentialOfferObject } from './offer.ts';
import { createSecret } from './token.ts';

export const DEFAULT_TX_CODE_LENGTH = 6;

/** A uniformly random numeric code (rejection sampling: no modulo bias). */
export function createTxCode(
  randomBytes: (n: number) => Uint8Array,
  length: number = DEFAULT_TX_CODE_LENGTH,
): string {
  if (!Number.isSafeInteger(length) || length < 4 || length > 12) {
    throw new RangeError(`createTxCode: "length" expected 4..12, got ${length}`);
  }
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 250 && code.length < length) code += String(byte % 10);
    }
  }
  return code;
}

export interface PreparedOffer {
  /** The pre-authorized code (a bearer secret until redeemed; it is inside `offer`). */
  readonly preAuthorizedCode: string;
  /** The Transaction Code to show the desk once; never store it, store `txCodeDigest`. */
  readonly txCode?: string;
  readonly txCodeDigest?: string;
  /** The Credential Offer object to answer at `offerUri` (`GET /offers/:id`). */
  readonly offer: CredentialOfferObject;
  /** `openid-credential-offer://?credential_offer_uri=<offerUri>` */
  readonly link: string;
}

export function preparePreAuthorizedOffer(options: {
  credentialIssuer: string;
  type: CredentialTypeId;
  /** Where the server serves this offer, e.g. `${publicUrl}/offers/${id}`. */
  offerUri: string;
  txCode?: boolean;
  randomBytes: (n: number) => Uint8Array;
  txCodeLength?: number;
}): PreparedOffer {
  const preAuthorizedCode = createSecret(options.randomBytes);
  const txCode = options.txCode
    ? createTxCode(options.randomBytes, options.txCodeLength ?? DEFAULT_TX_CODE_LENGTH)
    : undefined;
  const offer = buildCredentialOffer({
    credentialIssuer: options.credentialIssuer,
    credentialConfigurationIds: [credentialConfigurationId(options.type)],
    preAuthorizedCode,
    ...(txCode === undefined
      ? {}
      : {
          txCode: {
            input_mode: 'numeric',
            length: txCode.length,
            description: 'Enter the code the issuer gave you / Voer de code in / Saisissez le code',
          },
        }),
  });
  return {
    preAuthorizedCode,
    ...(txCode === undefined ? {} : { txCode, txCodeDigest: digestSecret(txCode) }),
    offer,
    link: buildCredentialOfferLink({ offerUri: options.offerUri }),
  };
}
