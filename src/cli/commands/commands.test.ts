import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS, COMMANDS } from './index.ts';

describe('the command table (commands/index.ts)', () => {
  it.each(COMMANDS.map((entry) => [entry.path.join(' '), entry] as const))(
    'Given "vouch %s", when its module is loaded, then its spec has the words and summary the table shows',
    async (_name, entry) => {
      const spec = await entry.load();
      expect({ path: spec.path, summary: spec.summary }).toEqual({
        path: entry.path,
        summary: entry.summary,
      });
    },
  );

  it('Given every command of two words, then its first word is a group with a summary', () => {
    const groups = new Set(COMMAND_GROUPS.map((group) => group.path.join(' ')));
    const firstWords = new Set(
      COMMANDS.filter((entry) => entry.path.length > 1).map((entry) => entry.path[0]),
    );
    expect([...firstWords].filter((word) => !groups.has(word as string))).toEqual([]);
  });
});
