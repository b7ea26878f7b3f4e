import {
  CREDENTIAL_TYPES,
  issuerNameFromClaims,
  type CredentialTypeId,
} from '../../core/credentials/index.ts';
import { credentialState, type CredentialState } from '../../core/holder/index.ts';
import { useLanguageStore, useT, type MessageKey } from '../i18n/index.ts';
import { formatDate, formatMonth } from '../shared/format.ts';
import { openView } from './credential-actions.ts';
import type { CredentialView } from './wallet-store.ts';

export const STATE_TEXT: Record<CredentialState, MessageKey> = {
  valid: 'credential.state.valid',
  expired: 'credential.state.expired',
  revoked: 'credential.state.revoked',
  'status-unknown': 'credential.state.unknown',
};

const TYPE_ORDER: readonly CredentialTypeId[] = [
  'income-statement',
  'medical-attestation',
  'diploma',
  'household',
];

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

export function CredentialList({ credentials }: { credentials: readonly CredentialView[] }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const now = new Date();
  const groups = TYPE_ORDER.map((typeId) => ({
    typeId,
    items: credentials.filter((c) => c.typeId === typeId),
  })).filter((group) => group.items.length > 0);

  if (groups.length === 0) return <p className="empty">{t('home.noCredentials')}</p>;
  return (
    <>
      {groups.map((group) => {
        const typeName = CREDENTIAL_TYPES[group.typeId].name[language];
        return (
          <section key={group.typeId} aria-label={typeName} className="credential-group">
            <h3>
              {typeName} <span className="count">({group.items.length})</span>
            </h3>
            <ul className="cards">
              {group.items.map((credential) => {
                const state = credentialState(credential, now);
                const names = issuerNames(credential);
                return (
                  <li key={credential.id}>
                    <button
                      type="button"
                      className={`credential-card state-${state}`}
                      onClick={() => openView('credential', credential.id)}
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
    </>
  );
}
