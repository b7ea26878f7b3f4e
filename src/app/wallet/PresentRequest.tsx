import { useCallback, useEffect, useRef, useState } from 'react';
import { credentialTypeByVct, credentialTypeByW3cTypes } from '../../core/credentials/index.ts';
import {
  fragmentResponseUrl,
  parsePresentationResponse,
  verifierLabel,
} from '../../core/protocol/index.ts';
import {
  declaredFactSpecs,
  FEW_COPIES_LEFT,
  type Choice,
  type DeclaredFacts,
  type NeedMatch,
  type ReadRequest,
} from '../../core/holder/index.ts';
import { registeredNameIn } from '../../core/trust/index.ts';
import {
  decodeFromText,
  encodeForQr,
  encodeForText,
  type QrFrames,
} from '../../core/transport/index.ts';
import {
  useLanguageStore,
  useT,
  type Language,
  type MessageKey,
  type Translate,
} from '../i18n/index.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { Field } from '../shared/Field.tsx';
import { QrCode, QrScanner } from '../shared/qr/index.ts';
import { formatClaim } from './ClaimValue.tsx';
import { ConsentFacts } from './ConsentFacts.tsx';
import { factsState, type FactDraft } from './consent-facts.ts';
import { openCard, openView } from './credential-actions.ts';
import { cardDate } from './CredentialList.tsx';
import { hostToContact, recogniseIncoming, requestNeedsFetch } from './incoming-link.ts';
import { OnlineContact, OnlineError } from './OnlineContact.tsx';
import {
  isAnsweredOnline,
  readOnlineRequest,
  sendOnlineAnswer,
  type OnlineMessage,
} from './online-request.ts';
import { setPendingLink, takePendingLink, vouchTextOf } from './pending-link.ts';
import { answerRequest, copyStateFor, readRequest, saveConsentAnswers } from './present-actions.ts';
import { ReceiptOutcome, ReceiptPromise } from './ReceiptNotices.tsx';
import { ReceiptScan } from './ReceiptScan.tsx';
import { withQrReceiptHalf } from './receipts-actions.ts';

type Stage =
  | { step: 'scan' }
  /** An `openid4vp://` link: name the host and ask before fetching the request. */
  | { step: 'contact'; uri: string; busy: boolean }
  /** The answer is on its way to the verifier's response_uri. */
  | { step: 'sending'; verifierName: string }
  /** Delivered, and the verifier gave no page to go back to. */
  | { step: 'sent'; verifierName: string }
  | { step: 'consent'; read: ReadRequest; facts: DeclaredFacts }
  | { step: 'answer'; verifierName: string; frames: QrFrames; text: string; receipt?: true }
  | { step: 'redirect'; verifierName: string; online?: true };

/** Only https, or this very origin, may receive an answer by redirect (same-device flow). */
function isSafeResponseUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.origin === window.location.origin;
  } catch {
    return false;
  }
}

