/**
 * Registers the service worker that precaches the built app (src/sw/service-worker.ts), so every
 * role opens and works without a connection after the first visit, and tells the page when a new
 * version is installed and waiting, so the citizen can take it with one "Reload" instead of
 * closing every tab.
 */

/** The message the worker waits for before it takes over (src/sw/precache.ts). */
export const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' } as const;

/** What this module needs of `navigator.serviceWorker` (a fake in tests). */
export type WorkerContainer = Pick<
  ServiceWorkerContainer,
  'register' | 'controller' | 'addEventListener'
>;

export interface WatchOptions {
  url: string;
  container: WorkerContainer;
  /** Reload the page (window.location.reload in the browser). */
  reload: () => void;
  /** A new version is waiting; `apply` lets it take over and reloads this page. */
  onUpdateReady: (apply: () => void) => void;
  /** When to look for a new version besides navigations; default: when the page becomes visible. */
  onRecheck?: (check: () => void) => void;
}

/** Resolves once registration has been tried; never rejects (offline support is a bonus). */
export async function watchServiceWorker(options: WatchOptions): Promise<void> {
  const { container, reload, onUpdateReady } = options;
  // The first install also changes the controller (clients.claim): reload only when a worker
  // already controlled this page, i.e. when an update took over.
  let controlled = Boolean(container.controller);
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloading) return;
    reloading = true;
    reload();
  });

  let registration: ServiceWorkerRegistration;
  try {
    registration = await options.container.register(options.url, { scope: '/' });
  } catch {
    // Without a service worker the app still works online; nothing to tell the citizen.
    return;
  }

  let offered: ServiceWorker | null = null;
  const offerIfWaiting = () => {
    const waiting = registration.waiting;
    if (!waiting || !container.controller || waiting === offered) return;
    offered = waiting;
    onUpdateReady(() => waiting.postMessage(SKIP_WAITING_MESSAGE));
  };

  offerIfWaiting();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerIfWaiting();
    });
  });

  const recheck = options.onRecheck ?? onPageVisible;
  recheck(() => {
    registration.update().then(offerIfWaiting, () => {
      // Offline, or the server is down: look again next time.
    });
  });
}

function onPageVisible(check: () => void): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
