import type { MouseEvent } from 'react';
import { useT, type MessageKey } from '../i18n/index.ts';
import { navigate, ROLE_PATHS, useRole, type Role } from '../router.ts';

const ROLES: ReadonlyArray<[Role, MessageKey]> = [
  ['wallet', 'nav.wallet'],
  ['issuer', 'nav.issuer'],
  ['verifier', 'nav.verifier'],
];

export function RoleNav() {
  const t = useT();
  const current = useRole();
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <nav aria-label={t('nav.label')} className="role-nav">
      <ul>
        {ROLES.map(([role, label]) => (
          <li key={role}>
            <a
              href={ROLE_PATHS[role]}
              aria-current={role === current ? 'page' : undefined}
              onClick={(event) => follow(event, ROLE_PATHS[role])}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
