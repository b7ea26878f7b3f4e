import { declaredFactSpecs } from '../../../core/holder/index.ts';
import type { Source, TraceInput, TraceStep } from '../../../core/rules/index.ts';
import { useLanguageStore, useT } from '../../i18n/index.ts';
import { formatCents, formatDate } from '../../shared/format.ts';
import { describeAnswer, describeInputValue } from './benefit-words.ts';

/** A source as a link when it has an address (opening it is a request the citizen asks for). */
export function SourceLink({ source }: { source: Source }) {
  if (!source.url) return <>{source.label}</>;
  return (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {source.label}
    </a>
  );
}

/** A trace input in words: a declared answer by its option's label, amounts in €. */
function useInputText(): (input: TraceInput) => string {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const specs = declaredFactSpecs();
  return (input) => {
    // The household credential's `household_type` says what the declared `household` says.
    const name = input.name === 'household_type' ? 'household' : input.name;
    const spec = specs.find((candidate) => candidate.name === name);
    const value = input.value;
    if (
      spec &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      return describeAnswer(spec, value, language, t);
    return describeInputValue(input.name, value, language);
  };
}

/** "Why?": every step of the rule in plain words, with its figure, source and legal basis. */
export function WhyTrace({ trace }: { trace: readonly TraceStep[] }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const inputText = useInputText();
  return (
    <details className="why">
      <summary>{t('benefits.why')}</summary>
      <ol className="trace">
        {trace.map((step, index) => (
          <li key={`${step.id}-${index}`}>
            <p>{step.text[language]}</p>
            <dl className="trace-facts">
              {step.input ? (
                <div>
                  <dt>{t('benefits.why.input')}</dt>
                  <dd>
                    {inputText(step.input)} (
                    {t(
                      step.input.origin === 'credential'
                        ? 'benefits.why.fromCredential'
                        : 'benefits.why.declared',
                    )}
                    )
                  </dd>
                </div>
              ) : null}
              {step.parameter ? (
                <div>
                  <dt>{t('benefits.why.figure')}</dt>
                  <dd>
                    {step.parameter.valueCents === null
                      ? t('benefits.why.notPublished')
                      : formatCents(step.parameter.valueCents, language)}
                    {step.parameter.validFrom
                      ? `, ${t('benefits.why.validFrom', { date: formatDate(step.parameter.validFrom, language) })}`
                      : null}
                  </dd>
                </div>
              ) : null}
              {step.parameter?.derived ? (
                <div>
                  <dt>{t('benefits.why.derived')}</dt>
                  <dd>{step.parameter.derived}</dd>
                </div>
              ) : null}
              {step.parameter?.source ? (
                <div>
                  <dt>{t('benefits.why.source')}</dt>
                  <dd>
                    <SourceLink source={step.parameter.source} />
                  </dd>
                </div>
              ) : null}
              {step.legalBasis ? (
                <div>
                  <dt>{t('benefits.why.legalBasis')}</dt>
                  <dd>
                    <SourceLink source={step.legalBasis} />
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
