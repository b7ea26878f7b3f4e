import { useId, useState } from 'react';
import type { DeclaredFacts } from '../../../core/holder/index.ts';
import type { RuleResult } from '../../../core/rules/index.ts';
import { useLanguageStore, useT } from '../../i18n/index.ts';
import { formatCents, formatMonth } from '../../shared/format.ts';
import { ApplyPanel } from './ApplyPanel.tsx';
import { SCHEME_TEXT, STATUS_TEXT } from './benefit-words.ts';
import { WhyTrace } from './WhyTrace.tsx';

const positive = (result: RuleResult) =>
  result.status === 'eligible' || result.status === 'likely-eligible';

/** A participatiewet month: the payment, the holiday allowance put aside, income and norm. */
function MonthFigures({ result, incomeCents }: { result: RuleResult; incomeCents?: number }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const money = (cents: number | null | undefined) =>
    cents === null || cents === undefined ? null : formatCents(cents, language);
  const rows = [
    { label: t('benefits.month.amount'), value: money(result.amountCents) },
    { label: t('benefits.month.holiday'), value: money(result.holidayAllowanceCents) },
    { label: t('benefits.month.income'), value: money(incomeCents) },
    { label: t('benefits.month.counted'), value: money(result.countedIncomeCents) },
    { label: t('benefits.month.norm'), value: money(result.normCents) },
  ].filter((row) => row.value !== null);
  if (rows.length === 0) return null;
  return (
    <dl className="facts result-figures">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An asbestos scheme: which one, the amount (or that it is not published), the route. */
function SchemeFigures({ result }: { result: RuleResult }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  // The route is spelled out in the trace: register (IAS) → confirm (NVALT, panel) → decide (SVB).
  const route = result.trace.filter((step) => step.id.startsWith('route'));
  return (
    <dl className="facts result-figures">
      {result.scheme ? (
        <div>
          <dt>{t('benefits.scheme')}</dt>
          <dd>{t(SCHEME_TEXT[result.scheme])}</dd>
        </div>
      ) : null}
      {positive(result) ? (
        <div>
          <dt>{t('benefits.amount')}</dt>
          <dd>
            {result.amountCents === null
              ? t('benefits.amountUnpublished')
              : formatCents(result.amountCents, language)}
          </dd>
        </div>
      ) : null}
      {typeof result.monthlyCents === 'number' ? (
        <div>
          <dt>{t('benefits.monthly')}</dt>
          <dd>{formatCents(result.monthlyCents, language)}</dd>
        </div>
      ) : null}
      {positive(result) && route.length > 0 ? (
        <div>
          <dt>{t('benefits.route')}</dt>
          <dd>
            <ul className="route">
              {route.map((step) => (
                <li key={step.id}>{step.text[language]}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * One result of one rule, as a card: a month's heading (so a screen reader moves by month), its
 * status in plain words, its figures, "Why?" behind a disclosure, and "Apply".
 */
export function ResultCard({
  result,
  facts,
  monthly,
  title,
  incomeCents,
}: {
  result: RuleResult;
  facts: DeclaredFacts;
  monthly: boolean;
  /** The month's net income from its statements, when the card is a month's. */
  incomeCents?: number | undefined;
  /** The heading for a result dated by day (the rule's title is already the group's). */
  title?: string;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [applying, setApplying] = useState(false);
  const applyId = useId();
  const heading = monthly ? formatMonth(result.period, language) : title;
  return (
    <article className={`result result-${result.status}`} aria-label={heading}>
      {heading ? <h3>{heading}</h3> : null}
      <p className={`result-status status-${result.status}`}>{t(STATUS_TEXT[result.status])}</p>
      {monthly ? (
        <MonthFigures result={result} {...(incomeCents === undefined ? {} : { incomeCents })} />
      ) : (
        <SchemeFigures result={result} />
      )}
      <WhyTrace trace={result.trace} />
      {positive(result) ? (
        <>
          <button
            type="button"
            aria-expanded={applying}
            aria-controls={applyId}
            onClick={() => setApplying((open) => !open)}
          >
            {applying ? t('benefits.apply.close') : t('benefits.apply')}
          </button>
          <div id={applyId}>{applying ? <ApplyPanel result={result} facts={facts} /> : null}</div>
        </>
      ) : null}
    </article>
  );
}
