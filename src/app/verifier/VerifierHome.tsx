import { useT, type MessageKey } from '../i18n/index.ts';
import { DeskFrame } from '../shared/DeskFrame.tsx';
import { ApplicationsTab } from './ApplicationsTab.tsx';
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
  ['applications', 'applications.open'],
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
  // Application links need the desk's server (docs/ux.md "Application links").
  const online = useVerifierStore((s) => s.serverUrl) !== null;
  const tabs = online ? TABS : TABS.filter(([id]) => id !== 'applications');
  return (
    <DeskFrame
      title={profile?.name ?? t('verifier.title')}
      navLabel={t('verifier.sections')}
      tabs={tabs}
      current={tab}
      onSelect={(id) => showVerifierTab(id)}
      onLock={() => lockVerifier()}
    >
      {notice ? (
        <p className="error" role="alert">
          {t(notice)}
        </p>
      ) : null}
      {tab === 'request' ? <RequestTab /> : null}
      {tab === 'applications' ? <ApplicationsTab /> : null}
      {tab === 'check' ? <CheckTab /> : null}
      {tab === 'trust' ? <TrustTab /> : null}
      {tab === 'status' ? <StatusTab /> : null}
      {tab === 'history' ? <HistoryTab /> : null}
      {tab === 'settings' ? <SettingsTab /> : null}
    </DeskFrame>
  );
}
