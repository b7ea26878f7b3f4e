/**
 * The three roles are three entry points (issue 8, item 2): each can be served from an origin of
 * its own, and a page loads only its own role's code. This builds the app (in memory) and walks
 * every chunk each entry can ever load — static imports and lazy ones — down to the modules in it.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_BUDGET_BYTES, firstScreenOf } from '../../../scripts/first-screen-size.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Chunk = Rolldown.OutputChunk;
let chunks: Map<string, Chunk>;
let assets: string[];
let sources: Map<string, string>;
let outputs: Array<Rolldown.OutputChunk | Rolldown.OutputAsset>;

/**
 * The source modules (relative to the repository) in every chunk the entry may load; with
 * `initialOnly`, only in the chunks its page loads at once (static imports, no `import()`).
 */
function modulesReachableFrom(
  entryName: string,
  options: { initialOnly?: boolean } = {},
): string[] {
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === entryName);
  if (!entry) throw new Error(`no entry chunk named ${entryName}`);
  const seen = new Set<string>();
  const todo = [entry.fileName];
  while (todo.length) {
    const fileName = todo.pop() as string;
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    const chunk = chunks.get(fileName);
    if (chunk) todo.push(...chunk.imports, ...(options.initialOnly ? [] : chunk.dynamicImports));
  }
  return [...seen].flatMap((fileName) =>
    (chunks.get(fileName)?.moduleIds ?? []).map((id) => id.replace(root, '')),
  );
}

const matching = (modules: readonly string[], pattern: RegExp) =>
  modules.filter((id) => pattern.test(id));

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which builds React's development code: build what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    root,
    configFile: `${root}vite.config.ts`,
    mode: 'production',
    logLevel: 'silent',
    build: { write: false },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  outputs = (Array.isArray(result) ? result : [result]).flatMap((item) =>
    'output' in item ? item.output : [],
  );
  chunks = new Map(
    outputs.filter((item): item is Chunk => item.type === 'chunk').map((c) => [c.fileName, c]),
  );
  assets = outputs.map((item) => item.fileName);
  sources = new Map(
    outputs.map((item) => [item.fileName, item.type === 'chunk' ? item.code : String(item.source)]),
  );
}, 120_000);

