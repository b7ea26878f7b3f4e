import { resolveDidKey } from '../did/index.ts';
import type { JwsCrypto } from '../jose/index.ts';
import { verifyStatusListJwt } from '../status-list/index.ts';
import {
  formatOf,
  readCredential,
  saveCredential,
  type StatusFailureReason,
  type StatusState,
  type StoredCredential,
} from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';

/**
 * Apply a status list the citizen asked for (opening the card, "check now", a file): it must be
 * signed by the credential's own issuer and be the list the credential points to. A success is
 * kept with the credential as its last check; a list that fails changes nothing here (the caller
 * records a failed online check with recordStatusFailure).
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
  const value = list.value.statusAt(credential.status.idx);
  if (value < 0)
    return {
      ok: false,
      reason: 'invalid-list',
      detail: `index ${credential.status.idx} is outside the list`,
    };
  return recordSuccess(wallet, credential, ietfState(value), list.value.iat, deps.now);
}

/**
 * Token Status List §7.1: 0x00 VALID, 0x01 INVALID, 0x02 SUSPENDED; anything else (application
 * specific) is not known to be valid, so it reads as revoked.
 */
export function ietfState(value: number): StatusState {
  if (value === 0) return 'valid';
  return value === 2 ? 'suspended' : 'revoked';
}

/** Keep a successful check: it replaces the last one, and supersedes any failure before it. */
async function recordSuccess(
  wallet: HolderWallet,
  credential: StoredCredential,
  state: StatusState,
  listIat: number,
  now: Date,
): Promise<StatusCheckResult> {
  const { statusFailure: _superseded, ...rest } = credential;
  const updated: StoredCredential = {
    ...rest,
    statusCheck: {
      checkedAt: now.toISOString(),
      state,
      listIssuedAt: new Date(listIat * 1000).toISOString(),
    },
  };
  await saveCredential(wallet, updated);
  return { ok: true, value: updated };
}

/**
 * Record that a check was attempted and failed (no answer, an address the wallet may not contact,
 * a list that did not pass). Only `statusFailure` changes: the last successful check, and so
 * "Last checked" and a revocation once seen, stay as they were.
 */
export async function recordStatusFailure(
  wallet: HolderWallet,
  credentialId: string,
  failure: { reason: StatusFailureReason; detail: string; now: Date },
): Promise<StoredCredential | undefined> {
  const credential = await readCredential(wallet, credentialId);
  if (!credential) return undefined;
  const updated: StoredCredential = {
    ...credential,
    statusFailure: {
      at: failure.now.toISOString(),
      reason: failure.reason,
      detail: failure.detail.slice(0, 200),
    },
  };
  await saveCredential(wallet, updated);
  return updated;
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
  return recordSuccess(
    wallet,
    credential,
    bit === 0 ? 'valid' : 'revoked',
    list.value.iat,
    deps.now,
  );
}
