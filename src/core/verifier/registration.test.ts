// The verifier desk keeps its registration certificate and signs it into every request's
// verifier_info; a wallet that trusts the authority then shows the desk as registered.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { createIssuerKeyFile, issuerSigner } from '../jose/index.ts';
import { verifyPresentationRequest } from '../protocol/request.ts';
import { signRegistrationCertificate, verifierStanding } from '../trust/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { makeWorld, NOW, type World } from '../verification/presentation-world.fake.ts';
import {
  createRequest,
  createVerifierDesk,
  needsFromTemplate,
  readDeskRegistration,
  removeDeskRegistration,
  saveDeskRegistration,
  type VerifierDesk,
} from './index.ts';

let world: World;
let desk: VerifierDesk;
const storage = () => createMemoryVaultStorage();
const DAY = 86_400_000;

beforeEach(async () => {
  world = await makeWorld();
  const created = await createVerifierDesk(
    { storage: storage(), crypto: createFakeVaultCrypto(), jws: world.crypto },
    {
      passcode: 'verifier passcode 1',
      profile: { name: 'Gemeente Utrecht', kind: 'agency' },
      now: NOW,
    },
  );
  if (!created.ok) throw new Error(created.reason);
  desk = created.value;
});

async function authority() {
  const key = await createIssuerKeyFile(world.crypto, 'ES256');
  return { did: key.did as Did, alg: key.alg, sign: issuerSigner(world.crypto, key) };
}

const certificateFor = async (
  by: Awaited<ReturnType<typeof authority>>,
  verifier: string,
  expiresAt?: Date,
) =>
  signRegistrationCertificate({
    authority: by,
    verifier,
    name: { nl: 'Gemeente Utrecht', en: 'Municipality of Utrecht' },
    issuedAt: new Date(NOW.getTime() - DAY),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });

const requestNow = async (now = NOW) =>
  (
    await createRequest(
      desk,
      { jws: world.crypto, randomBytes: world.randomBytes },
      { needs: needsFromTemplate('income-supplement'), purpose: 'Bijstand', now },
    )
  ).forQr;

describe('the desk’s registration certificate', () => {
  it('Given a certificate for this desk, when saved, then every request carries it and a wallet trusting the authority sees the desk as registered', async () => {
    const by = await authority();
    const saved = await saveDeskRegistration(desk, await certificateFor(by, desk.verifier.did), {
      jws: world.crypto,
      now: NOW,
    });
    expect(saved.ok && saved.value.authority).toBe(by.did);
    const read = await verifyPresentationRequest(await requestNow(), {
      crypto: world.crypto,
      now: NOW,
    });
    if (!read.ok) throw new Error(read.detail.message);
    expect(read.value.verifierInfo).toHaveLength(1);
    expect(
      await verifierStanding(read.value, { authorities: [by.did], crypto: world.crypto, now: NOW }),
    ).toMatchObject({ kind: 'registered', authority: by.did });
  });

  it('Given a certificate for another verifier, an expired one, or garbage, then it is refused and requests carry none', async () => {
    const by = await authority();
    expect(
      await saveDeskRegistration(desk, await certificateFor(by, world.issuer.did), {
        jws: world.crypto,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, reason: 'other-verifier' });
    const expired = await certificateFor(by, desk.verifier.did, new Date(NOW.getTime() - 1000));
    expect(
      await saveDeskRegistration(desk, expired, { jws: world.crypto, now: NOW }),
    ).toMatchObject({ ok: false, reason: 'expired' });
    expect(
      await saveDeskRegistration(desk, 'x'.repeat(10_000), { jws: world.crypto, now: NOW }),
    ).toMatchObject({ ok: false, reason: 'malformed' });
    const read = await verifyPresentationRequest(await requestNow(), {
      crypto: world.crypto,
      now: NOW,
    });
    expect(read.ok && read.value.verifierInfo).toBeUndefined();
  });

  it('Given a saved certificate that has since expired, then it is shown as expired and no longer sent; removed, it is gone', async () => {
    const by = await authority();
    const jwt = await certificateFor(by, desk.verifier.did, new Date(NOW.getTime() + DAY));
    expect((await saveDeskRegistration(desk, jwt, { jws: world.crypto, now: NOW })).ok).toBe(true);
    const later = new Date(NOW.getTime() + 2 * DAY);
    expect(await readDeskRegistration(desk, { jws: world.crypto, now: later })).toMatchObject({
      valid: false,
    });
    const read = await verifyPresentationRequest(await requestNow(later), {
      crypto: world.crypto,
      now: later,
    });
    expect(read.ok && read.value.verifierInfo).toBeUndefined();
    await removeDeskRegistration(desk);
    expect(await readDeskRegistration(desk, { jws: world.crypto, now: NOW })).toBeUndefined();
  });
});
