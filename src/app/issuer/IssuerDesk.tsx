import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { DeskGate } from '../shared/DeskGate.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { DeskHome } from './DeskHome.tsx';
import { DeskSetup } from './DeskSetup.tsx';
import { loadDesk, lockDesk, unlockDeskWith } from './desk-actions.ts';
import { useDeskStore } from './desk-store.ts';
import './issuer-desk.css';

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

  return (
    <DeskGate
      phase={phase}
      title={t('issuer.title')}
      failure={failure}
      lockedTitle={t('desk.locked.title')}
      notice={notice}
      onUnlock={unlockDeskWith}
      setup={<DeskSetup />}
      home={<DeskHome />}
    />
  );
}
