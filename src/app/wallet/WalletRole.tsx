import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Benefits } from './benefits/Benefits.tsx';
import { Connect } from './Connect.tsx';
import { CreateWallet } from './CreateWallet.tsx';
import { CredentialDetail } from './CredentialDetail.tsx';
import { History } from './History.tsx';
import { Home } from './Home.tsx';
import { PresentRequest } from './PresentRequest.tsx';
import { Receive } from './Receive.tsx';
import { RestoreWallet } from './RestoreWallet.tsx';
import { Settings } from './Settings.tsx';
import { Unlock } from './Unlock.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { loadWallet, lockWallet, startOnboarding } from './wallet-actions.ts';
import { useWalletStore, type WalletView } from './wallet-store.ts';
import { pendingLink, takeLinkFromLocation } from './pending-link.ts';
import { openView } from './credential-actions.ts';

/** The citizen's wallet: onboarding, lock screen, home and settings. */
export default function WalletRole() {
  const t = useT();
  const phase = useWalletStore((s) => s.phase);
  const view = useWalletStore((s) => s.view);
  const failure = useWalletStore((s) => s.failure);
  const autoLockMinutes = useWalletStore((s) => s.autoLockMinutes);
  useIdleLockWhile(phase === 'unlocked', autoLockMinutes, () => lockWallet('home.locked'));
  // A link followed while its screen is already open remounts the screen, so it takes the link.
  const [linkCount, setLinkCount] = useState(0);

  useEffect(() => {
    takeLinkFromLocation();
    if (useWalletStore.getState().phase === 'loading') void loadWallet();
    // A link followed while the wallet is already open: take it and go to its screen.
    const onHashChange = () => {
      takeLinkFromLocation();
      const link = pendingLink();
      if (!link) return;
      const phase = useWalletStore.getState().phase;
      if (phase === 'unlocked') openView(link.kind === 'offer' ? 'receive' : 'request');
      // The lock screen remounts too, to say what is waiting.
      if (phase === 'unlocked' || phase === 'locked') setLinkCount((count) => count + 1);
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
      return <Unlock key={linkCount} />;
    case 'unlocked':
      return <UnlockedView key={linkCount} view={view} />;
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
    case 'request':
      return <PresentRequest />;
    case 'history':
      return <History />;
    case 'benefits':
      return <Benefits />;
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
