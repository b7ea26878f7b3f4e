/**
 * The DID URL of the one verification method of a did:key or did:jwk, from the DID's text alone
 * (no key decoded, no curve library loaded: an issuer's `kid`, issue-sd-jwt-vc.ts).
 */
import type { Did } from '../brand.ts';
import { DID_KEY_PREFIX } from './multikey.ts';

export const DID_JWK_PREFIX = 'did:jwk:';

/** The `kid` for a did:key: the DID URL of its one verification method, `did#multibase`. */
export function didKeyVerificationMethod(did: Did): string {
  return `${did}#${did.slice(DID_KEY_PREFIX.length)}`;
}
