import { ROLE_PATHS, type Role } from '../platform/browser/role-pages.ts';

export { ROLES, type Role } from '../platform/browser/role-pages.ts';

declare const __VOUCH_ROLE_URLS__: Readonly<Record<Role, string>> | undefined;

/**
 * Where the role switcher sends each role: on one origin `/`, `/issuer`, `/verifier`; where the
 * roles are served from origins of their own, the operator sets VOUCH_WALLET_URL,
 * VOUCH_ISSUER_URL and VOUCH_VERIFIER_URL at build time (vite.config.ts). The roles are separate
 * pages, so these are plain links: following one loads the other role's own bundle.
 */
export const ROLE_URLS: Readonly<Record<Role, string>> =
  typeof __VOUCH_ROLE_URLS__ === 'undefined' ? ROLE_PATHS : __VOUCH_ROLE_URLS__;
