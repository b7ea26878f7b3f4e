/**
 * The credentials' summary index: what the list and the rules read, from the index alone; the
 * rules give the same results over summaries as over full records; a wallet from before the
 * index is indexed at its first list; opening a card reads its full record.
 */
import { describe, expect, it, vi } from 'vitest';
import { CREDENTIAL_TYPE_IDS, CREDENTIAL_TYPES, exampleClaims } from '../credentials/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage, unlockVault } from '../vault/index.ts';
import { evaluateBenefits, evaluateBenefitsOver } from './benefits.ts';
import {
  CREDENTIAL_PREFIX,
  credentialIdFor,
  listCredentials,
  readCredential,
  saveCredential,
  type StoredCredential,
} from './credential-store.ts';
import {
  CREDENTIAL_INDEX,
  listCredentialSummaries,
  SUMMARY_CLAIMS,
  summariseCredential,
} from './credential-store-summary.ts';
import { createHolderWallet, openHolderWallet, type HolderWallet } from './holder-wallet.ts';

const ABANDON_ART = `${'abandon '.repeat(23)}art`;
const NOW = new Date('2026-11-21T10:00:00Z');

async function freshWallet(storage = createMemoryVaultStorage(), crypto = createFakeVaultCrypto()) {
  const created = await createHolderWallet(
    { storage, crypto, now: () => NOW },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'created' },
  );
  if (!created.ok) throw new Error(`expected a wallet, got ${created.reason}`);
  return created.value;
}

let counter = 0;
function stored(
  typeId: StoredCredential['typeId'],
  claims: Record<string, unknown>,
  issuedAt = '2026-10-01T09:00:00Z',
): StoredCredential {
  const compact = `test-${typeId}-${counter++}`;
  return {
    id: credentialIdFor(compact),
    compact,
    typeId,
    vct: CREDENTIAL_TYPES[typeId].vct,
    issuer: 'did:key:zDnaeTestIssuer',
    issuerName: 'Test issuer',
    relationshipIndex: 0,
    childIndex: counter,
    claims,
    issuedAt,
    receivedAt: issuedAt,
    status: { idx: counter, uri: 'https://issuer.example/status/1' },
  };
}

/** Every type's example, income statements for three months, and a second attestation (J61). */
function aWalletsWorth(): StoredCredential[] {
  const income = exampleClaims('income-statement');
  return [
    ...CREDENTIAL_TYPE_IDS.map((typeId) => stored(typeId, exampleClaims(typeId))),
    stored('income-statement', { ...income, period: '2026-08', net_wage_cents: 61_000 }),
    stored('income-statement', { ...income, period: '2026-09', net_wage_cents: 9_000 }),
    stored('income-statement', { ...income, period: '2026-09', net_wage_cents: 45_500 }),
    stored('medical-attestation', {
      ...exampleClaims('medical-attestation'),
      diagnosis_code: 'J61',
      diagnosis_date: '2026-02-11',
    }),
  ];
}

async function walletWith(credentials: readonly StoredCredential[]): Promise<HolderWallet> {
  const wallet = await freshWallet();
  for (const credential of credentials) await saveCredential(wallet, credential);
  return wallet;
}

describe('the credentials summary index', () => {
  it('Given saved credentials, when listed from the index, then each summary is its record without the compact form and with only the summary claims (no holder name or birth date)', async () => {
    const credentials = aWalletsWorth();
    const wallet = await walletWith(credentials);

    const summaries = await listCredentialSummaries(wallet);

    expect(summaries).toHaveLength(credentials.length);
    for (const summary of summaries) {
      const full = credentials.find((c) => c.id === summary.id);
      expect(full).toBeDefined();
      if (!full) continue;
      expect(summary).not.toHaveProperty('compact');
      expect(SUMMARY_CLAIMS[full.typeId]).toEqual(
        expect.arrayContaining(Object.keys(summary.claims)),
      );
      expect(summary.claims).not.toHaveProperty('birth_date');
      expect(summary).toEqual(summariseCredential(full));
    }
    // The same order as the full list.
    expect(summaries.map((s) => s.id)).toEqual((await listCredentials(wallet)).map((c) => c.id));
  });

  it('Given every rule, when evaluated over the summaries and over the full records, then the results are the same', async () => {
    const credentials = aWalletsWorth();
    const facts = { assets_cents: 0, household: 'single', exposure: 'work' };

    const overRecords = evaluateBenefitsOver({ credentials, facts, now: NOW });
    const overSummaries = evaluateBenefitsOver({
      credentials: credentials.map(summariseCredential),
      facts,
      now: NOW,
    });

    expect(overRecords.results.length).toBeGreaterThan(3);
    expect(overSummaries).toEqual(overRecords);
  });

  it('Given a wallet whose credentials were written before the index (an older release), when listed, then the index is built from the records and lists them all', async () => {
    const storage = createMemoryVaultStorage();
    const crypto = createFakeVaultCrypto();
    const credentials = aWalletsWorth();
    (await freshWallet(storage, crypto)).vault.lock();
    // Written as the older release did: a session that keeps no index writes the records.
    const old = await unlockVault({ storage, crypto }, '804193');
    if (!old.ok) throw new Error(old.reason);
    await old.value.writeRecords(
      credentials.map((c) => ({ id: `${CREDENTIAL_PREFIX}${c.id}`, value: c })),
    );
    old.value.lock();
    const unlocked = await unlockVault({ storage, crypto }, '804193');
    if (!unlocked.ok) throw new Error(unlocked.reason);
    const opened = await openHolderWallet(unlocked.value);
    if (!opened.ok) throw new Error(opened.reason);
    const readIndex = vi.spyOn(opened.value.vault, 'readIndex');

    const summaries = await listCredentialSummaries(opened.value);

    expect(summaries.map((s) => s.id).sort()).toEqual(credentials.map((c) => c.id).sort());
    await expect(readIndex.mock.results[0]?.value).resolves.toMatchObject({ rebuilt: true });
    expect((await opened.value.vault.readIndex(CREDENTIAL_INDEX)).rebuilt).toBe(false);
  });

  it('Given credentials just listed, when the benefits are evaluated with them, then the index is not read a second time', async () => {
    const wallet = await walletWith(aWalletsWorth());
    const credentials = await listCredentialSummaries(wallet);
    const readIndex = vi.spyOn(wallet.vault, 'readIndex');

    const evaluation = await evaluateBenefits(wallet, { now: NOW, credentials });

    expect(readIndex).not.toHaveBeenCalled();
    expect(evaluation.income.length).toBeGreaterThan(0);
  });

  it('Given a card opened from the list, when its record is read, then the claims the summary left out are there', async () => {
    const [income] = aWalletsWorth();
    if (!income) throw new Error('a credential');
    const wallet = await walletWith([income]);
    const [summary] = await listCredentialSummaries(wallet);

    const full = await readCredential(wallet, summary?.id ?? '');

    expect(summary?.claims).not.toHaveProperty('employee_name');
    expect(full?.claims).toHaveProperty('employee_name');
    expect(full?.compact).toBe(income.compact);
  });
});
