// The desk's register keeps what the clerk entered, the date of birth included (issue 11), and
// the issued list reads as valid / expired / revoked with the date.
import { randomBytes } from '@noble/hashes/utils.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectToIssuer, createHolderWallet, type HolderWallet } from '../holder/index.ts';
import { nobleJwsCrypto } from '../jose/index.ts';
import { createFakeVaultCrypto } from '../vault/vault-crypto.fake.ts';
import { createMemoryVaultStorage } from '../vault/index.ts';
import { createDesk, type IssuerDesk } from './desk.ts';
import { issueToSubject, listIssued, revokeIssued } from './issuance.ts';
import { issuedStatus } from './issued-status.ts';
import {
  isBirthDate,
  listSubjects,
  readSubject,
  registerSubject,
  setSubjectBirthDate,
} from './register.ts';

const jws = nobleJwsCrypto({ randomBytes });
const NOW = new Date('2026-10-01T09:00:00Z');
const ABANDON_ART = `${'abandon '.repeat(23)}art`;

let wallet: HolderWallet;
let desk: IssuerDesk;
let jti = 0;

beforeEach(async () => {
  const created = await createHolderWallet(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto() },
    { mnemonic: ABANDON_ART, passcode: '804193', origin: 'restored' },
  );
  if (!created.ok) throw new Error(created.reason);
  wallet = created.value;
  const opened = await createDesk(
    { storage: createMemoryVaultStorage(), crypto: createFakeVaultCrypto(), jws },
    {
      passcode: 'desk passcode 1',
      profile: { name: 'UZ Gent', kind: 'pulmonologist', registration: '' },
      statusListUri: 'https://status.uzgent.example/1',
      now: NOW,
    },
  );
  if (!opened.ok) throw new Error(opened.reason);
  desk = opened.value;
});

async function connectRequest(): Promise<string> {
  const started = await connectToIssuer(wallet, {
    issuerName: 'UZ Gent',
    now: NOW,
    jti: `j${++jti}`,
  });
  if (!started.ok) throw new Error(started.reason);
  return started.value.request;
}

describe('registerSubject: date of birth', () => {
  it('Given a date of birth, when the subject is registered, then the register keeps it and reads it back', async () => {
    const registered = await registerSubject(desk, {
      connectRequest: await connectRequest(),
      name: 'Sam de Vries',
      number: 'P-7',
      birthDate: ' 1958-02-14 ',
      now: NOW,
      randomBytes,
    });
    if (!registered.ok) throw new Error(registered.reason);
    expect(registered.value.birthDate).toBe('1958-02-14');
    expect((await readSubject(desk, registered.value.id))?.birthDate).toBe('1958-02-14');
    expect((await listSubjects(desk))[0]).toMatchObject({
      name: 'Sam de Vries',
      birthDate: '1958-02-14',
    });
  });

  it('Given no date of birth (empty field), when registered, then the subject has none and is still filed', async () => {
    const registered = await registerSubject(desk, {
      connectRequest: await connectRequest(),
      name: 'Sam',
      number: '',
      birthDate: '',
      now: NOW,
      randomBytes,
    });
    expect(registered.ok).toBe(true);
    expect(registered.ok && 'birthDate' in registered.value).toBe(false);
  });

  it.each(['1958-02-30', '14-02-1958', '1899-12-31', '2026-10-02', '1958-2-14', 'yesterday'])(
    'Given the date of birth %j, when registered, then invalid-birth-date and nothing is filed',
    async (birthDate) => {
      const registered = await registerSubject(desk, {
        connectRequest: await connectRequest(),
        name: 'Sam',
        number: '',
        birthDate,
        now: NOW,
        randomBytes,
      });
      expect(registered).toEqual({ ok: false, reason: 'invalid-birth-date' });
      expect(await listSubjects(desk)).toEqual([]);
    },
  );

  it('Given today, when checked as a date of birth, then it is accepted; tomorrow is not', () => {
    expect(isBirthDate('2026-10-01', NOW)).toBe(true);
    expect(isBirthDate('2026-10-02', NOW)).toBe(false);
  });
});

