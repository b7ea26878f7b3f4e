import { credentialTypeByVct } from '../../../core/credentials/index.ts';
import {
  credentialState,
  questionnaireFacts,
  type DeclaredFacts,
} from '../../../core/holder/index.ts';
import { RULES, type RuleResult } from '../../../core/rules/index.ts';
import { useLanguageStore, useT } from '../../i18n/index.ts';
import { openView } from '../credential-actions.ts';
import { useWalletStore, type CredentialView } from '../wallet-store.ts';
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
    if (state === 'expired' || state === 'revoked') return false;
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
      <button type="button" className="primary" onClick={() => openView('request')}>
        {t('benefits.apply.scan')}
      </button>
    </section>
  );
}
