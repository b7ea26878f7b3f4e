/**
 * A small argument parser driven by `CommandSpec.flags`:
 *   --name value   --name=value   -x value   --flag (boolean)   --   (end of flags)
 * A string flag's value may not start with "--" when given as the next word (write --name=--x).
 */
import type {
  ArgSpec,
  CommandEntry,
  CommandGroup,
  CommandSpec,
  FlagSpec,
  ParsedFlags,
} from './command.ts';
import { UsageError } from './command.ts';

export const HELP_FLAGS: ReadonlySet<string> = new Set(['-h', '--help']);

export interface CommandNode {
  readonly path: readonly string[];
  readonly summary: string;
  readonly command?: CommandEntry;
  readonly children: Map<string, CommandNode>;
}

export function buildCommandTree(
  commands: readonly CommandEntry[],
  groups: readonly CommandGroup[],
): CommandNode {
  const root: CommandNode = { path: [], summary: '', children: new Map() };
  const nodeAt = (path: readonly string[]): CommandNode => {
    let node = root;
    for (const [depth, word] of path.entries()) {
      let child = node.children.get(word);
      if (!child) {
        child = { path: path.slice(0, depth + 1), summary: '', children: new Map() };
        node.children.set(word, child);
      }
      node = child;
    }
    return node;
  };
  for (const group of groups) Object.assign(nodeAt(group.path), { summary: group.summary });
  for (const command of commands) {
    const node = nodeAt(command.path);
    if (node.command) throw new Error(`command "${command.path.join(' ')}" is registered twice`);
    Object.assign(node, { command, summary: command.summary });
  }
  return root;
}

export interface Resolved {
  /** The deepest node the leading words select. */
  readonly node: CommandNode;
  /** The words after the command path. */
  readonly rest: readonly string[];
}

/** Follows leading words down the tree as far as they match. */
export function resolveCommand(root: CommandNode, argv: readonly string[]): Resolved {
  let node = root;
  let used = 0;
  for (const word of argv) {
    const child = node.children.get(word);
    if (!child) break;
    node = child;
    used++;
  }
  return { node, rest: argv.slice(used) };
}

/** Whether -h/--help appears before any "--". */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const word of argv) {
    if (word === '--') return false;
    if (HELP_FLAGS.has(word)) return true;
  }
  return false;
}

export interface ParsedCommandLine {
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
}

function show(word: string): string {
  return JSON.stringify(word);
}

export function parseCommandLine(command: CommandSpec, argv: readonly string[]): ParsedCommandLine {
  const usage = (message: string) => new UsageError(message, command.path);
  const byLong = new Map(command.flags.map((flag) => [flag.name, flag]));
  const byShort = new Map(
    command.flags.filter((flag) => flag.short).map((flag) => [flag.short as string, flag]),
  );
  const values = new Map<string, string | true>();
  const args: string[] = [];
  const known = () =>
    command.flags.length === 0
      ? 'it takes no flags'
      : `flags: ${command.flags.map((flag) => `--${flag.name}`).join(', ')}`;

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      args.push(word);
      continue;
    }
    let flag: FlagSpec | undefined;
    let inline: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
      inline = eq === -1 ? undefined : word.slice(eq + 1);
      flag = byLong.get(name);
      if (!flag) throw usage(`unknown flag ${show(`--${name}`)} (${known()})`);
    } else {
      flag = word.length === 2 ? byShort.get(word.slice(1)) : undefined;
      if (!flag) throw usage(`unknown flag ${show(word)} (${known()})`);
    }
    const shown = `--${flag.name}`;
    if (values.has(flag.name)) throw usage(`flag ${shown} is given more than once`);
    if (flag.kind === 'boolean') {
      if (inline !== undefined) throw usage(`flag ${shown} takes no value`);
      values.set(flag.name, true);
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw usage(`flag ${shown} needs a value: ${shown} <${flag.valueName ?? 'value'}>`);
      }
      inline = next;
      i++;
    }
    values.set(flag.name, inline);
  }

  for (const flag of command.flags) {
    if (flag.required && !values.has(flag.name)) {
      throw usage(`missing required flag --${flag.name} <${flag.valueName ?? 'value'}>`);
    }
  }
  checkArgs(command.args ?? [], args, usage);

  const declared = (name: string, kind: FlagSpec['kind']): void => {
    if (byLong.get(name)?.kind !== kind) {
      throw new Error(`command "${command.path.join(' ')}" has no ${kind} flag --${name}`);
    }
  };
  return {
    flags: {
      string(name) {
        declared(name, 'string');
        const value = values.get(name);
        return typeof value === 'string' ? value : undefined;
      },
      boolean(name) {
        declared(name, 'boolean');
        return values.get(name) === true;
      },
    },
    args,
  };
}

function checkArgs(
  specs: readonly ArgSpec[],
  args: readonly string[],
  usage: (message: string) => UsageError,
): void {
  if (args.length > specs.length) {
    const extra = args[specs.length] as string;
    throw usage(
      specs.length === 0
        ? `unexpected argument ${show(extra)} (flags start with --)`
        : `too many arguments: ${show(extra)} is extra`,
    );
  }
  const missing = specs.slice(args.length).find((spec) => spec.required);
  if (missing) throw usage(`missing argument <${missing.name}>`);
}
