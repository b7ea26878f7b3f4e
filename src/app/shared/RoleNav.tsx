import { useT, type MessageKey } from '../i18n/index.ts';
import { ROLE_URLS, ROLES, type Role } from '../router.ts';

const LABELS: Record<Role, MessageKey> = {
  wallet: 'nav.wallet',
  issuer: 'nav.issuer',
  verifier: 'nav.verifier',
};

/** Plain links between the three role pages (each its own entry point and bundle). */
export function RoleNav({ current }: { current: Role }) {
  const t = useT();
  return (
    <nav aria-label={t('nav.label')} className="role-nav">
      <ul>
        {ROLES.map((role) => (
          <li key={role}>
            <a href={ROLE_URLS[role]} aria-current={role === current ? 'page' : undefined}>
              {t(LABELS[role])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
