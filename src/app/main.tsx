import './zod-jitless.ts';
import { StrictMode, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { translate, useLanguageStore } from './i18n/index.ts';
import type { Role } from './router.ts';
import { watchServiceWorker } from '../platform/browser/service-worker.ts';
import { offerUpdate } from './shared/update-store.ts';
import './styles.css';
import './phone.css';

function Loading() {
  const language = useLanguageStore((s) => s.language);
  return <p role="status">{translate(language, 'app.loading')}</p>;
}

/**
 * Start one role's page. Each entry (src/app/entries/*.tsx) names its role and lazily imports its
 * root, so the shell paints first and the page's bundle holds that role's code only.
 */
export function startRole(role: Role, RoleRoot: LazyExoticComponent<ComponentType>): void {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App role={role}>
          <Suspense fallback={<Loading />}>
            <RoleRoot />
          </Suspense>
        </App>
      </StrictMode>,
    );
  }
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // After the first paint and the role's chunk: precaching the whole build must not delay them.
    const watch = () =>
      void watchServiceWorker({
        url: '/sw.js',
        container: navigator.serviceWorker,
        reload: () => window.location.reload(),
        onUpdateReady: offerUpdate,
      });
    if (document.readyState === 'complete') watch();
    else window.addEventListener('load', watch, { once: true });
  }
}
