import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { UnlockForm } from '../shared/UnlockForm.tsx';
import { EraseWalletButton } from './Settings.tsx';
import { unlockWallet } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

export function Unlock() {
  const t = useT();
  const notice = useWalletStore((s) => s.notice);
  const [forgot, setForgot] = useState(false);

  return (
    <section className="card" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {notice ? <p role="status">{t(notice)}</p> : null}
      <p>{t('unlock.intro')}</p>
      <UnlockForm onUnlock={unlockWallet} />
      <details open={forgot} onToggle={(event) => setForgot(event.currentTarget.open)}>
        <summary>{t('unlock.forgot')}</summary>
        <p>{t('unlock.forgotBody')}</p>
        <EraseWalletButton />
      </details>
    </section>
  );
}
