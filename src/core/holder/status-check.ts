import { resolveDidKey } from '../did/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { verifyStatusListJwt } from '../status-list/index.ts';
import {
  formatOf,
  readCredential,
  saveCredential,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * Apply a status list the citizen asked for ("check now"): it must be signed by the credential's
 * own issuer and be the list the credential points to. The result is kept with the credential.
 * An SD-JWT VC points at an IETF Token Status List (`statuslist+jwt`); a W3C VC-JWT at a
 * BitstringStatusListCredential (W3C Bitstring Status List v1.0, read by src/core/w3c, loaded
 * only then), whose purpose must be revocation.
 */
export type StatusCheckProblem = 'not-found' | 'no-status' | 'invalid-list';

export type StatusCheckResult =
  { ok: true; value: StoredCredential } | { ok: false; reason: StatusCheckProblem; detail: string };

export async function applyStatusList(
  wallet: HolderWallet,
  credentialId: string,
  statusListJwt: string,
  deps: { crypto: JwsCrypto; now: Date },
): Promise<StatusCheckResult> {
  const credential = await readCredential(wallet, credentialId);
  if (!credential) return { ok: false, reason: 'not-found', detail: credentialId };
  if (!credential.status)
    return { ok: false, reason: 'no-status', detail: 'this credential has no status entry' };
  if (formatOf(credential) === 'jwt_vc_json') {
    return applyBitstringStatusList(wallet, credential, credential.status, statusListJwt, deps);
  }
  const issuerKey = resolveDidKey(credential.issuer);
  if (!issuerKey.ok) return { ok: false, reason: 'invalid-list', detail: issuerKey.detail.message };
  const list = await verifyStatusListJwt(statusListJwt.trim(), {
    crypto: deps.crypto,
    now: deps.now,
    issuerKey: issuerKey.value,
    expectedUri: credential.status.uri,
  });
  if (!list.ok)
    return { ok: false, reason: 'invalid-list', detail: `${list.reason}: ${list.detail.message}` };
  const updated: StoredCredential = {
    ...credential,
    statusCheck: {
      checkedAt: deps.now.toISOString(),
      state: list.value.statusAt(credential.status.idx) === 0 ? 'valid' : 'revoked',
      listIssuedAt: new Date(list.value.iat * 1000).toISOString(),
    },
  };
  await saveCredential(wallet, updated);
  return { ok: true, value: updated };
}

/** Record that a check was attempted but no list could be had (unreachable, refused). */
export async function markStatusUnknown(
  wallet: HolderWallet,
  credentialId: string,
  problem: string,
  now: Date,
): Promise<void> {
  const credential = await readCredential(wallet, credentialId);
  // A credential once seen revoked stays revoked: an unreachable list does not make it valid again.
  if (!credential || credential.statusCheck?.state === 'revoked') return;
  await saveCredential(wallet, {
    ...credential,
    statusCheck: { checkedAt: now.toISOString(), state: 'unknown', problem: problem.slice(0, 200) },
  });
}

async function applyBitstringStatusList(
  wallet: HolderWallet,
  credential: StoredCredential,
  status: NonNullable<StoredCredential['status']>,
  listJwt: string,
  deps: { now: Date },
): Promise<StatusCheckResult> {
  const w3c = await import('../w3c/index.ts');
  // Offline: did:key and did:jwk issuers only (a did:web list is not resolved here).
  const list = await w3c.verifyBitstringStatusListCredential(listJwt.trim(), {
    now: deps.now,
    resolver: w3c.createDidResolver(),
    expectedUrl: status.uri,
  });
  const invalid = (detail: string): StatusCheckResult => ({
    ok: false,
    reason: 'invalid-list',
    detail,
  });
  if (!list.ok) return invalid(`${list.reason}: ${list.detail.message}`);
  if (list.value.issuer !== credential.issuer) {
    return invalid(
      `the list is signed by ${list.value.issuer.slice(0, 120)}, not by the credential's issuer`,
    );
  }
  if (list.value.purpose !== 'revocation') {
    return invalid(`the list's purpose is ${list.value.purpose.slice(0, 40)}, not revocation`);
  }
  const bit = list.value.statusAt(status.idx);
  if (bit < 0) return invalid(`index ${status.idx} is outside the list`);
  const updated: StoredCredential = {
    ...credential,
    statusCheck: {
      checkedAt: deps.now.toISOString(),
      state: bit === 0 ? 'valid' : 'revoked',
      listIssuedAt: new Date(list.value.iat * 1000).toISOString(),
    },
  };
  await saveCredential(wallet, updated);
  return { ok: true, value: updated };
}
