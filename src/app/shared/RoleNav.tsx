import { useT, type MessageKey } from '../i18n/index.ts';
import { ROLE_URLS, type Role } from '../router.ts';

/** The desks link each other; the citizen's wallet is an app of its own and links to neither. */
const DESKS = ['issuer', 'verifier'] as const satisfies readonly Role[];
export type Desk = (typeof DESKS)[number];

const LABELS: Record<Desk, { full: MessageKey; short: MessageKey }> = {
  issuer: { full: 'nav.issuer', short: 'shell.nav.issuerShort' },
  verifier: { full: 'nav.verifier', short: 'shell.nav.verifierShort' },
};

/**
 * Plain links between the two desk pages (each its own entry point and bundle). On a phone each
 * shows its short label ("Émetteur" for "Guichet émetteur"), so that both fit the bar beside the
 * language menu in every language; the full label stays the link's name (styles.css).
 */
export function RoleNav({ current }: { current: Desk }) {
  const t = useT();
  return (
    <nav aria-label={t('nav.label')} className="role-nav">
      <ul>
        {DESKS.map((desk) => (
          <li key={desk}>
            <a href={ROLE_URLS[desk]} aria-current={desk === current ? 'page' : undefined}>
              <span className="nav-full">{t(LABELS[desk].full)}</span>
              <span className="nav-short" aria-hidden="true">
                {t(LABELS[desk].short)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
