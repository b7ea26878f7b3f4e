import { useEffect } from 'react';
import { createIdleLock } from '../shared/idle-lock.ts';
import { lockWallet } from './wallet-actions.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** While the wallet is unlocked, lock it after `minutes` idle or hidden. */
export function useAutoLock(active: boolean, minutes: number): void {
  useEffect(() => {
    if (!active) return undefined;
    const idle = createIdleLock({
      timeoutMs: minutes * 60_000,
      onLock: () => lockWallet('home.locked'),
    });
    const onActivity = () => idle.activity();
    const onVisibility = () =>
      document.visibilityState === 'hidden' ? idle.hidden() : idle.visible();
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      idle.stop();
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, minutes]);
}
