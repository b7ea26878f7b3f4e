import { useEffect, useRef } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { DeskGate } from '../shared/DeskGate.tsx';
import { readDeskStart } from '../shared/desk-phase.ts';
import { lazyScreen } from '../shared/lazy-screen.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { verifierVaultStorage } from '../vault-storage.ts';
import { VerifierSetup } from './VerifierSetup.tsx';
import { useVerifierStore } from './verifier-store.ts';

/** The desk locks itself after 15 minutes without activity, like the issuer desk and the wallet. */
const VERIFIER_AUTO_LOCK_MINUTES = 15;

// The first screen is the setup or the lock screen: the desk's code (verifier core, protocol,
// transport, zod) loads when the clerk unlocks or sets up, or when a response came by link (issue 12).
const verifierActions = () => import('./verifier-actions.ts');
const VerifierHome = lazyScreen(() => import('./VerifierHome.tsx'), 'VerifierHome');

const loadVerifier = async () =>
  useVerifierStore.setState(await readDeskStart(verifierVaultStorage()));
const unlockVerifierWith = async (passcode: string) =>
  (await verifierActions()).unlockVerifierWith(passcode);
const lockVerifier = (notice: MessageKey) =>
  void verifierActions().then(({ lockVerifier }) => lockVerifier(notice));

/** A response sent back by link (`/verifier#response=…`, `#…vp_token=…`) leaves the address bar. */
function takeResponseFromLocation(): void {
  if (window.location.hash.length <= 1) return;
  void import('./response-link.ts').then((link) => link.takeResponseFromLocation());
}

if (typeof window !== 'undefined') takeResponseFromLocation();

export default function VerifierDesk() {
  const t = useT();
  const phase = useVerifierStore((s) => s.phase);
  const failure = useVerifierStore((s) => s.failure);
  const notice = useVerifierStore((s) => s.notice);
  useIdleLockWhile(phase === 'unlocked', VERIFIER_AUTO_LOCK_MINUTES, () =>
    lockVerifier('verifier.locked.idle'),
  );
  // Locked (or erased): the application links' lists and any answer on show go with the session.
  const wasUnlocked = useRef(false);
  useEffect(() => {
    if (phase === 'unlocked') wasUnlocked.current = true;
    else if (wasUnlocked.current) {
      wasUnlocked.current = false;
      void import('./applications-actions.ts').then((applications) =>
        applications.resetApplications(),
      );
    }
  }, [phase]);

  useEffect(() => {
    takeResponseFromLocation();
    if (useVerifierStore.getState().phase === 'loading') void loadVerifier();
  }, []);

  return (
    <DeskGate
      phase={phase}
      title={t('verifier.title')}
      failure={failure}
      lockedTitle={t('verifier.locked.title')}
      notice={notice}
      onUnlock={unlockVerifierWith}
      setup={<VerifierSetup />}
      home={<VerifierHome />}
    />
  );
}
