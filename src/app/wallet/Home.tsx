import { useT } from '../i18n/index.ts';
import { lockWallet, showView } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

export function Home() {
  const t = useT();
  const walletDid = useWalletStore((s) => s.walletDid);
  return (
    <section className="card" aria-labelledby="home-title">
      <div className="title-row">
        <h1 id="home-title">{t('home.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => showView('settings')}>
            {t('home.settings')}
          </button>
          <button type="button" onClick={() => lockWallet()}>
            {t('home.lock')}
          </button>
        </div>
      </div>
      <dl className="facts">
        <dt>{t('home.identity')}</dt>
        <dd>
          <code aria-label={t('home.identity')} className="did">
            {walletDid}
          </code>
          <p className="hint">{t('home.identityHint')}</p>
        </dd>
      </dl>
      <h2>{t('home.credentials')}</h2>
      <p className="empty">{t('home.noCredentials')}</p>
    </section>
  );
}
