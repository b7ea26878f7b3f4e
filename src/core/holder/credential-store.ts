import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { bytesToHex, utf8ToBytes } from '../encoding/index.ts';
import type { CredentialTypeId } from '../credentials/index.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * The wallet's credentials, one encrypted record each (`credential:<id>`). The record keeps the
 * credential exactly as received (every signed byte, for presentation later) next to what the
 * views need: the type, the issuer, the claims, dates and the last status check.
 *
 * Two formats (docs/w3c-vc.md §Wallet): an SD-JWT VC in issuance form (`dc+sd-jwt`, the default:
 * records written before issue 10 have no `format` and are SD-JWT VCs), or a W3C VC-JWT
 * (`jwt_vc_json`: `compact` is the JWT, `claims` its credentialSubject without `id`, `types` its
 * `type` array, `vct` the Vouch type's vct it maps to).
 */
export const CREDENTIAL_PREFIX = 'credential:';

export const CREDENTIAL_FORMATS = ['dc+sd-jwt', 'jwt_vc_json'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

export type StatusState = 'valid' | 'revoked' | 'unknown';

const statusCheckSchema = z.object({
  checkedAt: z.string(),
  state: z.enum(['valid', 'revoked', 'unknown']),
  listIssuedAt: z.string().optional(),
  problem: z.string().optional(),
});
export type StatusCheck = z.infer<typeof statusCheckSchema>;

const storedCredentialSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** Absent on records written before W3C VCs: those are SD-JWT VCs. */
  format: z.enum(CREDENTIAL_FORMATS).optional(),
  compact: z.string().min(1),
  /** A W3C VC's `type` array (jwt_vc_json only), for DCQL `meta.type_values`. */
  types: z.array(z.string()).max(16).optional(),
  typeId: z.enum(['income-statement', 'medical-attestation', 'diploma', 'household']),
  vct: z.string(),
  issuer: z.string(),
  issuerName: z.string(),
  relationshipIndex: z.number().int().min(0),
  childIndex: z.number().int().min(0),
  claims: z.record(z.string(), z.unknown()),
  /** The credential's `iat`; absent when the issuer left it out (SD-JWT VC §3.2.2.2 allows it). */
  issuedAt: z.string().optional(),
  expiresAt: z.string().optional(),
  receivedAt: z.string(),
  status: z.object({ idx: z.number().int().min(0), uri: z.string() }).optional(),
  statusCheck: statusCheckSchema.optional(),
});
export type StoredCredential = z.infer<typeof storedCredentialSchema> & {
  typeId: CredentialTypeId;
};

/** The format of a stored credential: a record without one is an SD-JWT VC. */
export function formatOf(credential: Pick<StoredCredential, 'format'>): CredentialFormat {
  return credential.format ?? 'dc+sd-jwt';
}

/** The id is derived from the credential itself, so receiving the same one twice is detected. */
export function credentialIdFor(compact: string): string {
  return bytesToHex(sha256(utf8ToBytes(compact))).slice(0, 32);
}

export async function listCredentials(wallet: HolderWallet): Promise<StoredCredential[]> {
  const ids = await wallet.vault.listRecordIds(CREDENTIAL_PREFIX);
  const credentials: StoredCredential[] = [];
  for (const id of ids) {
    const read = await wallet.vault.readRecord(id, storedCredentialSchema);
    if (read.ok && read.value) credentials.push(read.value);
  }
  const when = (c: StoredCredential) => c.issuedAt ?? c.receivedAt;
  return credentials.sort((a, b) => when(b).localeCompare(when(a)));
}

export async function readCredential(
  wallet: HolderWallet,
  id: string,
): Promise<StoredCredential | undefined> {
  const read = await wallet.vault.readRecord(`${CREDENTIAL_PREFIX}${id}`, storedCredentialSchema);
  return read.ok ? read.value : undefined;
}

export async function hasCredential(wallet: HolderWallet, id: string): Promise<boolean> {
  return (await wallet.vault.listRecordIds(`${CREDENTIAL_PREFIX}${id}`)).length > 0;
}

export async function saveCredential(
  wallet: HolderWallet,
  credential: StoredCredential,
): Promise<void> {
  await wallet.vault.writeRecords([
    { id: `${CREDENTIAL_PREFIX}${credential.id}`, value: credential },
  ]);
}

export async function deleteCredential(wallet: HolderWallet, id: string): Promise<void> {
  await wallet.vault.writeRecords([{ delete: `${CREDENTIAL_PREFIX}${id}` }]);
}

/** What a card shows: expiry wins over everything, then the last status check. */
export type CredentialState = 'valid' | 'expired' | 'revoked' | 'status-unknown';

export function credentialState(
  credential: Pick<StoredCredential, 'expiresAt' | 'status' | 'statusCheck'>,
  now: Date,
): CredentialState {
  if (credential.expiresAt && Date.parse(credential.expiresAt) <= now.getTime()) return 'expired';
  if (!credential.status) return 'valid';
  switch (credential.statusCheck?.state) {
    case 'revoked':
      return 'revoked';
    case 'valid':
      return 'valid';
    default:
      return 'status-unknown';
  }
}
