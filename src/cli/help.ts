/** Help text, generated from the command tree and each command's flag declarations. */
import type { CommandEntry, CommandSpec, FlagSpec } from './command.ts';
import type { CommandNode } from './parse-args.ts';

const PROGRAM = 'vouch';

const EXIT_CODES =
  'Exit codes: 0 success, 1 failure (invalid input such as a bad mnemonic, or an internal error), 2 usage error.';

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
}

function flagLabel(flag: FlagSpec): string {
  const long = `--${flag.name}${flag.kind === 'string' ? ` <${flag.valueName ?? 'value'}>` : ''}`;
  return flag.short ? `-${flag.short}, ${long}` : long;
}

function usageLine(command: CommandSpec): string {
  const parts = [PROGRAM, ...command.path];
  for (const flag of command.flags) {
    const text = `--${flag.name}${flag.kind === 'string' ? ` <${flag.valueName ?? 'value'}>` : ''}`;
    parts.push(flag.required ? text : `[${text}]`);
  }
  for (const arg of command.args ?? [])
    parts.push(arg.required ? `<${arg.name}>` : `[<${arg.name}>]`);
  return parts.join(' ');
}

export function commandHelp(command: CommandSpec): string {
  const lines = [`${[PROGRAM, ...command.path].join(' ')}: ${command.summary}`, '', 'Usage:'];
  lines.push(`  ${usageLine(command)}`);
  if (command.description) lines.push('', ...command.description.split('\n'));
  if (command.args?.length) {
    lines.push('', 'Arguments:');
    lines.push(...table(command.args.map((arg) => [`<${arg.name}>`, arg.description] as const)));
  }
  const flagRows = command.flags.map((flag) => {
    const notes = [
      flag.required ? 'required' : undefined,
      flag.defaultText !== undefined ? `default: ${flag.defaultText}` : undefined,
    ].filter(Boolean);
    return [
      flagLabel(flag),
      `${flag.description}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    ] as const;
  });
  lines.push('', 'Flags:', ...table([...flagRows, ['-h, --help', 'Show this help.']]));
  if (command.examples?.length) {
    lines.push('', 'Examples:', ...command.examples.map((example) => `  ${example}`));
  }
  lines.push('', EXIT_CODES);
  return `${lines.join('\n')}\n`;
}

function commandsUnder(node: CommandNode): CommandEntry[] {
  const found: CommandEntry[] = node.command ? [node.command] : [];
  for (const child of node.children.values()) found.push(...commandsUnder(child));
  return found;
}

/** Help for the program (root) or a group such as `vouch keys`. */
export function groupHelp(node: CommandNode): string {
  const name = [PROGRAM, ...node.path].join(' ');
  const lines =
    node.path.length === 0
      ? [
          `${PROGRAM}: the Vouch identity wallet on the command line (keys, issuing, status lists, inspection, QR).`,
          '',
          'Usage:',
          `  ${PROGRAM} <command> [flags]`,
        ]
      : [`${name}: ${node.summary}`, '', 'Usage:', `  ${name} <command> [flags]`];
  const rows = commandsUnder(node).map(
    (command) => [command.path.join(' '), command.summary] as const,
  );
  if (node.path.length === 0) rows.push(['help [<command>]', 'Show help for a command.']);
  lines.push('', 'Commands:', ...table(rows));
  lines.push('', `Run "${PROGRAM} <command> --help" for a command's flags.`, EXIT_CODES);
  return `${lines.join('\n')}\n`;
}

/** Help for a node: its command's (loaded) spec, or the group's list of commands. */
export function helpFor(node: CommandNode, command?: CommandSpec): string {
  return command ? commandHelp(command) : groupHelp(node);
}
