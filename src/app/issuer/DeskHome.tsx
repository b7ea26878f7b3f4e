import { useT, type MessageKey } from '../i18n/index.ts';
import { DeskFrame } from '../shared/DeskFrame.tsx';
import { DeskSettingsTab } from './DeskSettingsTab.tsx';
import { IssuedTab } from './IssuedTab.tsx';
import { IssueTab } from './IssueTab.tsx';
import { RegisterTab } from './RegisterTab.tsx';
import { lockDesk, showTab } from './desk-actions.ts';
import { useDeskStore, type DeskTab } from './desk-store.ts';

const TABS: ReadonlyArray<[DeskTab, MessageKey]> = [
  ['register', 'desk.tab.register'],
  ['issue', 'desk.tab.issue'],
  ['issued', 'desk.tab.issued'],
  ['settings', 'desk.tab.settings'],
];

export function DeskHome() {
  const t = useT();
  const profile = useDeskStore((s) => s.profile);
  const tab = useDeskStore((s) => s.tab);
  return (
    <DeskFrame
      title={profile?.name ?? t('issuer.title')}
      navLabel={t('desk.sections')}
      tabs={TABS}
      current={tab}
      onSelect={(id) => showTab(id)}
      onLock={() => lockDesk()}
    >
      {tab === 'register' ? <RegisterTab /> : null}
      {tab === 'issue' ? <IssueTab /> : null}
      {tab === 'issued' ? <IssuedTab /> : null}
      {tab === 'settings' ? <DeskSettingsTab /> : null}
    </DeskFrame>
  );
}
