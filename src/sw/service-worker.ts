/**
 * Vouch's service worker, built into /sw.js by vite.config.ts (which injects the build's file list
 * and version). It precaches every file of the build, so the wallet and the desks open offline
 * after the first visit, and answers navigations with the role's page. A new build waits until a
 * page asks it to take over (the "new version" prompt), so an open tab never loses its chunks
 * unasked.
 */
import { cacheNameFor, isSkipWaiting, routeRequest, staleCaches } from './precache.ts';

declare const self: ServiceWorkerGlobalScope;
/** Injected at build time: every file of this build (absolute paths). */
declare const __VOUCH_PRECACHE__: readonly string[];
/** Injected at build time: a hash of the build. */
declare const __VOUCH_BUILD__: string;

const CACHE = cacheNameFor(__VOUCH_BUILD__);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...__VOUCH_PRECACHE__])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(staleCaches(keys, CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) event.waitUntil(self.skipWaiting());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const route = routeRequest(request, self.location.origin);
  if (route.kind === 'pass') return;
  // Servers may answer with Vary: Origin; module scripts carry an Origin header, the precache did not.
  const cached =
    route.kind === 'page'
      ? caches.open(CACHE).then((cache) => cache.match(route.page, { ignoreVary: true }))
      : caches.match(request, { ignoreVary: true });
  event.respondWith(cached.then((response) => response ?? fetch(request)));
});
