// Trust lists at the desk (issue 8 item 7): a list from a signer the desk does not trust yet needs
// the clerk's confirmation of the signer's fingerprint words; a list from a confirmed signer (an
// anchor) or from the desk itself does not; an expired list is refused, and a list that expires
// after its import stops counting, with a verdict that says so.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Did } from '../brand.ts';
import { createIssuerKeyFile, issuerSigner, publicJwkThumbprint } from '../jose/index.ts';
import type { IssuerKeyFile } from '../jose/index.ts';
import { createPresentation } from '../presentation/index.ts';
import { encodePresentationResponse } from '../protocol/response.ts';
import { fingerprintWords, signTrustList } from '../trust/index.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import {
  makeWorld,
  NOW,
  publishList,
  signerFor,
  VCT,
  type World,
} from '../verification/presentation-world.fake.ts';
import {
  activeTrustLists,
  createRequest,
  createVerifierDesk,
  importTrustList,
  listImportedTrustLists,
  listTrustAnchors,
  signOwnTrustList,
  storeStatusList,
  unlockVerifierDesk,
  verifyResponse,
} from './index.ts';

let world: World;
/** A ministry that publishes trust lists: its own key, not this desk's. */
let ministry: IssuerKeyFile;
const DAY = 86_400_000;

beforeEach(async () => {
  world = await makeWorld();
  ministry = await createIssuerKeyFile(world.crypto, 'EdDSA');
});

const deps = () => ({ jws: world.crypto, randomBytes: world.randomBytes });
const PASSCODE = 'verifier passcode 1';

