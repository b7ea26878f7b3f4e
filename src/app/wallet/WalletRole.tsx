import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { Connect } from './Connect.tsx';
import { CreateWallet } from './CreateWallet.tsx';
import { CredentialDetail } from './CredentialDetail.tsx';
import { Home } from './Home.tsx';
import { Receive } from './Receive.tsx';
import { RestoreWallet } from './RestoreWallet.tsx';
import { Settings } from './Settings.tsx';
import { Unlock } from './Unlock.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { loadWallet, lockWallet, startOnboarding } from './wallet-actions.ts';
import { useWalletStore, type WalletView } from './wallet-store.ts';
import { pendingOffer, takeOfferFromLocation } from './pending-link.ts';
import { openView } from './credential-actions.ts';

/** The citizen's wallet: onboarding, lock screen, home and settings. */
export default function WalletRole() {
  const t = useT();
  const phase = useWalletStore((s) => s.phase);
  const view = useWalletStore((s) => s.view);
  const failure = useWalletStore((s) => s.failure);
  const autoLockMinutes = useWalletStore((s) => s.autoLockMinutes);
  useIdleLockWhile(phase === 'unlocked', autoLockMinutes, () => lockWallet('home.locked'));

  useEffect(() => {
    takeOfferFromLocation();
    if (useWalletStore.getState().phase === 'loading') void loadWallet();
    // A link followed while the wallet is already open: take the offer and go to receive.
    const onHashChange = () => {
      takeOfferFromLocation();
      if (pendingOffer() && useWalletStore.getState().phase === 'unlocked') openView('receive');
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
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
      return <UnlockedView view={view} />;
  }
}

function UnlockedView({ view }: { view: WalletView }) {
  switch (view) {
    case 'settings':
      return <Settings />;
    case 'connect':
      return <Connect />;
    case 'receive':
      return <Receive />;
    case 'credential':
      return <CredentialDetail />;
    default:
      return <Home />;
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