describe('setSubjectBirthDate: a date of birth for someone already in the register', () => {
  async function registerWithout(): Promise<string> {
    const registered = await registerSubject(desk, {
      connectRequest: await connectRequest(),
      name: 'Sam de Vries',
      number: 'P-7',
      birthDate: '',
      now: NOW,
      randomBytes,
    });
    if (!registered.ok) throw new Error(registered.reason);
    return registered.value.id;
  }

  it('Given a subject registered without a date of birth, when one is set, then the register keeps it and everything else as it was', async () => {
    const id = await registerWithout();
    const before = await readSubject(desk, id);
    const set = await setSubjectBirthDate(desk, {
      subjectId: id,
      birthDate: ' 1958-02-14 ',
      now: NOW,
    });
    expect(set).toEqual({ ok: true, value: { ...before, birthDate: '1958-02-14' } });
    expect(await readSubject(desk, id)).toEqual({ ...before, birthDate: '1958-02-14' });
    expect((await listSubjects(desk))[0]?.birthDate).toBe('1958-02-14');
  });

  it('Given a subject with a date of birth, when it is corrected and then cleared, then the register follows (cleared: none at all)', async () => {
    const id = await registerWithout();
    await setSubjectBirthDate(desk, { subjectId: id, birthDate: '1958-02-14', now: NOW });
    await setSubjectBirthDate(desk, { subjectId: id, birthDate: '1958-02-15', now: NOW });
    expect((await readSubject(desk, id))?.birthDate).toBe('1958-02-15');
    const cleared = await setSubjectBirthDate(desk, { subjectId: id, birthDate: '', now: NOW });
    expect(cleared.ok && 'birthDate' in cleared.value).toBe(false);
    expect(await readSubject(desk, id)).not.toHaveProperty('birthDate');
  });

  it.each(['1958-02-30', '14-02-1958', '1899-12-31', '2026-10-02', '1958-2-14', 'yesterday'])(
    'Given the date of birth %j, when set, then invalid-birth-date and the register is unchanged',
    async (birthDate) => {
      const id = await registerWithout();
      await setSubjectBirthDate(desk, { subjectId: id, birthDate: '1958-02-14', now: NOW });
      expect(await setSubjectBirthDate(desk, { subjectId: id, birthDate, now: NOW })).toEqual({
        ok: false,
        reason: 'invalid-birth-date',
      });
      expect((await readSubject(desk, id))?.birthDate).toBe('1958-02-14');
    },
  );

  it('Given an id that is not in the register, when a date is set, then not-found and nothing is filed', async () => {
    expect(
      await setSubjectBirthDate(desk, { subjectId: 'nobody', birthDate: '1958-02-14', now: NOW }),
    ).toEqual({ ok: false, reason: 'not-found' });
    expect(await listSubjects(desk)).toEqual([]);
  });
});

describe('issuedStatus', () => {
  it('Given a medical attestation issued and later revoked, then the list reads valid until its expiry, then revoked with the date and reason, and expired once past its expiry', async () => {
    const registered = await registerSubject(desk, {
      connectRequest: await connectRequest(),
      name: 'Sam de Vries',
      number: '',
      birthDate: '1958-02-14',
      now: NOW,
      randomBytes,
    });
    if (!registered.ok) throw new Error(registered.reason);
    const issued = await issueToSubject(
      desk,
      { jws, randomBytes },
      {
        subjectId: registered.value.id,
        typeId: 'medical-attestation',
        claims: {
          diagnosis_code: 'J61',
          diagnosis_label: 'Asbestosis',
          diagnosis_date: '2026-09-12',
          physician_name: 'Dr. A. Peeters',
          physician_registration: '1-23456-78-901',
          institution: 'UZ Gent',
          patient_name: 'Sam de Vries',
          birth_date: '1958-02-14',
        },
        now: NOW,
      },
    );
    if (!issued.ok) throw new Error(issued.reason);
    const [record] = await listIssued(desk);
    if (!record) throw new Error('expected a record');
    expect(issuedStatus(record, NOW)).toEqual({
      state: 'valid',
      since: NOW.toISOString(),
      until: '2027-10-01T09:00:00.000Z',
    });
    expect(issuedStatus(record, new Date('2027-10-01T09:00:00Z'))).toEqual({
      state: 'expired',
      since: '2027-10-01T09:00:00.000Z',
    });
    const later = new Date('2026-11-03T10:00:00Z');
    await revokeIssued(desk, { issuedId: record.id, reason: 'Wrong patient', now: later });
    const [revoked] = await listIssued(desk);
    expect(revoked && issuedStatus(revoked, later)).toEqual({
      state: 'revoked',
      since: later.toISOString(),
      reason: 'Wrong patient',
    });
  });

  it('Given a credential without expiry, then it reads valid with no end date', () => {
    expect(issuedStatus({ issuedAt: NOW.toISOString() }, new Date('2099-01-01'))).toEqual({
      state: 'valid',
      since: NOW.toISOString(),
    });
  });
});
