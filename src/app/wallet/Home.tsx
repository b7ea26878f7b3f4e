import { useT } from '../i18n/index.ts';
import { ChangeCards } from './benefits/ChangeCards.tsx';
import { BackupNotice } from './BackupNotice.tsx';
import { openView } from './credential-actions.ts';
import { CredentialList } from './CredentialList.tsx';
import { IncomeChart } from './IncomeChart.tsx';
import { lockWallet } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

export function Home() {
  const t = useT();
  const walletDid = useWalletStore((s) => s.walletDid);
  const credentials = useWalletStore((s) => s.credentials);
  return (
    <section className="card" aria-labelledby="home-title">
      <div className="title-row">
        <h1 id="home-title">{t('home.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => openView('settings')}>
            {t('home.settings')}
          </button>
          <button type="button" onClick={() => lockWallet()}>
            {t('home.lock')}
          </button>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => openView('receive')}>
          {t('home.receive')}
        </button>
        <button type="button" className="primary" onClick={() => openView('request')}>
          {t('present.start')}
        </button>
        <button type="button" onClick={() => openView('benefits')}>
          {t('benefits.open')}
        </button>
        <button type="button" onClick={() => openView('connect')}>
          {t('home.connect')}
        </button>
        <button type="button" onClick={() => openView('history')}>
          {t('history.title')}
        </button>
      </div>
      <BackupNotice />
      <ChangeCards />
      <h2>{t('home.credentials')}</h2>
      <IncomeChart credentials={credentials} />
      <CredentialList credentials={credentials} />
      <details className="identity technical">
        <summary>{t('cards.tech.title')}</summary>
        <p className="tech-label">{t('home.identity')}</p>
        <code aria-label={t('home.identity')} className="did">
          {walletDid}
        </code>
        <p className="hint">{t('home.identityHint')}</p>
      </details>
    </section>
  );
}
