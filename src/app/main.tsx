import './zod-jitless.ts';
import { StrictMode, Suspense, lazy, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadCatalogue, translate, useLanguageStore } from './i18n/index.ts';
import type { Role } from './router.ts';
import { watchServiceWorker } from '../platform/browser/service-worker.ts';
import { offerUpdate } from './shared/update-store.ts';
import './styles.css';
import './phone.css';

function Loading() {
  const language = useLanguageStore((s) => s.language);
  return <p role="status">{translate(language, 'app.loading')}</p>;
}

/** A role's root component, as its entry imports it: `() => import('../wallet/WalletRole.tsx')`. */
export type RoleRootImport = () => Promise<{ default: ComponentType }>;

/**
 * Start one role's page. Each entry (src/app/entries/*.tsx) names its role and imports its root
 * lazily, so the page's bundle holds that role's code only. The role's chunk and the reader's
 * language are fetched side by side; the page renders once the words are here (never keys).
 */
export async function startRole(role: Role, importRoot: RoleRootImport): Promise<void> {
  const rootModule = importRoot();
  const RoleRoot = lazy(() => rootModule);
  await loadCatalogue(useLanguageStore.getState().language);
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
