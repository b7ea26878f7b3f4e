// Replay under concurrency (issue 8 item 5): one answer counts once, even when it arrives twice at
// the same moment, and an answer that fails a check spends nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPresentation } from '../presentation/index.ts';
import { encodePresentationResponse } from '../protocol/response.ts';
import { createMemoryVaultStorage, type VaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import {
  holderFromSeed,
  makeWorld,
  NOW,
  publishList,
  signerFor,
  VCT,
  type Holder,
  type World,
} from '../verification/presentation-world.fake.ts';
import {
  addOwnTrustEntry,
  createRequest,
  createVerifierDesk,
  findNonce,
  storeStatusList,
  verifyResponse,
  type VerifiedResponse,
  type VerifierDesk,
} from './index.ts';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});

const deps = () => ({ jws: world.crypto, randomBytes: world.randomBytes });

/** Memory storage that yields to other tasks before every read and every commit. */
function slowStorage(): VaultStorage {
  const inner = createMemoryVaultStorage();
  const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    readMeta: async () => (await yieldNow(), inner.readMeta()),
    readRecord: async (id) => (await yieldNow(), inner.readRecord(id)),
    listRecordIds: async (prefix) => (await yieldNow(), inner.listRecordIds(prefix)),
    commit: async (writes, meta) => (await yieldNow(), inner.commit(writes, meta)),
    erase: () => inner.erase(),
  };
}

/** A desk that trusts the world's issuer and holds its (fresh, unrevoked) status list. */
async function readyDesk(storage: VaultStorage = slowStorage()): Promise<VerifierDesk> {
  const created = await createVerifierDesk(
    { storage, crypto: createFakeVaultCrypto(), jws: world.crypto },
    { passcode: 'verifier passcode 1', profile: { name: 'SVB', kind: 'agency' }, now: NOW },
  );
  if (!created.ok) throw new Error(created.reason);
  const desk = created.value;
  await addOwnTrustEntry(desk, { did: world.issuer.did, name: 'Bakkerij', vct: [VCT] });
  await storeStatusList(desk, deps(), {
    jwt: await publishList(world),
    now: NOW,
    source: 'import',
  });
  return desk;
}

async function answer(
  desk: VerifierDesk,
  nonce: string,
  options: { holder?: Holder; audience?: string } = {},
): Promise<Uint8Array> {
  const presentation = await createPresentation({
    credential: world.credential,
    disclose: ['period', 'net_wage_cents'],
    audience: options.audience ?? desk.verifier.clientId,
    nonce,
    issuedAt: new Date(NOW.getTime() - 5_000),
    holder: signerFor(world.crypto, options.holder ?? world.holder),
  });
  if (!presentation.ok) throw new Error(presentation.detail.message);
  return encodePresentationResponse({ vpToken: { 'income-statement': [presentation.value] } });
}

const nonceCode = (verdict: VerifiedResponse) =>
  verdict.presentations[0]?.result.checks.find((check) => check.name === 'nonce')?.code;

describe('replay under concurrency', () => {
  it('Given one valid answer, when it is submitted twice at the same moment (30 rounds), then each round has exactly one valid and one replayed', async () => {
    const desk = await readyDesk();
    for (let round = 0; round < 30; round++) {
      const { pending } = await createRequest(desk, deps(), {
        needs: {
          typeId: 'income-statement',
          vct: VCT,
          required: ['period', 'net_wage_cents'],
          optional: [],
        },
        purpose: `Round ${round}`,
        now: NOW,
      });
      const payload = await answer(desk, pending.nonce);
      const results = await Promise.all([
        verifyResponse(desk, deps(), { payload, now: NOW }),
        verifyResponse(desk, deps(), { payload, now: NOW }),
      ]);
      const verdicts = results.map((result) => {
        if (!result.ok) throw new Error(result.detail.message);
        return result.value;
      });
      expect(verdicts.filter((v) => v.valid)).toHaveLength(1);
      const refused = verdicts.find((v) => !v.valid);
      expect(refused && nonceCode(refused)).toBe('replayed');
      expect(refused?.spentNonces).toEqual([]);
      expect(await findNonce(desk, pending.nonce)).toMatchObject({ state: 'used' });
    }
  });

  it('Given one valid answer, when it is submitted five times at once, then exactly one is valid', async () => {
    const desk = await readyDesk();
    const { pending } = await createRequest(desk, deps(), {
      needs: { typeId: 'income-statement', vct: VCT, required: ['period'], optional: [] },
      purpose: 'Five at once',
      now: NOW,
    });
    const payload = await answer(desk, pending.nonce);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => verifyResponse(desk, deps(), { payload, now: NOW })),
    );
    expect(results.filter((r) => r.ok && r.value.valid)).toHaveLength(1);
    expect(
      results.filter((r) => r.ok && !r.value.valid && nonceCode(r.value) === 'replayed'),
    ).toHaveLength(4);
  });
});

describe('a failed answer spends nothing', () => {
  it('Given a forged answer (key binding signed by another key) for a real nonce, when it comes first, then it is not valid, the nonce stays pending, and the real answer afterwards is valid', async () => {
    const desk = await readyDesk(createMemoryVaultStorage());
    const { pending } = await createRequest(desk, deps(), {
      needs: { typeId: 'income-statement', vct: VCT, required: ['period'], optional: [] },
      purpose: 'Forgery first',
      now: NOW,
    });
    const forged = await verifyResponse(desk, deps(), {
      payload: await answer(desk, pending.nonce, { holder: holderFromSeed('thief') }),
      now: NOW,
    });
    expect(forged.ok && forged.value.valid).toBe(false);
    expect(forged.ok && forged.value.presentations[0]?.result.checks).toContainEqual(
      expect.objectContaining({ name: 'key-binding', ok: false }),
    );
    expect(await findNonce(desk, pending.nonce)).toMatchObject({ state: 'pending' });

    const real = await verifyResponse(desk, deps(), {
      payload: await answer(desk, pending.nonce),
      now: NOW,
    });
    expect(real.ok && real.value.valid).toBe(true);
    expect(await findNonce(desk, pending.nonce)).toMatchObject({ state: 'used' });
  });

  it('Given an answer made for another verifier, when checked, then wrong-audience and the nonce stays pending', async () => {
    const desk = await readyDesk(createMemoryVaultStorage());
    const { pending } = await createRequest(desk, deps(), {
      needs: { typeId: 'income-statement', vct: VCT, required: ['period'], optional: [] },
      purpose: 'Other audience',
      now: NOW,
    });
    const verdict = await verifyResponse(desk, deps(), {
      payload: await answer(desk, pending.nonce, {
        audience: 'decentralized_identifier:did:key:zDnaeOther',
      }),
      now: NOW,
    });
    expect(verdict.ok && verdict.value.valid).toBe(false);
    expect(verdict.ok && verdict.value.spentNonces).toEqual([]);
    expect(await findNonce(desk, pending.nonce)).toMatchObject({ state: 'pending' });
  });
});