describe('role entry points', () => {
  it('Given the production build, when the wallet page loads everything it ever can, then it holds the wallet and no desk code', () => {
    const wallet = modulesReachableFrom('wallet');
    expect(wallet).toContain('src/app/wallet/WalletRole.tsx');
    expect(
      matching(wallet, /^src\/(app\/(issuer|verifier)|core\/(issuer|verifier|desk))\//),
    ).toEqual([]);
  });

  it('Given the production build, when the wallet page first loads, then it holds no verification pipeline (the W3C receive check loads it with import(), issue 10)', () => {
    const initial = modulesReachableFrom('wallet', { initialOnly: true });
    expect(matching(initial, /^src\/core\/(verification|trust|w3c)\//)).toEqual([]);
  });

  it('Given the production build, when the issuer desk loads everything it ever can, then it holds no wallet and no verifier code', () => {
    const issuer = modulesReachableFrom('issuer');
    expect(issuer).toContain('src/app/issuer/IssuerDesk.tsx');
    expect(matching(issuer, /^src\/app\/(wallet|verifier)\//)).toEqual([]);
  });

  it('Given the production build, when the verifier desk loads everything it ever can, then it holds no wallet and no issuer code', () => {
    const verifier = modulesReachableFrom('verifier');
    expect(verifier).toContain('src/app/verifier/VerifierDesk.tsx');
    expect(matching(verifier, /^src\/app\/(wallet|issuer)\//)).toEqual([]);
  });

  /** The W3C VC-JWT and Veramo code (issue 10): never on a first screen, only loaded when needed. */
  const W3C_LIBRARIES = /(^|\/)node_modules\/(did-jwt-vc|did-jwt|@veramo\/[^/]+)\//;

  it.each(['wallet', 'issuer', 'verifier'])(
    'Given the production build, when the %s page first loads, then no did-jwt-vc, did-jwt or Veramo code is in its initial chunks',
    (role) => {
      const initial = modulesReachableFrom(role, { initialOnly: true });
      expect(initial.length).toBeGreaterThan(0);
      expect(matching(initial, W3C_LIBRARIES)).toEqual([]);
    },
  );

  it('Given the production build, when the verifier desk checks a W3C VP-JWT, then did-jwt-vc comes in a lazy chunk (import()) it can load', () => {
    const verifier = modulesReachableFrom('verifier');
    expect(matching(verifier, /(^|\/)node_modules\/did-jwt-vc\//).length).toBeGreaterThan(0);
    expect(verifier).toContain('src/core/w3c/verify-vp-jwt.ts');
    expect(modulesReachableFrom('verifier', { initialOnly: true })).not.toContain(
      'src/core/w3c/verify-vp-jwt.ts',
    );
  });

  it('Given the production build, then it has a page per role, a service worker, and no source maps', () => {
    expect(assets).toEqual(
      expect.arrayContaining(['index.html', 'issuer.html', 'verifier.html', 'sw.js']),
    );
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    expect(
      [...chunks.values()].filter(
        (chunk) => chunk.map !== null || /sourceMappingURL/.test(chunk.code),
      ),
    ).toEqual([]);
  });

  it('Given the production build, then the service worker precaches every manifest and icon, and each page links its own manifest', () => {
    const worker = sources.get('sw.js') ?? '';
    for (const file of [
      '/manifest.webmanifest',
      '/issuer.webmanifest',
      '/verifier.webmanifest',
      '/icon.svg',
      '/icon-192.png',
      '/icon-512.png',
      '/icon-maskable-512.png',
      '/apple-touch-icon.png',
    ]) {
      // The minifier may quote with ", ' or `, or join the list into one string split on commas.
      const escaped = file.replace(/[.]/g, '\\.');
      expect(worker, file).toMatch(new RegExp(`["'\`,]${escaped}["'\`,]`));
    }
    const manifestOf = (page: string) =>
      /<link rel="manifest" href="([^"]+)"/.exec(sources.get(page) ?? '')?.[1];
    expect(manifestOf('index.html')).toBe('/manifest.webmanifest');
    expect(manifestOf('issuer.html')).toBe('/issuer.webmanifest');
    expect(manifestOf('verifier.html')).toBe('/verifier.webmanifest');
    expect(sources.get('index.html')).toContain(
      '<link rel="apple-touch-icon" href="/apple-touch-icon.png" />',
    );
  });

  describe('first screen (issue 12)', () => {
    const ROLE_NAMES = ['wallet', 'issuer', 'verifier'] as const;
    const LANGUAGE_CODES = ['en', 'nl', 'fr'] as const;

    it.each(
      ROLE_NAMES.flatMap((role) => LANGUAGE_CODES.map((language) => [role, language] as const)),
    )(
      'Given the production build, when the %s page first loads in %s, then its JS is at most 150 KB gzipped',
      (role, language) => {
        const screen = firstScreenOf(outputs, role, { root, language });
        expect(screen.files.length).toBeGreaterThan(2);
        expect(screen.gzipBytes, screen.files.join(', ')).toBeLessThanOrEqual(
          FIRST_SCREEN_BUDGET_BYTES,
        );
      },
    );

    it.each(ROLE_NAMES)(
      'Given the production build, when the %s page first loads, then it holds one language and no zod, noble, rules, transport or verification',
      (role) => {
        const modules = firstScreenOf(outputs, role, { root, language: 'nl' }).modules;
        expect(modules).toContain('src/app/i18n/nl.ts');
        expect(matching(modules, /^src\/app\/i18n\/(en|fr)\.ts$/)).toEqual([]);
        expect(
          matching(
            modules,
            /(^|\/)node_modules\/(zod|@noble\/curves|jose|fflate)\/|^src\/core\/(rules|transport|verification|protocol|sd-jwt)\//,
          ),
        ).toEqual([]);
      },
    );

    it('Given the production build, then the service worker precaches every chunk (each language, each lazy screen) for offline use', () => {
      const worker = sources.get('sw.js') ?? '';
      const chunkNames = [...chunks.keys()];
      expect(chunkNames.filter((name) => /\/(en|nl|fr)-[\w-]+\.js$/.test(name))).toHaveLength(3);
      for (const name of chunkNames) expect(worker, name).toContain(`/${name}`);
    });
  });
});
