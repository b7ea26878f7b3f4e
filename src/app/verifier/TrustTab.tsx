import { readFileOrText } from '../shared/read-upload.ts';
import { ListTable } from '../shared/ListTable.tsx';
import { useState, type FormEvent } from 'react';
import { CREDENTIAL_TYPES } from '../../core/credentials/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { downloadText } from '../shared/download.ts';
import { Field } from '../shared/Field.tsx';
import { formatDateTime } from '../shared/format.ts';
import type { TrustListSigner } from '../../core/verifier/index.ts';
import {
  addTrustedIssuer,
  forgetTrustAnchor,
  importTrustListText,
  removeImportedTrustList,
  removeTrustedIssuer,
  signOwnList,
  type TrustImportOutcome,
} from './verifier-actions.ts';
import { FingerprintConfirm, NoticeLine, type Notice } from './FingerprintConfirm.tsx';
import { IssuerProfileImport } from './IssuerProfileImport.tsx';
import { readOtherTypes, trustedTypeNames } from './trust-words.ts';
import { useVerifierStore } from './verifier-store.ts';

const MAX_TRUST_FILE_BYTES = 1024 * 1024;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (UTC) of a time in milliseconds, for a date input. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Which issuers the desk trusts for which types: imported signed lists, and the desk's own list. */
export function TrustTab() {
  return (
    <div>
      <IssuerProfileImport />
      <ImportedLists />
      <ConfirmedSigners />
      <OwnList />
    </div>
  );
}

