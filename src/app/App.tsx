import { useEffect, type ReactNode } from 'react';
import { setLanguage, useLanguageStore, useT } from './i18n/index.ts';
import type { Role } from './router.ts';
import { ErrorBoundary } from './shared/ErrorBoundary.tsx';
import { LanguageSwitcher } from './shared/LanguageSwitcher.tsx';
import { RoleNav } from './shared/RoleNav.tsx';
import { UpdatePrompt } from './shared/UpdatePrompt.tsx';

/**
 * The shell every role page shares: top bar (brand, role links, language), the update prompt, and
 * the role's own screens. It imports no role: each entry (src/app/entries) passes its role in.
 */
export function App({ role, children }: { role: Role; children: ReactNode }) {
  const t = useT();
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
        <RoleNav current={role} />
        <LanguageSwitcher />
      </header>
      <UpdatePrompt />
      <main className={`role-${role}`}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </main>
    </div>
  );
}
