import { useT } from '../i18n/index.ts';

export default function IssuerDesk() {
  const t = useT();
  return (
    <section className="card">
      <h1>{t('issuer.title')}</h1>
      <p>{t('issuer.empty')}</p>
    </section>
  );
}
