import { useEffect, useState } from 'react';
import {
  questionnaireFacts,
  type DeclaredValue,
  type MonthlyFacts,
} from '../../../core/holder/index.ts';
import { RULES, type RuleModule } from '../../../core/rules/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../../i18n/index.ts';
import { formatCents, formatMonth } from '../../shared/format.ts';
import { openView } from '../credential-actions.ts';
import { describeAnswer, describeCredentialHousehold } from './benefit-words.ts';
import { loadBenefits, saveAnswers, type BenefitsView } from './benefits-actions.ts';
import { NormChart } from './NormChart.tsx';
import { Questionnaire } from './Questionnaire.tsx';
import { ResultCard } from './ResultCard.tsx';
import './benefits.css';

/**
 * The Benefits screen: every rule module over the wallet's credentials and the citizen's answers,
 * worked out here on the device; the questionnaire; results per rule with "Why?" and "Apply".
 */
export function Benefits() {
  const t = useT();
  const [view, setView] = useState<BenefitsView | null>(null);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [asking, setAsking] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void loadBenefits().then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setFailure(outcome.message);
      setView(outcome.value);
      // Never answered: the questions come first; answered (or saved empty): the results do.
      setAsking((open) => open ?? outcome.value.declared.savedAt === undefined);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async (
    facts: Record<string, DeclaredValue>,
    monthly?: MonthlyFacts,
  ): Promise<string | null> => {
    const outcome = await saveAnswers(facts, monthly);
    if (!outcome.ok) {
      const spec = questionnaireFacts().find((s) => s.name === outcome.issue?.fact);
      const language = useLanguageStore.getState().language;
      return t(outcome.message, { field: spec?.label[language] ?? outcome.issue?.fact ?? '' });
    }
    setView(outcome.value);
    setAsking(false);
    setSaved(true);
    return null;
  };

  return (
    <section className="card benefits" aria-labelledby="benefits-title">
      <div className="title-row">
        <h1 id="benefits-title">{t('benefits.title')}</h1>
        <button type="button" onClick={() => openView('home')}>
          {t('settings.back')}
        </button>
      </div>
      <p className="lead">{t('benefits.intro')}</p>
      <p className="privacy-note">{t('benefits.privacy')}</p>
      {failure ? (
        <p className="error" role="alert">
          {t(failure)}
        </p>
      ) : null}
      {view === null && failure === null ? <p role="status">{t('benefits.loading')}</p> : null}
      {view ? (
        <>
          <section className="facts-section">
            {asking ? (
              <Questionnaire
                facts={view.declared.facts}
                monthly={view.declared.monthly}
                months={resultMonths(view)}
                household={view.evaluation.household}
                onSave={save}
                onSkip={() => setAsking(false)}
              />
            ) : (
              <Answers view={view} saved={saved} onEdit={() => setAsking(true)} />
            )}
          </section>
          {Object.values(RULES).map((module) => (
            <RuleGroup key={module.id} module={module} view={view} />
          ))}
        </>
      ) : null}
    </section>
  );
}

/** The months the monthly rule has a result for (the months with an income statement), oldest first. */
function resultMonths(view: BenefitsView): string[] {
  const months = view.evaluation.results
    .filter((result) => RULES[result.ruleId].periodKind === 'month')
    .map((result) => result.period);
  return [...new Set(months)].sort();
}

function Answers({
  view,
  saved,
  onEdit,
}: {
  view: BenefitsView;
  saved: boolean;
  onEdit: () => void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const facts = view.declared.facts;
  const household = view.evaluation.household;
  const answered = questionnaireFacts().filter(
    (spec) =>
      facts[spec.name] !== undefined &&
      // What the municipality's credential answers is shown as coming from it, not as declared.
      !(household !== undefined && (spec.name === 'household' || spec.name === 'costSharers')),
  );
  const partnerByMonth = Object.entries(view.declared.monthly.partnerNetIncomeCents ?? {}).sort(
    ([a], [b]) => b.localeCompare(a),
  );
  return (
    <div aria-labelledby="benefits-answers-title">
      <h2 id="benefits-answers-title">{t('benefits.facts.yours')}</h2>
      {saved ? <p role="status">{t('benefits.facts.saved')}</p> : null}
      {household ? (
        <p className="from-credential">{describeCredentialHousehold(household, language, t)}</p>
      ) : null}
      {partnerByMonth.length > 0 ? (
        <div className="per-month-answers">
          <h3>{t('benefits.facts.partnerPerMonth')}</h3>
          <ul>
            {partnerByMonth.map(([month, cents]) => (
              <li key={month}>
                {t('benefits.facts.monthAmount', {
                  month: formatMonth(month, language),
                  amount: formatCents(cents, language),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {answered.length === 0 && partnerByMonth.length === 0 ? (
        <p>{t('benefits.facts.none')}</p>
      ) : (
        <dl className="facts answers">
          {answered.map((spec) => (
            <div key={spec.name}>
              <dt>{spec.label[language]}</dt>
              <dd>{describeAnswer(spec, facts[spec.name] as DeclaredValue, language, t)}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={onEdit}>
        {answered.length === 0 ? t('benefits.facts.answer') : t('benefits.facts.edit')}
      </button>
    </div>
  );
}

function RuleGroup({ module, view }: { module: RuleModule; view: BenefitsView }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const results = view.evaluation.results.filter((result) => result.ruleId === module.id);
  const monthly = module.periodKind === 'month';
  const titleId = `rule-${module.id.replace(/\W/g, '-')}`;
  return (
    <section className="rule-group" aria-labelledby={titleId}>
      <h2 id={titleId}>{module.title[language]}</h2>
      <p className="hint">{t(`benefits.jurisdiction.${module.jurisdiction}`)}</p>
      {monthly && results.length === 0 ? <p className="empty">{t('benefits.month.none')}</p> : null}
      {monthly ? <NormChart results={results} income={view.evaluation.income} /> : null}
      <div className="results">
        {[...results]
          .sort((a, b) => b.period.localeCompare(a.period))
          .map((result) => (
            <ResultCard
              key={`${result.ruleId}@${result.period}`}
              result={result}
              facts={view.evaluation.facts}
              monthly={monthly}
              incomeCents={
                view.evaluation.income.find((month) => month.period === result.period)?.netCents
              }
            />
          ))}
      </div>
    </section>
  );
}
