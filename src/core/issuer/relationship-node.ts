/**
 * A relationship xpub read once, for issuing many credentials to it (a payroll batch: issue 12):
 * its BIP32 fingerprint (the offer's `relationship`) and its children, derived by
 * `childKeyDeriver` (src/core/keys/child-key.ts: the xpub parsed once, a child one HMAC-SHA512
 * and one tweak-add, through a port a platform may make native).
 */
import type { ExtendedPublicKey } from '../brand.ts';
import { childKeyDeriver } from '../keys/child-key.ts';
import type { ChildKey, TweakAddPort } from '../keys/child-key.ts';
import { relationshipFingerprint } from '../protocol/relationship-fingerprint.ts';

export interface RelationshipNode {
  /** The xpub's BIP32 fingerprint (relationshipFingerprint): the offer's `relationship`. */
  readonly fingerprint: string;
  /** Non-hardened child `index`: exactly deriveCredentialPublicKey(xpub, index) and its JWK. */
  child(index: number): ChildKey;
}

/** Throws on a malformed xpub (check it at the boundary with parseExtendedPublicKey). */
export function relationshipNode(xpub: ExtendedPublicKey, port?: TweakAddPort): RelationshipNode {
  return { fingerprint: relationshipFingerprint(xpub), child: childKeyDeriver(xpub, port) };
}
