/**
 * "Get new copies" online (issue 13): a credential received over OpenID4VCI whose issuer renews
 * (`refresh.kind === 'openid4vci'`, a refresh token kept in the credential's record in the vault)
 * gets a new batch of copies: the refresh_token grant, then one credential request with key
 * proofs from fresh child keys of the same relationship (src/core/oid4vci/refresh.ts). Every copy
 * takes every check a received credential takes, and must be the same credential (issuer, vct,
 * claims: copies.ts); they join the record in one transaction with the rotated refresh token.
 *
 * The refresh token is a bearer secret: it lives only in the encrypted record, is sent only to the
 * issuer's token endpoint in a POST body, and never reaches a log, a URL or the UI. The issuer
 * rotates it on every use, so the new one is written to the record as soon as it arrives (before
 * the credential request). When the issuer refuses it (used, expired, or the credential was
 * revoked) the record forgets it: this credential is not renewed online any more.
 */
import type { JwsCrypto } from '../jose/index.ts';
import { refreshCredentials } from '../oid4vci/index.ts';
import type { HttpFetch } from '../oid4vci/index.ts';
import { CREDENTIAL_PREFIX, readCredential } from './credential-store.ts';
import type { StoredCredential } from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import {
  matchToChildren,
  MAX_COPIES,
  proofKeysFor,
  reserveChildren,
  storeOpenid4vciCredentials,
} from './receive-openid4vci.ts';
import type { ReceiveOpenid4vciResult } from './receive-openid4vci.ts';
import { findRelationshipByCredentialIssuer } from './relationships.ts';

export interface RefreshCopiesOptions {
  fetch: HttpFetch;
  crypto: JwsCrypto;
  now: Date;
  /** Copies to ask for (default MAX_COPIES; the issuer's batch_size may make it fewer). */
  copies?: number;
}

/** True when the wallet can ask the credential's issuer for more copies online. */
export function refreshesOnline(credential: Pick<StoredCredential, 'refresh'>): boolean {
  return credential.refresh?.kind === 'openid4vci';
}

/** Writes the record with the rotated refresh token (or without one: renewal ended). */
async function keepRefreshToken(
  wallet: HolderWallet,
  credentialId: string,
  refreshToken: string | undefined,
): Promise<void> {
  const credential = await readCredential(wallet, credentialId);
  if (credential?.refresh?.kind !== 'openid4vci') return;
  const { refresh, ...rest } = credential;
  const next: StoredCredential =
    refreshToken === undefined ? rest : { ...rest, refresh: { ...refresh, refreshToken } };
  await wallet.vault.writeRecords([{ id: `${CREDENTIAL_PREFIX}${credentialId}`, value: next }]);
}

/**
 * Asks the issuer for a new batch of copies of credential `credentialId` and adds them to its
 * record. The result's value is the record after the copies joined it.
 */
export async function refreshCopies(
  wallet: HolderWallet,
  credentialId: string,
  options: RefreshCopiesOptions,
): Promise<ReceiveOpenid4vciResult> {
  const credential = await readCredential(wallet, credentialId);
  const refresh = credential?.refresh;
  if (!credential || refresh?.kind !== 'openid4vci') {
    return {
      ok: false,
      reason: 'unsupported',
      detail: 'this credential cannot be renewed online',
    };
  }
  const relationship = await findRelationshipByCredentialIssuer(wallet, refresh.credentialIssuer);
  if (!relationship || relationship.index !== credential.relationshipIndex) {
    return {
      ok: false,
      reason: 'unknown-relationship',
      detail: `no relationship for ${refresh.credentialIssuer.slice(0, 200)}`,
    };
  }
  let reservation: { reserved: typeof relationship; children: number[] } | undefined;
  const received = await refreshCredentials({
    fetch: options.fetch,
    credentialIssuer: refresh.credentialIssuer,
    configurationId: refresh.configurationId,
    refreshToken: refresh.refreshToken,
    copies: options.copies ?? MAX_COPIES,
    now: options.now,
    makeProofKeys: async (count) => {
      reservation = await reserveChildren(
        wallet,
        async () =>
          (await findRelationshipByCredentialIssuer(wallet, refresh.credentialIssuer)) ??
          relationship,
        Math.min(count, MAX_COPIES),
      );
      return proofKeysFor(wallet, reservation.reserved, reservation.children);
    },
    saveRefreshToken: (next) => keepRefreshToken(wallet, credentialId, next),
  });
  if (!received.ok) {
    if (received.reason === 'refresh-refused') {
      await keepRefreshToken(wallet, credentialId, undefined);
    }
    return { ok: false, reason: received.reason, detail: received.detail.message };
  }
  if (reservation === undefined) {
    return { ok: false, reason: 'bad-credential', detail: 'no keys were proved' };
  }
  const matched = matchToChildren(reservation.reserved, reservation.children, received.value);
  if (!Array.isArray(matched)) return matched;
  return storeOpenid4vciCredentials(
    wallet,
    {
      credentialIssuer: refresh.credentialIssuer,
      relationshipIndex: relationship.index,
      credentials: matched,
      format: received.value.format,
      joinCredentialId: credentialId,
      ...(received.value.refreshToken === undefined
        ? {}
        : {
            refresh: {
              configurationId: refresh.configurationId,
              refreshToken: received.value.refreshToken,
            },
          }),
    },
    options,
  );
}
