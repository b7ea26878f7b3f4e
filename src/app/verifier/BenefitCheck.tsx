import { RULES, type RuleResult, type Source, type TraceStep } from '../../core/rules/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { formatCents, formatDate, formatMonth } from '../shared/format.ts';
import { benefitStatusKey, factValue, inputLabel, parameterLabel } from './benefit-words.ts';

/**
 * The benefit check on the verdict: the request's rule run on the verified claims and the facts the
 * citizen declared. The outcome in plain words, the amount, then every step of the rule with its
 * input (verified, or declared and not verified), the figure used with its source and date, and
 * the legal basis.
 */
export function BenefitCheck({ result }: { result: RuleResult }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const rule = RULES[result.ruleId];
  const period =
    rule.periodKind === 'month'
      ? formatMonth(result.period, language)
      : formatDate(result.period, language);
  return (
    <section className="benefit-check" aria-labelledby="benefit-title">
      <h3 id="benefit-title">{t('verifier.benefit.title')}</h3>
      <p className="hint">{t('verifier.benefit.about', { rule: rule.title[language], period })}</p>
      <dl className="facts" aria-label={t('verifier.benefit.outcome')}>
        <dt>{t('verifier.benefit.outcome')}</dt>
        <dd>
          <strong>{t(benefitStatusKey(result.status))}</strong>
        </dd>
        <dt>{t('verifier.benefit.amount')}</dt>
        <dd>
          {result.amountCents === null
            ? t(noAmountKey(result))
            : formatCents(result.amountCents, language)}
        </dd>
        {result.holidayAllowanceCents !== undefined && result.holidayAllowanceCents !== null ? (
          <>
            <dt>{t('verifier.benefit.holiday')}</dt>
            <dd>{formatCents(result.holidayAllowanceCents, language)}</dd>
          </>
        ) : null}
        {result.monthlyCents !== undefined && result.monthlyCents !== null ? (
          <>
            <dt>{t('verifier.benefit.monthly')}</dt>
            <dd>{formatCents(result.monthlyCents, language)}</dd>
          </>
        ) : null}
        {result.scheme !== undefined ? (
          <>
            <dt>{t('verifier.benefit.scheme')}</dt>
            <dd>{result.scheme ?? t('verifier.benefit.schemeNone')}</dd>
          </>
        ) : null}
      </dl>
      <h4 id="benefit-trace">{t('verifier.benefit.trace')}</h4>
      <ol className="trace" aria-labelledby="benefit-trace">
        {result.trace.map((step, index) => (
          <TraceItem key={`${step.id}-${index}`} step={step} result={result} />
        ))}
      </ol>
      {result.evidence.length > 0 ? (
        <>
          <h4 id="benefit-evidence">{t('verifier.benefit.evidence')}</h4>
          <ul aria-labelledby="benefit-evidence">
            {result.evidence.map((need, index) => (
              <li key={index}>
                <strong>{need.to[language]}</strong>: {need.why[language]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function noAmountKey(result: RuleResult): MessageKey {
  if (result.status === 'not-eligible') return 'verifier.benefit.amountNone';
  if (result.status === 'needs-evidence') return 'verifier.benefit.amountOpen';
  return 'verifier.benefit.amountUnpublished';
}

function TraceItem({ step, result }: { step: TraceStep; result: RuleResult }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { input, parameter, legalBasis } = step;
  const words = { yes: t('verifier.verdict.yes'), no: t('verifier.verdict.no') };
  return (
    <li>
      <p>{step.text[language]}</p>
      {input ? (
        <p className="trace-input">
          {t('verifier.benefit.input')}: {inputLabel(input.name, language)} ={' '}
          {factValue(result.ruleId, input.name, input.value, language, words)}{' '}
          {input.origin === 'credential' ? (
            <strong className="success">({t('verifier.benefit.verified')})</strong>
          ) : (
            <em>({t('verifier.benefit.declared')})</em>
          )}
        </p>
      ) : null}
      {parameter ? (
        <p className="trace-parameter">
          {t('verifier.benefit.parameter')}:{' '}
          {parameterLabel(result.ruleId, parameter.name, language) ?? parameter.name} ={' '}
          {parameter.valueCents === null
            ? t('verifier.benefit.amountUnpublished')
            : formatCents(parameter.valueCents, language)}
          {parameter.validFrom
            ? `, ${t('verifier.benefit.validFrom', { date: formatDate(parameter.validFrom, language) })}`
            : ''}
          {parameter.source ? (
            <>
              {'; '}
              {t('verifier.benefit.source')}: <SourceLink source={parameter.source} />
            </>
          ) : null}
          {parameter.derived ? `; ${t('verifier.benefit.derived')}` : ''}
        </p>
      ) : null}
      {legalBasis ? (
        <p className="trace-legal">
          {t('verifier.benefit.legalBasis')}: <SourceLink source={legalBasis} />
        </p>
      ) : null}
    </li>
  );
}

function SourceLink({ source }: { source: Source }) {
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {source.label}
    </a>
  ) : (
    <span>{source.label}</span>
  );
}
