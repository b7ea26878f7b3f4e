import './cards.css';
import { useMemo, useState } from 'react';
import { CREDENTIAL_TYPES, issuerNameFromClaims } from '../../core/credentials/index.ts';
import {
  cardMonth,
  credentialState,
  FEW_COPIES_LEFT,
  orderByMonth,
  statusOf,
} from '../../core/holder/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { formatDate, formatMonth } from '../shared/format.ts';
import { openCard } from './credential-actions.ts';
import type { CredentialView } from './wallet-store.ts';

/**
 * How a card's status reads at a glance (docs/ux.md §Words): expired, valid, revoked, suspended;
 * "Not checked yet" (neutral, not a warning) until a check succeeded, or "Could not check" when
 * the only checks so far failed.
 */
export type CardState =
  'valid' | 'expired' | 'revoked' | 'suspended' | 'not-checked' | 'check-failed';

export const STATE_TEXT: Record<CardState, MessageKey> = {
  valid: 'credential.state.valid',
  expired: 'credential.state.expired',
  revoked: 'credential.state.revoked',
  suspended: 'cards.state.suspended',
  'not-checked': 'credential.state.unknown',
  'check-failed': 'cards.state.couldNotCheck',
};

export function cardState(credential: CredentialView, now: Date): CardState {
  const state = credentialState(credential, now);
  if (state !== 'status-unknown') return state;
  const status = statusOf(credential);
  return status.kind === 'not-checked' && status.failure ? 'check-failed' : 'not-checked';
}

/**
 * Who issued it, as a card and the detail show it: the issuer's own name from the credential (the
 * employer, the physician and institution…), and the citizen's label for the connection when
 * that says something else. A credential that names no issuer shows the label alone.
 */
export function issuerNames(credential: CredentialView): { own?: string; label?: string } {
  const own = issuerNameFromClaims(credential.typeId, credential.claims);
  if (own === undefined) return { label: credential.issuerName };
  const same = own.trim().toLowerCase() === credential.issuerName.trim().toLowerCase();
  return same ? { own } : { own, label: credential.issuerName };
}

/**
 * The date a card shows: the month for an income statement, else the day it was issued (or, for a
 * credential without an issue date, the day it was received).
 */
export function cardDate(credential: CredentialView, language: 'nl' | 'fr' | 'en'): string {
  const period = credential.claims.period;
  if (credential.typeId === 'income-statement' && typeof period === 'string')
    return formatMonth(period, language);
  return formatDate((credential.issuedAt ?? credential.receivedAt).slice(0, 10), language);
}

/** Cards drawn at first, and added by each "Show more": a page stays quick with 10,000 credentials. */
export const CARDS_PER_PAGE = 100;

/** Consecutive cards of one month, in order. */
export function groupByMonth(
  ordered: readonly CredentialView[],
): { month: string; items: CredentialView[] }[] {
  const months: { month: string; items: CredentialView[] }[] = [];
  for (const credential of ordered) {
    const month = cardMonth(credential);
    const last = months[months.length - 1];
    if (last?.month === month) last.items.push(credential);
    else months.push({ month, items: [credential] });
  }
  return months;
}

/**
 * The cards by month, newest first (docs/ux.md §Cards), each month under its own heading: the
 * first CARDS_PER_PAGE, then as many more at each "Show more".
 */
export function CredentialList({ credentials }: { credentials: readonly CredentialView[] }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const ordered = useMemo(() => orderByMonth(credentials), [credentials]);
  const months = useMemo(() => groupByMonth(ordered.slice(0, shown)), [ordered, shown]);
  const now = new Date();
  const more = Math.min(CARDS_PER_PAGE, ordered.length - shown);

  if (months.length === 0) return <p className="empty">{t('home.noCredentials')}</p>;
  return (
    <>
      {months.map((group) => {
        const monthName = formatMonth(group.month, language);
        return (
          <section key={group.month} aria-label={monthName} className="credential-group">
            <h3>{monthName}</h3>
            <ul className="cards">
              {group.items.map((credential) => {
                const typeName = CREDENTIAL_TYPES[credential.typeId].name[language];
                const state = cardState(credential, now);
                const names = issuerNames(credential);
                return (
                  <li key={credential.id}>
                    <button
                      type="button"
                      className={`credential-card state-${state}`}
                      onClick={() => openCard(credential.id)}
                    >
                      <span className="card-title">{typeName}</span>
                      <span className="card-issuer">
                        {names.own ?? names.label}
                        {names.own !== undefined && names.label !== undefined
                          ? ` · ${t('credential.card.yourName', { label: names.label })}`
                          : null}
                      </span>
                      <span className="card-date">{cardDate(credential, language)}</span>
                      <span className={`badge badge-${state}`}>{t(STATE_TEXT[state])}</span>
                      {credential.copyCount ? (
                        <CopiesLeft left={credential.copyCount.left} />
                      ) : null}
                      {credential.format === 'jwt_vc_json' ? (
                        <span className="card-issuer card-note">{t('wallet.w3c.note')}</span>
                      ) : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {more > 0 ? (
        <button type="button" onClick={() => setShown(shown + CARDS_PER_PAGE)}>
          {t('cards.showMore', { count: String(more) })}
        </button>
      ) : null}
    </>
  );
}

/**
 * How many copies of a batch-issued credential no verifier has seen (issue 13), and a suggestion to
 * get more when FEW_COPIES_LEFT or fewer remain.
 */
export function CopiesLeft({ left }: { left: number }) {
  const t = useT();
  const text =
    left === 0
      ? t('cards.copies.none')
      : left === 1
        ? t('cards.copies.leftOne')
        : t('cards.copies.left', { count: String(left) });
  return (
    <span className={`card-issuer card-note${left <= FEW_COPIES_LEFT ? ' warning' : ''}`}>
      {text}
      {left <= FEW_COPIES_LEFT ? ` · ${t('cards.copies.getMore')}` : null}
    </span>
  );
}
