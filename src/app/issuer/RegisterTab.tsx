import { useEffect, useState, type ComponentProps, type FormEvent } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { bytesToUtf8 } from '../../core/encoding/index.ts';
import { decodeCompactJws } from '../../core/jose/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { ListTable } from '../shared/ListTable.tsx';
import { Field } from '../shared/Field.tsx';
import { OpenFileButton } from '../shared/OpenFileButton.tsx';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { QrScanner } from '../shared/qr/index.ts';
import type { Subject } from '../../core/issuer/index.ts';
import { COPIES_REQUEST_TYP } from '../../core/protocol/index.ts';
import {
  COPIES_LINK_FRAGMENT,
  MAX_RELATIONSHIP_MESSAGE_TEXT,
  readRelationshipMessageText,
  type RelationshipMessageTextProblem,
} from '../../core/protocol/copies-request-text.ts';
import { takePendingCopiesLink } from './copies-link.ts';
import {
  answerCopiesRequest,
  editBirthDate,
  registerFromConnect,
  showTab,
} from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';
import { deliveredOffer, OfferHandOver, type Delivered } from './OfferHandOver.tsx';

/** Why a file, link or text is not a connect code or copies request, in the clerk's words. */
const TEXT_PROBLEMS: Record<RelationshipMessageTextProblem, MessageKey> = {
  'too-large': 'issuerDesk.register.tooLarge',
  'not-vouch': 'desk.register.invalid',
  damaged: 'desk.register.invalid',
  'wrong-kind': 'issuerDesk.register.wrongKind',
};

const CORRECTABLE: readonly MessageKey[] = [
  'desk.register.invalidName',
  'issuerDesk.register.invalidBirthDate',
];

