import { useSyncExternalStore } from 'react';

/** The three roles are deep-linkable: `/` wallet, `/issuer` issuer desk, `/verifier` verifier. */
export type Role = 'wallet' | 'issuer' | 'verifier';

export const ROLE_PATHS: Record<Role, string> = {
  wallet: '/',
  issuer: '/issuer',
  verifier: '/verifier',
};

export function roleFromPath(pathname: string): Role {
  const first = pathname.replace(/\/+$/, '').split('/')[1] ?? '';
  if (first === 'issuer') return 'issuer';
  if (first === 'verifier') return 'verifier';
  return 'wallet';
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (window.location.pathname === path) return;
  window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function useRole(): Role {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return roleFromPath(pathname);
}
