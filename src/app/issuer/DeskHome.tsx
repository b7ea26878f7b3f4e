import { useT, type MessageKey } from '../i18n/index.ts';
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
    <section className="card desk" aria-labelledby="desk-title">
      <div className="title-row">
        <h1 id="desk-title">{profile?.name ?? t('issuer.title')}</h1>
        <button type="button" onClick={() => lockDesk()}>
          {t('home.lock')}
        </button>
      </div>
      <nav aria-label={t('desk.sections')} className="tabs">
        <ul>
          {TABS.map(([id, label]) => (
            <li key={id}>
              <button
                type="button"
                aria-current={tab === id ? 'page' : undefined}
                onClick={() => showTab(id)}
              >
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'register' ? <RegisterTab /> : null}
      {tab === 'issue' ? <IssueTab /> : null}
      {tab === 'issued' ? <IssuedTab /> : null}
      {tab === 'settings' ? <DeskSettingsTab /> : null}
    </section>
  );
}
