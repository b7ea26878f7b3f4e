/**
 * Registers the service worker that precaches the built app (see vite.config.ts), so the wallet and
 * the verifier open and work without a connection after the first visit.
 */
export function registerServiceWorker(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(url, { scope: '/' }).catch(() => {
      // Without a service worker the app still works online; nothing to tell the citizen.
    });
  });
}
