/**
 * Settings → Trusted authorities (docs/ux.md §Consent and who asks): the registration authorities
 * whose certificates and verifier trust lists the wallet believes. The build names some
 * (VOUCH_VERIFIER_AUTHORITIES); the citizen may add more, and add verifier trust lists (a file, or a
 * link fetched through the gate when they ask). Results come back as i18n message keys.
 */
import {
  addTrustedAuthority,
  addVerifierTrustList,
  listTrustedAuthorities,
  listVerifierTrustLists,
  parseAuthorityList,
  removeTrustedAuthority,
  removeVerifierTrustList,
  type AddAuthorityProblem,
  type AddListProblem,
  type HeldVerifierList,
  type TrustedAuthority,
} from '../../core/holder/verifier-trust.ts';
import { MAX_TRUST_LIST_LENGTH } from '../../core/trust/index.ts';
import { jwsCrypto } from '../composition.ts';
import type { MessageKey } from '../i18n/index.ts';
import { fetchAskedByUser } from '../shared/user-fetch.ts';
import { getSession } from './session.ts';

declare const __VOUCH_VERIFIER_AUTHORITIES__: string | undefined;

/**
 * The authorities this build trusts: `__VOUCH_VERIFIER_AUTHORITIES__` when vite.config.ts defines it
 * from VOUCH_VERIFIER_AUTHORITIES, else `VITE_VOUCH_VERIFIER_AUTHORITIES` (Vite's own env).
 */
export function buildVerifierAuthorities(): string[] {
  const defined =
    typeof __VOUCH_VERIFIER_AUTHORITIES__ === 'undefined'
      ? undefined
      : __VOUCH_VERIFIER_AUTHORITIES__;
  // Cast through unknown: the Node type check has no vite/client types; the cast compiles away, so
  // Vite still sees `import.meta.env` and fills it in.
  const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env
    ?.VITE_VOUCH_VERIFIER_AUTHORITIES;
  return parseAuthorityList(defined || env || '');
}

export interface VerifierTrustView {
  authorities: TrustedAuthority[];
  lists: HeldVerifierList[];
}

export async function loadVerifierTrust(): Promise<VerifierTrustView> {
  const wallet = getSession();
  if (!wallet) return { authorities: [], lists: [] };
  const build = buildVerifierAuthorities();
  return {
    authorities: await listTrustedAuthorities(wallet, build),
    lists: await listVerifierTrustLists(wallet, {
      crypto: jwsCrypto(),
      now: new Date(),
      buildAuthorities: build,
    }),
  };
}

const AUTHORITY_MESSAGES: Record<AddAuthorityProblem, MessageKey> = {
  'not-a-did': 'consent.authorities.notADid',
  'already-trusted': 'consent.authorities.already',
  'too-many': 'consent.authorities.tooMany',
};

/** Add an authority by its pasted DID; null when added. */
export async function addAuthority(did: string): Promise<MessageKey | null> {
  const wallet = getSession();
  if (!wallet) return 'error.unexpected';
  try {
    const added = await addTrustedAuthority(wallet, did, {
      now: new Date(),
      buildAuthorities: buildVerifierAuthorities(),
    });
    return added.ok ? null : AUTHORITY_MESSAGES[added.reason];
  } catch {
    return 'error.unexpected';
  }
}

export async function removeAuthority(did: string): Promise<void> {
  const wallet = getSession();
  if (wallet) await removeTrustedAuthority(wallet, did);
}

const LIST_MESSAGES: Record<AddListProblem, MessageKey> = {
  malformed: 'consent.lists.malformed',
  'bad-signature': 'consent.lists.badSignature',
  expired: 'consent.lists.expired',
  'untrusted-signer': 'consent.lists.untrusted',
  'no-verifiers': 'consent.lists.noVerifiers',
  'already-held': 'consent.lists.already',
  'too-many': 'consent.lists.tooMany',
};

/** Add a verifier trust list from its text (a file's content); null when added. */
export async function addListText(text: string): Promise<MessageKey | null> {
  const wallet = getSession();
  if (!wallet) return 'error.unexpected';
  if (text.length > MAX_TRUST_LIST_LENGTH) return 'consent.lists.malformed';
  try {
    const added = await addVerifierTrustList(wallet, text, {
      crypto: jwsCrypto(),
      now: new Date(),
      buildAuthorities: buildVerifierAuthorities(),
    });
    return added.ok ? null : LIST_MESSAGES[added.reason];
  } catch {
    return 'error.unexpected';
  }
}

/** Fetch a verifier trust list from the link the citizen pasted (on their "Add"), then add it. */
export async function addListFromLink(uri: string): Promise<MessageKey | null> {
  const fetched = await fetchAskedByUser(uri.trim(), { accept: 'application/jwt, text/plain' });
  if (!fetched.ok) {
    return fetched.reason === 'unreachable' ? 'consent.lists.unreachable' : 'consent.lists.badLink';
  }
  return addListText(fetched.text);
}

export async function removeList(id: string): Promise<void> {
  const wallet = getSession();
  if (wallet) await removeVerifierTrustList(wallet, id);
}
