/**
 * `npm run bench`: runs every section `scripts/bench/<id>.ts` that exports
 * `run: BenchSectionRunner` (scripts/bench/types.ts) and prints one table per section (name,
 * value, unit, ratio to the section's own baseline measured in the same run, goal, pass), then a
 * summary of the goals met and missed.
 *
 *   npm run bench                          every section, in BENCHMARKS.md's order
 *   npm run bench -- verify-browser cli    just those sections
 *   npm run bench -- --json bench.json     also write every row (and the machine) as JSON
 *   npm run bench -- --list                the section ids
 *
 * Helpers shared by sections live in scripts/bench/lib/ (not read as sections).
 *
 * A section that throws prints its error and the run goes on. The exit code is non-zero only
 * when a section crashed (or an unknown id was asked for), never for a missed goal: benchmarks are
 * not tests.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchRow, BenchSection, BenchSectionRunner } from './bench/types.ts';

const SECTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'bench');
/** BENCHMARKS.md's order; any other section follows, by id. */
const ORDER = [
  'foundation',
  'first-screen',
  'big-wallet',
  'payroll',
  'verify-browser',
  'cli',
  'test-suite',
];

/** The section ids: every `scripts/bench/<id>.ts` except types.ts (and tests). */
async function sectionIds(dir = SECTIONS_DIR): Promise<string[]> {
  const ids = (await readdir(dir))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'types.ts')
    .map((file) => basename(file, '.ts'));
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  return ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}

/** The table of one section, as text lines. */
function sectionTable(section: BenchSection): string[] {
  const header = ['name', 'value', 'unit', 'ratio', 'goal', 'pass'];
  const cells = section.rows.map((row: BenchRow) => [
    row.name,
    formatNumber(row.value),
    row.unit,
    formatRatio(row.ratio),
    row.goal ?? '',
    row.pass === undefined ? '' : row.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) =>
        column === 1 || column === 3
          ? value.padStart(widths[column] ?? 0)
          : value.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    `## ${section.title} (${section.id})`,
    ...(section.baseline === undefined ? [] : [`baseline: ${section.baseline}`]),
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    ...(section.notes ?? []).map((note) => `note: ${note}`),
  ];
}

interface Outcome {
  id: string;
  seconds: number;
  section?: BenchSection;
  error?: string;
}

async function runSection(id: string): Promise<Outcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const module = (await import(pathToFileURL(join(SECTIONS_DIR, `${id}.ts`)).href)) as {
      run?: BenchSectionRunner;
    };
    if (typeof module.run !== 'function') {
      throw new Error(`scripts/bench/${id}.ts does not export run: BenchSectionRunner`);
    }
    const section = await module.run();
    return { id, seconds: seconds(), section };
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { id, seconds: seconds(), error: text };
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'string' }, list: { type: 'boolean' } },
  });
  const known = await sectionIds();
  if (values.list === true) {
    console.log(known.join('\n'));
    return 0;
  }
  const unknown = positionals.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    console.error(`bench: no section ${unknown.join(', ')}; there are: ${known.join(', ')}`);
    return 2;
  }
  const ids = positionals.length > 0 ? known.filter((id) => positionals.includes(id)) : known;
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
  };
  console.log(
    `Vouch bench, ${machine.date}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}`,
  );
  const outcomes: Outcome[] = [];
  for (const id of ids) {
    console.log('');
    console.log(`… ${id}`);
    const outcome = await runSection(id);
    outcomes.push(outcome);
    if (outcome.section !== undefined) {
      for (const text of sectionTable(outcome.section)) console.log(text);
      console.log(`(${outcome.seconds.toFixed(1)} s)`);
    } else {
      console.error(`## ${id}: CRASHED after ${outcome.seconds.toFixed(1)} s`);
      console.error(outcome.error);
    }
  }

  const rows = outcomes.flatMap((outcome) =>
    (outcome.section?.rows ?? []).map((row) => ({ id: outcome.id, row })),
  );
  const judged = rows.filter(({ row }) => row.pass !== undefined);
  const missed = judged.filter(({ row }) => row.pass === false);
  const crashed = outcomes.filter((outcome) => outcome.error !== undefined);
  console.log('');
  console.log(
    `Summary: ${judged.length - missed.length} of ${judged.length} goals met, ${missed.length} missed; ` +
      `${outcomes.length - crashed.length} of ${outcomes.length} sections ran` +
      (crashed.length > 0 ? `, crashed: ${crashed.map((outcome) => outcome.id).join(', ')}` : ''),
  );
  for (const { id, row } of missed) {
    console.log(
      `  missed  ${id}: ${row.name} = ${formatNumber(row.value)} ${row.unit}` +
        `${row.ratio === undefined ? '' : ` (${formatRatio(row.ratio)})`}, goal ${row.goal ?? '?'}`,
    );
  }
  if (values.json !== undefined) {
    await writeFile(
      values.json,
      `${JSON.stringify(
        {
          machine,
          sections: outcomes.map((outcome) =>
            outcome.section !== undefined
              ? { ...outcome.section, seconds: outcome.seconds }
              : { id: outcome.id, seconds: outcome.seconds, error: outcome.error },
          ),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Rows written to ${values.json}`);
  }
  return crashed.length > 0 ? 1 : 0;
}

// Exit explicitly: a section that left a handle open (a browser, a server) must not hang the run.
process.exit(await main());
