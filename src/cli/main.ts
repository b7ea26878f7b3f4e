/**
 * The `vouch` command line: resolves the command, parses its flags, runs it, and turns every
 * outcome into an exit code and at most one line on stderr — never a stack trace.
 * bin/vouch.mjs calls `main()`; tests call `runCli()` with captured output.
 */
import { COMMAND_GROUPS, COMMANDS } from './commands/index.ts';
import {
  CommandFailure,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  loadCommand,
  UsageError,
} from './command.ts';
import type { CommandEntry, CommandIo } from './command.ts';
import { helpFor } from './help.ts';
import { buildCommandTree, parseCommandLine, resolveCommand, wantsHelp } from './parse-args.ts';
import type { CommandNode } from './parse-args.ts';

export interface CliOptions {
  /** Default: every command, each loaded only when it is used (commands/index.ts). */
  readonly commands?: readonly CommandEntry[];
  readonly io: CommandIo;
}

/** Runs one command line (without "node" and the script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  { io, commands = COMMANDS }: CliOptions,
): Promise<number> {
  try {
    const root = buildCommandTree(commands, COMMAND_GROUPS);
    return await dispatch(root, argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.command.length > 0 ? `${error.command.join(' ')}: ` : '';
      const helpCommand = ['vouch', ...error.command, '--help'].join(' ');
      io.stderr(`vouch: ${where}${oneLine(error.message)}; run "${helpCommand}"\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`vouch: ${oneLine(error.message)}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`vouch: internal error: ${oneLine(errorMessage(error))}\n`);
    return EXIT_FAILURE;
  }
}

async function dispatch(
  root: CommandNode,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (argv[0] === 'help') {
    const { node, rest } = resolveCommand(root, argv.slice(1));
    const extra = rest.find((word) => !word.startsWith('-'));
    if (extra !== undefined) throw unknownCommand(node, extra);
    io.stdout(helpFor(node, node.command && (await loadCommand(node.command))));
    return EXIT_OK;
  }
  const { node, rest } = resolveCommand(root, argv);
  const command = node.command && (await loadCommand(node.command));
  if (wantsHelp(rest)) {
    io.stdout(helpFor(node, command));
    return EXIT_OK;
  }
  if (!command) {
    const next = rest[0];
    if (next !== undefined && !next.startsWith('-')) throw unknownCommand(node, next);
    if (next !== undefined) {
      throw new UsageError(`unknown flag ${JSON.stringify(next)} before a command`, node.path);
    }
    throw new UsageError(`missing command (${childList(node)})`, node.path);
  }
  const { flags, args } = parseCommandLine(command, rest);
  return command.run({ flags, args, io });
}

function childList(node: CommandNode): string {
  return `commands: ${[...node.children.keys()].join(', ')}`;
}

function unknownCommand(node: CommandNode, word: string): UsageError {
  return new UsageError(`unknown command ${JSON.stringify(word)} (${childList(node)})`, node.path);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Messages may quote user input: keep them on one line whatever it contains. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Entry point for bin/vouch.mjs. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `vouch keys new | head -c 10` closes stdout early: that is not an error worth reporting.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return runCli(argv, {
    io: {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
    },
  });
}
