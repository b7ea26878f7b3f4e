/**
 * The shape of a `vouch` command. Each command declares its flags once; the parser, the usage
 * errors and the help text are all generated from that declaration (see parse-args.ts, help.ts).
 * To add a command, write a `CommandSpec` in commands/ and list it in commands/index.ts.
 */

export interface FlagSpec {
  /** Long name without dashes: `mnemonic` for `--mnemonic`. */
  readonly name: string;
  /** Optional one-letter alias: `p` for `-p`. (`h` is reserved for help.) */
  readonly short?: string;
  /** `string` flags take a value (`--path m/0` or `--path=m/0`); `boolean` flags take none. */
  readonly kind: 'string' | 'boolean';
  /** Placeholder in help text, e.g. `words` → `--mnemonic <words>`. */
  readonly valueName?: string;
  readonly required?: boolean;
  readonly description: string;
  /** Shown as "(default: …)" in help; the command applies the default itself. */
  readonly defaultText?: string;
}

export interface ArgSpec {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
}

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface ParsedFlags {
  /** The value of a declared string flag, or undefined if it was not given. */
  string(name: string): string | undefined;
  /** Whether a declared boolean flag was given. */
  boolean(name: string): boolean;
}

export interface CommandContext {
  readonly flags: ParsedFlags;
  readonly args: readonly string[];
  readonly io: CommandIo;
}

export interface CommandSpec {
  /** Words that select the command: `['keys', 'derive']` for `vouch keys derive`. */
  readonly path: readonly string[];
  /** One line for command lists. */
  readonly summary: string;
  /** A paragraph for the command's own help. */
  readonly description?: string;
  readonly flags: readonly FlagSpec[];
  /** Positional arguments, in order. Commands without them refuse any. */
  readonly args?: readonly ArgSpec[];
  readonly examples?: readonly string[];
  /** Returns the exit code (0 on success). Throw `CommandFailure` or `UsageError` for the others. */
  run(context: CommandContext): Promise<number> | number;
}

/**
 * A command known by its words and summary only, whose module is loaded when it runs or its help
 * is asked for: `vouch --help` loads no command's code (issue 12). commands/index.ts lists them.
 */
export interface LazyCommand {
  readonly path: readonly string[];
  readonly summary: string;
  load(): Promise<CommandSpec>;
}

/** A command given whole (tests) or lazily (the CLI's own table). */
export type CommandEntry = CommandSpec | LazyCommand;

export function loadCommand(entry: CommandEntry): Promise<CommandSpec> {
  return 'load' in entry ? entry.load() : Promise.resolve(entry);
}

/** A group of commands (`vouch keys …`): only its summary, shown in help. */
export interface CommandGroup {
  readonly path: readonly string[];
  readonly summary: string;
}

/** Exit codes: documented in docs/cli.md. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Wrong use of the command line (exit 2). `command` names the command whose --help to suggest. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The command ran but could not do its job, e.g. an invalid mnemonic (exit 1). */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