async function newDesk(storage = createMemoryVaultStorage(), crypto = createFakeVaultCrypto()) {
  const created = await createVerifierDesk(
    { storage, crypto, jws: world.crypto },
    { passcode: PASSCODE, profile: { name: 'SVB', kind: 'agency' }, now: NOW },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.value;
}

function ministryList(options: { name?: string; issuedAt?: Date; expiresAt?: Date } = {}) {
  return signTrustList({
    issuer: {
      did: ministry.did as Did,
      alg: ministry.alg,
      sign: issuerSigner(world.crypto, ministry),
    },
    name: options.name ?? 'Ministerie SZW',
    entries: [{ did: world.issuer.did, name: 'Bakkerij de Vries B.V.', vct: [VCT] }],
    issuedAt: options.issuedAt ?? new Date(NOW.getTime() - DAY),
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  });
}

describe('importing a list from a signer the desk does not trust yet', () => {
  it('Given a list signed by an unknown key, when imported, then nothing is stored and the clerk is shown that key’s fingerprint words', async () => {
    const desk = await newDesk();
    const result = await importTrustList(desk, deps(), { jwt: await ministryList(), now: NOW });
    const thumbprint = publicJwkThumbprint(ministry.publicJwk);
    expect(result).toMatchObject({
      ok: false,
      reason: 'signer-not-confirmed',
      detail: {
        signer: {
          did: ministry.did,
          thumbprint,
          words: fingerprintWords(thumbprint),
          listName: 'Ministerie SZW',
          entryCount: 1,
        },
      },
    });
    expect(await listImportedTrustLists(desk, deps(), NOW)).toEqual([]);
    expect(await listTrustAnchors(desk)).toEqual([]);
  });

  it('Given the words of another key, when the clerk "confirms" them, then the list is still refused', async () => {
    const desk = await newDesk();
    const other = await createIssuerKeyFile(world.crypto, 'ES256');
    const result = await importTrustList(desk, deps(), {
      jwt: await ministryList(),
      now: NOW,
      confirmedSigner: publicJwkThumbprint(other.publicJwk),
    });
    expect(result).toMatchObject({ ok: false, reason: 'signer-not-confirmed' });
    expect(await listImportedTrustLists(desk, deps(), NOW)).toEqual([]);
  });

  it('Given the clerk confirmed the words, when imported, then the list counts and its signer is an anchor that survives a lock', async () => {
    const storage = createMemoryVaultStorage();
    const crypto = createFakeVaultCrypto();
    const desk = await newDesk(storage, crypto);
    const thumbprint = publicJwkThumbprint(ministry.publicJwk);
    const imported = await importTrustList(desk, deps(), {
      jwt: await ministryList(),
      now: NOW,
      confirmedSigner: thumbprint,
    });
    expect(imported.ok).toBe(true);
    expect((await activeTrustLists(desk, deps(), NOW)).map((list) => list.name)).toEqual([
      'Ministerie SZW',
    ]);
    desk.vault.lock();
    const again = await unlockVerifierDesk({ storage, crypto, jws: world.crypto }, PASSCODE);
    if (!again.ok) throw new Error(again.reason);
    expect(await listTrustAnchors(again.value)).toEqual([
      { thumbprint, did: ministry.did, confirmedAt: NOW.toISOString() },
    ]);
    // The vault keeps the anchor encrypted: its thumbprint is nowhere in clear.
    expect(JSON.stringify([...storage.snapshot().records.values()])).not.toContain(thumbprint);
  });
});

describe('importing a list from a signer the desk already trusts', () => {
  it('Given a confirmed signer, when its next edition is imported, then it imports without asking and replaces the older edition', async () => {
    const desk = await newDesk();
    await importTrustList(desk, deps(), {
      jwt: await ministryList(),
      now: NOW,
      confirmedSigner: publicJwkThumbprint(ministry.publicJwk),
    });
    const next = await ministryList({ issuedAt: NOW });
    const later = new Date(NOW.getTime() + 1000);
    expect((await importTrustList(desk, deps(), { jwt: next, now: later })).ok).toBe(true);
    const lists = await listImportedTrustLists(desk, deps(), later);
    expect(lists.map((item) => item.jwt)).toEqual([next]);
  });

  it('Given the desk’s own signed list, when imported at the same desk, then no confirmation is asked (its own key)', async () => {
    const desk = await newDesk();
    const jwt = await signOwnTrustList(desk, deps(), { now: NOW, name: 'Own' });
    expect((await importTrustList(desk, deps(), { jwt, now: NOW })).ok).toBe(true);
  });
});

describe('expiry', () => {
  it('Given an expired list, when imported, then it is refused with when it expired, and nothing is stored', async () => {
    const desk = await newDesk();
    const jwt = await ministryList({
      issuedAt: new Date(NOW.getTime() - 30 * DAY),
      expiresAt: new Date(NOW.getTime() - 2 * DAY),
    });
    const result = await importTrustList(desk, deps(), {
      jwt,
      now: NOW,
      confirmedSigner: publicJwkThumbprint(ministry.publicJwk),
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'expired',
      detail: { expiredAt: new Date(NOW.getTime() - 2 * DAY).toISOString() },
    });
    expect(await listImportedTrustLists(desk, deps(), NOW)).toEqual([]);
    expect(await listTrustAnchors(desk)).toEqual([]);
  });

  it('Given a list that expires after its import, when an answer of its issuer is checked later, then untrusted-issuer, the message names the expired list, and the verdict says which', async () => {
    const desk = await newDesk();
    const expiresAt = new Date(NOW.getTime() + 7 * DAY);
    await importTrustList(desk, deps(), {
      jwt: await ministryList({ expiresAt }),
      now: NOW,
      confirmedSigner: publicJwkThumbprint(ministry.publicJwk),
    });
    const check = async (now: Date) => {
      await storeStatusList(desk, deps(), {
        jwt: await publishList(world, { issuedAt: now }),
        now,
        source: 'import',
      });
      const { pending } = await createRequest(desk, deps(), {
        needs: { typeId: 'income-statement', vct: VCT, required: ['period'], optional: [] },
        purpose: 'Expiry',
        now,
      });
      const presentation = await createPresentation({
        credential: world.credential,
        disclose: ['period'],
        audience: desk.verifier.clientId,
        nonce: pending.nonce,
        issuedAt: now,
        holder: signerFor(world.crypto, world.holder),
      });
      if (!presentation.ok) throw new Error(presentation.detail.message);
      const verdict = await verifyResponse(desk, deps(), {
        payload: encodePresentationResponse({
          vpToken: { 'income-statement': [presentation.value] },
        }),
        now,
      });
      if (!verdict.ok) throw new Error(verdict.detail.message);
      return verdict.value;
    };

    const before = await check(new Date(NOW.getTime() + DAY));
    expect(before.valid).toBe(true);
    expect(before.presentations[0]?.expiredTrustList).toBeUndefined();

    const after = await check(new Date(expiresAt.getTime() + DAY));
    expect(after.valid).toBe(false);
    const trusted = after.presentations[0]?.result.checks.find((c) => c.name === 'issuer-trusted');
    expect(trusted).toMatchObject({ ok: false, code: 'untrusted-issuer' });
    expect(trusted?.message).toContain('"Ministerie SZW", which expired');
    expect(after.presentations[0]?.expiredTrustList).toEqual({
      name: 'Ministerie SZW',
      expiredAt: expiresAt.toISOString(),
    });
    const listed = await listImportedTrustLists(desk, deps(), new Date(expiresAt.getTime() + DAY));
    expect(listed[0]).toMatchObject({
      expiredAt: expiresAt.toISOString(),
      list: { name: 'Ministerie SZW' },
    });
  });
});
