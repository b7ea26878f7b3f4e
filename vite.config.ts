import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Connect, type Plugin } from 'vite';
import {
  browserSecurityHeaders,
  connectAllowList,
  contentSecurityPolicy,
  DEFAULT_CONNECT_SRC,
} from './src/platform/browser/security-policy.ts';
import { ROLE_PAGES, ROLE_PATHS, ROLES, roleForPath } from './src/platform/browser/role-pages.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The origins beyond 'self' that pages may fetch from, only ever on the citizen's or the clerk's
 * request (see docs/security.md). An operator sets VOUCH_CONNECT_SRC (space-separated https
 * origins, or `https:` for a wallet that answers any verifier) at build time; the default allows
 * the status-list host the demo's issuer desk proposes and a `vouch serve` on this machine.
 */
const connectSrc = connectAllowList(process.env.VOUCH_CONNECT_SRC ?? DEFAULT_CONNECT_SRC);

/**
 * The header policy, for `vite preview` (what `npm start` runs). The same policy goes into each
 * page as a meta tag, less frame-ancestors, which a meta tag cannot carry.
 */
const securityHeaders = browserSecurityHeaders(connectSrc);

/** Where the role links point when the roles are served from origins of their own. */
const roleUrls = {
  wallet: process.env.VOUCH_WALLET_URL ?? ROLE_PATHS.wallet,
  issuer: process.env.VOUCH_ISSUER_URL ?? ROLE_PATHS.issuer,
  verifier: process.env.VOUCH_VERIFIER_URL ?? ROLE_PATHS.verifier,
};

/** Every page carries the policy itself too, so a static host without headers still enforces it. */
function securityMetaTags(): Plugin {
  return {
    name: 'vouch-security-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error('A page lacks <meta charset="UTF-8" />');
        const policy = contentSecurityPolicy({ connectSrc, delivery: 'meta' });
        // Right after the charset, before any script, style or link the policy must cover.
        return html.replace(
          charset,
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />` +
            `\n    <meta name="referrer" content="no-referrer" />`,
        );
      },
    },
  };
}

/**
 * On one origin the three role pages sit side by side: `/issuer` and anything below it opens
 * issuer.html, `/verifier…` verifier.html (Vite's own fallback would send `/verifier/` and deeper
 * paths to the wallet). In `vite` (dev) and `vite preview` alike.
 */
function rolePageRoutes(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const accept = req.headers.accept ?? '';
    if ((req.method === 'GET' || req.method === 'HEAD') && accept.includes('text/html')) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const role = roleForPath(url.pathname);
      const last = url.pathname.split('/').pop() ?? '';
      if (role !== 'wallet' && !last.includes('.')) req.url = `${ROLE_PAGES[role]}${url.search}`;
    }
    next();
  };
  return {
    name: 'vouch-role-pages',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Emits /sw.js from src/sw/service-worker.ts (typed, linted source), bundled on its own as one
 * classic script, with the list of this build's files and a version injected at build time. The
 * cache is named after a hash of the build, so a new build installs beside the old one; the page
 * offers a reload that lets it take over (src/platform/browser/service-worker.ts).
 */
function serviceWorker(): Plugin {
  return {
    name: 'vouch-service-worker',
    apply: 'build',
    // After Vite's own HTML plugin, so the role pages are in the bundle to be precached.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && !name.startsWith('.vite/'))
        .map((name) => `/${name}`)
        .sort();
      const missing = ROLES.map((role) => ROLE_PAGES[role]).filter((page) => !files.includes(page));
      if (missing.length)
        throw new Error(`Role pages missing from the build: ${missing.join(', ')}`);
      // public/ (manifests, icons) is copied beside the bundle, not part of it: list it too.
      const publicFiles = readdirSync(`${root}public`, { withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => `/${entry.name}`)
        .sort();
      const precache = [...publicFiles, ...files];
      const version = createHash('sha256')
        .update(precache.join('\n'))
        .update(
          Object.values(bundle)
            .map((item) => (item.type === 'chunk' ? item.code : String(item.source)))
            .join('\n'),
        )
        .digest('hex')
        .slice(0, 16);
      const output = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __VOUCH_PRECACHE__: JSON.stringify(precache),
          __VOUCH_BUILD__: JSON.stringify(version),
        },
        build: {
          write: false,
          target: 'es2022',
          sourcemap: false,
          minify: true,
          emptyOutDir: false,
          copyPublicDir: false,
          rollupOptions: {
            input: 'src/sw/service-worker.ts',
            output: { format: 'iife', entryFileNames: 'sw.js' },
          },
        },
      });
      const outputs = Array.isArray(output) ? output : [output];
      const chunk = outputs
        .flatMap((result) => ('output' in result ? result.output : []))
        .find((item) => item.type === 'chunk' && item.isEntry);
      if (!chunk || chunk.type !== 'chunk') throw new Error('The service worker did not build');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `// Vouch build ${version}: src/sw/service-worker.ts\n${chunk.code}`,
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), securityMetaTags(), rolePageRoutes(), serviceWorker()],
  define: {
    __VOUCH_CONNECT_SRC__: JSON.stringify(connectSrc),
    __VOUCH_ROLE_URLS__: JSON.stringify(roleUrls),
    // The registration authorities whose certificates name a verifier (docs/ux.md §Consent).
    __VOUCH_VERIFIER_AUTHORITIES__: JSON.stringify(process.env.VOUCH_VERIFIER_AUTHORITIES ?? ''),
  },
  build: {
    target: 'es2022',
    // No source maps in production: they would hand out the whole source, comments included.
    sourcemap: false,
    rollupOptions: {
      // One entry per role, so each can be served from its own origin: the citizen's wallet
      // bundle holds no desk code (src/app/entries/entries.build.test.ts proves it).
      input: Object.fromEntries(
        ROLES.map((role) => [
          role,
          fileURLToPath(new URL(`.${ROLE_PAGES[role]}`, import.meta.url)),
        ]),
      ),
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: securityHeaders,
  },
});