export function PresentRequest() {
  const t = useT();
  const [stage, setStage] = useState<Stage>({ step: 'scan' });
  const [error, setError] = useState<MessageKey | OnlineMessage | null>(null);
  const [scannerKey, setScannerKey] = useState(0);
  const handledLink = useRef(false);

  const accept = useCallback(async (payload: Uint8Array) => {
    setError(null);
    const outcome = await readRequest(payload);
    if (!outcome.ok) {
      setError(outcome.message);
      setScannerKey((k) => k + 1);
      return;
    }
    setStage({ step: 'consent', read: outcome.value, facts: outcome.facts });
  }, []);

  /** The citizen chose "Contact" (or the request came by value): read and verify it. */
  const contact = useCallback(async (uri: string) => {
    setError(null);
    setStage({ step: 'contact', uri, busy: true });
    const outcome = await readOnlineRequest(uri);
    if (!outcome.ok) {
      setError(outcome.message);
      setStage({ step: 'scan' });
      setScannerKey((k) => k + 1);
      return;
    }
    setStage({ step: 'consent', read: outcome.read, facts: outcome.facts });
  }, []);

  /** An `openid4vp://` link: ask before fetching it by reference; a request by value is read at once. */
  const openOnline = useCallback(
    (uri: string) => {
      if (requestNeedsFetch(uri)) setStage({ step: 'contact', uri, busy: false });
      else void contact(uri);
    },
    [contact],
  );

  useEffect(() => {
    if (handledLink.current) return;
    const link = takePendingLink('request');
    if (!link) return;
    handledLink.current = true;
    const incoming = recogniseIncoming(link);
    if (incoming.kind === 'openid-request') {
      openOnline(incoming.uri);
      return;
    }
    const decoded = decodeFromText(vouchTextOf(link));
    if (!decoded.ok || decoded.value.kind !== 'request') {
      setError('present.refused.malformed');
      return;
    }
    void accept(decoded.value.payload);
  }, [accept, openOnline]);

  /** Text from the scanner that is not a Vouch code: an online request here, an offer on Receive. */
  const takeText = (text: string): boolean => {
    const incoming = recogniseIncoming(text);
    if (incoming.kind === 'openid-request') {
      setError(null);
      openOnline(incoming.uri);
      return true;
    }
    if (incoming.kind === 'openid-offer') {
      setPendingLink('offer', incoming.uri);
      openView('receive');
      return true;
    }
    return false;
  };

  const shareOnline = async (read: ReadRequest, choices: Choice[], declared: DeclaredFacts) => {
    const before = stage;
    setError(null);
    setStage({ step: 'sending', verifierName: verifierLabel(read.request) });
    const outcome = await sendOnlineAnswer(read, choices, declared);
    if (!outcome.ok) {
      setError(outcome.message);
      // Back to the consent screen: the citizen may try again (nothing was lost).
      setStage(before);
      return;
    }
    if (outcome.redirectUri) {
      setStage({ step: 'redirect', verifierName: outcome.verifierName, online: true });
      window.location.assign(outcome.redirectUri);
      return;
    }
    setStage({ step: 'sent', verifierName: outcome.verifierName });
  };

  const share = async (
    read: ReadRequest,
    choices: Choice[],
    declared: DeclaredFacts,
    answers: DeclaredFacts,
  ) => {
    setError(null);
    // Facts answered on the consent screen are the questionnaire's answers too.
    if (
      Object.keys(answers).length > 0 &&
      !(await saveConsentAnswers(answers, read.request.period))
    ) {
      return setError('consent.facts.saveFailed');
    }
    if (isAnsweredOnline(read)) return shareOnline(read, choices, declared);
    const answered = await answerRequest(read, choices, declared);
    if (!answered.ok) return setError(answered.message);
    // A desk that gives receipts gets the wallet's half in the QR answer (receipts-actions.ts).
    const outcome = await withQrReceiptHalf(read, answered);
    const text = encodeForText('response', outcome.response);
    const { request } = read;
    if (
      request.responseMode === 'fragment' &&
      request.redirectUri &&
      isSafeResponseUri(request.redirectUri)
    ) {
      const answer = parsePresentationResponse(outcome.response);
      if (answer.ok) {
        setStage({ step: 'redirect', verifierName: verifierLabel(request) });
        // OpenID4VP fragment mode: the response parameters in the fragment of redirect_uri.
        window.location.assign(fragmentResponseUrl(request, answer.value));
        return;
      }
    }
    setStage({
      step: 'answer',
      verifierName: verifierLabel(request),
      frames: encodeForQr('response', outcome.response),
      text,
      ...(outcome.half ? { receipt: true as const } : {}),
    });
  };

  return (
    <section className="card" aria-labelledby="present-title">
      <div className="title-row">
        <h1 id="present-title">
          {t(stage.step === 'answer' ? 'present.answerTitle' : 'present.title')}
        </h1>
        {stage.step === 'scan' ? (
          <button type="button" onClick={() => openView('home')}>
            {t('settings.back')}
          </button>
        ) : null}
      </div>
      {error ? <OnlineError message={error} /> : null}
      {stage.step === 'scan' ? (
        <>
          <p>{t('present.intro')}</p>
          <QrScanner
            key={scannerKey}
            accept={['request']}
            onPayload={(_kind, payload) => void accept(payload)}
            onText={takeText}
          />
        </>
      ) : null}
      {stage.step === 'contact' ? (
        <OnlineContact
          kind="request"
          host={hostToContact(stage.uri)}
          busy={stage.busy}
          onContact={() => void contact(stage.uri)}
          onCancel={() => openView('home')}
        />
      ) : null}
      {stage.step === 'sending' ? (
        <p role="status">{t('online.answer.sending', { verifier: stage.verifierName })}</p>
      ) : null}
      {stage.step === 'sent' ? (
        <>
          <div role="status">
            <h2>{t('online.answer.sent', { verifier: stage.verifierName })}</h2>
          </div>
          <p>{t('online.answer.sentBody')}</p>
          <ReceiptOutcome />
          <button type="button" className="primary" onClick={() => openView('home')}>
            {t('present.done')}
          </button>
        </>
      ) : null}
      {stage.step === 'consent' ? (
        <Consent
          read={stage.read}
          facts={stage.facts}
          onShare={(choices, declared, answers) =>
            void share(stage.read, choices, declared, answers)
          }
          onDecline={() => openView('home')}
        />
      ) : null}
      {stage.step === 'answer' ? (
        <>
          <p>{t('present.answerIntro', { verifier: stage.verifierName })}</p>
          <QrCode
            frames={stage.frames}
            label={t('present.answerLabel', { verifier: stage.verifierName })}
          />
          <Field
            label={t('present.answerText')}
            name="answer-text"
            readOnly
            value={stage.text}
            onFocus={(e) => e.currentTarget.select()}
          />
          {stage.receipt ? (
            <ReceiptScan intro={t('receipts.scan.afterAnswer', { verifier: stage.verifierName })} />
          ) : null}
          <button type="button" className="primary" onClick={() => openView('home')}>
            {t('present.done')}
          </button>
        </>
      ) : null}
      {stage.step === 'redirect' ? (
        <p role="status">
          {t(stage.online ? 'online.answer.redirecting' : 'present.redirecting', {
            verifier: stage.verifierName,
          })}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Who asks, said plainly (docs/ux.md §Consent and who asks): verified by a registration (a
 * certificate in the request's verifier_info signed by an authority the wallet trusts), verified by
 * a trust list, or not verified, in which case the name is only what the verifier calls itself.
 */
function askedBy(read: ReadRequest, language: Language, t: Translate): string {
  const { standing, request } = read;
  if (standing.kind === 'registered') {
    return t('present.asks', { verifier: registeredNameIn(standing.name, language) });
  }
  if (standing.kind === 'listed') return t('present.asks', { verifier: standing.name });
  if (standing.callsItself !== undefined) {
    return t('consent.asks.notVerified', { name: standing.callsItself });
  }
  return request.verifier.kind === 'redirect_uri'
    ? t('consent.asks.notVerified', { name: verifierLabel(request) })
    : t('consent.asks.unnamed');
}

/** The name to use in sentences about the verifier: the verified one, else its own words. */
function verifierNameOf(read: ReadRequest, language: Language): string {
  const { standing } = read;
  if (standing.kind === 'registered') return registeredNameIn(standing.name, language);
  if (standing.kind === 'listed') return standing.name;
  return verifierLabel(read.request);
}

function WhoAsks({ read }: { read: ReadRequest }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { standing, request } = read;
  const name = verifierNameOf(read, language);
  if (standing.kind === 'registered' || standing.kind === 'listed') {
    return (
      <div
        className="success"
        role="note"
        aria-label={t(`consent.standing.${standing.kind}.title`)}
      >
        <p>
          <strong>{t(`consent.standing.${standing.kind}.title`)}</strong>
        </p>
        <p>
          {standing.kind === 'registered'
            ? t('consent.standing.registered.body', { name })
            : t('consent.standing.listed.body', { name, list: standing.listName })}
        </p>
      </div>
    );
  }
  let host = '';
  if (request.verifier.kind === 'redirect_uri') {
    try {
      host = new URL(request.verifier.uri).host;
    } catch {
      host = request.clientId;
    }
  }
  return (
    <div className="warning" role="note" aria-label={t('consent.standing.notVerified.title')}>
      <p>
        <strong>{t('consent.standing.notVerified.title')}</strong>
      </p>
      <p>{t('consent.standing.notVerified.body')}</p>
      {request.verifier.kind === 'redirect_uri' ? (
        <p>{t('consent.standing.unsigned', { host })}</p>
      ) : null}
    </div>
  );
}

interface ConsentProps {
  read: ReadRequest;
  /** The citizen's declared answers (Benefits questionnaire). */
  facts: DeclaredFacts;
  /** `answers`: facts typed on this screen, to save with the questionnaire's before sharing. */
  onShare: (choices: Choice[], declared: DeclaredFacts, answers: DeclaredFacts) => void;
  onDecline: () => void;
}

/**
 * Who asks, why, and exactly which claims leave the wallet. Optional claims start off (data
 * minimisation): each is one tap away. Unanswered declared facts can be answered here. An
 * incomplete application (a credential missing, a fact unanswered) is shared only after a warning
 * and a confirmation.
 */
function Consent({ read, facts, onShare, onDecline }: ConsentProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { request, matches, seenBefore, standing } = read;
  const asked = request.declare ?? [];
  const [factsOff, setFactsOff] = useState<string[]>([]);
  const [draft, setDraft] = useState<FactDraft>({});
  const [showErrors, setShowErrors] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(matches.map((m) => [m.need.queryId, m.candidates[0]?.id ?? ''])),
  );
  const [optionalOn, setOptionalOn] = useState<Record<string, string[]>>({});
  // Credentials the request asks for optionally (the household credential): off until added.
  const [added, setAdded] = useState<string[]>([]);
  const missing = matches.filter((m) => m.candidates.length === 0);
  // An optional credential alone answers nothing the verifier requires.
  const answerable = matches.some((m) => !m.optional && m.candidates.length > 0);
  const state = factsState(asked, facts, draft, factsOff);
  // Whether each chosen credential still has a copy this verifier may see (issue 13).
  const copyStates = Object.fromEntries(
    matches.map((m) => {
      const credential = m.candidates.find((c) => c.id === chosen[m.need.queryId]);
      return [m.need.queryId, credential ? copyStateFor(read, credential) : undefined];
    }),
  );
  const noCopyLeft = matches.some(
    (m) =>
      (!m.optional || added.includes(m.need.queryId)) &&
      copyStates[m.need.queryId]?.usable === false,
  );
  const specs = declaredFactSpecs();
  const incomplete = missing.length > 0 || state.unanswered.length > 0;
  const name = verifierNameOf(read, language);

  const choices = (): Choice[] =>
    matches
      .filter((m) => m.candidates.length > 0 && (!m.optional || added.includes(m.need.queryId)))
      .map(({ need }) => ({
        queryId: need.queryId,
        credentialId: chosen[need.queryId] ?? '',
        disclose: [
          ...need.required,
          ...need.optional.filter((c) => (optionalOn[need.queryId] ?? []).includes(c)),
        ],
      }));

  const share = () => onShare(choices(), state.declared, state.answers);
  const tryShare = () => {
    if (Object.keys(state.errors).length > 0) return setShowErrors(true);
    if (incomplete) return setConfirming(true);
    share();
  };

  return (
    <div>
      <h2>{askedBy(read, language, t)}</h2>
      <WhoAsks read={read} />
      <p className={seenBefore ? undefined : 'warning'}>
        {t(seenBefore ? 'present.seenBefore' : 'present.firstTime')}
      </p>
      <dl className="facts">
        <dt>{t('present.purpose')}</dt>
        <dd>{request.purpose}</dd>
      </dl>
      <details>
        <summary>{t('consent.technical')}</summary>
        <dl className="facts">
          <dt>{t('present.verifierId')}</dt>
          <dd>
            <code className="did">{request.verifierDid ?? request.clientId}</code>
          </dd>
          {standing.kind !== 'not-verified' ? (
            <>
              <dt>{t('consent.authority')}</dt>
              <dd>
                <code className="did">{standing.authority}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </details>
      {matches.map((match) => (
        <NeedChoice
          key={match.need.queryId}
          verifier={name}
          match={match}
          chosenId={chosen[match.need.queryId] ?? ''}
          copyState={copyStates[match.need.queryId]}
          onChoose={(id) => setChosen((c) => ({ ...c, [match.need.queryId]: id }))}
          added={added.includes(match.need.queryId)}
          onAdd={(on) =>
            setAdded((ids) =>
              on
                ? [...ids.filter((id) => id !== match.need.queryId), match.need.queryId]
                : ids.filter((id) => id !== match.need.queryId),
            )
          }
          on={optionalOn[match.need.queryId] ?? []}
          onToggle={(claim, on) =>
            setOptionalOn((o) => {
              const current = o[match.need.queryId] ?? [];
              return {
                ...o,
                [match.need.queryId]: on
                  ? [...current.filter((c) => c !== claim), claim]
                  : current.filter((c) => c !== claim),
              };
            })
          }
        />
      ))}
      {asked.length > 0 ? (
        <ConsentFacts
          asked={asked}
          stored={facts}
          draft={draft}
          onDraft={(fact, text) => setDraft((d) => ({ ...d, [fact]: text }))}
          off={factsOff}
          onToggle={(fact, on) =>
            setFactsOff((off) => (on ? off.filter((n) => n !== fact) : [...off, fact]))
          }
          errors={showErrors ? state.errors : {}}
          period={request.period}
        />
      ) : null}
      <p className="hint">
        {t(
          matches.some(
            (m) =>
              m.candidates.find((c) => c.id === chosen[m.need.queryId])?.format === 'jwt_vc_json',
          )
            ? 'present.w3c.othersHidden'
            : 'present.restHidden',
        )}
      </p>
      {!answerable ? (
        <p className="error" role="alert">
          {t('present.cannotAnswer')}
        </p>
      ) : incomplete ? (
        <div className="warning" role="note" aria-labelledby="consent-incomplete">
          <p id="consent-incomplete">
            <strong>{t('consent.incomplete.title')}</strong>
          </p>
          <ul>
            {missing.map((m) => (
              <li key={m.need.queryId}>
                {t('consent.incomplete.missingCredential', {
                  type: needTypeName(m.need, language),
                })}
              </li>
            ))}
            {state.unanswered.map((fact) => (
              <li key={fact}>
                {t('consent.incomplete.missingFact', {
                  fact: specs.find((spec) => spec.name === fact)?.label[language] ?? fact,
                })}
              </li>
            ))}
          </ul>
          <p>{t('consent.incomplete.body')}</p>
        </div>
      ) : null}
      <ReceiptPromise read={read} />
      <div className="actions">
        <button type="button" onClick={onDecline}>
          {t('present.decline')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!answerable || noCopyLeft}
          onClick={tryShare}
        >
          {t('present.share')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('consent.incomplete.confirmTitle')}
          confirmLabel={t('consent.incomplete.shareAnyway')}
          cancelLabel={t('consent.incomplete.goBack')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            share();
          }}
        >
          <p>{t('consent.incomplete.confirmBody', { verifier: name })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** A credential query's type in the citizen's language (its vct or W3C types otherwise). */
function needTypeName(need: NeedMatch['need'], language: Language): string {
  const type =
    need.vct.map((vct) => credentialTypeByVct(vct)).find(Boolean) ??
    (need.types ?? []).map((types) => credentialTypeByW3cTypes(types)).find(Boolean);
  return (
    type?.name[language] ??
    [...need.vct, ...(need.types ?? []).map((types) => types.join(' + '))].join(', ')
  );
}

interface NeedChoiceProps {
  /** Who asks, for the W3C note. */
  verifier: string;
  match: NeedMatch;
  chosenId: string;
  /** The chosen credential's copies (copyStateFor); undefined when none is chosen. */
  copyState: { usable: boolean; left?: number } | undefined;
  onChoose: (id: string) => void;
  /** An optional credential (match.optional): whether the citizen added it (it starts off). */
  added: boolean;
  onAdd: (on: boolean) => void;
  /** Optional claims switched on (all start off). */
  on: readonly string[];
  onToggle: (claim: string, on: boolean) => void;
}

function NeedChoice(props: NeedChoiceProps) {
  const { verifier, match, chosenId, copyState, onChoose, added, onAdd, on, onToggle } = props;
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { need, candidates } = match;
  // An SD-JWT VC query names its vct; a W3C one (jwt_vc_json) its `type` alternatives.
  const type =
    need.vct.map((vct) => credentialTypeByVct(vct)).find(Boolean) ??
    (need.types ?? []).map((types) => credentialTypeByW3cTypes(types)).find(Boolean);
  const typeName = needTypeName(need, language);
  const credential = candidates.find((c) => c.id === chosenId);
  const claimOrder = type ? type.claims.map((c) => c.name) : [...need.required, ...need.optional];
  const asked = claimOrder.filter(
    (name) => need.required.includes(name) || need.optional.includes(name),
  );

  return (
    <section aria-label={typeName} className="need">
      <h3>{typeName}</h3>
      {candidates.length === 0 ? <p>{t('present.noMatch', { type: typeName })}</p> : null}
      {match.optional ? (
        <>
          <p className="hint">
            {t('consent.optionalCredential.why', { verifier, type: typeName })}
          </p>
          <label className="checkbox claim-choice">
            <input
              type="checkbox"
              role="switch"
              checked={added}
              onChange={(event) => onAdd(event.target.checked)}
            />
            <span>{t('consent.optionalCredential.add', { type: typeName })}</span>
          </label>
        </>
      ) : null}
      {match.optional && !added ? null : candidates.length > 1 ? (
        <fieldset>
          <legend>{t('present.whichOne', { type: typeName })}</legend>
          {candidates.map((candidate) => (
            <label key={candidate.id} className="checkbox">
              <input
                type="radio"
                name={`choice-${need.queryId}`}
                checked={candidate.id === chosenId}
                onChange={() => onChoose(candidate.id)}
              />
              {candidate.issuerName} · {cardDate(candidate, language)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {match.optional && !added ? null : credential && copyState?.usable === false ? (
        <div className="error" role="alert">
          <p>{t('present.copies.none', { issuer: credential.issuerName })}</p>
          <button type="button" onClick={() => openCard(credential.id)}>
            {t('present.copies.getNew')}
          </button>
        </div>
      ) : credential && copyState?.left !== undefined && copyState.left <= FEW_COPIES_LEFT ? (
        <div className="warning" role="note">
          <p>
            {t('present.copies.few', {
              count: String(copyState.left),
              issuer: credential.issuerName,
            })}
          </p>
          <button type="button" onClick={() => openCard(credential.id)}>
            {t('present.copies.getNew')}
          </button>
        </div>
      ) : null}
      {match.optional && !added ? null : credential?.format === 'jwt_vc_json' ? (
        <EveryField
          verifier={verifier}
          claims={credential.claims}
          claimOrder={type ? type.claims.map((c) => c.name) : Object.keys(credential.claims)}
          asked={[...need.required, ...need.optional]}
          specOf={(name) => type?.claims.find((c) => c.name === name)}
        />
      ) : credential ? (
        <fieldset>
          <legend>{t('present.whatYouShare')}</legend>
          {asked.map((name) => {
            const spec = type?.claims.find((c) => c.name === name);
            const required = need.required.includes(name);
            const label = `${spec?.label[language] ?? name}: ${formatClaim(spec, credential.claims[name], language)}`;
            return (
              <label key={name} className="checkbox claim-choice">
                {required ? (
                  <input type="checkbox" checked disabled />
                ) : (
                  <input
                    type="checkbox"
                    role="switch"
                    checked={on.includes(name)}
                    onChange={(event) => onToggle(name, event.target.checked)}
                  />
                )}
                <span>
                  {label}{' '}
                  <span className="hint">
                    ({t(required ? 'present.required' : 'present.optional')})
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </section>
  );
}

/**
 * A W3C credential has no selective disclosure: no toggles, every field it holds is listed, and
 * the citizen is told plainly that the verifier sees all of them (asked for or not).
 */
function EveryField(props: {
  verifier: string;
  claims: Record<string, unknown>;
  claimOrder: readonly string[];
  asked: readonly string[];
  specOf: (name: string) => Parameters<typeof formatClaim>[0];
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { verifier, claims, asked, specOf } = props;
  const names = [
    ...props.claimOrder.filter((name) => name in claims),
    ...Object.keys(claims).filter((name) => !props.claimOrder.includes(name)),
  ];
  const label = t('present.w3c.fieldsLabel', { verifier });
  return (
    <section aria-label={label}>
      <h4>{t('present.whatYouShare')}</h4>
      <p className="warning" role="note">
        {t('present.w3c.everyField', { verifier })}
      </p>
      <ul className="claims" aria-label={label}>
        {names.map((name) => {
          const spec = specOf(name);
          return (
            <li key={name}>
              {spec?.label[language] ?? name}: {formatClaim(spec, claims[name], language)}{' '}
              <span className="hint">
                ({t(asked.includes(name) ? 'present.w3c.asked' : 'present.w3c.notAsked')})
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
