/**
 * Receive a credential over OpenID4VCI 1.0 (pre-authorized code flow) into the wallet, bound to
 * the wallet's BIP32 tree exactly like the offline offers (docs/keys.md, docs/openid4vci.md):
 *
 * - one hardened relationship key m/7467'/0'/r' per Credential Issuer (keyed by its
 *   `credential_issuer` URL), made on first contact; the issuer never sees the relationship xpub;
 * - the wallet picks fresh non-hardened children m/7467'/0'/r'/c itself (one per copy), records
 *   them as spent (`nextChildIndex`) before any proof leaves the wallet, and signs each key proof
 *   (ES256K) with that child key, lent from the vault only for the signature;
 * - every credential received passes the same checks as receive.ts (prepareReceivedCredential:
 *   issuer signature, no disclosable registered claim, cnf = our child key, known type, claims fit
 *   the schema, issuer pinning) and is stored with its child index, so presentation finds its key
 *   exactly as for offline credentials. All copies are stored in one transaction, or none.
 *
 * Copies (issue 13, docs/credentials.md §Copies): an SD-JWT VC offer is asked for as a batch,
 * min(batch_size, MAX_COPIES) copies, each with its own child key; they are kept as ONE record
 * with `copies`. When the issuer renews (a refresh token came with the access token), the record
 * keeps `refresh: {kind: 'openid4vci', …}` (in the vault, encrypted, like every record) and
 * refresh-openid4vci.ts asks for more copies with it.
 */
import { decodeCompactJws, parsePublicJwk, sameJwk } from '../jose/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import {
  credentialPath,
  deriveCredentialPublicKey,
  describeKey,
  es256kSigner,
  publicKeyToJwk,
  relationshipPath,
  withPrivateKey,
} from '../keys/index.ts';
import { requestCredentials } from '../oid4vci/index.ts';
import type {
  ClientProblem,
  HttpFetch,
  ProofKey,
  ResolvedCredentialOffer,
} from '../oid4vci/index.ts';
import { relationshipFingerprint } from '../protocol/index.ts';
import { storeCopies } from './copies-store.ts';
import { listCredentials } from './credential-store.ts';
import type { StoredCredential } from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { prepareReceivedCredential } from './receive.ts';
import type { IssuerChange, ReceiveProblem } from './receive.ts';
import { childDidKey, vcJwtPayloadOf } from './receive-vc-jwt.ts';
import {
  findRelationshipByCredentialIssuer,
  nextRelationshipIndex,
  RELATIONSHIP_PREFIX,
  relationshipRecord,
} from './relationships.ts';
import type { Relationship } from './relationships.ts';
import { seedOf } from './wallet-secret.ts';

/** Most copies the wallet asks for in one request. */
export const MAX_COPIES = 10;

export type ReceiveOpenid4vciProblem = ClientProblem | ReceiveProblem;

/** Credentials received but not stored (e.g. 'issuer-changed'): store them again without network. */
export interface PendingOpenid4vciCredentials {
  readonly credentialIssuer: string;
  readonly relationshipIndex: number;
  readonly credentials: readonly { credential: string; childIndex: number }[];
  /** The format of all of them; absent: SD-JWT VC (`dc+sd-jwt`). */
  readonly format?: 'dc+sd-jwt' | 'jwt_vc_json';
  /** How to renew: the configuration and the refresh token the issuer handed out. */
  readonly refresh?: { readonly configurationId: string; readonly refreshToken: string };
  /** The record these copies join (a refresh); else a record of the same credential, or a new one. */
  readonly joinCredentialId?: string;
}

export type ReceiveOpenid4vciResult =
  | { ok: true; value: StoredCredential[] }
  | {
      ok: false;
      reason: ReceiveOpenid4vciProblem;
      detail: string;
      issuerChange?: IssuerChange;
      /** Present when the issuer sent credentials that were not stored. */
      pending?: PendingOpenid4vciCredentials;
    };

