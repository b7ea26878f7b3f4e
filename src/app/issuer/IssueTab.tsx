import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  CREDENTIAL_TYPES,
  type ClaimSpec,
  type CredentialTypeId,
} from '../../core/credentials/index.ts';
import { utf8ToBytes } from '../../core/encoding/index.ts';
import type { QrFrames } from '../../core/transport/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { QrCode } from '../shared/qr/index.ts';
import { ISSUE_FORMATS, W3C_ISSUABLE_TYPES, type IssueFormat } from '../../core/issuer/index.ts';
import { formatClaimInput, inputAttributesFor, parseClaimInput } from './claim-input.ts';
import { issueCredential, offerOnline, syncHostedStatusList } from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';
import { deliveredOffer, OfferHandOver, type Delivered } from './OfferHandOver.tsx';

/** An offer made through the desk's server: the URI the wallet opens, and the code if asked. */
interface OfferedOnline {
  typeName: string;
  uri: string;
  frames: QrFrames;
  txCode?: string;
}

type Delivery = 'online' | 'offline';

/** Offer QRs use the desk's space: at least 5 CSS px per module (docs/ux.md §Desks). */
const OFFER_MODULE_PX = 5;

const NAME_CLAIMS = ['employee_name', 'patient_name', 'graduate_name'];

const FORMAT_LABELS: Readonly<Record<IssueFormat, MessageKey>> = {
  'dc+sd-jwt': 'desk.issue.format.sdJwt',
  jwt_vc_json: 'desk.issue.format.w3c',
};

