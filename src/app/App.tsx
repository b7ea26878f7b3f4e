import { lazy, Suspense, useEffect } from 'react';
import { setLanguage, useLanguageStore, useT } from './i18n/index.ts';
import { useRole } from './router.ts';
import { ErrorBoundary } from './shared/ErrorBoundary.tsx';
import { LanguageSwitcher } from './shared/LanguageSwitcher.tsx';
import { RoleNav } from './shared/RoleNav.tsx';

// Each role is its own chunk: a citizen's phone loads only the wallet.
const WalletRole = lazy(() => import('./wallet/WalletRole.tsx'));
const IssuerDesk = lazy(() => import('./issuer/IssuerDesk.tsx'));
const VerifierDesk = lazy(() => import('./verifier/VerifierDesk.tsx'));

export function App() {
  const t = useT();
  const role = useRole();
  const language = useLanguageStore((s) => s.language);
  useEffect(() => setLanguage(language), [language]);
  useEffect(() => {
    document.title = `${t('app.name')} · ${t(`nav.${role}`)}`;
  }, [role, t]);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          {t('app.name')}
        </span>
        <RoleNav />
        <LanguageSwitcher />
      </header>
      <main className={`role-${role}`}>
        <ErrorBoundary key={role}>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            {role === 'wallet' ? (
              <WalletRole />
            ) : role === 'issuer' ? (
              <IssuerDesk />
            ) : (
              <VerifierDesk />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
