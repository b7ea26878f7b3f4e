import { useLanguageStore, useT } from '../../i18n/index.ts';
import { openView } from '../credential-actions.ts';
import { useWalletStore } from '../wallet-store.ts';
import { describeChange } from './benefit-words.ts';
import { dismissBenefitChange } from './benefits-actions.ts';
import './benefits.css';

/** Home's "September 2026: you are entitled to €400.61" cards, one per changed result. */
export function ChangeCards() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const changes = useWalletStore((s) => s.benefitChanges);
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="benefit-changes-title">
      <h2 id="benefit-changes-title">{t('benefits.changes.title')}</h2>
      <ul className="change-cards">
        {changes.map((change) => {
          const text = describeChange(change, language, t);
          return (
            <li key={change.key} className="change-card">
              <p>{text}</p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => openView('benefits')}>
                  {t('benefits.changes.open')}
                </button>
                <button
                  type="button"
                  aria-label={`${t('benefits.changes.dismiss')}: ${text}`}
                  onClick={() => void dismissBenefitChange(change.key)}
                >
                  {t('benefits.changes.dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
