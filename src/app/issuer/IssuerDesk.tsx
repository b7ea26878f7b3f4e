import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { DeskGate } from '../shared/DeskGate.tsx';
import { readDeskStart } from '../shared/desk-phase.ts';
import { lazyScreen } from '../shared/lazy-screen.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import type { MessageKey } from '../i18n/index.ts';
import { deskVaultStorage } from '../vault-storage.ts';
import { DeskSetup } from './DeskSetup.tsx';
import { takeCopiesLinkFromLocation } from './copies-link.ts';
import { useDeskStore } from './desk-store.ts';
import './issuer-desk.css';

/** The desk locks itself after 15 minutes without activity, like the wallet. */
const DESK_AUTO_LOCK_MINUTES = 15;

// The first screen is the setup or the lock screen: the desk's code (issuer core, signing, zod)
// loads when the clerk unlocks or sets up (issue 12).
const deskActions = () => import('./desk-actions.ts');
const DeskHome = lazyScreen(() => import('./DeskHome.tsx'), 'DeskHome');

const loadDesk = async () => useDeskStore.setState(await readDeskStart(deskVaultStorage()));
const unlockDeskWith = async (passcode: string) => (await deskActions()).unlockDeskWith(passcode);
const lockDesk = (notice: MessageKey) =>
  void deskActions().then(({ lockDesk }) => lockDesk(notice));

// A copies request sent as a link leaves the address bar at once; the Register tab reads it.
if (typeof window !== 'undefined') takeCopiesLinkFromLocation();

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
