// The README's CLI walk-through stays true (issue 12 goal 5): its commands, read from README.md
// between the cli-walkthrough markers, run one after the other through the CLI's own main
// function (in this process, not spawned), in a temporary folder that stands for the repository
// root: walkthrough/ is made there, examples/ is the repository's own. Every command must exit 0.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './cli-harness.fake.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shell lines between the markers: continuations joined, comments and blanks dropped. */
export function walkthroughLines(readme: string): string[] {
  const match =
    /<!-- cli-walkthrough:start -->\s*```sh\n([\s\S]*?)```\s*<!-- cli-walkthrough:end -->/.exec(
      readme,
    );
  if (!match) throw new Error('README.md has no cli-walkthrough block');
  return (match[1] as string)
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Words of a line as sh splits them: spaces, "double" and 'single' quotes (no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end === -1) throw new Error(`unclosed ${c} in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if ('$`\\|&;<*?'.includes(c)) {
      throw new Error(`the walk-through must stay plain: ${JSON.stringify(c)} in: ${line}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

describe("README's CLI walk-through", () => {
  const lines = walkthroughLines(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('Given the walk-through, then it writes only into walkthrough/ and reads examples/ that exist', () => {
    expect(lines.length).toBeGreaterThan(5);
    expect(lines[0]).toBe('mkdir -p walkthrough');
    for (const line of lines.slice(1)) {
      const words = shellWords(line);
      expect(words.slice(0, 2)).toEqual(['npx', 'vouch']);
      const out = words.indexOf('>');
      if (out !== -1) expect(words[out + 1]).toMatch(/^walkthrough\//);
      const flagOut = words.indexOf('--out');
      if (flagOut !== -1) expect(words[flagOut + 1]).toMatch(/^walkthrough\//);
      for (const word of words.filter((w) => w.startsWith('examples/'))) {
        expect(() => readFileSync(join(ROOT, word))).not.toThrow();
      }
      expect(line).not.toMatch(/--now\b/);
    }
  });

  it('Given each command of the walk-through, when run in order, then each exits 0 and the presentation verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-walkthrough-'));
    const path = (word: string) =>
      word.startsWith('walkthrough/')
        ? join(dir, word)
        : word.startsWith('examples/')
          ? join(ROOT, word)
          : word;
    const outputs: Record<string, string> = {};
    for (const line of lines) {
      const words = shellWords(line);
      if (words[0] === 'mkdir') {
        mkdirSync(join(dir, words[2] as string), { recursive: true });
        continue;
      }
      const redirect = words.indexOf('>');
      const argv = (redirect === -1 ? words : words.slice(0, redirect)).slice(2).map(path);
      const run = await runCaptured(argv);
      expect({ line, code: run.code, stderr: run.stderr }).toEqual({ line, code: 0, stderr: '' });
      if (redirect !== -1) writeFileSync(path(words[redirect + 1] as string), run.stdout);
      outputs[`${words[2]} ${words[3]}`] = run.stdout;
    }
    const verdict = JSON.parse(outputs['verify --presentation'] ?? '{}') as { valid?: boolean };
    expect(verdict.valid).toBe(true);
    expect(JSON.parse(outputs['qr encode'] ?? '{}')).toMatchObject({ out: expect.any(String) });
    expect(outputs['qr decode']).toBe(
      readFileSync(join(dir, 'walkthrough/presentation.txt'), 'utf8'),
    );
  });
});
