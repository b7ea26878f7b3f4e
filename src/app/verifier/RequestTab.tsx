import { useState, type FormEvent, type ReactNode } from 'react';
import { CREDENTIAL_TYPES, type CredentialTypeId } from '../../core/credentials/index.ts';
import {
  choicesFromTemplate,
  needsFromChoices,
  needsFromTemplate,
  REQUEST_TEMPLATES,
  TEMPLATE_IDS,
  type ClaimChoice,
  type TemplateId,
} from '../../core/verifier/index.ts';
import {
  translate,
  useLanguageStore,
  useT,
  type Language,
  type MessageKey,
} from '../i18n/index.ts';
import { RULES, type RuleId } from '../../core/rules/index.ts';
import { Field } from '../shared/Field.tsx';
import { formatMonth } from '../shared/format.ts';
import { QrCode } from '../shared/qr/index.ts';
import { formatKey } from './check-messages.ts';
import { AnswerScanner } from './AnswerScanner.tsx';
import { OptionalCredentialsSummary } from './OptionalCredentialsSummary.tsx';
import { factLabel } from './benefit-words.ts';
import { inEveryLanguage } from './every-language.ts';
import { Verdict } from './Verdict.tsx';
import { newRequest, showRequest } from './verifier-actions.ts';
import './verifier.css';
import { showServerRequest } from './verifier-server.ts';
import { useVerifierStore, type OnlineState } from './verifier-store.ts';

type Choice = TemplateId | 'custom';

const CHOICE_KEYS: readonly ClaimChoice[] = ['required', 'optional', 'not-asked'];
const CHOICE_LABEL: Record<ClaimChoice, MessageKey> = {
  required: 'verifier.request.required',
  optional: 'verifier.request.optional',
  'not-asked': 'verifier.request.notAsked',
};

