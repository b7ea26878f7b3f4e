import { useId, useState, type FormEvent } from 'react';
import {
  isFactAsked,
  questionnaireFacts,
  type DeclaredFacts,
  type DeclaredValue,
  type MonthlyFacts,
} from '../../../core/holder/index.ts';
import { RULES, type CredentialHousehold, type FactSpec } from '../../../core/rules/index.ts';
import { useLanguageStore, useT, type Language, type MessageKey } from '../../i18n/index.ts';
import { Field } from '../../shared/Field.tsx';
import { formatMonth } from '../../shared/format.ts';
import { describeCredentialHousehold } from './benefit-words.ts';
import { centsToInput, parseEuroInput } from './euro-input.ts';

/** The fact answered per month, for the months the results show. */
const PARTNER = 'partnerNetIncomeCents';
/** The draft key of one month's partner income. */
const monthKey = (month: string) => `${PARTNER}@${month}`;
/** Facts the municipality's household credential answers: not asked while the wallet holds one. */
const FROM_HOUSEHOLD_CREDENTIAL = ['household', 'costSharers'];

/** The form keeps text as typed; it becomes facts when saved. */
type Draft = Record<string, string>;

const decimalSeparator = (language: Language) => (language === 'en' ? '.' : ',');

function toDraft(
  facts: DeclaredFacts,
  monthly: MonthlyFacts,
  months: readonly string[],
  specs: readonly FactSpec[],
  language: Language,
): Draft {
  const draft: Draft = {};
  // Each month: its own answer, else the single answer (the only form before answers by month).
  for (const month of months) {
    const value = monthly[PARTNER]?.[month] ?? facts[PARTNER];
    if (typeof value === 'number')
      draft[monthKey(month)] = centsToInput(value, decimalSeparator(language));
  }
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

type ParsedMonths =
  { ok: true; byMonth: Record<string, number> } | { ok: false; errors: Record<string, MessageKey> };

function monthsFromDraft(draft: Draft, months: readonly string[]): ParsedMonths {
  const byMonth: Record<string, number> = {};
  const errors: Record<string, MessageKey> = {};
  for (const month of months) {
    const cents = parseEuroInput(draft[monthKey(month)] ?? '');
    if (cents === 'invalid') errors[monthKey(month)] = 'benefits.facts.badAmount';
    else if (cents !== null) byMonth[month] = cents;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, byMonth };
}

/**
 * One question with a fixed set of answers (an enum or yes/no fact), "Not answered" first. Also
 * the consent screen's input for a fact asked there (ConsentFacts), with its own hint.
 */
export function ChoiceField({
  spec,
  value,
  onChange,
  hint,
}: {
  spec: FactSpec;
  value: string;
  onChange: (value: string) => void;
  /** Words under the question; by default the fact's own help, if it has one. */
  hint?: string;
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
  const shownHint = hint ?? spec.help?.[language];
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label[language]}</label>
      <select
        id={id}
        value={value}
        aria-describedby={shownHint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('benefits.facts.notAnswered')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {shownHint ? (
        <p id={`${id}-hint`} className="hint">
          {shownHint}
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
  monthly,
  months,
  household: fromCredential,
  onSave,
  onSkip,
}: {
  facts: DeclaredFacts;
  monthly: MonthlyFacts;
  /** The months the results show (oldest first): the partner's income is asked for each. */
  months: readonly string[];
  /** The household the municipality's credential gives: then it is not asked. */
  household: CredentialHousehold | undefined;
  /** Resolves to an error message to show, or null when saved. */
  onSave: (facts: Record<string, DeclaredValue>, monthly?: MonthlyFacts) => Promise<string | null>;
  onSkip: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const specs = questionnaireFacts().filter(
    (spec) => fromCredential === undefined || !FROM_HOUSEHOLD_CREDENTIAL.includes(spec.name),
  );
  const [draft, setDraft] = useState<Draft>(() => toDraft(facts, monthly, months, specs, language));
  const [errors, setErrors] = useState<Record<string, MessageKey>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = fromDraft(draft, specs);
  const current: DeclaredFacts = parsed.ok ? parsed.facts : {};
  // Follow-up questions (partner income, number of adults) appear with the answer that needs them.
  const household = fromCredential?.household ?? draft.household ?? '';
  const asked = specs.filter((spec) => isFactAsked(spec.name, { ...current, household }));
  // With months to show, the partner's income is asked per month instead of once.
  const perMonth = months.length > 0 && asked.some((spec) => spec.name === PARTNER);

  // One group of questions per rule, each fact under the first rule that takes it.
  const groups = Object.values(RULES)
    .map((module) => ({
      id: module.id,
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
    const single = perMonth ? asked.filter((spec) => spec.name !== PARTNER) : asked;
    const relevant = fromDraft(
      Object.fromEntries(single.map((spec) => [spec.name, draft[spec.name] ?? ''])),
      single,
    );
    const byMonth = perMonth ? monthsFromDraft(draft, months) : null;
    const found = {
      ...(relevant.ok ? {} : relevant.errors),
      ...(byMonth && !byMonth.ok ? byMonth.errors : {}),
    };
    if (!relevant.ok || (byMonth && !byMonth.ok)) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    // Months no longer shown (a statement deleted) keep their answers.
    const kept = Object.fromEntries(
      Object.entries(monthly[PARTNER] ?? {}).filter(([month]) => !months.includes(month)),
    );
    const nextMonthly =
      byMonth && byMonth.ok
        ? { ...monthly, [PARTNER]: { ...kept, ...byMonth.byMonth } }
        : undefined;
    setFailure(await onSave(relevant.facts, nextMonthly));
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
          {fromCredential && group.id === 'nl.participatiewet.aanvulling' ? (
            <p className="from-credential" role="note">
              {describeCredentialHousehold(fromCredential, language, t)}
            </p>
          ) : null}
          {group.specs.map((spec) =>
            perMonth && spec.name === PARTNER ? (
              <fieldset key={spec.name} className="per-month">
                <legend>{t('benefits.facts.partnerPerMonth')}</legend>
                <p className="hint">{t('benefits.facts.partnerPerMonthHint')}</p>
                {[...months].reverse().map((month) => (
                  <Field
                    key={month}
                    label={formatMonth(month, language)}
                    inputMode="decimal"
                    autoComplete="off"
                    value={draft[monthKey(month)] ?? ''}
                    onChange={(event) => set(monthKey(month), event.target.value)}
                    error={
                      errors[monthKey(month)] ? t(errors[monthKey(month)] as MessageKey) : null
                    }
                  />
                ))}
              </fieldset>
            ) : spec.kind === 'enum' || spec.kind === 'boolean' ? (
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
