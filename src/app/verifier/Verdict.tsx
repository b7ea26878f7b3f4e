import { credentialTypeByVct } from '../../core/credentials/index.ts';
import type { PresentationVerdict } from '../../core/verifier/index.ts';
import { useEffect, useRef, useState } from 'react';
import { useLanguageStore, useT, type Language, type MessageKey } from '../i18n/index.ts';
import { formatClaim } from '../shared/claim-value.ts';
import { formatCents, formatDateTime } from '../shared/format.ts';
import { formatAgo, secondsSince } from './age.ts';
import { BenefitCheck } from './BenefitCheck.tsx';
import { AnswerReceipt } from './AnswerReceipt.tsx';
import { benefitStatusKey, factLabel, factValue } from './benefit-words.ts';
import { checkNameKey, checkReasonKey, failedCheckNames, formatKey } from './check-messages.ts';
import { fetchStatusAndRecheck } from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

/**
 * The verdict in large type, then per credential: who issued it (from the trust lists), what was
 * disclosed (only that), how old the status information is, and every check with its reason.
 */
export function Verdict() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const verdict = useVerifierStore((s) => s.verdict);
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new verdict: show it from its top and move focus to "Valid" / "Not valid" (docs/ux.md §Desks).
  useEffect(() => {
    if (!verdict) return;
    sectionRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [verdict]);
  if (!verdict) return null;
  const failed = failedCheckNames(verdict);
  const rule = verdict.request?.rule;
  const asked = verdict.request?.declare;
  const words = { yes: t('verifier.verdict.yes'), no: t('verifier.verdict.no') };
  return (
    <section className="verdict" aria-labelledby="verdict-word" ref={sectionRef}>
      <h2
        id="verdict-word"
        ref={headingRef}
        tabIndex={-1}
        className={verdict.valid ? 'verdict-word success' : 'verdict-word error'}
        style={{ fontSize: '2.5rem', margin: '0.5rem 0' }}
      >
        {verdict.valid ? t('verifier.verdict.valid') : t('verifier.verdict.notValid')}
      </h2>
      <p>
        {verdict.request
          ? t('verifier.verdict.answers', { purpose: verdict.request.purpose })
          : t('verifier.verdict.noRequest')}{' '}
        <span className="hint">{formatDateTime(verdict.at, language)}</span>
      </p>
      {verdict.benefit ? (
        <p className="verdict-outcome">
          <a href="#benefit-title">{t('verifier.benefit.title')}</a>
          {': '}
          <strong>{t(benefitStatusKey(verdict.benefit.status))}</strong>
          {verdict.benefit.amountCents === null
            ? null
            : ` — ${formatCents(verdict.benefit.amountCents, language)}`}
        </p>
      ) : null}
      {failed.length > 0 ? (
        <p className="error">
          {t('verifier.verdict.failedChecks', {
            checks: failed.map((name) => t(checkNameKey(name))).join(', '),
          })}
        </p>
      ) : null}
      <AnswerReceipt />
      {verdict.presentations.map((presentation, index) => (
        <PresentationBlock key={index} verdict={presentation} />
      ))}
      {verdict.benefit ? <BenefitCheck result={verdict.benefit} /> : null}
      {verdict.declared && Object.keys(verdict.declared).length > 0 ? (
        <section aria-labelledby="declared-title">
          <h3 id="declared-title">{t('verifier.verdict.declared')}</h3>
          <p className="hint">{t('verifier.verdict.declaredHint')}</p>
          <dl className="claims" aria-labelledby="declared-title">
            {Object.entries(verdict.declared).map(([name, value]) => (
              <div key={name}>
                <dt>{factLabel(rule, name, language)}</dt>
                <dd>
                  {factValue(rule, name, value, language, words)}{' '}
                  <em>
                    ({t('verifier.verdict.declaredMark')}
                    {asked && !asked.includes(name) ? `; ${t('verifier.verdict.notUsed')}` : ''})
                  </em>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </section>
  );
}

function PresentationBlock({ verdict }: { verdict: PresentationVerdict }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [fetching, setFetching] = useState(false);
  const [fetchProblem, setFetchProblem] = useState<MessageKey | null>(null);
  // The server checked the status itself; the desk holds no answer to check again.
  const fromServer = useVerifierStore((s) => s.verdictFromServer);
  const { result } = verdict;
  const type = result.vct ? credentialTypeByVct(result.vct) : undefined;
  const trusted = result.checks.find((c) => c.name === 'issuer-trusted')?.ok === true;
  const status = result.status;
  const claims = Object.entries(result.claims);

  const fetchLists = async () => {
    setFetching(true);
    setFetchProblem(null);
    const problem = await fetchStatusAndRecheck();
    setFetching(false);
    setFetchProblem(problem);
  };

  return (
    <article
      className="presentation"
      aria-label={type?.name[language] ?? result.vct ?? t('verifier.verdict.credential')}
    >
      <h3>{type?.name[language] ?? result.vct ?? t('verifier.verdict.credential')}</h3>
      {result.format ? (
        <p>{t('verifier.verdict.format', { format: t(formatKey(result.format)) })}</p>
      ) : null}
      <p className={trusted ? undefined : 'error'}>
        {trusted && result.issuerName
          ? t('verifier.verdict.issuedBy', { name: result.issuerName })
          : t('verifier.verdict.untrusted')}
      </p>
      {!trusted && verdict.expiredTrustList ? (
        <p className="error">
          {t('verifier.verdict.trustListExpired', {
            name: verdict.expiredTrustList.name,
            when: formatDateTime(verdict.expiredTrustList.expiredAt, language),
          })}
        </p>
      ) : null}
      {result.issuer ? (
        <p>
          <code className="did">{result.issuer}</code>
        </p>
      ) : null}
      <h4>{t('verifier.verdict.claims')}</h4>
      {claims.length === 0 ? (
        <p className="empty">{t('verifier.verdict.noClaims')}</p>
      ) : (
        <dl className="claims" aria-label={t('verifier.verdict.claims')}>
          {claims.map(([name, value]) => {
            const spec = type?.claims.find((c) => c.name === name);
            return (
              <div key={name}>
                <dt>{spec?.label[language] ?? name}</dt>
                <dd>{formatClaim(spec, value, language)}</dd>
              </div>
            );
          })}
        </dl>
      )}
      <h4>{t('verifier.verdict.status')}</h4>
      <p>{statusLine(t, status, verdict, language)}</p>
      {!fromServer && (status?.state === 'unavailable' || status?.stale) ? (
        <div className="actions">
          <button type="button" onClick={() => void fetchLists()} disabled={fetching}>
            {t('verifier.verdict.fetchStatus')}
          </button>
          {fetching ? <span role="status">{t('verifier.status.fetching')}</span> : null}
        </div>
      ) : null}
      {fetchProblem ? (
        <p className="error" role="alert">
          {t(fetchProblem)}
        </p>
      ) : null}
      <h4 id={`checks-${verdict.queryId}`}>{t('verifier.verdict.checks')}</h4>
      <ul className="checks" aria-label={t('verifier.verdict.checks')}>
        {result.checks.map((check) => (
          <li key={check.name} className={check.ok ? 'success' : 'error'}>
            <strong>
              {check.ok
                ? check.code === 'warning'
                  ? `⚠ ${t('verifier.check.warning')}`
                  : `✓ ${t('verifier.check.pass')}`
                : `✗ ${t('verifier.check.fail')}`}
              {' — '}
              {t(checkNameKey(check.name))}
            </strong>
            : {t(checkReasonKey(check, result.format))}
          </li>
        ))}
      </ul>
    </article>
  );
}

function statusLine(
  t: ReturnType<typeof useT>,
  status: PresentationVerdict['result']['status'],
  verdict: PresentationVerdict,
  language: Language,
): string {
  if (!status || status.state === 'none') return t('verifier.verdict.statusNone');
  const listAge =
    status.ageSeconds !== undefined
      ? status.ageSeconds
      : status.listIssuedAt
        ? secondsSince(status.listIssuedAt)
        : undefined;
  const fetched = verdict.statusList
    ? t('verifier.verdict.statusFetched', {
        ago: formatAgo(secondsSince(verdict.statusList.fetchedAt), language),
      })
    : '';
  if (status.state === 'unavailable') {
    return `${t('verifier.verdict.statusUnavailable')}${fetched ? ` ${fetched}` : ''}`;
  }
  const state =
    status.state === 'revoked' ? t('verifier.verdict.revoked') : t('verifier.verdict.notRevoked');
  const age =
    listAge === undefined
      ? ''
      : t('verifier.verdict.statusAge', { ago: formatAgo(listAge, language) });
  const stale = status.stale ? ` ${t('verifier.verdict.statusStale')}` : '';
  return [state, age, fetched].filter(Boolean).join(' ') + stale;
}
