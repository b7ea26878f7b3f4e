import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { DeskGate } from '../shared/DeskGate.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
import { resetApplications } from './applications-actions.ts';
import { VerifierHome } from './VerifierHome.tsx';
import { VerifierSetup } from './VerifierSetup.tsx';
import { takeResponseFromLocation } from './response-link.ts';
import { loadVerifier, lockVerifier, unlockVerifierWith } from './verifier-actions.ts';
import { useVerifierStore } from './verifier-store.ts';

/** The desk locks itself after 15 minutes without activity, like the issuer desk and the wallet. */
const VERIFIER_AUTO_LOCK_MINUTES = 15;

// A response sent back by link (`/verifier#response=…`) leaves the address bar before anything else.
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
  useEffect(() => {
    if (phase !== 'unlocked') resetApplications();
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
