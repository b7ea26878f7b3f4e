import { useT, type MessageKey } from '../i18n/index.ts';
import { CheckTab } from './CheckTab.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { RequestTab } from './RequestTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { StatusTab } from './StatusTab.tsx';
import { TrustTab } from './TrustTab.tsx';
import { lockVerifier, showVerifierTab } from './verifier-actions.ts';
import { useVerifierStore, type VerifierTab } from './verifier-store.ts';

const TABS: ReadonlyArray<[VerifierTab, MessageKey]> = [
  ['request', 'verifier.tab.request'],
  ['check', 'verifier.tab.check'],
  ['trust', 'verifier.tab.trust'],
  ['status', 'verifier.tab.status'],
  ['history', 'verifier.tab.history'],
  ['settings', 'verifier.tab.settings'],
];

export function VerifierHome() {
  const t = useT();
  const profile = useVerifierStore((s) => s.profile);
  const tab = useVerifierStore((s) => s.tab);
  const notice = useVerifierStore((s) => s.notice);
  return (
    <section className="card desk" aria-labelledby="verifier-title">
      <div className="title-row">
        <h1 id="verifier-title">{profile?.name ?? t('verifier.title')}</h1>
        <button type="button" onClick={() => lockVerifier()}>
          {t('home.lock')}
        </button>
      </div>
      <nav aria-label={t('verifier.sections')} className="tabs">
        <ul>
          {TABS.map(([id, label]) => (
            <li key={id}>
              <button
                type="button"
                aria-current={tab === id ? 'page' : undefined}
                onClick={() => showVerifierTab(id)}
              >
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {notice ? (
        <p className="error" role="alert">
          {t(notice)}
        </p>
      ) : null}
      {tab === 'request' ? <RequestTab /> : null}
      {tab === 'check' ? <CheckTab /> : null}
      {tab === 'trust' ? <TrustTab /> : null}
      {tab === 'status' ? <StatusTab /> : null}
      {tab === 'history' ? <HistoryTab /> : null}
      {tab === 'settings' ? <SettingsTab /> : null}
    </section>
  );
}
