/**
 * Trusting an issuer from its published profile (docs/ux.md §Issuer profile) instead of copying
 * its DID by hand: the profile's text (a scanned QR's text, a `.vouch-issuer.jwt` file or pasted
 * text) is read here, offline, into what the clerk compares (name, DID, types, fingerprint words),
 * or into one message saying what was wrong with it. Nothing is stored until the clerk confirms.
 */
import { decodeCompactJws } from '../../core/jose/index.ts';
import {
  fingerprintWords,
  ISSUER_PROFILE_TYP,
  MAX_ISSUER_PROFILE_LENGTH,
  readIssuerProfile,
  TRUST_LIST_TYP,
  type TrustEntry,
} from '../../core/trust/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/** A file larger than this is refused before it is read (a profile is at most 16 KiB of text). */
export const MAX_ISSUER_PROFILE_FILE_BYTES = MAX_ISSUER_PROFILE_LENGTH;

/** A profile that read well: what the clerk is shown before trusting it. */
export interface IssuerProfilePreview {
  readonly did: string;
  readonly name: string;
  readonly types: readonly string[];
  readonly statusLists: readonly string[];
  /** The signing key's fingerprint words, to compare with the ones the issuer gave. */
  readonly words: readonly string[];
  /** When the issuer signed it (ISO time). */
  readonly signedAt: string;
}

export type IssuerProfileRead =
  | { readonly ok: true; readonly profile: IssuerProfilePreview }
  | { readonly ok: false; readonly message: MessageKey };

const refused = (message: MessageKey): IssuerProfileRead => ({ ok: false, message });

/**
 * Reads a profile from untrusted text. Never throws: empty, oversized, not a JWS, a trust list, any
 * other `typ`, a bad signature (tampered, or signed by another key than its DID's) and malformed
 * fields each come back as a message for the clerk.
 */
export async function readIssuerProfileText(text: string): Promise<IssuerProfileRead> {
  const jws = text.trim();
  if (jws === '') return refused('verifier.trust.profile.empty');
  if (jws.length > MAX_ISSUER_PROFILE_LENGTH) return refused('verifier.trust.profile.tooLarge');
  const decoded = decodeCompactJws(jws);
  if (!decoded.ok) {
    return refused(
      decoded.reason === 'alg-not-allowed'
        ? 'verifier.trust.profile.unsupportedAlg'
        : 'verifier.trust.profile.notProfile',
    );
  }
  const typ = decoded.value.header.typ;
  if (typ === TRUST_LIST_TYP) return refused('verifier.trust.profile.isTrustList');
  if (typ !== ISSUER_PROFILE_TYP) return refused('verifier.trust.profile.notProfile');
  const read = await readIssuerProfile(jws);
  if (!read.ok) {
    return refused(
      read.reason === 'bad-signature'
        ? 'verifier.trust.profile.badSignature'
        : 'verifier.trust.profile.malformed',
    );
  }
  const profile = read.value;
  return {
    ok: true,
    profile: {
      did: profile.did,
      name: profile.name,
      types: profile.types,
      statusLists: profile.statusLists,
      words: fingerprintWords(profile.signerThumbprint),
      signedAt: new Date(profile.iat * 1000).toISOString(),
    },
  };
}

/** The entry of the desk's own trust list that trusting this profile makes: its DID for its types. */
export function trustEntryOf(profile: IssuerProfilePreview): TrustEntry {
  return { did: profile.did, name: profile.name, vct: [...profile.types] };
}
