import type { IssuerChange } from '../../core/holder/index.ts';
import { useT } from '../i18n/index.ts';

/**
 * A credential from another issuer than the one its connection is pinned to: refused unless the
 * citizen explicitly trusts the new issuer. Refusing is the default (it has the focus).
 */
export function IssuerChangedWarning({
  change,
  onRefuse,
  onTrust,
}: {
  change: IssuerChange;
  onRefuse: () => void;
  onTrust: () => void;
}) {
  const t = useT();
  return (
    <section className="error-box" role="alert" aria-labelledby="issuer-changed-title">
      <h2 id="issuer-changed-title">{t('receive.issuerChanged.title')}</h2>
      <p>{t('receive.issuerChanged.body', { relationship: change.relationshipName })}</p>
      <dl className="facts">
        <dt>{t('receive.issuerChanged.pinned')}</dt>
        <dd>
          <code className="did">{change.pinnedIssuer}</code>
        </dd>
        <dt>{t('receive.issuerChanged.offered')}</dt>
        <dd>
          <code className="did">{change.offeredIssuer}</code>
          {change.offeredIssuerName ? (
            <span>{t('receive.issuerChanged.statedName', { name: change.offeredIssuerName })}</span>
          ) : null}
        </dd>
      </dl>
      <p>{t('receive.issuerChanged.advice')}</p>
      <div className="actions">
        {/* The safe choice has the focus: Enter refuses. */}
        <button type="button" className="primary" autoFocus onClick={onRefuse}>
          {t('receive.issuerChanged.refuse')}
        </button>
        <button type="button" onClick={onTrust}>
          {t('receive.issuerChanged.trust')}
        </button>
      </div>
    </section>
  );
}
