import { useCallback, useEffect, useRef, useState } from 'react';
import { credentialTypeByVct, credentialTypeByW3cTypes } from '../../core/credentials/index.ts';
import {
  fragmentResponseUrl,
  parsePresentationResponse,
  verifierLabel,
} from '../../core/protocol/index.ts';
import {
  declaredFactSpecs,
  type Choice,
  type DeclaredFacts,
  type DeclaredValue,
  type NeedMatch,
  type ReadRequest,
} from '../../core/holder/index.ts';
import { describeAnswer } from './benefits/benefit-words.ts';
import {
  decodeFromText,
  encodeForQr,
  encodeForText,
  type QrFrames,
} from '../../core/transport/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { QrCode, QrScanner } from '../shared/qr/index.ts';
import { formatClaim } from './ClaimValue.tsx';
import { openView } from './credential-actions.ts';
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
import { answerRequest, readRequest } from './present-actions.ts';

type Stage =
  | { step: 'scan' }
  /** An `openid4vp://` link: name the host and ask before fetching the request. */
  | { step: 'contact'; uri: string; busy: boolean }
  /** The answer is on its way to the verifier's response_uri. */
  | { step: 'sending'; verifierName: string }
  /** Delivered, and the verifier gave no page to go back to. */
  | { step: 'sent'; verifierName: string }
  | { step: 'consent'; read: ReadRequest; facts: DeclaredFacts }
  | { step: 'answer'; verifierName: string; frames: QrFrames; text: string }
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

  const share = async (read: ReadRequest, choices: Choice[], declared: DeclaredFacts) => {
    if (isAnsweredOnline(read)) return shareOnline(read, choices, declared);
    const outcome = await answerRequest(read, choices, declared);
    if (!outcome.ok) return setError(outcome.message);
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
          <button type="button" className="primary" onClick={() => openView('home')}>
            {t('present.done')}
          </button>
        </>
      ) : null}
      {stage.step === 'consent' ? (
        <Consent
          read={stage.read}
          facts={stage.facts}
          onShare={(choices, declared) => void share(stage.read, choices, declared)}
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
 * Whether the wallet knows who asks. It has no verifier trust list yet, so no name is verified:
 * a signed request (`decentralized_identifier:`) binds it to a DID whose name is the verifier's own
 * word; an unsigned one (`redirect_uri:`) only says where the answer goes. Said plainly, always.
 */
function VerifierStanding({ request }: { request: ReadRequest['request'] }) {
  const t = useT();
  if (request.verifier.kind === 'redirect_uri' || !request.verified) {
    let host = request.clientId;
    try {
      host = new URL(request.verifier.kind === 'redirect_uri' ? request.verifier.uri : '').host;
    } catch {
      // keep the client_id as it was sent
    }
    return (
      <p className="warning" role="note">
        {t('online.verifier.redirectUri', { host })}
      </p>
    );
  }
  return (
    <div className="warning" role="note">
      {request.verifierName !== undefined ? (
        <p>{t('online.verifier.unverifiedName', { verifier: request.verifierName })}</p>
      ) : null}
      <p>{t('online.verifier.notOnTrustList')}</p>
    </div>
  );
}

interface ConsentProps {
  read: ReadRequest;
  /** The citizen's declared answers (Benefits questionnaire). */
  facts: DeclaredFacts;
  onShare: (choices: Choice[], declared: DeclaredFacts) => void;
  onDecline: () => void;
}

/** Who asks, why, and exactly which claims leave the wallet; optional ones can be switched off. */
function Consent({ read, facts, onShare, onDecline }: ConsentProps) {
  const t = useT();
  const { request, matches, seenBefore } = read;
  const asked = request.declare ?? [];
  const [factsOff, setFactsOff] = useState<string[]>([]);
  const declared = (): DeclaredFacts =>
    Object.fromEntries(
      asked
        .filter((name) => name in facts && !factsOff.includes(name))
        .map((name) => [name, facts[name] as DeclaredValue]),
    );
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(matches.map((m) => [m.need.queryId, m.candidates[0]?.id ?? ''])),
  );
  const [optionalOff, setOptionalOff] = useState<Record<string, string[]>>({});
  const missing = matches.filter((m) => m.candidates.length === 0);

  const choices = (): Choice[] =>
    matches.map(({ need }) => ({
      queryId: need.queryId,
      credentialId: chosen[need.queryId] ?? '',
      disclose: [
        ...need.required,
        ...need.optional.filter((c) => !(optionalOff[need.queryId] ?? []).includes(c)),
      ],
    }));

  return (
    <div>
      <h2>{t('present.asks', { verifier: verifierLabel(request) })}</h2>
      <VerifierStanding request={request} />
      <p className={seenBefore ? undefined : 'warning'}>
        {t(seenBefore ? 'present.seenBefore' : 'present.firstTime')}
      </p>
      <dl className="facts">
        <dt>{t('present.purpose')}</dt>
        <dd>{request.purpose}</dd>
        <dt>{t('present.verifierId')}</dt>
        <dd>
          <code className="did">{request.verifierDid ?? request.clientId}</code>
        </dd>
      </dl>
      {matches.map((match) => (
        <NeedChoice
          key={match.need.queryId}
          verifier={verifierLabel(request)}
          match={match}
          chosenId={chosen[match.need.queryId] ?? ''}
          onChoose={(id) => setChosen((c) => ({ ...c, [match.need.queryId]: id }))}
          off={optionalOff[match.need.queryId] ?? []}
          onToggle={(claim, on) =>
            setOptionalOff((o) => {
              const current = o[match.need.queryId] ?? [];
              return {
                ...o,
                [match.need.queryId]: on ? current.filter((c) => c !== claim) : [...current, claim],
              };
            })
          }
        />
      ))}
      {asked.length > 0 ? (
        <DeclaredChoice
          asked={asked}
          facts={facts}
          off={factsOff}
          onToggle={(name, on) =>
            setFactsOff((off) => (on ? off.filter((n) => n !== name) : [...off, name]))
          }
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
      {missing.length > 0 ? (
        <p className="error" role="alert">
          {t('present.cannotAnswer')}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onDecline}>
          {t('present.decline')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={missing.length > 0}
          onClick={() => onShare(choices(), declared())}
        >
          {t('present.share')}
        </button>
      </div>
    </div>
  );
}

interface NeedChoiceProps {
  /** Who asks, for the W3C note. */
  verifier: string;
  match: NeedMatch;
  chosenId: string;
  onChoose: (id: string) => void;
  off: readonly string[];
  onToggle: (claim: string, on: boolean) => void;
}

function NeedChoice({ verifier, match, chosenId, onChoose, off, onToggle }: NeedChoiceProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { need, candidates } = match;
  // An SD-JWT VC query names its vct; a W3C one (jwt_vc_json) its `type` alternatives.
  const type =
    need.vct.map((vct) => credentialTypeByVct(vct)).find(Boolean) ??
    (need.types ?? []).map((types) => credentialTypeByW3cTypes(types)).find(Boolean);
  const typeName =
    type?.name[language] ??
    [...need.vct, ...(need.types ?? []).map((types) => types.join(' + '))].join(', ');
  const credential = candidates.find((c) => c.id === chosenId);
  const claimOrder = type ? type.claims.map((c) => c.name) : [...need.required, ...need.optional];
  const asked = claimOrder.filter(
    (name) => need.required.includes(name) || need.optional.includes(name),
  );

  return (
    <section aria-label={typeName} className="need">
      <h3>{typeName}</h3>
      {candidates.length === 0 ? <p>{t('present.noMatch', { type: typeName })}</p> : null}
      {candidates.length > 1 ? (
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
      {credential?.format === 'jwt_vc_json' ? (
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
                <input
                  type="checkbox"
                  checked={required || !off.includes(name)}
                  disabled={required}
                  onChange={(event) => onToggle(name, event.target.checked)}
                />
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

interface DeclaredChoiceProps {
  asked: readonly string[];
  facts: DeclaredFacts;
  off: readonly string[];
  onToggle: (name: string, on: boolean) => void;
}

/** Facts the agency asks the citizen to declare: their own answers, sent as declared, never as verified. */
function DeclaredChoice({ asked, facts, off, onToggle }: DeclaredChoiceProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const specs = declaredFactSpecs();
  return (
    <fieldset className="need">
      <legend>{t('present.declared.title')}</legend>
      <p className="hint">{t('present.declared.intro')}</p>
      {asked.map((name) => {
        const spec = specs.find((candidate) => candidate.name === name);
        const label = spec?.label[language] ?? name;
        const value = facts[name];
        if (value === undefined) {
          return (
            <p key={name} className="hint">
              {t('present.declared.unanswered', { fact: label })}
            </p>
          );
        }
        return (
          <label key={name} className="checkbox claim-choice">
            <input
              type="checkbox"
              checked={!off.includes(name)}
              onChange={(event) => onToggle(name, event.target.checked)}
            />
            <span>
              {label}: {spec ? describeAnswer(spec, value, language, t) : String(value)}{' '}
              <span className="hint">({t('present.declared.marker')})</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