export interface ReceiveOpenid4vciOptions {
  fetch: HttpFetch;
  crypto: JwsCrypto;
  now: Date;
  /** The transaction code the citizen typed, when the offer asks for one. */
  txCode?: string;
  /** Which offered configuration (default: the first one Vouch can receive). */
  configurationId?: string;
  /**
   * Copies to ask for, each bound to its own key (default: min(batch_size, MAX_COPIES) for an
   * SD-JWT VC, kept as one record; 1 for a W3C VC-JWT, whose copies would be linkable anyway).
   */
  copies?: number;
  /** The citizen's label for a new relationship (default: the issuer's display name, or its host). */
  relationshipName?: string;
  /** The issuer DID the citizen chose to trust after an 'issuer-changed' warning. */
  trustNewIssuer?: string;
}

/** The last relationship write queued per wallet (by its vault): reads and writes of one run. */
const queues = new WeakMap<object, Promise<unknown>>();

/** Runs `work` after every earlier `serialised` work of this wallet has settled. */
function serialised<T>(wallet: HolderWallet, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(wallet.vault) ?? Promise.resolve();
  const run = previous.then(work, work);
  queues.set(
    wallet.vault,
    run.catch(() => undefined),
  );
  return run;
}

/** The issuer's display name for a locale (`display` in its metadata), else its host. */
export function offerIssuerName(resolved: ResolvedCredentialOffer, locale?: string): string {
  const display = resolved.issuerMetadata.display ?? [];
  const named =
    display.find((entry) => locale !== undefined && entry.locale === locale) ?? display[0];
  if (named) return named.name.slice(0, 200);
  const host = /^https?:\/\/([^/?#]+)/.exec(resolved.offer.credential_issuer)?.[1];
  return (host ?? resolved.offer.credential_issuer).slice(0, 200);
}

async function relationshipFor(
  wallet: HolderWallet,
  resolved: ResolvedCredentialOffer,
  options: ReceiveOpenid4vciOptions,
): Promise<Relationship> {
  const credentialIssuer = resolved.offer.credential_issuer;
  const existing = await findRelationshipByCredentialIssuer(wallet, credentialIssuer);
  if (existing) return existing;
  const index = await nextRelationshipIndex(wallet);
  const info = await wallet.vault.withSecret((secret) =>
    describeKey(seedOf(secret), relationshipPath(index)),
  );
  const name = (options.relationshipName?.trim() || offerIssuerName(resolved)).slice(0, 200);
  return {
    index,
    issuerName: name,
    xpub: info.xpub,
    fingerprint: relationshipFingerprint(info.xpub),
    createdAt: options.now.toISOString(),
    credentialIssuer,
    nextChildIndex: 0,
  };
}

/** The first child index not used by this relationship yet. */
async function firstFreeChild(wallet: HolderWallet, relationship: Relationship): Promise<number> {
  const used = (await listCredentials(wallet))
    .filter((credential) => credential.relationshipIndex === relationship.index)
    .map((credential) => credential.childIndex + 1);
  return Math.max(relationship.nextChildIndex ?? 0, 0, ...used);
}

function proofKeyFor(wallet: HolderWallet, relationship: Relationship, child: number): ProofKey {
  const publicKey = deriveCredentialPublicKey(relationship.xpub, child);
  return {
    publicJwk: publicKeyToJwk(publicKey),
    alg: 'ES256K',
    // The child's private key exists only for the length of one signature.
    sign: (signingInput) =>
      wallet.vault.withSecret((secret) =>
        withPrivateKey(seedOf(secret), credentialPath(relationship.index, child), async (key) => {
          const signer = es256kSigner(key);
          try {
            return await signer(signingInput);
          } finally {
            signer.wipe();
          }
        }),
      ),
  };
}

/**
 * Spends `count` fresh children of the relationship (or of a new one, made by `relationship()`),
 * before any proof leaves the wallet: a crash or a retry never reuses a key. Serialised per wallet,
 * so two receipts at once never get the same relationship index or child.
 */
export function reserveChildren(
  wallet: HolderWallet,
  relationship: () => Promise<Relationship>,
  count: number,
): Promise<{ reserved: Relationship; children: number[] }> {
  return serialised(wallet, async () => {
    const current = await relationship();
    const first = await firstFreeChild(wallet, current);
    const made: Relationship = { ...current, nextChildIndex: first + count };
    await wallet.vault.writeRecords([relationshipRecord(made)]);
    return { reserved: made, children: Array.from({ length: count }, (_, i) => first + i) };
  });
}

/** One ES256K proof key per reserved child (the private key only lent for each signature). */
export function proofKeysFor(
  wallet: HolderWallet,
  relationship: Relationship,
  children: readonly number[],
): ProofKey[] {
  return children.map((child) => proofKeyFor(wallet, relationship, child));
}

/**
 * Matches each credential to the child key its cnf names (an issuer may reorder a batch); a W3C
 * VC-JWT (jwt_vc_json) names it by its did:key in `sub`. Every credential to a different child.
 */
export function matchToChildren(
  relationship: Relationship,
  children: readonly number[],
  received: { format: 'dc+sd-jwt' | 'jwt_vc_json'; credentials: readonly string[] },
): ReceiveOpenid4vciResult | { credential: string; childIndex: number }[] {
  const matched: { credential: string; childIndex: number }[] = [];
  const childKeys = children.map((child) => ({
    child,
    jwk: publicKeyToJwk(deriveCredentialPublicKey(relationship.xpub, child)),
    did: childDidKey(relationship, child),
  }));
  const w3c = received.format === 'jwt_vc_json';
  for (const credential of received.credentials) {
    const vc = vcJwtPayloadOf(credential);
    if (w3c !== (vc !== undefined)) {
      return {
        ok: false,
        reason: 'invalid-credential',
        detail: `the issuer said ${received.format} but sent a credential of another format`,
      };
    }
    const cnf = vc ? undefined : cnfOf(credential);
    const owner = vc
      ? childKeys.find((entry) => typeof vc.sub === 'string' && entry.did === vc.sub)
      : cnf && childKeys.find((entry) => sameJwk(entry.jwk, cnf));
    if (!owner || matched.some((entry) => entry.childIndex === owner.child)) {
      return {
        ok: false,
        reason: 'not-bound-to-wallet',
        detail: 'a credential is not bound to one of the keys this wallet proved',
      };
    }
    matched.push({ credential, childIndex: owner.child });
  }
  return matched;
}

/**
 * Runs the pre-authorized code flow for a resolved offer (oid4vci/client.ts) with fresh child keys
 * of the issuer's relationship, and stores what arrives. Nothing is stored unless every credential
 * passes every check.
 */
export async function receiveOpenid4vciCredential(
  wallet: HolderWallet,
  resolved: ResolvedCredentialOffer,
  options: ReceiveOpenid4vciOptions,
): Promise<ReceiveOpenid4vciResult> {
  const offered =
    options.configurationId === undefined
      ? resolved.configurations[0]
      : resolved.configurations.find((entry) => entry.id === options.configurationId);
  const most = Math.min(MAX_COPIES, resolved.maxCopies);
  const copies = options.copies ?? (offered?.format === 'jwt_vc_json' ? 1 : most);
  if (!Number.isSafeInteger(copies) || copies < 1 || copies > most) {
    return {
      ok: false,
      reason: 'unsupported',
      detail: `asked for ${copies} copies; this issuer allows 1..${most}`,
    };
  }
  const { reserved, children } = await reserveChildren(
    wallet,
    () => relationshipFor(wallet, resolved, options),
    copies,
  );

  const received = await requestCredentials(resolved, {
    fetch: options.fetch,
    ...(options.txCode === undefined ? {} : { txCode: options.txCode }),
    ...(options.configurationId === undefined ? {} : { configurationId: options.configurationId }),
    proofKeys: proofKeysFor(wallet, reserved, children),
    now: options.now,
  });
  if (!received.ok) return { ok: false, reason: received.reason, detail: received.detail.message };
  const matched = matchToChildren(reserved, children, received.value);
  if (!Array.isArray(matched)) return matched;
  const { refreshToken } = received.value;
  return storeOpenid4vciCredentials(
    wallet,
    {
      credentialIssuer: resolved.offer.credential_issuer,
      relationshipIndex: reserved.index,
      credentials: matched,
      format: received.value.format,
      ...(refreshToken === undefined
        ? {}
        : { refresh: { configurationId: received.value.configurationId, refreshToken } }),
    },
    options,
  );
}

function cnfOf(credential: string) {
  const decoded = decodeCompactJws(credential.split('~')[0]);
  if (!decoded.ok) return undefined;
  const cnf = decoded.value.payload.cnf;
  const jwk = typeof cnf === 'object' && cnf !== null ? (cnf as { jwk?: unknown }).jwk : undefined;
  const parsed = parsePublicJwk(jwk);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Checks and stores received credentials (all or none), e.g. again after the citizen chose to
 * trust a changed issuer (`options.trustNewIssuer`). No network.
 */
export async function storeOpenid4vciCredentials(
  wallet: HolderWallet,
  pending: PendingOpenid4vciCredentials,
  options: Pick<ReceiveOpenid4vciOptions, 'crypto' | 'now' | 'trustNewIssuer'>,
): Promise<ReceiveOpenid4vciResult> {
  return serialised(wallet, () => storeNow(wallet, pending, options));
}

async function storeNow(
  wallet: HolderWallet,
  pending: PendingOpenid4vciCredentials,
  options: Pick<ReceiveOpenid4vciOptions, 'crypto' | 'now' | 'trustNewIssuer'>,
): Promise<ReceiveOpenid4vciResult> {
  let relationship = await findRelationshipByCredentialIssuer(wallet, pending.credentialIssuer);
  if (!relationship || relationship.index !== pending.relationshipIndex) {
    return {
      ok: false,
      reason: 'unknown-relationship',
      detail: `no relationship for ${pending.credentialIssuer.slice(0, 200)}`,
    };
  }
  const stored: StoredCredential[] = [];
  const records: { id: string; value: unknown }[] = [];
  for (const { credential, childIndex } of pending.credentials) {
    const prepared = await prepareReceivedCredential(wallet, {
      relationship,
      credential,
      childIndex,
      options: {
        crypto: options.crypto,
        now: options.now,
        ...(options.trustNewIssuer === undefined ? {} : { trustNewIssuer: options.trustNewIssuer }),
      },
    });
    if (!prepared.ok) {
      return { ...prepared, ...(prepared.reason === 'issuer-changed' ? { pending } : {}) };
    }
    stored.push(prepared.value.stored);
    records.push(
      ...prepared.value.records.filter((record) => !record.id.startsWith(RELATIONSHIP_PREFIX)),
    );
    relationship = prepared.value.relationship;
  }
  const grouped =
    pending.format !== 'jwt_vc_json' &&
    (stored.length > 1 || pending.refresh !== undefined || pending.joinCredentialId !== undefined);
  if (!grouped) {
    // The credentials and the relationship (pinned to its issuer) in one transaction.
    await wallet.vault.writeRecords([...records, relationshipRecord(relationship)]);
    return { ok: true, value: stored };
  }
  const copies = await storeCopies(wallet, {
    copies: stored,
    relationshipIndex: relationship.index,
    ...(pending.refresh === undefined
      ? {}
      : {
          refresh: {
            kind: 'openid4vci',
            credentialIssuer: pending.credentialIssuer,
            configurationId: pending.refresh.configurationId,
            refreshToken: pending.refresh.refreshToken,
          },
        }),
    ...(pending.joinCredentialId === undefined
      ? {}
      : { joinCredentialId: pending.joinCredentialId }),
    alsoWrite: [relationshipRecord(relationship)],
  });
  return copies.ok ? { ok: true, value: [copies.value] } : copies;
}