function ImportedLists() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const lists = useVerifierStore((s) => s.trustLists);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  /** A list waiting for the clerk to confirm its signer's words (nothing is stored yet). */
  const [confirming, setConfirming] = useState<{
    text: string;
    signer: TrustListSigner;
    form: HTMLFormElement;
  } | null>(null);

  const report = (result: TrustImportOutcome, form: HTMLFormElement) => {
    if (result.kind === 'confirm') return;
    if (result.kind === 'refused') {
      return setNotice({
        kind: 'error',
        text: t(result.message, {
          when: result.expiredAt ? formatDateTime(result.expiredAt, language) : '',
        }),
      });
    }
    form.reset();
    setNotice({
      kind: 'success',
      text: t('verifier.trust.import.done', { name: result.name, signer: result.signer }),
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const upload = await readFileOrText(
      data,
      { file: 'trust-file', text: 'trust-text' },
      MAX_TRUST_FILE_BYTES,
    );
    if (!upload.ok) {
      const message =
        upload.reason === 'too-large'
          ? 'verifier.trust.import.malformed'
          : 'verifier.trust.import.empty';
      return setNotice({ kind: 'error', text: t(message) });
    }
    setBusy(true);
    setNotice(null);
    const result = await importTrustListText(upload.text);
    setBusy(false);
    if (result.kind === 'confirm') {
      return setConfirming({ text: upload.text, signer: result.signer, form });
    }
    report(result, form);
  };

  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    const result = await importTrustListText(confirming.text, confirming.signer.thumbprint);
    setBusy(false);
    setConfirming(null);
    report(result, confirming.form);
  };

  const cancel = () => {
    setConfirming(null);
    setNotice({ kind: 'success', text: t('verifier.trust.confirm.cancelled') });
  };

  return (
    <section aria-labelledby="trust-lists-title">
      <h2 id="trust-lists-title">{t('verifier.trust.lists.title')}</h2>
      <p>{t('verifier.trust.lists.intro')}</p>
      {lists.length === 0 ? (
        <p className="empty">{t('verifier.trust.lists.empty')}</p>
      ) : (
        <ul className="trust-lists">
          {lists.map((item) => (
            <li key={item.id}>
              <strong>{item.list?.name ?? t('verifier.trust.lists.unreadable')}</strong>
              {item.list ? (
                <>
                  {' — '}
                  {t('verifier.trust.lists.signedBy')}{' '}
                  <code className="did">{item.list.issuer}</code>
                  {item.expiredAt ? (
                    <p className="error">
                      {t('verifier.trust.lists.expired', {
                        when: formatDateTime(item.expiredAt, language),
                      })}
                    </p>
                  ) : null}
                  <ul>
                    {item.list.entries.map((entry) => (
                      <li key={entry.did}>
                        {entry.name}: {trustedTypeNames(entry.vct, language, t)}{' '}
                        <code className="did">{entry.did}</code>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="error">{t('verifier.trust.lists.noLongerValid')}</p>
              )}
              <p className="hint">
                {t('verifier.trust.lists.importedAt', {
                  when: formatDateTime(item.importedAt, language),
                })}
              </p>
              <button type="button" onClick={() => void removeImportedTrustList(item.id)}>
                {t('verifier.trust.lists.remove', { name: item.list?.name ?? '' })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('verifier.trust.import.title')}</h3>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('verifier.trust.import.file')}
          name="trust-file"
          type="file"
          accept=".jwt,.txt,text/plain"
        />
        <div className="field">
          <label htmlFor="trust-text">{t('verifier.trust.import.text')}</label>
          <textarea id="trust-text" name="trust-text" rows={3} spellCheck={false} />
        </div>
        <button type="submit" disabled={busy || confirming !== null}>
          {t('verifier.trust.import.submit')}
        </button>
      </form>
      {confirming ? (
        <ConfirmSigner
          signer={confirming.signer}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      ) : null}
      <NoticeLine notice={notice} />
    </section>
  );
}

/** "Do these words match what the list's publisher told you?" — Confirm imports, Cancel does not. */
function ConfirmSigner(props: {
  signer: TrustListSigner;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { signer } = props;
  return (
    <FingerprintConfirm
      id="confirm-signer"
      title={t('verifier.trust.confirm.title')}
      words={signer.words}
      wordsLabel={t('verifier.trust.confirm.words')}
      question={t('verifier.trust.confirm.question')}
      hint={t('verifier.trust.confirm.hint')}
      confirm={t('verifier.trust.confirm.yes')}
      cancel={t('verifier.trust.confirm.no')}
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>
        {t('verifier.trust.confirm.intro', { name: signer.listName })}{' '}
        <code className="did">{signer.did}</code>
      </p>
    </FingerprintConfirm>
  );
}

/** The signer keys the clerk confirmed: their lists import without the words step. */
function ConfirmedSigners() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const anchors = useVerifierStore((s) => s.trustAnchors);
  return (
    <section aria-labelledby="trust-anchors-title">
      <h2 id="trust-anchors-title">{t('verifier.trust.anchors.title')}</h2>
      <p>{t('verifier.trust.anchors.intro')}</p>
      {anchors.length === 0 ? (
        <p className="empty">{t('verifier.trust.anchors.empty')}</p>
      ) : (
        <ul className="trust-lists">
          {anchors.map((anchor) => (
            <li key={anchor.thumbprint}>
              <code className="did">{anchor.did}</code>
              <p>{anchor.words.join(' ')}</p>
              <p className="hint">
                {t('verifier.trust.anchors.confirmedAt', {
                  when: formatDateTime(anchor.confirmedAt, language),
                })}
              </p>
              <button type="button" onClick={() => void forgetTrustAnchor(anchor.thumbprint)}>
                {t('verifier.trust.anchors.remove', { did: anchor.did })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OwnList() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const own = useVerifierStore((s) => s.ownTrustList);
  const profile = useVerifierStore((s) => s.profile);
  const [error, setError] = useState<MessageKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signed, setSigned] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('issuer-name') ?? '').trim();
    const problem = await addTrustedIssuer({
      did: String(data.get('issuer-did') ?? '').trim(),
      name,
      vct: [
        ...data.getAll('issuer-vct').map(String),
        ...readOtherTypes(String(data.get('issuer-other-types') ?? '')),
      ],
    });
    if (problem) return setError(problem);
    setError(null);
    setSigned(null);
    form.reset();
    setNotice(t('verifier.trust.own.added', { name }));
  };

  const sign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('list-name') ?? '').trim();
    const validUntil = String(data.get('list-valid-until') ?? '').trim();
    const jwt = await signOwnList(name || (profile?.name ?? ''), validUntil || undefined);
    if (jwt) {
      setSigned(jwt);
      setNotice(t('verifier.trust.own.signed'));
    }
  };

  const entries = own?.entries ?? [];
  const lastSigned = signed ?? own?.signed?.jwt ?? null;
  return (
    <section aria-labelledby="own-list-title">
      <h2 id="own-list-title">{t('verifier.trust.own.title')}</h2>
      <p>{t('verifier.trust.own.intro')}</p>
      <ListTable
        isEmpty={entries.length === 0}
        emptyText={t('verifier.trust.own.empty')}
        columns={[
          t('verifier.trust.own.name'),
          t('verifier.trust.own.types'),
          t('verifier.trust.own.did'),
        ]}
        actionsLabel={t('verifier.trust.own.actions')}
      >
        {entries.map((entry) => (
          <tr key={entry.did}>
            <th scope="row">{entry.name}</th>
            <td>{trustedTypeNames(entry.vct, language, t)}</td>
            <td>
              <code className="did">{entry.did}</code>
            </td>
            <td>
              <button type="button" onClick={() => void removeTrustedIssuer(entry.did)}>
                {t('verifier.trust.own.remove', { name: entry.name })}
              </button>
            </td>
          </tr>
        ))}
      </ListTable>
      <h3>{t('verifier.trust.own.addTitle')}</h3>
      <form onSubmit={add} noValidate>
        <Field
          label={t('verifier.trust.own.did')}
          hint={t('verifier.trust.own.didHint')}
          name="issuer-did"
          required
          spellCheck={false}
          autoComplete="off"
          error={error === 'verifier.trust.own.invalidDid' ? t(error) : null}
        />
        <Field
          label={t('verifier.trust.own.name')}
          name="issuer-name"
          required
          maxLength={200}
          error={error === 'verifier.trust.own.invalidName' ? t(error) : null}
        />
        <fieldset>
          <legend>{t('verifier.trust.own.types')}</legend>
          {Object.values(CREDENTIAL_TYPES).map((type) => (
            <label key={type.id} className="inline">
              <input type="checkbox" name="issuer-vct" value={type.vct} /> {type.name[language]}
            </label>
          ))}
          {error === 'verifier.trust.own.noTypes' ? (
            <p className="error" role="alert">
              {t(error)}
            </p>
          ) : null}
        </fieldset>
        <Field
          label={t('verifier.trust.own.otherTypes')}
          hint={t('verifier.trust.own.otherTypesHint')}
          name="issuer-other-types"
          spellCheck={false}
          autoComplete="off"
          error={error === 'verifier.trust.own.invalidType' ? t(error) : null}
        />
        <button type="submit">{t('verifier.trust.own.add')}</button>
      </form>
      {notice ? <p role="status">{notice}</p> : null}
      <h3>{t('verifier.trust.own.signTitle')}</h3>
      <p>{t('verifier.trust.own.signIntro')}</p>
      <form onSubmit={sign} noValidate>
        <Field
          label={t('verifier.trust.own.listName')}
          name="list-name"
          maxLength={200}
          defaultValue={own?.name ?? profile?.name ?? ''}
        />
        <Field
          label={t('verifier.trust.own.validUntil')}
          hint={t('verifier.trust.own.validUntilHint')}
          name="list-valid-until"
          type="date"
          min={isoDay(Date.now() + DAY_MS)}
          defaultValue={isoDay(Date.now() + 365 * DAY_MS)}
        />
        <button type="submit" disabled={entries.length === 0}>
          {t('verifier.trust.own.sign')}
        </button>
      </form>
      {lastSigned ? (
        <>
          {own?.signed ? (
            <p className="hint">
              {t('verifier.trust.own.lastSigned', {
                when: formatDateTime(own.signed.at, language),
              })}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="own-list-jwt">{t('verifier.trust.own.signedText')}</label>
            <textarea id="own-list-jwt" readOnly rows={4} value={lastSigned} spellCheck={false} />
          </div>
          <button
            type="button"
            onClick={() => downloadText('trust-list.jwt', lastSigned, 'application/jwt')}
          >
            {t('verifier.trust.own.download')}
          </button>
        </>
      ) : null}
    </section>
  );
}
