/**
 * Test support (not shipped: only tests import it): fill a wallet with realistic records of every
 * kind the backup must carry, written in batches as receiving and presenting would write them.
 */
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES, exampleClaims } from '../credentials/index.ts';
import { encodeBase64Url } from '../encoding/index.ts';
import { CREDENTIAL_PREFIX, credentialIdFor } from '../holder/credential-store.ts';
import { HISTORY_PREFIX } from '../holder/history.ts';
import type { HolderWallet } from '../holder/holder-wallet.ts';
import { relationshipRecord } from '../holder/relationships.ts';
import type { RecordWrite } from '../vault/index.ts';

export interface FillOptions {
  readonly credentials: number;
  readonly history: number;
  readonly randomBytes: (n: number) => Uint8Array;
}

const XPUB =
  'xpub6Cvxk846yERA7X8FpB9XPMmU4djBMJBmc6WtGdpw8cqHn3P8ZMJmt72smvpUJUn7cQPk4pjmFsBAT1m2u9v8ccem6JmXGq5Rh732e45YTSw';

/** An SD-JWT VC's shape and size (header, payload, signature, disclosures), random like one. */
function compactLike(randomBytes: (n: number) => Uint8Array): string {
  const part = (n: number) => encodeBase64Url(randomBytes(n));
  return `${part(60)}.${part(700)}.${part(64)}~${part(40)}~${part(45)}~${part(38)}~${part(50)}~`;
}

/** Returns the credential records written (their values), in the order written. */
export async function fillWallet(wallet: HolderWallet, options: FillOptions): Promise<unknown[]> {
  const credentials: unknown[] = [];
  const { randomBytes } = options;
  const relationships = [0, 1, 2].map((index) =>
    relationshipRecord({
      index,
      issuerName: `Issuer ${index}`,
      xpub: XPUB as never,
      fingerprint: `0000000${index}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      issuerDid: `did:key:zDnaeIssuer${index}`,
    }),
  );
  let writes: RecordWrite[] = [...relationships];
  const flush = async () => {
    if (writes.length > 0) await wallet.vault.writeRecords(writes);
    writes = [];
  };
  for (let i = 0; i < options.credentials; i += 1) {
    const typeId = CREDENTIAL_TYPE_IDS[
      i % CREDENTIAL_TYPE_IDS.length
    ] as (typeof CREDENTIAL_TYPE_IDS)[number];
    const compact = compactLike(randomBytes);
    const id = credentialIdFor(compact);
    const month = String((i % 12) + 1).padStart(2, '0');
    const value = {
      id,
      compact,
      typeId,
      vct: CREDENTIAL_TYPES[typeId].vct,
      issuer: `did:key:zDnaeIssuer${i % 3}`,
      issuerName: `Issuer ${i % 3}`,
      relationshipIndex: i % 3,
      childIndex: i,
      claims: exampleClaims(typeId),
      issuedAt: `2026-${month}-01T09:00:00Z`,
      receivedAt: `2026-${month}-01T09:05:00Z`,
      status: { idx: i * 7, uri: `https://issuer${i % 3}.example/status/1` },
    };
    credentials.push(value);
    writes.push({ id: `${CREDENTIAL_PREFIX}${id}`, value });
    if (writes.length >= 2500) await flush();
  }
  for (let i = 0; i < options.history; i += 1) {
    const at = new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString();
    const id = `${at.replace(/\D/g, '')}-${String(i).padStart(8, '0')}`;
    writes.push({
      id: `${HISTORY_PREFIX}${id}`,
      value: {
        id,
        at,
        verifierId: 'did:key:zDnaeVerifier',
        verifierName: 'Municipality',
        purpose: 'Income supplement',
        items: [],
      },
    });
  }
  writes.push({ id: 'declared-facts', value: { format: 1, facts: { household: 'single' } } });
  writes.push({ id: 'settings', value: { autoLockMinutes: 15 } });
  await flush();
  return credentials;
}
