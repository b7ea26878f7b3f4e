/**
 * The wallet's "Prove" file is what `vouch evidence verify --receipt <file>` reads (issue 14,
 * docs/evidence.md §Flows): a receipt made by the wallet and countersigned by a desk, saved as
 * the wallet saves it, checks at level 2 with the command alone, and with `--document` (the
 * vp_token as the agency received it) the document is the one committed; another is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from '@noble/hashes/utils.js';
import { afterAll, describe, expect, it } from 'vitest';
import { abandonArtWallet, applicationHalf } from '../core/holder/receipts.fake.ts';
import {
  countersignApplicationReceipt,
  encodeReceiptAnswer,
  finishReceipt,
  receiptProofFile,
} from '../core/holder/receipts.ts';
import { createIssuerKeyFile, issuerSigner, nobleJwsCrypto } from '../core/jose/index.ts';
import { runCaptured } from './cli-harness.fake.ts';

const dir = mkdtempSync(join(tmpdir(), 'vouch-receipt-proof-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jws = nobleJwsCrypto({ randomBytes });
const VP_TOKEN = { diploma: ['eyJhbGciOiJFUzI1NiJ9.e30.c2ln~WyJzIiwiZGVncmVlIiwiTVNjIl0~kb'] };

describe("the wallet's proof file and vouch evidence verify", () => {
  it('Given a Prove file of an application receipt, when vouch evidence verify reads it, then level 2, the document matches, another document does not', async () => {
    const wallet = await abandonArtWallet();
    const desk = await createIssuerKeyFile(jws, 'EdDSA');
    const now = new Date();
    const { pending, half } = await applicationHalf(wallet, {
      verifierDid: desk.did,
      vpToken: VP_TOKEN,
      now,
      randomBytes,
    });
    const acknowledged = await countersignApplicationReceipt({
      half,
      vpToken: VP_TOKEN,
      desk: { did: desk.did, sign: issuerSigner(jws, desk) },
      crypto: jws,
      now,
    });
    if (!acknowledged.ok) throw new Error(acknowledged.detail.message);
    const kept = await finishReceipt(
      wallet,
      pending,
      encodeReceiptAnswer({ receipt: acknowledged.value.receipt }),
      { crypto: jws, randomBytes },
    );
    if (!kept.ok) throw new Error(kept.detail.message);
    const receiptFile = join(dir, 'vouch-receipt.json');
    writeFileSync(receiptFile, receiptProofFile(kept.value));
    const documentFile = join(dir, 'vp_token.json');
    writeFileSync(documentFile, JSON.stringify(VP_TOKEN));
    const otherFile = join(dir, 'other.json');
    writeFileSync(otherFile, JSON.stringify({ diploma: ['another'] }));

    const alone = await runCaptured(['evidence', 'verify', '--receipt', receiptFile]);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toMatchObject({ valid: true, level: 2 });

    const withDocument = await runCaptured([
      'evidence',
      'verify',
      '--receipt',
      receiptFile,
      '--document',
      documentFile,
    ]);
    expect(JSON.parse(withDocument.stdout)).toMatchObject({
      valid: true,
      level: 2,
      checks: expect.arrayContaining([expect.objectContaining({ name: 'document', ok: true })]),
    });

    const other = await runCaptured([
      'evidence',
      'verify',
      '--receipt',
      receiptFile,
      '--document',
      otherFile,
    ]);
    expect(JSON.parse(other.stdout)).toMatchObject({ valid: false });
  });
});
