import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { UnlockForm } from './UnlockForm.tsx';

export type DeskPhase = 'loading' | 'failed' | 'setup' | 'locked' | 'unlocked';

interface DeskGateProps {
  phase: DeskPhase;
  /** The desk's name, shown above a failure. */
  title: string;
  failure: MessageKey | null;
  lockedTitle: string;
  /** Shown once on the lock screen (e.g. "locked after inactivity"). */
  notice: MessageKey | null;
  onUnlock: (passcode: string) => Promise<MessageKey | null>;
  setup: ReactNode;
  home: ReactNode;
}

/** The phases every desk (issuer, verifier) goes through: loading, failed, setup, locked, open. */
export function DeskGate(props: DeskGateProps) {
  const { phase, title, failure, lockedTitle, notice, onUnlock, setup, home } = props;
  const t = useT();
  switch (phase) {
    case 'loading':
      return <p role="status">{t('app.loading')}</p>;
    case 'failed':
      return (
        <section className="card" role="alert">
          <h1>{title}</h1>
          <p>{t(failure ?? 'error.unexpected')}</p>
        </section>
      );
    case 'setup':
      return <>{setup}</>;
    case 'locked':
      return (
        <section className="card" aria-labelledby="desk-unlock-title">
          <h1 id="desk-unlock-title">{lockedTitle}</h1>
          {notice ? <p role="status">{t(notice)}</p> : null}
          <UnlockForm onUnlock={onUnlock} />
        </section>
      );
    case 'unlocked':
      return <>{home}</>;
  }
}
