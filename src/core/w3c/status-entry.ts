/**
 * The BitstringStatusListEntry a Vouch VC-JWT carries (W3C Bitstring Status List v1.0 §2.1) and
 * where its list lives: the W3C twin of the issuer's IETF status list, at that list's URI + ".w3c"
 * (docs/w3c-vc.md "Status"). The same index means the same credential in both lists.
 */
import { shortValue } from '../jose/compact-jws.ts';

export const BITSTRING_STATUS_LIST_ENTRY = 'BitstringStatusListEntry';
export const BITSTRING_STATUS_LIST_CREDENTIAL = 'BitstringStatusListCredential';
export const BITSTRING_STATUS_LIST = 'BitstringStatusList';
/** The suffix of a list's W3C twin. */
export const W3C_STATUS_LIST_SUFFIX = '.w3c';

/** Where the W3C twin of an IETF status list is published: the list's URI + ".w3c". */
export function bitstringStatusListUrl(ietfUri: string): string {
  if (typeof ietfUri !== 'string' || ietfUri === '') {
    throw new TypeError(`bitstringStatusListUrl: expected a URI, got ${shortValue(ietfUri)}`);
  }
  return `${ietfUri}${W3C_STATUS_LIST_SUFFIX}`;
}

/** The BitstringStatusListEntry pointing at index `idx` of the `.w3c` twin of an IETF list. */
export function bitstringStatusEntry(status: { idx: number; uri: string }): {
  id: string;
  type: string;
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
} {
  const url = bitstringStatusListUrl(status.uri);
  return {
    id: `${url}#${status.idx}`,
    type: BITSTRING_STATUS_LIST_ENTRY,
    statusPurpose: 'revocation',
    statusListIndex: String(status.idx),
    statusListCredential: url,
  };
}
