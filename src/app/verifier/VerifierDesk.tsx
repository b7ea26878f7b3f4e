import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';
import { UnlockForm } from '../shared/UnlockForm.tsx';
import { useIdleLockWhile } from '../shared/use-idle-lock.ts';
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

  useEffect(() => {
    takeResponseFromLocation();
    if (useVerifierStore.getState().phase === 'loading') void loadVerifier();
  }, []);

  switch (phase) {
    case 'loading':
      return <p role="status">{t('app.loading')}</p>;
    case 'failed':
      return (
        <section className="card" role="alert">
          <h1>{t('verifier.title')}</h1>
          <p>{t(failure ?? 'error.unexpected')}</p>
        </section>
      );
    case 'setup':
      return <VerifierSetup />;
    case 'locked':
      return (
        <section className="card" aria-labelledby="verifier-unlock-title">
          <h1 id="verifier-unlock-title">{t('verifier.locked.title')}</h1>
          {notice ? <p role="status">{t(notice)}</p> : null}
          <UnlockForm onUnlock={unlockVerifierWith} />
        </section>
      );
    case 'unlocked':
      return <VerifierHome />;
  }
}
