// The order of the wallet's cards (docs/ux.md §Cards): by month, newest first. A monthly
// credential belongs to the month it is about (its period), anything else to the month it was
// issued (or, without an issue date, received).
import { describe, expect, it } from 'vitest';
import { cardMonth, orderByMonth } from './credential-store.ts';

type Card = Parameters<typeof orderByMonth>[0][number];

const card = (id: string, fields: Partial<Card>): Card => ({
  id,
  claims: {},
  receivedAt: '2026-11-20T10:00:00.000Z',
  ...fields,
});

describe('cardMonth', () => {
  it.each([
    [
      'a monthly statement',
      { claims: { period: '2026-07' }, issuedAt: '2026-11-02T08:00:00Z' },
      '2026-07',
    ],
    ['a diploma with an issue date', { issuedAt: '2025-06-30T12:00:00Z' }, '2025-06'],
    ['a credential without an issue date', {}, '2026-11'],
    [
      'a period that is not a month',
      { claims: { period: '2026-13' }, issuedAt: '2026-03-01T00:00:00Z' },
      '2026-03',
    ],
    [
      'a period that is not a string',
      { claims: { period: 202607 }, issuedAt: '2026-03-01T00:00:00Z' },
      '2026-03',
    ],
  ] as const)('Given %s, then its month is %s', (_, fields, month) => {
    expect(cardMonth(card('x', fields as Partial<Card>))).toBe(month);
  });
});

describe('orderByMonth', () => {
  it('Given statements issued together for past months, a diploma and a received-only card, then they are ordered by month, newest first', () => {
    const ordered = orderByMonth([
      card('july', { claims: { period: '2026-07' }, issuedAt: '2026-11-02T08:00:00Z' }),
      card('diploma', { issuedAt: '2026-08-15T09:00:00Z' }),
      card('september', { claims: { period: '2026-09' }, issuedAt: '2026-11-02T08:00:00Z' }),
      card('household', { receivedAt: '2026-10-03T10:00:00Z' }),
      card('august', { claims: { period: '2026-08' }, issuedAt: '2026-11-02T08:01:00Z' }),
    ]);
    expect(ordered.map((c) => c.id)).toEqual([
      'household',
      'september',
      // Same month as the diploma, issued later (in November, with September's and July's).
      'august',
      'diploma',
      'july',
    ]);
  });

  it('Given two cards of the same month, then the more recently issued comes first, and equal dates fall back to the id', () => {
    const ordered = orderByMonth([
      card('b', { claims: { period: '2026-09' }, issuedAt: '2026-10-01T00:00:00Z' }),
      card('c', { issuedAt: '2026-09-20T00:00:00Z' }),
      card('a', { claims: { period: '2026-09' }, issuedAt: '2026-10-01T00:00:00Z' }),
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('Given a list, then ordering returns a new array and leaves the input as it was', () => {
    const input = [card('old', { issuedAt: '2020-01-01T00:00:00Z' }), card('new', {})];
    const ordered = orderByMonth(input);
    expect(ordered.map((c) => c.id)).toEqual(['new', 'old']);
    expect(input.map((c) => c.id)).toEqual(['old', 'new']);
  });
});
