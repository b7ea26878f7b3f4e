import { useT, type MessageKey } from '../i18n/index.ts';
import { ROLE_URLS, type Role } from '../router.ts';

/** The desks link each other; the citizen's wallet is an app of its own and links to neither. */
const DESKS = ['issuer', 'verifier'] as const satisfies readonly Role[];
export type Desk = (typeof DESKS)[number];

const LABELS: Record<Desk, MessageKey> = {
  issuer: 'nav.issuer',
  verifier: 'nav.verifier',
};

/** Plain links between the two desk pages (each its own entry point and bundle). */
export function RoleNav({ current }: { current: Desk }) {
  const t = useT();
  return (
    <nav aria-label={t('nav.label')} className="role-nav">
      <ul>
        {DESKS.map((desk) => (
          <li key={desk}>
            <a href={ROLE_URLS[desk]} aria-current={desk === current ? 'page' : undefined}>
              {t(LABELS[desk])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
