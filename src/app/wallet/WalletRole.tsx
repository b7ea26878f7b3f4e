import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { CreateWallet } from './CreateWallet.tsx';
import { Home } from './Home.tsx';
import { RestoreWallet } from './RestoreWallet.tsx';
import { Settings } from './Settings.tsx';
import { Unlock } from './Unlock.tsx';
import { useAutoLock } from './use-auto-lock.ts';
import { loadWallet, startOnboarding } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

/** The citizen's wallet: onboarding, lock screen, home and settings. */
export default function WalletRole() {
  const t = useT();
  const phase = useWalletStore((s) => s.phase);
  const view = useWalletStore((s) => s.view);
  const failure = useWalletStore((s) => s.failure);
  const autoLockMinutes = useWalletStore((s) => s.autoLockMinutes);
  useAutoLock(phase === 'unlocked', autoLockMinutes);

  useEffect(() => {
    if (useWalletStore.getState().phase === 'loading') void loadWallet();
  }, []);

  switch (phase) {
    case 'loading':
      return <p role="status">{t('app.loading')}</p>;
    case 'failed':
      return (
        <section className="card" role="alert">
          <h1>{t('app.crashed.title')}</h1>
          <p>{t(failure ?? 'error.unexpected')}</p>
        </section>
      );
    case 'welcome':
      return <Welcome />;
    case 'create':
      return <CreateWallet />;
    case 'restore':
      return <RestoreWallet />;
    case 'locked':
      return <Unlock />;
    case 'unlocked':
      return view === 'settings' ? <Settings /> : <Home />;
  }
}

function Welcome() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p>{t('welcome.body')}</p>
      <div className="actions stacked">
        <button type="button" className="primary" onClick={() => startOnboarding('create')}>
          {t('welcome.create')}
        </button>
        <button type="button" onClick={() => startOnboarding('restore')}>
          {t('welcome.restore')}
        </button>
      </div>
    </section>
  );
}
