import { z } from 'zod';
import type { ExtendedPublicKey } from '../brand.ts';
import { schemaForKind } from '../credentials/claim-kinds.ts';
import { bytesToHex } from '../encoding/index.ts';
import { verifyConnectRequest } from '../protocol/index.ts';
import type { IssuerDesk } from './desk.ts';

/**
 * The desk's register of subjects (employees, patients, graduates, residents): each one a
 * relationship xpub received in a connect request, with what the issuer entered about them.
 */
export const SUBJECT_PREFIX = 'subject:';

export const subjectSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(200),
  number: z.string().max(100),
  /**
   * Date of birth (YYYY-MM-DD), as the clerk entered it: filled into every credential that has a
   * `birth_date` claim. Absent for subjects registered before issue 11 and when not entered.
   */
  birthDate: z.string().optional(),
  xpub: z.string(),
  fingerprint: z.string(),
  /** The issuer name the citizen typed in the wallet, as signed in the connect request. */
  requestedFor: z.string(),
  connectedAt: z.string(),
  nextChildIndex: z.number().int().min(0),
});
export type Subject = z.infer<typeof subjectSchema> & { xpub: ExtendedPublicKey };

export async function listSubjects(desk: IssuerDesk): Promise<Subject[]> {
  const ids = await desk.vault.listRecordIds(SUBJECT_PREFIX);
  const subjects: Subject[] = [];
  for (const id of ids) {
    const read = await desk.vault.readRecord(id, subjectSchema);
    if (read.ok && read.value) subjects.push(read.value as Subject);
  }
  return subjects.sort((a, b) => a.name.localeCompare(b.name));
}

export async function readSubject(desk: IssuerDesk, id: string): Promise<Subject | undefined> {
  const read = await desk.vault.readRecord(`${SUBJECT_PREFIX}${id}`, subjectSchema);
  return read.ok ? (read.value as Subject | undefined) : undefined;
}

export type RegisterProblem =
  | { reason: 'invalid-request'; code: string; message: string }
  | { reason: 'already-registered'; subject: Subject }
  | { reason: 'invalid-name' }
  | { reason: 'invalid-birth-date' };

const birthDateSchema = schemaForKind({
  name: 'birth_date',
  kind: 'date',
  label: { nl: '', fr: '', en: '' },
  required: false,
  example: '1984-03-17',
});

/** A date of birth a credential's `birth_date` accepts (YYYY-MM-DD, 1900 on) and not after `now`. */
export function isBirthDate(value: string, now: Date): boolean {
  return birthDateSchema.safeParse(value).success && value <= now.toISOString().slice(0, 10);
}

/** Check a connect request (signature, freshness) and file the subject. */
export async function registerSubject(
  desk: IssuerDesk,
  options: {
    connectRequest: string;
    name: string;
    number: string;
    /** YYYY-MM-DD, or empty / absent when the clerk did not enter it. */
    birthDate?: string;
    now: Date;
    randomBytes: (n: number) => Uint8Array;
  },
): Promise<{ ok: true; value: Subject } | ({ ok: false } & RegisterProblem)> {
  const name = options.name.trim();
  if (!name || name.length > 200 || options.number.length > 100)
    return { ok: false, reason: 'invalid-name' };
  const birthDate = options.birthDate?.trim() ?? '';
  if (birthDate !== '' && !isBirthDate(birthDate, options.now))
    return { ok: false, reason: 'invalid-birth-date' };
  const verified = await verifyConnectRequest(options.connectRequest.trim(), { now: options.now });
  if (!verified.ok) {
    return {
      ok: false,
      reason: 'invalid-request',
      code: verified.reason,
      message: verified.detail.message,
    };
  }
  const existing = (await listSubjects(desk)).find((s) => s.xpub === verified.value.xpub);
  if (existing) return { ok: false, reason: 'already-registered', subject: existing };
  const subject: Subject = {
    id: bytesToHex(options.randomBytes(8)),
    name,
    number: options.number.trim(),
    ...(birthDate === '' ? {} : { birthDate }),
    xpub: verified.value.xpub,
    fingerprint: verified.value.fingerprint,
    requestedFor: verified.value.issuerName,
    connectedAt: options.now.toISOString(),
    nextChildIndex: 0,
  };
  await desk.vault.writeRecords([{ id: `${SUBJECT_PREFIX}${subject.id}`, value: subject }]);
  return { ok: true, value: subject };
}

/**
 * Set or clear the date of birth of a subject already in the register (YYYY-MM-DD, 1900-01-01 up
 * to today; empty clears it). Credentials issued before keep the date they were issued with.
 */
export async function setSubjectBirthDate(
  desk: IssuerDesk,
  options: { subjectId: string; birthDate: string; now: Date },
): Promise<
  { ok: true; value: Subject } | { ok: false; reason: 'invalid-birth-date' | 'not-found' }
> {
  const birthDate = options.birthDate.trim();
  if (birthDate !== '' && !isBirthDate(birthDate, options.now))
    return { ok: false, reason: 'invalid-birth-date' };
  const subject = await readSubject(desk, options.subjectId);
  if (!subject) return { ok: false, reason: 'not-found' };
  const { birthDate: _previous, ...rest } = subject;
  const updated: Subject = birthDate === '' ? rest : { ...rest, birthDate };
  await desk.vault.writeRecords([{ id: `${SUBJECT_PREFIX}${subject.id}`, value: updated }]);
  return { ok: true, value: updated };
}
