import { useEffect, type ReactNode } from 'react';
import { setLanguage, useLanguageStore, useT } from './i18n/index.ts';
import type { Role } from './router.ts';
import { ErrorBoundary } from './shared/ErrorBoundary.tsx';
import { LanguageSwitcher } from './shared/LanguageSwitcher.tsx';
import { RoleNav } from './shared/RoleNav.tsx';
import { UpdatePrompt } from './shared/UpdatePrompt.tsx';

/**
 * The shell every role page shares: a compact top bar, the update prompt, and the role's own
 * screens. The wallet's bar holds the brand and the language menu only (the citizen's app links to
 * no desk); a desk's bar also links the two desks. It imports no role: each entry
 * (src/app/entries) passes its role in.
 */
export function App({ role, children }: { role: Role; children: ReactNode }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  useEffect(() => setLanguage(language), [language]);
  useEffect(() => {
    document.title = role === 'wallet' ? t('app.name') : `${t('app.name')} · ${t(`nav.${role}`)}`;
  }, [role, t]);

  return (
    <div className={`shell shell-${role}`}>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          {t('app.name')}
        </span>
        {role === 'wallet' ? null : <RoleNav current={role} />}
        <LanguageSwitcher />
      </header>
      <UpdatePrompt />
      <main className={`role-${role}`}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </main>
    </div>
  );
}
