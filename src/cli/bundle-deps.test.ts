// The built CLI and agent (dist-node/, made by the tests' global setup) import at run time only
// packages that package.json declares in "dependencies" (issue 12: pngjs was undeclared), never
// tsx (no TypeScript is compiled at run time), and `vouch --help` reads no command's code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist-node');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? bundleFiles(join(dir, entry.name))
      : /\.m?js$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Bare module names a bundle file loads: static and dynamic imports, createRequire(…)(…) calls. */
function specifiers(code: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\bcreateRequire\([^)]*\)\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] as string));
}

const packageOf = (specifier: string): string =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] as string);

describe('the built CLI (dist-node)', () => {
  const files = bundleFiles(DIST);
  const external = new Map<string, string>();
  for (const file of files) {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      external.set(packageOf(specifier), file.slice(DIST.length + 1));
    }
  }

  it('Given every bundle file, when its imports are read, then each package is a declared dependency', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(external.has('pngjs')).toBe(true); // qr-png-decode.ts's createRequire is seen
    const undeclared = [...external].filter(([name]) => !(name in pkg.dependencies));
    expect(undeclared).toEqual([]);
  });

  it('Given the bundle and bin/vouch.mjs, then neither loads tsx', () => {
    expect(external.has('tsx')).toBe(false);
    expect(readFileSync(join(ROOT, 'bin/vouch.mjs'), 'utf8')).not.toMatch(/\btsx\b/);
  });

  it("Given cli/main.js (what --help runs), then it imports no package and no command's code", () => {
    const main = readFileSync(join(DIST, 'cli/main.js'), 'utf8');
    const imported = specifiers(main.replace(/\bimport\(\s*["'][^"']+["']\s*\)/g, ''));
    expect(imported.filter((s) => !s.startsWith('./chunk-'))).toEqual([]);
    for (const chunk of imported) {
      expect(specifiers(readFileSync(join(DIST, 'cli', chunk), 'utf8'))).toEqual([]);
    }
  });
});
