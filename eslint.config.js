// Layer rules from ../shared/DESIGN.md: dependencies point one way.
//   app → core, platform → core, cli → core, server → core (cli may start the server); core imports
//   none of them; roles never import each other.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (group, message) => ({ group, message });

const CORE_WHY =
  'src/core is pure: the same code runs in the browser, in Node tests and in the CLI. It receives storage, crypto and clocks as parameters (ports) instead of importing app, platform, cli, React, zustand or idb.';
const PLATFORM_WHY =
  'src/platform implements core ports for one platform; it must not reach into the UI or the CLI (dependencies point one way: platform → core).';
const CLI_WHY =
  'src/cli is the same core for scripts; it must not import the React app or browser platform code.';
const SERVER_WHY =
  'src/server is `vouch serve`: core plus Node platform code. It never imports the React app, browser platform code or the CLI (the CLI starts the server, so the server importing it would be a cycle).';
const AGENT_WHY =
  "src/agent is `vouch/agent`, a Veramo agent for organisations' Node systems: core plus platform crypto and Node code only. The CLI and the server call it, so it never imports them (a cycle), nor the React app, browser-only platform code, or browser storage.";
const LEDGER_WHY =
  'src/ledger is the evidence ledger (Hypercore, Node only): core plus Node. The CLI and the server call it, so it never imports them (a cycle), nor the React app or browser platform code; and core never imports it (core runs in the browser).';
const ROLE_WHY =
  'Roles (wallet, issuer, verifier) never import each other: share code through src/app/shared or src/core.';
const ENTRY_WHY =
  "Each role is its own entry point (src/app/entries), so it can be served from its own origin and a citizen's wallet bundle holds no desk code: an entry imports its own role only, and the shared shell (App, main, shared, i18n) imports no role at all.";
const FETCH_WHY =
  'The wallet makes no network request the citizen did not ask for (docs/security.md): every fetch goes through fetchAskedByUser in src/app/shared/user-fetch.ts, called from the handler of the button that asked.';
const SW_WHY =
  'The service worker (src/sw) is a worker with no page: it may use core-free pure helpers from src/platform/browser, never the app.';
const roleImports = (roles) =>
  roles.flatMap((role) => [
    `./${role}`,
    `./${role}/**`,
    `../${role}`,
    `../${role}/**`,
    `../../${role}/**`,
    `**/app/${role}/**`,
  ]);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-node/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'walkthrough/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.es2022 },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              [
                '**/app',
                '**/app/**',
                '**/platform',
                '**/platform/**',
                '**/cli',
                '**/cli/**',
                '**/ledger',
                '**/ledger/**',
                'hypercore',
                'hypercore/*',
                'corestore',
              ],
              CORE_WHY,
            ),
            layer(
              ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'idb', 'node:*'],
              CORE_WHY,
            ),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'indexedDB',
          'localStorage',
          'sessionStorage',
          'navigator',
          'Buffer',
          'process',
        ].map((name) => ({ name, message: CORE_WHY })),
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['**/app', '**/app/**', '**/cli', '**/cli/**', 'react', 'zustand'], PLATFORM_WHY),
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['**/app', '**/app/**', '**/platform/browser/**', 'react', 'zustand'], CLI_WHY),
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              [
                '**/app',
                '**/app/**',
                '**/platform/browser',
                '**/platform/browser/**',
                '**/cli',
                '**/cli/**',
                'react',
                'react-dom',
                'react-dom/*',
                'zustand',
                'zustand/*',
                'idb',
              ],
              SERVER_WHY,
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/agent/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              [
                '**/app',
                '**/app/**',
                '**/platform/browser',
                '**/platform/browser/**',
                '**/platform/idb',
                '**/platform/idb/**',
                '**/cli',
                '**/cli/**',
                '**/server',
                '**/server/**',
                'react',
                'react-dom',
                'react-dom/*',
                'zustand',
                'zustand/*',
                'idb',
              ],
              AGENT_WHY,
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ledger/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              [
                '**/app',
                '**/app/**',
                '**/platform/browser',
                '**/platform/browser/**',
                '**/cli',
                '**/cli/**',
                '**/server',
                '**/server/**',
                'react',
                'react-dom',
                'zustand',
                'idb',
              ],
              LEDGER_WHY,
            ),
          ],
        },
      ],
    },
  },
  ...['wallet', 'issuer', 'verifier'].map((role) => ({
    files: [`src/app/${role}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['wallet', 'issuer', 'verifier']
                .filter((other) => other !== role)
                .flatMap((other) => [
                  `../${other}`,
                  `../${other}/**`,
                  `../../${other}/**`,
                  `../../../${other}/**`,
                  `**/app/${other}/**`,
                ]),
              ROLE_WHY,
            ),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/platform/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...['wallet', 'issuer', 'verifier'].map((role) => ({
    files: [`src/app/entries/${role}.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              roleImports(['wallet', 'issuer', 'verifier'].filter((other) => other !== role)),
              ENTRY_WHY,
            ),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/*.{ts,tsx}', 'src/app/shared/**/*.{ts,tsx}', 'src/app/i18n/**/*.ts'],
    ignores: ['src/app/composition.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(roleImports(['wallet', 'issuer', 'verifier']), ENTRY_WHY)] },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/platform/browser/**/*.ts'],
    ignores: ['src/app/shared/user-fetch.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: FETCH_WHY,
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: FETCH_WHY,
        })),
        { object: 'navigator', property: 'sendBeacon', message: FETCH_WHY },
      ],
    },
  },
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['**/app', '**/app/**', '**/cli', '**/cli/**', 'react', 'react-dom', 'zustand'],
              SW_WHY,
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: [
      'src/cli/**/*.ts',
      'src/server/**/*.ts',
      'scripts/**/*.{js,mjs}',
      'bin/**/*.mjs',
      'e2e/**/*.ts',
      '*.config.{js,ts}',
      'src/platform/node/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
