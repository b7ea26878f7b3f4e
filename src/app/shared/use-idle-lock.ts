import { useEffect, useRef } from 'react';
import { createIdleLock } from './idle-lock.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** While `active`, call `onLock` after `minutes` without activity or hidden (wallet and desk). */
export function useIdleLockWhile(active: boolean, minutes: number, onLock: () => void): void {
  const lock = useRef(onLock);
  useEffect(() => {
    lock.current = onLock;
  });
  useEffect(() => {
    if (!active) return undefined;
    const idle = createIdleLock({ timeoutMs: minutes * 60_000, onLock: () => lock.current() });
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
