import { useT } from '../i18n/index.ts';
import { AnswerScanner } from './AnswerScanner.tsx';
import { Verdict } from './Verdict.tsx';
import { closeVerdict } from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

/** Check an answer to any of the desk's pending requests (or one that came back by link). */
export function CheckTab() {
  const t = useT();
  const verdict = useVerifierStore((s) => s.verdict);
  return (
    <section aria-labelledby="check-title">
      <h2 id="check-title">{t('verifier.check.title')}</h2>
      {verdict ? (
        <>
          <Verdict />
          <div className="actions">
            <button type="button" onClick={closeVerdict}>
              {t('verifier.check.another')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('verifier.check.intro')}</p>
          <AnswerScanner />
        </>
      )}
    </section>
  );
}
