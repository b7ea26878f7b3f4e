/**
 * What each role's page loads before the reader does anything (issue 12, goal 1), read from a
 * production build: the JS its HTML references (entry and modulepreload, i.e. the entry's static
 * imports), what its entry imports to render (the role's root, `import()`ed by src/app/entries/*),
 * and the catalogue of the language it starts in (src/app/i18n/catalogues.ts), each with its own
 * static imports. Sizes are gzip at zlib's default level, as a web server sends them.
 *
 * Used by src/app/entries/entries.build.test.ts (the 150 KB budget) and scripts/bench/first-screen.ts.
 */
import { gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';
import { ROLES, type Role } from '../src/platform/browser/role-pages.ts';

type Output = Rolldown.OutputChunk | Rolldown.OutputAsset;
type Chunk = Rolldown.OutputChunk;

/** The issue's budget: at most 150 KB (150,000 bytes) of gzipped JS on each route's first screen. */
export const FIRST_SCREEN_BUDGET_BYTES = 150_000;

export interface FirstScreen {
  role: Role;
  /** Every JS file of the first screen, as the page requests it (`assets/…`). */
  files: string[];
  /** Their gzipped sizes added up. */
  gzipBytes: number;
  /** Source modules (relative to the repository) in those files. */
  modules: string[];
}

export const gzipSize = (code: string | Uint8Array): number => gzipSync(code).length;

const chunksOf = (outputs: readonly Output[]) =>
  new Map(
    outputs.filter((item): item is Chunk => item.type === 'chunk').map((c) => [c.fileName, c]),
  );

/** A chunk and everything it imports statically (what the browser fetches with it). */
function staticClosure(chunks: Map<string, Chunk>, start: string, into: Set<string>): void {
  const todo = [start];
  while (todo.length) {
    const fileName = todo.pop() as string;
    if (into.has(fileName)) continue;
    into.add(fileName);
    todo.push(...(chunks.get(fileName)?.imports ?? []));
  }
}

/** The first screen of one role's page, starting in `language`. */
export function firstScreenOf(
  outputs: readonly Output[],
  role: Role,
  options: { root: string; language: 'en' | 'nl' | 'fr' },
): FirstScreen {
  const chunks = chunksOf(outputs);
  // vite.config.ts names each entry after its role.
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === role);
  if (!entry) throw new Error(`no entry chunk named ${role}`);
  const catalogue = [...chunks.values()].find((chunk) =>
    chunk.facadeModuleId?.endsWith(`/src/app/i18n/${options.language}.ts`),
  );
  if (!catalogue) throw new Error(`no chunk for the ${options.language} catalogue`);
  const files = new Set<string>();
  staticClosure(chunks, entry.fileName, files);
  // The role's root: the entry chunk's own import() (src/app/entries/<role>.tsx).
  for (const lazyRoot of entry.dynamicImports) staticClosure(chunks, lazyRoot, files);
  staticClosure(chunks, catalogue.fileName, files);
  const list = [...files].sort();
  return {
    role,
    files: list,
    gzipBytes: list.reduce((sum, name) => sum + gzipSize(chunks.get(name)?.code ?? ''), 0),
    modules: list.flatMap((name) =>
      (chunks.get(name)?.moduleIds ?? []).map((id) => id.replace(options.root, '')),
    ),
  };
}

export const firstScreens = (
  outputs: readonly Output[],
  options: { root: string; language: 'en' | 'nl' | 'fr' },
): FirstScreen[] => ROLES.map((role) => firstScreenOf(outputs, role, options));

/**
 * The baseline of the same build: react, react-dom and scheduler as they ship in it (their
 * rendered code, concatenated and gzipped), the least any React page of this app can load.
 */
export function reactGzipBytes(outputs: readonly Output[]): number {
  const code = [...chunksOf(outputs).values()]
    .flatMap((chunk) => Object.entries(chunk.modules))
    .filter(([id]) => /\/node_modules\/(react|react-dom|scheduler)\//.test(id))
    .map(([, module]) => module.code ?? '')
    .join('\n');
  return gzipSize(code);
}
