import { useEffect, useState } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { UnlockForm } from '../shared/UnlockForm.tsx';
import { pendingLink, type PendingKind } from './pending-link.ts';
import { lazyScreen } from '../shared/lazy-screen.tsx';
import { unlockWallet, unlockWalletWithDevice, walletHasDeviceUnlock } from './wallet-actions.ts';
import { useWalletStore } from './wallet-store.ts';

// Settings' code loads when the citizen opens "Forgot your passcode?" (issue 12).
const EraseWalletButton = lazyScreen(() => import('./Settings.tsx'), 'EraseWalletButton');

export function Unlock() {
  const t = useT();
  const notice = useWalletStore((s) => s.notice);
  const kind = useWalletStore((s) => s.passcodeKind);
  const [forgot, setForgot] = useState(false);
  // Read at mount: WalletRole remounts this screen when a link arrives while it is shown. The
  // decoder loads only when a link is there (issue 12).
  const [waiting, setWaiting] = useState<PendingKind | null>(null);
  useEffect(() => {
    if (!pendingLink()) return;
    let live = true;
    void import('./pending-link-kind.ts').then(({ waitingLinkKind }) => {
      if (live) setWaiting(waitingLinkKind());
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="card" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('unlock.title')}</h1>
      {waiting ? (
        <p role="status" className="waiting">
          {t(waiting === 'offer' ? 'shell.waiting.offer' : 'shell.waiting.request')}
        </p>
      ) : null}
      {notice ? <p role="status">{t(notice)}</p> : null}
      <p>{t(kind === 'digits' ? 'shell.unlock.introPin' : 'unlock.intro')}</p>
      <DeviceUnlockButton />
      <UnlockForm onUnlock={unlockWallet} kind={kind} />
      <details open={forgot} onToggle={(event) => setForgot(event.currentTarget.open)}>
        <summary>{t(kind === 'digits' ? 'shell.unlock.forgotPin' : 'unlock.forgot')}</summary>
        <p>{t('unlock.forgotBody')}</p>
        {forgot ? <EraseWalletButton /> : null}
      </details>
    </section>
  );
}

/** Offered only when the vault holds a device (WebAuthn PRF) wrap; the passcode form stays below. */
function DeviceUnlockButton() {
  const t = useT();
  const [offered, setOffered] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => {
    let live = true;
    void walletHasDeviceUnlock().then((value) => live && setOffered(value));
    return () => {
      live = false;
    };
  }, []);

  if (!offered) return null;
  const unlock = async () => {
    setBusy(true);
    setProblem(null);
    const outcome = await unlockWalletWithDevice();
    setBusy(false);
    setProblem(outcome);
  };
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={() => void unlock()} disabled={busy}>
        {t('unlock.device')}
      </button>
      {busy ? <p role="status">{t('unlock.deviceWorking')}</p> : null}
      {problem ? <p role="alert">{t(problem)}</p> : null}
    </div>
  );
}
