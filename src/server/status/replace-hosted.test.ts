import { describe, expect, it } from 'vitest';
import { judgeReplacement, unrevokes } from './replace-hosted.ts';

const hosted = { managed: false, jwt: 'hosted.jwt', iat: 1_000 };
const bits = (...bytes: number[]) => Uint8Array.from(bytes);

describe('judgeReplacement (a desk-signed edition over the hosted list)', () => {
  it('Given a list the server keeps itself, when any edition is put over it, then it is refused as managed, even the same text', async () => {
    const managed = { ...hosted, managed: true };
    for (const jwt of ['hosted.jwt', 'newer.jwt']) {
      const verdict = await judgeReplacement(managed, { jwt, iat: 2_000, entries: bits(0) }, () =>
        bits(0),
      );
      expect(verdict).toMatchObject({ kind: 'refused', reason: 'managed-list' });
    }
  });

  it('Given the same list again, when put, then nothing changes and the hosted bits are not read', async () => {
    let read = false;
    const verdict = await judgeReplacement(
      hosted,
      { jwt: 'hosted.jwt', iat: 1_000, entries: bits(0) },
      () => {
        read = true;
        return bits(0);
      },
    );
    expect(verdict).toEqual({ kind: 'unchanged' });
    expect(read).toBe(false);
  });

  it('Given an edition as old as the hosted one or older (iat as a number or as the text a database returns), then it is refused as stale', async () => {
    for (const [hostedIat, iat] of [
      [1_000, 1_000],
      ['1000', 999],
    ] as const) {
      const verdict = await judgeReplacement(
        { ...hosted, iat: hostedIat },
        { jwt: 'older.jwt', iat, entries: bits(0xff) },
        () => bits(0),
      );
      expect(verdict).toMatchObject({ kind: 'refused', reason: 'stale' });
    }
  });

  it('Given a newer edition of another size, then it is refused: a list keeps its size', async () => {
    const verdict = await judgeReplacement(
      hosted,
      { jwt: 'newer.jwt', iat: 2_000, entries: bits(0, 0) },
      async () => bits(0),
    );
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'size-changed' });
  });

  it('Given a newer edition that clears a revoked bit, then it is refused; one that keeps every revocation and adds one replaces the hosted list', async () => {
    const unrevoking = await judgeReplacement(
      hosted,
      { jwt: 'newer.jwt', iat: 2_000, entries: bits(0b0000_0001, 0) },
      () => bits(0b0000_0011, 0),
    );
    expect(unrevoking).toMatchObject({ kind: 'refused', reason: 'unrevokes' });
    const superset = await judgeReplacement(
      hosted,
      { jwt: 'newer.jwt', iat: 2_000, entries: bits(0b0000_0111, 0b1000_0000) },
      () => bits(0b0000_0011, 0),
    );
    expect(superset).toEqual({ kind: 'replace' });
  });

  it('Given hosted bits that cannot be read (a damaged row), then a newer edition is judged by its iat alone', async () => {
    const verdict = await judgeReplacement(
      hosted,
      { jwt: 'newer.jwt', iat: 2_000, entries: bits(0) },
      () => undefined,
    );
    expect(verdict).toEqual({ kind: 'replace' });
  });
});

describe('unrevokes', () => {
  it('Given bit-for-bit lists, then only a bit set in the hosted list and clear in the next one counts', () => {
    expect(unrevokes(bits(0b1010), bits(0b1010))).toBe(false);
    expect(unrevokes(bits(0b1010), bits(0b1110))).toBe(false);
    expect(unrevokes(bits(0, 0b1000_0000), bits(0, 0))).toBe(true);
    expect(unrevokes(bits(0b1), bits())).toBe(true);
  });
});
