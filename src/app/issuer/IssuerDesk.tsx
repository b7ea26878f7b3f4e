import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { UnlockForm } from '../shared/UnlockForm.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { DeskHome } from './DeskHome.tsx';
import { DeskSetup } from './DeskSetup.tsx';
import { loadDesk, lockDesk, unlockDeskWith } from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';

/** The desk locks itself after 15 minutes without activity, like the wallet. */
const DESK_AUTO_LOCK_MINUTES = 15;

export default function IssuerDesk() {
  const t = useT();
  const phase = useDeskStore((s) => s.phase);
  const failure = useDeskStore((s) => s.failure);
  const notice = useDeskStore((s) => s.notice);
  useIdleLockWhile(phase === 'unlocked', DESK_AUTO_LOCK_MINUTES, () => lockDesk('home.locked'));

  useEffect(() => {
    if (useDeskStore.getState().phase === 'loading') void loadDesk();
  }, []);

  switch (phase) {
    case 'loading':
      return <p role="status">{t('app.loading')}</p>;
    case 'failed':
      return (
        <section className="card" role="alert">
          <h1>{t('issuer.title')}</h1>
          <p>{t(failure ?? 'error.unexpected')}</p>
        </section>
      );
    case 'setup':
      return <DeskSetup />;
    case 'locked':
      return (
        <section className="card" aria-labelledby="desk-unlock-title">
          <h1 id="desk-unlock-title">{t('desk.locked.title')}</h1>
          {notice ? <p role="status">{t(notice)}</p> : null}
          <UnlockForm onUnlock={unlockDeskWith} />
        </section>
      );
    case 'unlocked':
      return <DeskHome />;
  }
}
