/**
 * Asking the issuer desk for new copies offline (docs/protocol.md §Copies request): a request signed
 * by the credential's relationship key, carrying one copy (so the desk needs no stored claims) and
 * how many copies are wanted. The desk answers with a v2 offer, which joins the credential's record
 * when received (receive.ts).
 */
import { es256kSigner, relationshipPath, withPrivateKey } from '../keys/index.ts';
import { createCopiesRequest, MAX_OFFER_COPIES } from '../protocol/index.ts';
import type { Result } from '../result.ts';
import { failed, ok } from '../result.ts';
import { formatOf, readCredential } from './credential-store.ts';
import type { HolderWallet } from './holder-wallet.ts';
import { listRelationships } from './relationships.ts';
import { seedOf } from './wallet-secret.ts';

/** How many copies a request asks for unless told. */
export const DEFAULT_COPIES_WANTED = 10;

export async function createCopiesRequestFor(
  wallet: HolderWallet,
  credentialId: string,
  options: { now: Date; jti: string; copies?: number },
): Promise<Result<string, 'not-found' | 'no-relationship' | 'not-sd-jwt'>> {
  const credential = await readCredential(wallet, credentialId);
  if (!credential) return failed('not-found');
  if (formatOf(credential) !== 'dc+sd-jwt') return failed('not-sd-jwt');
  const relationship = (await listRelationships(wallet)).find(
    (each) => each.index === credential.relationshipIndex,
  );
  if (!relationship) return failed('no-relationship');
  const copies = Math.min(MAX_OFFER_COPIES, Math.max(1, options.copies ?? DEFAULT_COPIES_WANTED));
  const path = relationshipPath(relationship.index);
  const request = await wallet.vault.withSecret((secret) =>
    withPrivateKey(seedOf(secret), path, async (privateKey) => {
      const signer = es256kSigner(privateKey);
      try {
        return await createCopiesRequest({
          relationship: relationship.fingerprint,
          credential: credential.compact,
          childIndex: credential.childIndex,
          copies,
          sign: signer,
          now: options.now,
          jti: options.jti,
        });
      } finally {
        signer.wipe();
      }
    }),
  );
  return ok(request);
}
