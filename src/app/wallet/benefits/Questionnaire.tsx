import { useId, useState, type FormEvent } from 'react';
import {
  isFactAsked,
  questionnaireFacts,
  type DeclaredFacts,
  type DeclaredValue,
} from '../../../core/holder/index.ts';
import { RULES, type FactSpec } from '../../../core/rules/index.ts';
import { useLanguageStore, useT, type Language, type MessageKey } from '../../i18n/index.ts';
import { Field } from '../../shared/Field.tsx';
import { centsToInput, parseEuroInput } from './euro-input.ts';

/** The form keeps text as typed; it becomes facts when saved. */
type Draft = Record<string, string>;

const decimalSeparator = (language: Language) => (language === 'en' ? '.' : ',');

function toDraft(facts: DeclaredFacts, specs: readonly FactSpec[], language: Language): Draft {
  const draft: Draft = {};
  for (const spec of specs) {
    const value = facts[spec.name];
    if (value === undefined) continue;
    draft[spec.name] =
      spec.kind === 'cents' && typeof value === 'number'
        ? centsToInput(value, decimalSeparator(language))
        : String(value);
  }
  return draft;
}

type Parsed =
  | { ok: true; facts: Record<string, DeclaredValue> }
  | { ok: false; errors: Record<string, MessageKey> };

function fromDraft(draft: Draft, specs: readonly FactSpec[]): Parsed {
  const facts: Record<string, DeclaredValue> = {};
  const errors: Record<string, MessageKey> = {};
  for (const spec of specs) {
    const text = (draft[spec.name] ?? '').trim();
    if (text === '') continue;
    switch (spec.kind) {
      case 'enum':
        facts[spec.name] = text;
        break;
      case 'boolean':
        facts[spec.name] = text === 'true';
        break;
      case 'cents': {
        const cents = parseEuroInput(text);
        if (cents === 'invalid') errors[spec.name] = 'benefits.facts.badAmount';
        else if (cents !== null) facts[spec.name] = cents;
        break;
      }
      case 'integer':
        if (/^\d{1,4}$/.test(text)) facts[spec.name] = Number(text);
        else errors[spec.name] = 'benefits.facts.badNumber';
        break;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, facts };
}

function ChoiceField({
  spec,
  value,
  onChange,
}: {
  spec: FactSpec;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const id = useId();
  const options =
    spec.kind === 'boolean'
      ? [
          { value: 'true', label: t('benefits.facts.yes') },
          { value: 'false', label: t('benefits.facts.no') },
        ]
      : (spec.options ?? []).map((option) => ({
          value: option,
          label: spec.optionLabels?.[option]?.[language] ?? option,
        }));
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label[language]}</label>
      <select
        id={id}
        value={value}
        aria-describedby={spec.help ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('benefits.facts.notAnswered')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {spec.help ? (
        <p id={`${id}-hint`} className="hint">
          {spec.help[language]}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The questions the rules need and no credential answers, in the citizen's language, from the
 * rules' own fact specs. Every question may be left unanswered.
 */
export function Questionnaire({
  facts,
  onSave,
  onSkip,
}: {
  facts: DeclaredFacts;
  /** Resolves to an error message to show, or null when saved. */
  onSave: (facts: Record<string, DeclaredValue>) => Promise<string | null>;
  onSkip: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const specs = questionnaireFacts();
  const [draft, setDraft] = useState<Draft>(() => toDraft(facts, specs, language));
  const [errors, setErrors] = useState<Record<string, MessageKey>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = fromDraft(draft, specs);
  const current: DeclaredFacts = parsed.ok ? parsed.facts : {};
  // Follow-up questions (partner income, number of adults) appear with the answer that needs them.
  const household = draft.household ?? '';
  const asked = specs.filter((spec) => isFactAsked(spec.name, { ...current, household }));

  // One group of questions per rule, each fact under the first rule that takes it.
  const groups = Object.values(RULES)
    .map((module) => ({
      title: module.title,
      specs: asked.filter(
        (spec) =>
          Object.values(RULES).find((m) => m.inputs.facts.some((f) => f.name === spec.name)) ===
          module,
      ),
    }))
    .filter((group) => group.specs.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const relevant = fromDraft(
      Object.fromEntries(asked.map((spec) => [spec.name, draft[spec.name] ?? ''])),
      asked,
    );
    if (!relevant.ok) {
      setErrors(relevant.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(await onSave(relevant.facts));
    setBusy(false);
  };

  const set = (name: string, value: string) => setDraft((d) => ({ ...d, [name]: value }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="benefits-facts-title">
      <h2 id="benefits-facts-title">{t('benefits.facts.title')}</h2>
      <p>{t('benefits.facts.intro')}</p>
      {groups.map((group) => (
        <fieldset key={group.title.en}>
          <legend>{group.title[language]}</legend>
          {group.specs.map((spec) =>
            spec.kind === 'enum' || spec.kind === 'boolean' ? (
              <ChoiceField
                key={spec.name}
                spec={spec}
                value={draft[spec.name] ?? ''}
                onChange={(value) => set(spec.name, value)}
              />
            ) : (
              <Field
                key={spec.name}
                label={spec.label[language]}
                inputMode={spec.kind === 'cents' ? 'decimal' : 'numeric'}
                autoComplete="off"
                value={draft[spec.name] ?? ''}
                onChange={(event) => set(spec.name, event.target.value)}
                hint={
                  [
                    spec.help?.[language],
                    spec.kind === 'cents' ? t('benefits.facts.euroHint') : null,
                  ]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                error={errors[spec.name] ? t(errors[spec.name] as MessageKey) : null}
              />
            ),
          )}
        </fieldset>
      ))}
      {failure ? (
        <p className="error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('benefits.facts.save')}
        </button>
        <button type="button" onClick={onSkip} disabled={busy}>
          {t('benefits.facts.skip')}
        </button>
      </div>
    </form>
  );
}
