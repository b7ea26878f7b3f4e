import { useState, type FormEvent } from 'react';
import { credentialTypeByVct } from '../../../core/credentials/index.ts';
import {
  credentialState,
  questionnaireFacts,
  type DeclaredFacts,
} from '../../../core/holder/index.ts';
import { RULES, type RuleResult } from '../../../core/rules/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../../i18n/index.ts';
import { Field } from '../../shared/Field.tsx';
import { openView } from '../credential-actions.ts';
import { setPendingLink } from '../pending-link.ts';
import { useWalletStore, type CredentialView } from '../wallet-store.ts';
import { applicationLinkTarget } from './application-link.ts';
import { describeAnswer } from './benefit-words.ts';

/** The credentials that would answer an evidence need: same type, usable, and that month's for a monthly result. */
function matching(
  credentials: readonly CredentialView[],
  vct: string,
  period: string,
  now: Date,
): CredentialView[] {
  const monthly = /^\d{4}-\d{2}$/.test(period);
  return credentials.filter((credential) => {
    if (credential.vct !== vct) return false;
    const state = credentialState(credential, now);
    if (state === 'expired' || state === 'revoked' || state === 'suspended') return false;
    const claimed = credential.claims.period;
    return !monthly || typeof claimed !== 'string' || claimed === period;
  });
}

/**
 * "Apply": what the agency will be shown (which credential, which claims, to whom and why) and the
 * answers that go with it as declared, unverified facts. Sending happens only in the consent flow
 * the agency's request opens.
 */
export function ApplyPanel({ result, facts }: { result: RuleResult; facts: DeclaredFacts }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const credentials = useWalletStore((s) => s.credentials);
  const now = new Date();
  const ruleFacts = new Set(RULES[result.ruleId].inputs.facts.map((spec) => spec.name));
  const declared = questionnaireFacts().filter(
    (spec) => ruleFacts.has(spec.name) && facts[spec.name] !== undefined,
  );

  return (
    <section className="apply" aria-label={t('benefits.apply.title')}>
      <h4>{t('benefits.apply.title')}</h4>
      <p>{t('benefits.apply.intro')}</p>
      {result.evidence.length === 0 ? <p>{t('benefits.apply.noEvidence')}</p> : null}
      <ul className="evidence">
        {result.evidence.map((need, index) => {
          const type = credentialTypeByVct(need.vct);
          const held = matching(credentials, need.vct, result.period, now);
          const issuers = [...new Set(held.map((c) => c.issuerName))].join(', ');
          return (
            <li key={`${need.vct}-${index}`} className="need">
              <h5>{type?.name[language] ?? need.vct}</h5>
              {held.length > 0 ? (
                <p>{t('benefits.apply.from', { issuers })}</p>
              ) : (
                <p className="warning">{t('benefits.apply.missing')}</p>
              )}
              <dl className="pairs">
                <dt>{t('benefits.apply.claims')}</dt>
                <dd>
                  {need.claims
                    .map(
                      (name) => type?.claims.find((c) => c.name === name)?.label[language] ?? name,
                    )
                    .join(', ')}
                </dd>
                <dt>{t('benefits.apply.to')}</dt>
                <dd>{need.to[language]}</dd>
                <dt>{t('benefits.apply.why')}</dt>
                <dd>{need.why[language]}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
      <h5>{t('benefits.apply.declared')}</h5>
      {declared.length === 0 ? (
        <p>{t('benefits.apply.noDeclared')}</p>
      ) : (
        <dl className="pairs">
          {declared.map((spec) => (
            <div key={spec.name}>
              <dt>{spec.label[language]}</dt>
              <dd>
                {describeAnswer(spec, facts[spec.name] as string | number | boolean, language, t)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">{t('benefits.apply.consent')}</p>
      <StartApplication />
    </section>
  );
}

/**
 * Where the application starts: the agency's application QR (the request screen's scanner reads
 * `openid4vp://…` codes) or its application link, pasted. Both end on the request screen, which
 * names the agency's host, asks before contacting it, and shows the consent screen of the request
 * it fetched. Nothing is fetched here.
 */
function StartApplication() {
  const t = useT();
  const [pasting, setPasting] = useState(false);
  const [link, setLink] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);

  const open = (event: FormEvent) => {
    event.preventDefault();
    const target = applicationLinkTarget(link);
    if (!target.ok) return setError(target.message);
    setError(null);
    setPendingLink(target.kind, target.text);
    openView(target.kind === 'request' ? 'request' : 'receive');
  };

  return (
    <div className="start-application">
      <div className="actions">
        <button type="button" className="primary" onClick={() => openView('request')}>
          {t('benefits.apply.scan')}
        </button>
        <button type="button" aria-expanded={pasting} onClick={() => setPasting((open) => !open)}>
          {t('benefits.apply.paste')}
        </button>
      </div>
      {pasting ? (
        <form onSubmit={open} noValidate>
          <Field
            label={t('benefits.apply.link')}
            hint={t('benefits.apply.linkHint')}
            error={error ? t(error) : null}
            value={link}
            onChange={(event) => setLink(event.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            inputMode="url"
            maxLength={40_000}
          />
          <button type="submit" className="primary">
            {t('benefits.apply.open')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
