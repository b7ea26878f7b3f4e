import {
  isFactAsked,
  MONTHLY_FACTS,
  questionnaireFacts,
  type DeclaredFacts,
} from '../../core/holder/index.ts';
import type { FactSpec } from '../../core/rules/index.ts';
import { useLanguageStore, useT, type Language, type MessageKey } from '../i18n/index.ts';
import { Field } from '../shared/Field.tsx';
import { formatMonth } from '../shared/format.ts';
import { describeAnswer } from './benefits/benefit-words.ts';
import { ChoiceField } from './benefits/Questionnaire.tsx';
import { factsState, type FactDraft } from './consent-facts.ts';

/**
 * The facts an agency asks the citizen to declare (`vouch.declare`), on the consent screen: an
 * answered fact is a switch (on: sent as declared by the citizen, never as verified); an unanswered
 * one gets the Benefits questionnaire's input right here (the same fact specs), and what is typed
 * is saved with the questionnaire's answers when the citizen shares.
 */

interface ConsentFactsProps {
  asked: readonly string[];
  stored: DeclaredFacts;
  draft: FactDraft;
  onDraft: (name: string, text: string) => void;
  off: readonly string[];
  onToggle: (name: string, on: boolean) => void;
  errors: Readonly<Record<string, MessageKey>>;
  /** The month the request is about (`vouch.period`): a per-month fact is that month's. */
  period?: string | undefined;
}

export function ConsentFacts({
  asked,
  stored,
  draft,
  onDraft,
  off,
  onToggle,
  errors,
  period,
}: ConsentFactsProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const specs = questionnaireFacts();
  const typed = factsState(asked, stored, draft, off, specs).answers;
  const all: DeclaredFacts = { ...stored, ...typed };
  return (
    <fieldset className="need">
      <legend>{t('present.declared.title')}</legend>
      <p className="hint">{t('present.declared.intro')}</p>
      {asked
        .filter((name) => isFactAsked(name, all))
        .map((name) => {
          const spec = specs.find((candidate) => candidate.name === name);
          const plain = spec?.label[language] ?? name;
          const label =
            period !== undefined && MONTHLY_FACTS.includes(name)
              ? t('consent.facts.forMonth', { fact: plain, month: formatMonth(period, language) })
              : plain;
          const value = stored[name];
          if (value !== undefined) {
            return (
              <label key={name} className="checkbox claim-choice">
                <input
                  type="checkbox"
                  role="switch"
                  checked={!off.includes(name)}
                  onChange={(event) => onToggle(name, event.target.checked)}
                />
                <span>
                  {label}: {spec ? describeAnswer(spec, value, language, t) : String(value)}{' '}
                  <span className="hint">({t('present.declared.marker')})</span>
                </span>
              </label>
            );
          }
          if (!spec) {
            return (
              <p key={name} className="hint">
                {t('present.declared.unanswered', { fact: label })}
              </p>
            );
          }
          return (
            <FactInput
              key={name}
              label={label}
              spec={spec}
              language={language}
              value={draft[name] ?? ''}
              onChange={(text) => onDraft(name, text)}
              error={errors[name] ? t(errors[name]) : null}
            />
          );
        })}
    </fieldset>
  );
}

function FactInput(props: {
  label: string;
  spec: FactSpec;
  language: Language;
  value: string;
  onChange: (text: string) => void;
  error: string | null;
}) {
  const { label, spec, language, value, onChange, error } = props;
  const t = useT();
  const hint = [t('consent.facts.answerHere'), spec.help?.[language]].filter(Boolean).join(' ');
  if (spec.kind === 'enum' || spec.kind === 'boolean') {
    return <ChoiceField spec={spec} value={value} onChange={onChange} hint={hint} />;
  }
  return (
    <Field
      label={label}
      inputMode={spec.kind === 'cents' ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={[hint, spec.kind === 'cents' ? t('benefits.facts.euroHint') : null]
        .filter(Boolean)
        .join(' ')}
      error={error}
    />
  );
}