/** The register: who this desk can issue to, and a scanner for new connect codes. */
export function RegisterTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const subjects = useDeskStore((s) => s.subjects);
  const [request, setRequest] = useState<{ jws: string; addressedTo: string } | null>(null);
  const [message, setMessage] = useState<{
    key: MessageKey;
    params?: Record<string, string>;
  } | null>(null);
  const [scannerKey, setScannerKey] = useState(0);
  const [busy, setBusy] = useState(false);
  /** Whose date of birth the clerk is editing. */
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editingSubject = subjects.find((subject) => subject.id === editing);
  /** New copies made for a wallet's copies request, to hand over. */
  const [delivered, setDelivered] = useState<Delivered | null>(null);

  const onCopiesRequest = async (jws: string) => {
    setBusy(true);
    const answered = await answerCopiesRequest(jws);
    setBusy(false);
    setScannerKey((k) => k + 1);
    if (!answered.ok) return setMessage({ key: answered.message });
    setMessage(null);
    setDelivered(
      deliveredOffer(answered.offer, {
        typeName: CREDENTIAL_TYPES[answered.typeId].name[language],
        subjectName: answered.subjectName,
        fileBase: answered.fileBase,
        ...(answered.listProblem ? { listProblem: answered.listProblem } : {}),
      }),
    );
  };

  /** A pasted link, a `.vouch` file's text or a link the desk was opened with. */
  const onMessageText = (text: string) => {
    const read = readRelationshipMessageText(text);
    if (!read.ok) {
      setMessage({ key: TEXT_PROBLEMS[read.reason] });
      setScannerKey((k) => k + 1);
      return;
    }
    onConnect(read.value);
  };

  // The desk was opened with a copies-request link (copies-link.ts): read it once.
  useEffect(() => {
    const link = takePendingCopiesLink();
    if (link !== null) onMessageText(link);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening the tab
  }, []);

  const onConnect = (payload: Uint8Array) => {
    const text = bytesToUtf8(payload);
    const decoded = text.ok ? decodeCompactJws(text.value) : null;
    if (!text.ok || !decoded || !decoded.ok) {
      setMessage({ key: 'desk.register.invalid' });
      setScannerKey((k) => k + 1);
      return;
    }
    // A copies request travels like a connect request (docs/protocol.md §Copies request).
    if (decoded.value.header.typ === COPIES_REQUEST_TYP) return void onCopiesRequest(text.value);
    const aud = decoded.value.payload.aud;
    setRequest({ jws: text.value, addressedTo: typeof aud === 'string' ? aud : '' });
    setMessage(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!request) return;
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const outcome = await registerFromConnect({
      connectRequest: request.jws,
      name: String(data.get('subject-name') ?? ''),
      number: String(data.get('subject-number') ?? ''),
      birthDate: String(data.get('subject-birth-date') ?? ''),
    });
    setBusy(false);
    if (outcome.ok) {
      setMessage({ key: 'desk.register.added', params: { name: outcome.name } });
      setRequest(null);
      setScannerKey((k) => k + 1);
    } else {
      setMessage({ key: outcome.message, params: { name: outcome.detail ?? '' } });
      // A name or date the clerk can correct keeps the scanned request and the form.
      if (!CORRECTABLE.includes(outcome.message)) {
        setRequest(null);
        setScannerKey((k) => k + 1);
      }
    }
  };

  if (delivered) {
    return (
      <div>
        <p className="success" role="status">
          {t('issuerDesk.copiesRequest.answered', { name: delivered.subjectName })}
        </p>
        <OfferHandOver delivered={delivered} onAnother={() => setDelivered(null)} />
      </div>
    );
  }

  return (
    <div>
      <section aria-labelledby="register-list-title">
        <h2 id="register-list-title">{t('desk.register.title')}</h2>
        <ListTable
          isEmpty={subjects.length === 0}
          emptyText={t('desk.register.empty')}
          className="table desk-table"
          columns={[
            t('desk.register.name'),
            t('desk.register.number'),
            t('issuerDesk.register.birthDate'),
            t('desk.register.connectedAt'),
          ]}
          actionsLabel={t('desk.register.actions')}
        >
          {subjects.map((subject) => (
            <tr key={subject.id}>
              <th scope="row">{subject.name}</th>
              <td data-label={t('desk.register.number')}>{subject.number || '—'}</td>
              <td data-label={t('issuerDesk.register.birthDate')}>
                {subject.birthDate ? formatDate(subject.birthDate, language) : '—'}
              </td>
              <td data-label={t('desk.register.connectedAt')}>
                {formatDateTime(subject.connectedAt, language)}
              </td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={t('desk.register.issueTo', { name: subject.name })}
                    onClick={() => showTab('issue', subject.id)}
                  >
                    {t('desk.register.issue')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('issuerDesk.register.editBirthDateOf', {
                      name: subject.name,
                    })}
                    aria-expanded={editing === subject.id}
                    onClick={() => {
                      setSaved(null);
                      setEditing(subject.id);
                    }}
                  >
                    {t('issuerDesk.register.editBirthDate')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </ListTable>
        {editingSubject ? (
          <BirthDateForm
            key={editingSubject.id}
            subject={editingSubject}
            onDone={(text) => {
              setEditing(null);
              setSaved(text);
            }}
          />
        ) : null}
        {saved ? (
          <p className="success" role="status">
            {saved}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="register-connect-title">
        <h2 id="register-connect-title">{t('desk.register.connectTitle')}</h2>
        <p>{t('desk.register.connectIntro')}</p>
        {message && message.key !== 'issuerDesk.register.invalidBirthDate' ? (
          <p
            className={message.key === 'desk.register.added' ? 'success' : 'error'}
            role={message.key === 'desk.register.added' ? 'status' : 'alert'}
          >
            {t(message.key, message.params)}
          </p>
        ) : null}
        {request ? (
          <form onSubmit={submit} noValidate>
            <p>{t('desk.register.addressedTo', { name: request.addressedTo })}</p>
            <Field
              label={t('desk.register.name')}
              name="subject-name"
              required
              maxLength={200}
              autoFocus
            />
            <Field
              label={t('desk.register.number')}
              hint={t('desk.register.numberHint')}
              name="subject-number"
              maxLength={100}
            />
            <BirthDateField
              hint={t('issuerDesk.register.birthDateHint')}
              name="subject-birth-date"
              error={
                message?.key === 'issuerDesk.register.invalidBirthDate' ? t(message.key) : null
              }
            />
            <div className="actions">
              <button type="button" onClick={() => setRequest(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary" disabled={busy}>
                {t('desk.register.add')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <QrScanner
              key={scannerKey}
              accept={['connect']}
              onPayload={(_kind, payload) => onConnect(payload)}
              onText={(text) => {
                // A copies-request link pasted as text: read like the file.
                if (!text.includes(COPIES_LINK_FRAGMENT)) return false;
                onMessageText(text);
                return true;
              }}
            />
            <OpenFileButton
              label={t('issuerDesk.register.openFile')}
              accept=".vouch,text/plain"
              maxBytes={MAX_RELATIONSHIP_MESSAGE_TEXT}
              onTooLarge={() => setMessage({ key: 'issuerDesk.register.tooLarge' })}
              onText={onMessageText}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** A date of birth as the register takes it: an ISO date from 1900-01-01 up to today. */
function BirthDateField(
  props: Omit<ComponentProps<typeof Field>, 'label' | 'type' | 'min' | 'max'>,
) {
  const t = useT();
  return (
    <Field
      label={t('issuerDesk.register.birthDate')}
      type="date"
      min="1900-01-01"
      max={new Date().toISOString().slice(0, 10)}
      {...props}
    />
  );
}

/**
 * The date of birth of someone already in the register: set, corrected or (empty) removed. It
 * fills the `birth_date` of credentials issued from now on; those issued before keep theirs.
 */
function BirthDateForm(props: { subject: Subject; onDone: (message: string | null) => void }) {
  const t = useT();
  const { subject } = props;
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const birthDate = String(new FormData(event.currentTarget).get('edit-birth-date') ?? '').trim();
    setBusy(true);
    const problem = await editBirthDate(subject.id, birthDate);
    setBusy(false);
    if (problem) return setError(problem);
    props.onDone(
      t(
        birthDate === ''
          ? 'issuerDesk.register.birthDateRemoved'
          : 'issuerDesk.register.birthDateSaved',
        { name: subject.name },
      ),
    );
  };

  return (
    <form
      className="birth-date-form"
      aria-labelledby="birth-date-title"
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h3 id="birth-date-title">{t('issuerDesk.register.birthDateOf', { name: subject.name })}</h3>
      <BirthDateField
        hint={t('issuerDesk.register.birthDateEditHint')}
        name="edit-birth-date"
        defaultValue={subject.birthDate ?? ''}
        autoFocus
        error={error ? t(error) : null}
      />
      <div className="actions">
        <button type="button" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('issuerDesk.register.saveBirthDate')}
        </button>
      </div>
    </form>
  );
}