/** Last month, as `YYYY-MM`: the month an income statement is usually asked for. */
function previousMonth(now = new Date()): string {
  const date = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

/** A template's purpose in one language (its catalogue must be loaded). */
function templatePurpose(id: TemplateId, month: string, language: Language): string {
  return translate(language, `verifier.template.${id}.purpose`, {
    month: formatMonth(month, language),
  });
}

/** Compose a request (a template or a custom one), then show it as a QR code, text and link. */
export function RequestTab() {
  const shown = useVerifierStore((s) => s.shownRequest);
  return shown ? <RequestShown /> : <RequestForm />;
}

function RequestForm() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [choice, setChoice] = useState<Choice>('income-supplement');
  const [month, setMonth] = useState(previousMonth);
  const [typeId, setTypeId] = useState<CredentialTypeId>('income-statement');
  const [claims, setClaims] = useState<Record<string, ClaimChoice>>(() =>
    choicesFromTemplate('income-supplement'),
  );
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const serverUrl = useVerifierStore((s) => s.serverUrl);
  const [delivery, setDelivery] = useState<'online' | 'offline'>('online');
  const online = serverUrl !== null && delivery === 'online';

  const template = choice === 'custom' ? undefined : REQUEST_TEMPLATES[choice];
  const type = CREDENTIAL_TYPES[template?.typeId ?? typeId];
  const monthOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    let needs;
    let text: string | Record<Language, string> | undefined;
    let benefit: { rule?: RuleId; declare?: readonly string[]; month?: string } = {};
    if (template) {
      if (template.asksForMonth && !monthOk) return setError('verifier.request.monthMissing');
      needs = needsFromTemplate(template.id);
      const id = template.id;
      text = await inEveryLanguage((each) => templatePurpose(id, month, each)).catch(
        () => undefined,
      );
      if (text === undefined) return setError('error.unexpected');
      benefit = {
        ...(template.rule === undefined ? {} : { rule: template.rule }),
        ...(template.declare === undefined ? {} : { declare: template.declare }),
        ...(template.asksForMonth ? { month } : {}),
      };
    } else {
      const custom = needsFromChoices(typeId, claims);
      if (!custom.ok) return setError('verifier.request.nothingRequired');
      if (!purpose.trim()) return setError('verifier.request.purposeMissing');
      needs = custom.value;
      text = purpose.trim();
    }
    setBusy(true);
    if (online) {
      const problem = await showServerRequest({ needs, purpose: text, language, ...benefit }).catch(
        (): MessageKey => 'error.unexpected',
      );
      setBusy(false);
      if (problem) setError(problem);
      return;
    }
    const result = await showRequest({ needs, purpose: text, language, ...benefit }).catch(
      () => null,
    );
    setBusy(false);
    if (!result) setError('error.unexpected');
  };

  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title">{t('verifier.request.title')}</h2>
      <p>{t('verifier.request.intro')}</p>
      <form onSubmit={submit} noValidate>
        {serverUrl ? (
          <fieldset>
            <legend>{t('deskServer.request.delivery')}</legend>
            {(['online', 'offline'] as const).map((value) => (
              <label key={value} className="inline">
                <input
                  type="radio"
                  name="request-delivery"
                  value={value}
                  checked={delivery === value}
                  onChange={() => setDelivery(value)}
                />{' '}
                {t(value === 'online' ? 'deskServer.request.online' : 'deskServer.request.offline')}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="request-template">{t('verifier.request.template')}</label>
          <select
            id="request-template"
            value={choice}
            onChange={(event) => {
              const next = event.target.value as Choice;
              setChoice(next);
              setError(null);
              if (next !== 'custom') {
                setTypeId(REQUEST_TEMPLATES[next].typeId);
                setClaims(choicesFromTemplate(next));
              }
            }}
          >
            {TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`verifier.template.${id}.name`)}
              </option>
            ))}
            <option value="custom">{t('verifier.request.custom')}</option>
          </select>
        </div>
        {template?.asksForMonth ? (
          <Field
            label={t('verifier.request.month')}
            name="request-month"
            type="month"
            required
            value={month}
            onChange={(event) => setMonth(event.currentTarget.value)}
            error={error === 'verifier.request.monthMissing' ? t(error) : null}
          />
        ) : null}
        {template ? (
          <>
            <p>
              <strong>{t('verifier.request.purpose')}:</strong>{' '}
              <span>
                {monthOk || !template.asksForMonth
                  ? templatePurpose(template.id, month, language)
                  : '—'}
              </span>
            </p>
            <ClaimSummary
              typeId={template.typeId}
              required={template.required}
              optional={template.optional}
              rule={template.rule}
              declare={template.declare}
              // A server's request asks for one credential type: no optional credentials online.
              optionalCredentials={online ? undefined : template.optionalCredentials}
            />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="request-type">{t('verifier.request.type')}</label>
              <select
                id="request-type"
                value={typeId}
                onChange={(event) => {
                  const next = event.target.value as CredentialTypeId;
                  setTypeId(next);
                  setClaims(
                    Object.fromEntries(
                      CREDENTIAL_TYPES[next].claims.map((c) => [c.name, 'not-asked']),
                    ),
                  );
                }}
              >
                {Object.values(CREDENTIAL_TYPES).map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name[language]}
                  </option>
                ))}
              </select>
            </div>
            {type.claims.map((spec) => (
              <fieldset key={`${type.id}-${spec.name}`} className="claim-choice">
                <legend>{spec.label[language]}</legend>
                {CHOICE_KEYS.map((value) => (
                  <label key={value} className="inline">
                    <input
                      type="radio"
                      name={`claim-${spec.name}`}
                      value={value}
                      checked={(claims[spec.name] ?? 'not-asked') === value}
                      onChange={() => setClaims((old) => ({ ...old, [spec.name]: value }))}
                    />{' '}
                    {t(CHOICE_LABEL[value])}
                  </label>
                ))}
              </fieldset>
            ))}
            <Field
              label={t('verifier.request.purpose')}
              hint={t('verifier.request.purposeHint')}
              name="request-purpose"
              required
              maxLength={500}
              value={purpose}
              onChange={(event) => setPurpose(event.currentTarget.value)}
              error={error === 'verifier.request.purposeMissing' ? t(error) : null}
            />
          </>
        )}
        {error &&
        error !== 'verifier.request.purposeMissing' &&
        error !== 'verifier.request.monthMissing' ? (
          <p className="error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('verifier.request.show')}
        </button>
      </form>
    </section>
  );
}

