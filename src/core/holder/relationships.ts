import { z } from 'zod';
import type { ExtendedPublicKey } from '../brand.ts';
import { describeKey, es256kSigner, relationshipPath, withPrivateKey } from '../keys/index.ts';
import { createConnectRequest, relationshipFingerprint } from '../protocol/index.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { seedOf } from './wallet-secret.ts';

/**
 * A relationship is the citizen's pseudonym towards one issuer (SPROOF): a hardened key
 * m/7467'/0'/r' per counterparty, so no two issuers can link their subjects. The issuer gets only
 * the relationship's xpub (in the connect request) and derives one child key per credential.
 */
export const RELATIONSHIP_PREFIX = 'relationship:';

const relationshipSchema = z.object({
  index: z.number().int().min(0),
  issuerName: z.string().min(1).max(200),
  xpub: z.string().startsWith('xpub'),
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
  createdAt: z.string(),
  // Added with issuer pinning; records written before it have neither field and still parse.
  issuerDid: z.string().min(1).max(4096).optional(),
  issuerPinnedAt: z.string().optional(),
  // Added with OpenID4VCI (receive-openid4vci.ts); older records have neither and still parse.
  credentialIssuer: z.string().min(1).max(2048).optional(),
  nextChildIndex: z.number().int().min(0).optional(),
});
export interface Relationship {
  readonly index: number;
  /** The label the citizen typed for this issuer. */
  readonly issuerName: string;
  readonly xpub: ExtendedPublicKey;
  readonly fingerprint: string;
  readonly createdAt: string;
  /**
   * The issuer DID this relationship is pinned to: the issuer of the first credential received
   * through it, or the one the citizen later chose to trust instead (receive.ts).
   */
  readonly issuerDid?: string;
  readonly issuerPinnedAt?: string;
  /**
   * The OpenID4VCI Credential Issuer Identifier (an https URL) this relationship was made for;
   * absent for relationships made with a connect request.
   */
  readonly credentialIssuer?: string;
  /**
   * The next credential key index the wallet itself may use (OpenID4VCI: the wallet, not the
   * issuer, picks the child keys). Indices below it were handed out once and are never reused.
   */
  readonly nextChildIndex?: number;
}

const recordId = (index: number) => `${RELATIONSHIP_PREFIX}${String(index).padStart(6, '0')}`;

/** The vault record for a relationship, to write in the same transaction as what changed it. */
export function relationshipRecord(relationship: Relationship): {
  id: string;
  value: Relationship;
} {
  return { id: recordId(relationship.index), value: relationship };
}

export async function listRelationships(wallet: HolderWallet): Promise<Relationship[]> {
  const ids = await wallet.vault.listRecordIds(RELATIONSHIP_PREFIX);
  const relationships: Relationship[] = [];
  for (const id of ids.sort()) {
    const read = await wallet.vault.readRecord(id, relationshipSchema);
    // An unreadable relationship is skipped, not fatal: the rest of the wallet stays usable.
    if (read.ok && read.value) relationships.push(read.value as Relationship);
  }
  return relationships;
}

export async function findRelationshipByFingerprint(
  wallet: HolderWallet,
  fingerprint: string,
): Promise<Relationship | undefined> {
  return (await listRelationships(wallet)).find((r) => r.fingerprint === fingerprint);
}

/** The relationship made for an OpenID4VCI Credential Issuer (compared exactly), if any. */
export async function findRelationshipByCredentialIssuer(
  wallet: HolderWallet,
  credentialIssuer: string,
): Promise<Relationship | undefined> {
  return (await listRelationships(wallet)).find((r) => r.credentialIssuer === credentialIssuer);
}

/** The index of the next relationship key: one past the highest in use. */
export async function nextRelationshipIndex(wallet: HolderWallet): Promise<number> {
  const existing = await wallet.vault.listRecordIds(RELATIONSHIP_PREFIX);
  return existing.length === 0
    ? 0
    : Math.max(...existing.map((id) => Number(id.slice(RELATIONSHIP_PREFIX.length)))) + 1;
}

export type ConnectProblem = 'bad-issuer-name';

export interface ConnectStart {
  readonly relationship: Relationship;
  /** The signed connect request (compact JWS) for the desk: xpub + issuer name + fresh iat. */
  readonly request: string;
}

/**
 * Start a relationship with an issuer: derive the next hardened relationship key, remember which
 * issuer it is for, and sign a fresh connect request with it.
 */
export async function connectToIssuer(
  wallet: HolderWallet,
  options: { issuerName: string; now: Date; jti: string },
): Promise<{ ok: true; value: ConnectStart } | { ok: false; reason: ConnectProblem }> {
  const issuerName = options.issuerName.trim();
  if (issuerName.length === 0 || issuerName.length > 200)
    return { ok: false, reason: 'bad-issuer-name' };
  const index = await nextRelationshipIndex(wallet);
  const path = relationshipPath(index);
  const { relationship, request } = await wallet.vault.withSecret(async (secret) => {
    const seed = seedOf(secret);
    const info = describeKey(seed, path);
    const made: Relationship = {
      index,
      issuerName,
      xpub: info.xpub,
      fingerprint: relationshipFingerprint(info.xpub),
      createdAt: options.now.toISOString(),
    };
    const jws = await withPrivateKey(seed, path, async (privateKey) => {
      const signer = es256kSigner(privateKey);
      try {
        return await createConnectRequest({
          xpub: info.xpub,
          issuerName,
          sign: signer,
          now: options.now,
          jti: options.jti,
        });
      } finally {
        signer.wipe();
      }
    });
    return { relationship: made, request: jws };
  });
  await wallet.vault.writeRecords([{ id: recordId(index), value: relationship }]);
  return { ok: true, value: { relationship, request } };
}
