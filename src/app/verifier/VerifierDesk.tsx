import { useT } from '../i18n/index.ts';

export default function VerifierDesk() {
  const t = useT();
  return (
    <section className="card">
      <h1>{t('verifier.title')}</h1>
      <p>{t('verifier.empty')}</p>
    </section>
  );
}
