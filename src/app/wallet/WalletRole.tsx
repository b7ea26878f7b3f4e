import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { lazyScreen } from '../shared/lazy-screen.tsx';
import { Unlock } from './Unlock.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { loadWallet, lockWallet, startOnboarding } from './wallet-actions.ts';
import { useWalletStore, type WalletView } from './wallet-store.ts';
import { pendingLink, takeLinkFromLocation } from './pending-link.ts';

// The first screen is the welcome or the lock screen: onboarding and everything behind the lock
// (rules, transport, zod, noble) load when first shown (issue 12).
const Benefits = lazyScreen(() => import('./benefits/Benefits.tsx'), 'Benefits');
const Connect = lazyScreen(() => import('./Connect.tsx'), 'Connect');
const CreateWallet = lazyScreen(() => import('./CreateWallet.tsx'), 'CreateWallet');
const CredentialDetail = lazyScreen(() => import('./CredentialDetail.tsx'), 'CredentialDetail');
const History = lazyScreen(() => import('./History.tsx'), 'History');
const Home = lazyScreen(() => import('./Home.tsx'), 'Home');
const PresentRequest = lazyScreen(() => import('./PresentRequest.tsx'), 'PresentRequest');
const Receive = lazyScreen(() => import('./Receive.tsx'), 'Receive');
const RestoreWallet = lazyScreen(() => import('./RestoreWallet.tsx'), 'RestoreWallet');
const Settings = lazyScreen(() => import('./Settings.tsx'), 'Settings');

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
      if (phase === 'unlocked') {
        const view = link.kind === 'offer' ? 'receive' : 'request';
        void import('./credential-actions.ts').then(({ openView }) => openView(view));
      }
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