function ClaimSummary({
  typeId,
  required,
  optional,
  rule,
  declare,
  optionalCredentials,
}: {
  typeId: CredentialTypeId;
  required: readonly string[];
  optional: readonly string[];
  rule?: RuleId | undefined;
  declare?: readonly string[] | undefined;
  optionalCredentials?: Parameters<typeof OptionalCredentialsSummary>[0]['credentials'];
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const type = CREDENTIAL_TYPES[typeId];
  const label = (name: string) => type.claims.find((c) => c.name === name)?.label[language] ?? name;
  return (
    <dl className="facts">
      <dt>{t('verifier.request.type')}</dt>
      <dd>{type.name[language]}</dd>
      <dt>{t('verifier.request.required')}</dt>
      <dd>{required.map(label).join(', ')}</dd>
      <dt>{t('verifier.request.optional')}</dt>
      <dd>{optional.length > 0 ? optional.map(label).join(', ') : '—'}</dd>
      <OptionalCredentialsSummary credentials={optionalCredentials} />
      {declare && declare.length > 0 ? (
        <>
          <dt>{t('verifier.request.declare')}</dt>
          <dd>{declare.map((name) => factLabel(rule, name, language)).join(', ')}</dd>
        </>
      ) : null}
      {rule ? (
        <>
          <dt>{t('verifier.request.rule')}</dt>
          <dd>{RULES[rule].title[language]}</dd>
        </>
      ) : null}
    </dl>
  );
}

type ShownPending = NonNullable<
  ReturnType<typeof useVerifierStore.getState>['shownRequest']
>['pending'];

/** The title and purpose of the request on show, how to hand it over, and "New request". */
function ShownRequestHeader({ pending, handOver }: { pending: ShownPending; handOver?: string }) {
  const t = useT();
  return (
    <div className="request-shown-header">
      <div>
        <h2 id="shown-title">{t('verifier.request.shownTitle')}</h2>
        <p>
          <strong>{t('verifier.request.purpose')}:</strong> {pending.purpose}
        </p>
        {handOver ? <p>{handOver}</p> : null}
      </div>
      <div className="actions">
        <button type="button" onClick={newRequest}>
          {t('verifier.request.new')}
        </button>
      </div>
    </div>
  );
}

/** What the request asks for (type, claims, facts, rule), below the code and the scanner. */
function ShownRequestDetails({ pending }: { pending: ShownPending }) {
  const t = useT();
  return (
    <section aria-labelledby="shown-details-title" className="request-shown-details">
      <h3 id="shown-details-title">{t('verifier.request.asked')}</h3>
      {pending.queries && pending.queries.length > 1 ? (
        <p>
          {t('verifier.request.formats', {
            formats: pending.queries.map((query) => t(formatKey(query.format))).join(' / '),
          })}
        </p>
      ) : null}
      <ClaimSummary
        typeId={pending.typeId}
        required={pending.required}
        optional={pending.optional}
        rule={pending.rule}
        declare={pending.declare}
        optionalCredentials={pending.optionalCredentials}
      />
    </section>
  );
}

/**
 * The request QR drawn at exactly 5 px a module (the largest single code, QR version 22 with its
 * quiet zone, is then 565 px): a whole number of pixels a module keeps every module the same size,
 * which cameras (and jsQR) read far better than a code scaled to a width; it shrinks with its
 * column on narrow screens.
 */
const REQUEST_QR_MODULE_PX = 5;

/**
 * The request on show (offline): the QR code large at the top with the answer scanner beside it
 * (below it on a narrow screen), then what it asks and the other ways to hand it over. Once the
 * answer is checked, the verdict takes the place of both, from the top.
 */
/** The request's code, large enough to scan from a desk, beside where its answer comes. */
function RequestStage({
  frames,
  label,
  children,
}: {
  frames: Parameters<typeof QrCode>[0]['frames'];
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="request-stage">
      <div className="request-code">
        <QrCode frames={frames} minModulePx={REQUEST_QR_MODULE_PX} label={label} />
      </div>
      {children}
    </div>
  );
}

function RequestShown() {
  const t = useT();
  const shown = useVerifierStore((s) => s.shownRequest);
  const verdict = useVerifierStore((s) => s.verdict);
  if (!shown) return null;
  const { pending } = shown;
  if (shown.online) return <OnlineRequestShown />;
  return (
    <section aria-labelledby="shown-title" className="request-shown">
      <ShownRequestHeader
        pending={pending}
        handOver={verdict ? undefined : t('verifier.request.handOver')}
      />
      {verdict ? (
        <Verdict />
      ) : (
        <>
          <RequestStage
            frames={shown.frames}
            label={t('verifier.request.qrLabel', { purpose: pending.purpose })}
          >
            <AnswerScanner />
          </RequestStage>
          <ShownRequestDetails pending={pending} />
          <h3>{t('verifier.request.otherWays')}</h3>
          <Field
            label={t('verifier.request.text')}
            name="request-text"
            readOnly
            value={shown.text}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Field
            label={t('verifier.request.link')}
            hint={t('verifier.request.linkHint')}
            name="request-link"
            readOnly
            value={shown.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p>
            <a href={shown.link}>{t('verifier.request.openHere')}</a>
          </p>
        </>
      )}
      {verdict ? <ShownRequestDetails pending={pending} /> : null}
    </section>
  );
}

const ONLINE_STATE_TEXT: Record<OnlineState, MessageKey | null> = {
  waiting: 'deskServer.request.waiting',
  paused: 'deskServer.request.paused',
  expired: 'deskServer.request.expired',
  stopped: 'deskServer.request.stopped',
  done: null,
};

/** A request made through the server: its openid4vp QR code and link; the answer comes by itself. */
function OnlineRequestShown() {
  const t = useT();
  const shown = useVerifierStore((s) => s.shownRequest);
  const verdict = useVerifierStore((s) => s.verdict);
  const state = useVerifierStore((s) => s.onlineState);
  const problem = useVerifierStore((s) => s.onlineProblem);
  if (!shown?.online) return null;
  const { pending, online } = shown;
  const stateText = state ? ONLINE_STATE_TEXT[state] : null;
  return (
    <section aria-labelledby="shown-title" className="request-shown">
      <ShownRequestHeader
        pending={pending}
        handOver={verdict ? undefined : t('deskServer.request.handOver')}
      />
      {verdict ? (
        <Verdict />
      ) : (
        <>
          <RequestStage
            frames={shown.frames}
            label={t('deskServer.request.qrLabel', { purpose: pending.purpose })}
          >
            <div className="answer">
              {stateText ? (
                <p
                  role={state === 'expired' || state === 'stopped' ? 'alert' : 'status'}
                  className={state === 'expired' || state === 'stopped' ? 'error' : undefined}
                >
                  {t(stateText)}
                </p>
              ) : null}
              {problem ? (
                <p className="error" role="alert">
                  {t(problem)}
                </p>
              ) : null}
              <Field
                label={t('deskServer.request.link')}
                name="online-request-link"
                readOnly
                value={online.uri}
                onFocus={(e) => e.currentTarget.select()}
              />
              <p>
                <a href={shown.link}>{t('deskServer.request.openHere')}</a>
              </p>
            </div>
          </RequestStage>
          <ShownRequestDetails pending={pending} />
        </>
      )}
      {verdict ? <ShownRequestDetails pending={pending} /> : null}
    </section>
  );
}