/** A form per credential type, validated by the type's schema, then the offer to hand over. */
export function IssueTab() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const profile = useDeskStore((s) => s.profile);
  const subjects = useDeskStore((s) => s.subjects);
  const preselected = useDeskStore((s) => s.issueFor);
  const serverUrl = useDeskStore((s) => s.serverUrl);
  const types = useMemo(
    () =>
      Object.values(CREDENTIAL_TYPES).filter(
        (type) => !profile || type.issuerKinds.includes(profile.kind),
      ),
    [profile],
  );
  const [subjectId, setSubjectId] = useState<string>(preselected ?? subjects[0]?.id ?? '');
  const [typeId, setTypeId] = useState<CredentialTypeId | ''>(types[0]?.id ?? '');
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [delivered, setDelivered] = useState<Delivered | null>(null);
  const [offered, setOffered] = useState<OfferedOnline | null>(null);
  const [chosen, setChosen] = useState<Delivery>('online');
  const [chosenFormat, setChosenFormat] = useState<IssueFormat>('dc+sd-jwt');
  // After "Sign and issue" the offer replaces a long form: show it from its heading, with the QR
  // in view, and move focus there (the button that had it is gone).
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = resultHeading.current;
    if (!heading || (!delivered && !offered)) return;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [delivered, offered]);

  // With a server the default is an online offer; without one, only the offline QR exists.
  const delivery: Delivery = serverUrl ? chosen : 'offline';
  if (!serverUrl && subjects.length === 0)
    return <p className="empty">{t('desk.issue.noSubjects')}</p>;
  const subject = delivery === 'offline' ? subjects.find((s) => s.id === subjectId) : undefined;
  const type = typeId ? CREDENTIAL_TYPES[typeId] : undefined;
  // A diploma may go out as a W3C VC-JWT, offline (the desk signs it) or online (the server
  // does, through its jwt_vc_json configuration). SD-JWT VC stays the default.
  const formatChoice = type !== undefined && W3C_ISSUABLE_TYPES.includes(type.id);
  const format: IssueFormat = formatChoice ? chosenFormat : 'dc+sd-jwt';

  const defaults = (spec: ClaimSpec): string => {
    if (NAME_CLAIMS.includes(spec.name) && subject) return subject.name;
    if (spec.name === 'birth_date' && subject?.birthDate) return subject.birthDate;
    if (spec.name === 'employer_name' || spec.name === 'institution') return profile?.name ?? '';
    if (spec.name === 'employer_id') return profile?.registration ?? '';
    return '';
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!type) return;
    const data = new FormData(event.currentTarget);
    const claims: Record<string, unknown> = {};
    for (const spec of type.claims) {
      const value = parseClaimInput(spec, String(data.get(`claim-${spec.name}`) ?? ''));
      if (value !== undefined) claims[spec.name] = value;
    }
    if (delivery === 'online') {
      setBusy(true);
      setError(null);
      const online = await offerOnline(type.id, claims, data.get('tx-code') === 'on', format);
      setBusy(false);
      if (!online.ok) {
        setIssues(new Map((online.issues ?? []).map((issue) => [issue.claim, issue.message])));
        setError(online.message);
        return;
      }
      setIssues(new Map());
      setOffered({
        typeName: type.name[language],
        uri: online.offer.uri,
        frames: { frames: [utf8ToBytes(online.offer.uri)], animated: false },
        ...(online.offer.txCode === undefined ? {} : { txCode: online.offer.txCode }),
      });
      return;
    }
    if (!subject) return;
    const decoys =
      format === 'dc+sd-jwt' ? Math.max(0, Math.min(20, Number(data.get('decoys') ?? 0) || 0)) : 0;
    setBusy(true);
    setError(null);
    const result = await issueCredential(subject.id, type.id, claims, decoys, format);
    if (!result.ok) {
      setBusy(false);
      setIssues(new Map((result.issues ?? []).map((issue) => [issue.claim, issue.message])));
      setError(result.message);
      return;
    }
    setIssues(new Map());
    // The new credential points at the server's copy of the list: keep that copy current.
    const synced = await syncHostedStatusList();
    setBusy(false);
    setDelivered(
      deliveredOffer(result.value.offer, {
        ...(synced && !synced.ok ? { listProblem: synced.message } : {}),
        typeName: type.name[language],
        subjectName: subject.name,
        fileBase: `${type.id}-${subject.number || subject.id}`,
      }),
    );
  };

  if (offered) {
    return (
      <section aria-labelledby="offered-title">
        <h2 id="offered-title" ref={resultHeading} tabIndex={-1}>
          {t('deskServer.issue.offered', { type: offered.typeName })}
        </h2>
        <p>{t('deskServer.issue.handOver')}</p>
        <QrCode
          frames={offered.frames}
          label={t('deskServer.issue.qrLabel', { type: offered.typeName })}
          minModulePx={OFFER_MODULE_PX}
        />
        {offered.txCode ? (
          <p>
            {t('deskServer.issue.txCodeIs')}:{' '}
            <strong aria-label={t('deskServer.issue.txCodeIs')}>{offered.txCode}</strong>
          </p>
        ) : null}
        <Field
          label={t('deskServer.issue.link')}
          name="online-offer-link"
          readOnly
          value={offered.uri}
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="actions">
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(offered.uri).catch(() => undefined)}
          >
            {t('deskServer.issue.copyLink')}
          </button>
        </div>
        <button type="button" className="primary" onClick={() => setOffered(null)}>
          {t('desk.issue.another')}
        </button>
      </section>
    );
  }

  if (delivered) {
    return (
      <OfferHandOver
        delivered={delivered}
        headingRef={resultHeading}
        onAnother={() => setDelivered(null)}
      />
    );
  }

  return (
    <section aria-labelledby="issue-title">
      <h2 id="issue-title">{t('desk.issue.title')}</h2>
      {serverUrl ? (
        <fieldset>
          <legend>{t('deskServer.issue.delivery')}</legend>
          {(['online', 'offline'] as const).map((value) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name="delivery"
                value={value}
                checked={delivery === value}
                onChange={() => {
                  setChosen(value);
                  setIssues(new Map());
                  setError(null);
                }}
              />{' '}
              {t(value === 'online' ? 'deskServer.issue.online' : 'deskServer.issue.offline')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {delivery === 'offline' && subjects.length === 0 ? (
        <p className="empty">{t('deskServer.issue.noSubjects')}</p>
      ) : null}
      {delivery === 'offline' && subjects.length > 0 ? (
        <div className="field">
          <label htmlFor="issue-subject">{t('desk.issue.subject')}</label>
          <select
            id="issue-subject"
            value={subjectId}
            onChange={(event) => setSubjectId(event.target.value)}
          >
            {subjects.map((s) => (
              <option key={s.id} value={s.id}>
                {s.number ? `${s.name} (${s.number})` : s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="issue-type">{t('desk.issue.type')}</label>
        <select
          id="issue-type"
          value={typeId}
          onChange={(event) => {
            setTypeId(event.target.value as CredentialTypeId);
            setIssues(new Map());
            setError(null);
          }}
        >
          {types.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name[language]}
            </option>
          ))}
        </select>
      </div>
      {type && (delivery === 'online' || subjects.length > 0) ? (
        <form key={`${type.id}-${delivery}-${subjectId}`} onSubmit={submit} noValidate>
          {formatChoice ? (
            <fieldset>
              <legend>{t('desk.issue.format')}</legend>
              {ISSUE_FORMATS.map((value) => (
                <label key={value} className="inline">
                  <input
                    type="radio"
                    name="format"
                    value={value}
                    checked={format === value}
                    aria-describedby={value === 'jwt_vc_json' ? 'format-w3c-hint' : undefined}
                    onChange={() => setChosenFormat(value)}
                  />{' '}
                  {t(FORMAT_LABELS[value])}
                </label>
              ))}
              <p id="format-w3c-hint" className="hint">
                {t('desk.issue.format.w3cHint')}
              </p>
            </fieldset>
          ) : null}
          {type.claims.map((spec) =>
            spec.kind === 'enum' && spec.options ? (
              <div className="field" key={spec.name}>
                <label htmlFor={`claim-${spec.name}`}>{spec.label[language]}</label>
                <select
                  id={`claim-${spec.name}`}
                  name={`claim-${spec.name}`}
                  aria-invalid={issues.has(spec.name) || undefined}
                >
                  {spec.options.map((option) => (
                    <option key={option} value={option}>
                      {spec.optionLabels?.[option]?.[language] ?? option}
                    </option>
                  ))}
                </select>
                {issues.has(spec.name) ? (
                  <p className="error" role="alert">
                    {issues.get(spec.name)}
                  </p>
                ) : null}
              </div>
            ) : (
              <Field
                key={spec.name}
                label={spec.kind === 'cents' ? `${spec.label[language]} (€)` : spec.label[language]}
                name={`claim-${spec.name}`}
                {...inputAttributesFor(spec)}
                required={spec.required}
                defaultValue={formatClaimInput(spec, defaults(spec))}
                error={issues.get(spec.name) ?? null}
              />
            ),
          )}
          {delivery === 'online' ? (
            <div className="field">
              <label className="inline">
                <input type="checkbox" name="tx-code" aria-describedby="tx-code-hint" />{' '}
                {t('deskServer.issue.txCode')}
              </label>
              <p id="tx-code-hint" className="hint">
                {t('deskServer.issue.txCodeHint')}
              </p>
            </div>
          ) : null}
          <details hidden={delivery === 'online' || format !== 'dc+sd-jwt'}>
            <summary>{t('desk.issue.advanced')}</summary>
            <Field
              label={t('desk.issue.decoys')}
              hint={t('desk.issue.decoysHint')}
              name="decoys"
              type="number"
              min={0}
              max={20}
              defaultValue="0"
            />
          </details>
          {error ? (
            <p className="error" role="alert">
              {t(error)}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {delivery === 'online' ? t('deskServer.issue.submit') : t('desk.issue.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
