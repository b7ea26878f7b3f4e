/**
 * Issuance receipts at the server (docs/evidence.md §Flows), in-process: a wallet that stored a
 * credential of this server's issuer gets its ISSUE and RECEIVE halves countersigned; anything
 * the server did not sign, or a half that is not what it claims, is refused and nothing is kept.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptRecordFromJson, verifyReceipt } from '../../core/evidence/index.ts';
import type { HolderWallet } from '../../core/holder/holder-wallet.ts';
import {
  finishReceipt,
  issuerJwtOf,
  listReceipts,
  startIssuanceReceipts,
} from '../../core/holder/receipts.ts';
import { abandonArtWallet } from '../../core/holder/receipts.fake.ts';
import { nobleJwsCrypto } from '../../core/jose/index.ts';
import { peerCredential } from '../peer-answer.fake.ts';
import { newPeerKey, PUBLIC_URL, startPeerServer } from '../peer-harness.fake.ts';
import type { PeerServer } from '../peer-harness.fake.ts';

let server: PeerServer;
let wallet: HolderWallet;
let credential: string;
const jws = nobleJwsCrypto({ randomBytes });
beforeAll(async () => {
  server = await startPeerServer();
  credential = await peerCredential(server, await newPeerKey());
  wallet = await abandonArtWallet();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function halves(issuerJwts: string[]) {
  const started = await startIssuanceReceipts(wallet, {
    issuerDid: server.issuerKey.did,
    issuerName: 'Vouch test issuer',
    relationshipIndex: 3,
    issuerJwts,
    now: server.ctx.now(),
    randomBytes,
  });
  if (!started) throw new Error('no receipts offered');
  return started;
}

const post = (body: unknown) =>
  server.fetch(`${PUBLIC_URL}/receipts/issuance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const keptCount = async () =>
  Number(
    (await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM issued_receipts')).rows[0]?.n,
  );

describe('issuance receipts at vouch serve', () => {
  it('Given a credential the server issued, when the wallet posts its ISSUE and RECEIVE halves, then both come back countersigned by the issuer and the wallet and the server each keep both', async () => {
    const jwts = [issuerJwtOf(credential)];
    const started = await halves(jwts);
    const before = await keptCount();
    const answer = await post({ credentials: jwts, receipts: started.map((s) => s.half) });
    expect(answer.status).toBe(200);
    const { receipts } = (await answer.json()) as { receipts: unknown[] };
    expect(receipts).toHaveLength(2);
    for (const [index, { pending }] of started.entries()) {
      const finished = await finishReceipt(wallet, pending, receipts[index], {
        crypto: jws,
        randomBytes,
      });
      if (!finished.ok) throw new Error(finished.detail.message);
      expect(finished.value).toMatchObject({
        kind: 'issuance',
        record: { receipt: { action: index === 0 ? 'ISSUE' : 'RECEIVE' } },
      });
    }
    expect((await listReceipts(wallet)).filter((r) => r.kind === 'issuance')).toHaveLength(2);
    expect(await keptCount()).toBe(before + 2);
    const { rows } = await server.db.query<{ record: unknown }>(
      'SELECT record FROM issued_receipts ORDER BY created_at DESC LIMIT 1',
    );
    const record = rows[0]?.record;
    const kept = receiptRecordFromJson(typeof record === 'string' ? JSON.parse(record) : record);
    if (!kept.ok) throw new Error(kept.detail.message);
    expect(
      await verifyReceipt(kept.value.receipt, { crypto: jws, opening: kept.value.opening }),
    ).toMatchObject({ valid: true, level: 2 });
  });

  it('Given a JWT the server did not sign, when posted, then 400 naming it and nothing kept', async () => {
    const [header, payload] = issuerJwtOf(credential).split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const started = await halves([forged]);
    const before = await keptCount();
    const answer = await post({ credentials: [forged], receipts: started.map((s) => s.half) });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain('credentials.0');
    expect(await keptCount()).toBe(before);
  });

  it('Given halves in the wrong order, or for other credentials, when posted, then 400 and nothing kept', async () => {
    const jwts = [issuerJwtOf(credential)];
    const started = await halves(jwts);
    const other = await halves([issuerJwtOf(credential), issuerJwtOf(credential)]);
    const before = await keptCount();
    const swapped = await post({
      credentials: jwts,
      receipts: [started[1]?.half, started[0]?.half],
    });
    expect(swapped.status).toBe(400);
    const mismatched = await post({ credentials: jwts, receipts: other.map((s) => s.half) });
    expect(mismatched.status).toBe(400);
    expect(JSON.stringify(await mismatched.json())).toContain('commitment');
    expect(await keptCount()).toBe(before);
  });
});
