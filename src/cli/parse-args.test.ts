import { describe, expect, it } from 'vitest';
import type { CommandSpec } from './command.ts';
import { UsageError } from './command.ts';
import { buildCommandTree, parseCommandLine, resolveCommand, wantsHelp } from './parse-args.ts';

const sample: CommandSpec = {
  path: ['qr', 'encode'],
  summary: 'sample',
  flags: [
    {
      name: 'input',
      short: 'i',
      kind: 'string',
      valueName: 'file',
      required: true,
      description: 'in',
    },
    { name: 'level', kind: 'string', description: 'level' },
    { name: 'animated', kind: 'boolean', description: 'animate' },
  ],
  args: [{ name: 'out', description: 'output file' }],
  run: () => 0,
};

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(sample, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a usage error');
}

describe('parseCommandLine', () => {
  it('Given every flag form, when parsed, then values, booleans and arguments come out', () => {
    const parsed = parseCommandLine(sample, ['-i', 'a.json', '--level=M', '--animated', 'out.png']);
    expect(parsed.flags.string('input')).toBe('a.json');
    expect(parsed.flags.string('level')).toBe('M');
    expect(parsed.flags.boolean('animated')).toBe(true);
    expect(parsed.args).toEqual(['out.png']);
  });

  it('Given values that look like flags, when written with = or after --, then they are taken literally', () => {
    const parsed = parseCommandLine(sample, [
      '--input=--weird',
      '--level',
      '-x',
      '--',
      '--animated',
    ]);
    expect(parsed.flags.string('input')).toBe('--weird');
    expect(parsed.flags.string('level')).toBe('-x');
    expect(parsed.flags.boolean('animated')).toBe(false);
    expect(parsed.args).toEqual(['--animated']);
  });

  it('Given an optional flag left out, when read, then it is undefined; reading an undeclared flag is a bug', () => {
    const parsed = parseCommandLine(sample, ['--input', 'a']);
    expect(parsed.flags.string('level')).toBeUndefined();
    expect(() => parsed.flags.string('animated')).toThrow('has no string flag --animated');
  });

  it.each([
    [
      ['--input', 'a', '--colour', 'red'],
      'unknown flag "--colour" (flags: --input, --level, --animated)',
    ],
    [['--input', 'a', '-z'], 'unknown flag "-z"'],
    [['--input'], 'flag --input needs a value: --input <file>'],
    [['--input', '--animated'], 'flag --input needs a value'],
    [['--input', 'a', '--input', 'b'], 'flag --input is given more than once'],
    [['--input', 'a', '--animated=yes'], 'flag --animated takes no value'],
    [['--level', 'H'], 'missing required flag --input <file>'],
    [['--input', 'a', 'x.png', 'y.png'], 'too many arguments: "y.png" is extra'],
  ])('Given %j, when parsed, then the usage error says %j', (argv, message) => {
    expect(usageMessage(argv)).toContain(message);
  });
});

describe('command tree', () => {
  const root = buildCommandTree([sample], [{ path: ['qr'], summary: 'QR codes' }]);

  it('Given leading words, when resolved, then the deepest matching node and the rest come back', () => {
    const { node, rest } = resolveCommand(root, ['qr', 'encode', '--input', 'a']);
    expect(node.command).toBe(sample);
    expect(rest).toEqual(['--input', 'a']);
    expect(resolveCommand(root, ['qr', 'nope']).node.summary).toBe('QR codes');
  });

  it('Given a command registered twice, when the tree is built, then it throws', () => {
    expect(() => buildCommandTree([sample, sample], [])).toThrow('registered twice');
  });

  it('Given -h after "--", when checked for help, then it is an argument, not a help request', () => {
    expect(wantsHelp(['--input', 'a', '-h'])).toBe(true);
    expect(wantsHelp(['--', '-h'])).toBe(false);
  });
});
