/**
 * The three roles are three pages (three Vite entry points), so each can be served from an origin
 * of its own and the citizen's wallet bundle carries no desk code. On one origin (the demo, `npm
 * start`) they live side by side: `/` the wallet, `/issuer` the issuer desk, `/verifier` the
 * verifier desk, and any path below a desk's (`/verifier/…`) opens that desk too.
 *
 * Pure and DOM-free: the build (vite.config.ts), the preview server and the service worker read it.
 */
export type Role = 'wallet' | 'issuer' | 'verifier';

export const ROLES: readonly Role[] = ['wallet', 'issuer', 'verifier'];

/** Where each role opens on a shared origin. */
export const ROLE_PATHS: Readonly<Record<Role, string>> = {
  wallet: '/',
  issuer: '/issuer',
  verifier: '/verifier',
};

/** The built HTML page of each role (also the Vite input name of each entry). */
export const ROLE_PAGES: Readonly<Record<Role, string>> = {
  wallet: '/index.html',
  issuer: '/issuer.html',
  verifier: '/verifier.html',
};

/** The role whose page a path opens: `/issuer`, `/issuer/`, `/issuer/x` → issuer; else the wallet. */
export function roleForPath(pathname: string): Role {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'issuer' || first === 'issuer.html') return 'issuer';
  if (first === 'verifier' || first === 'verifier.html') return 'verifier';
  return 'wallet';
}

/**
 * The page a navigation to `pathname` should be answered with, or null when the path names a file
 * of its own (`/assets/x.js`, `/sw.js`, `/icon.svg`) and must be served as it is.
 */
export function pageForNavigation(pathname: string): string | null {
  const last = pathname.split('/').pop() ?? '';
  if (last.includes('.') && !last.endsWith('.html')) return null;
  return ROLE_PAGES[roleForPath(pathname)];
}
