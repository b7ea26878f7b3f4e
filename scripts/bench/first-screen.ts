/**
 * `npm run bench -- first-screen` (issue 12, goal 1): what each route loads before the reader does
 * anything, gzipped (scripts/first-screen-size.ts), against the 150 KB goal and against react +
 * react-dom built alone in the same run; then, in Debian's Chromium against `vite preview` of the
 * same build, Lighthouse's mobile performance score of each route and the PWA's installability
 * (Page.getInstallabilityErrors). Without Chromium or Lighthouse those rows are skipped, saying so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type Rolldown } from 'vite';
import { FIRST_SCREEN_BUDGET_BYTES, firstScreens, gzipSize } from '../first-screen-size.ts';
import { ROLE_PATHS, ROLES } from '../../src/platform/browser/role-pages.ts';
import type { BenchRow, BenchSectionRunner } from './types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4304;
const KB = 1000;

type Output = Rolldown.OutputChunk | Rolldown.OutputAsset;

const outputsOf = (result: Awaited<ReturnType<typeof build>>): Output[] =>
  (Array.isArray(result) ? result : [result]).flatMap((item) =>
    'output' in item ? (item.output as Output[]) : [],
  );

/** Build what ships (NODE_ENV=production, as `vite build` sets it). */
async function productionBuild(options: Parameters<typeof build>[0]) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build({ mode: 'production', logLevel: 'silent', ...options });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The baseline: react and react-dom/client alone, rendering one element, minified and gzipped. */
async function reactAloneGzipBytes(): Promise<number> {
  const id = 'virtual:react-alone';
  const result = await productionBuild({
    configFile: false,
    root,
    build: { write: false, rollupOptions: { input: id } },
    plugins: [
      {
        name: 'react-alone',
        resolveId: (source) => (source === id ? `\0${id}` : null),
        load: (loaded) =>
          loaded === `\0${id}`
            ? "import { createElement } from 'react'; import { createRoot } from 'react-dom/client';" +
              "createRoot(document.body).render(createElement('p', null, 'x'));"
            : null,
      },
    ],
  });
  return outputsOf(result)
    .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk')
    .reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
}

/** Lighthouse (mobile, performance) of each route and the installability of each manifest. */
async function browserRows(outDir: string, notes: string[]): Promise<BenchRow[]> {
  if (!existsSync(chromiumPath)) {
    notes.push(`Lighthouse and installability skipped: no Chromium at ${chromiumPath}.`);
    return [];
  }
  const server = await preview({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  });
  const rows: BenchRow[] = [];
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const { chromium } = await import('@playwright/test');
    // A profile on disk: Chromium does not install from an incognito (throwaway) context.
    const profile = mkdtempSync(join(tmpdir(), 'vouch-first-screen-profile-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--remote-debugging-port=9334'],
    });
    try {
      for (const role of ROLES) {
        const page = await browser.newPage();
        await page.goto(`${base}${ROLE_PATHS[role]}`, { waitUntil: 'networkidle' });
        const cdp = await browser.newCDPSession(page);
        const { installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors');
        rows.push({
          name: `${ROLE_PATHS[role]}: installability errors (Chromium, Page.getInstallabilityErrors)`,
          value: errors.length,
          unit: 'errors',
          goal: '0',
          pass: errors.length === 0,
        });
        if (errors.length) notes.push(`${role}: ${errors.map((e) => e.errorId).join(', ')}`);
        await page.close();
      }
      const { default: lighthouse } = await import('lighthouse');
      for (const role of ROLES) {
        const result = await lighthouse(`${base}${ROLE_PATHS[role]}`, {
          port: 9334,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          formFactor: 'mobile',
        });
        const score = Math.round((result?.lhr.categories.performance?.score ?? 0) * 100);
        const tbt = result?.lhr.audits['total-blocking-time']?.numericValue ?? NaN;
        rows.push({
          name: `${ROLE_PATHS[role]}: Lighthouse mobile performance (TBT ${Math.round(tbt)} ms)`,
          value: score,
          unit: 'score',
          goal: '≥ 90',
          pass: score >= 90,
        });
      }
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
  return rows;
}

export const run: BenchSectionRunner = async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'vouch-first-screen-'));
  const notes: string[] = [
    'First screen: the JS each page references (entry, modulepreload), its role root and the catalogue of its language, gzip at zlib’s default level.',
  ];
  try {
    const outputs = outputsOf(
      await productionBuild({
        root,
        configFile: `${root}vite.config.ts`,
        build: { outDir, emptyOutDir: true },
      }),
    );
    const react = await reactAloneGzipBytes();
    const rows: BenchRow[] = [
      { name: 'react + react-dom alone (baseline)', value: react / KB, unit: 'KB gzip', ratio: 1 },
    ];
    for (const language of ['en', 'nl'] as const) {
      for (const screen of firstScreens(outputs, { root, language })) {
        rows.push({
          name: `${ROLE_PATHS[screen.role]} first screen (${language}, ${screen.files.length} files)`,
          value: Math.round(screen.gzipBytes / 100) / 10,
          unit: 'KB gzip',
          ratio: Math.round((screen.gzipBytes / react) * 100) / 100,
          goal: `≤ 150 KB (${Math.round((screen.gzipBytes / FIRST_SCREEN_BUDGET_BYTES) * 100)}% of it)`,
          pass: screen.gzipBytes <= FIRST_SCREEN_BUDGET_BYTES,
        });
      }
    }
    rows.push(...(await browserRows(outDir, notes)));
    return {
      id: 'first-screen',
      title: 'First screen: gzipped JS per route, Lighthouse, installability',
      baseline: 'react + react-dom built alone, same run',
      rows,
      notes,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};
