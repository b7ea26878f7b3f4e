import { describe, expect, it } from 'vitest';
import { labelRoom, MAX_AXIS_MONTHS, monthAxis } from './month-axis.ts';

const FRAME = { left: 10, right: 310, labelWidth: 50 };

describe('monthAxis', () => {
  it('Given July and September without August, when laid out, then August keeps its place as a gap', () => {
    const axis = monthAxis(['2024-09', '2024-07'], FRAME);
    expect(axis.months).toEqual(['2024-07', '2024-08', '2024-09']);
    expect(axis.slot).toBe(100);
    expect(axis.x('2024-07')).toBe(60);
    expect(axis.x('2024-09')).toBe(260);
    // The distance from July to September is two slots, not one.
    expect((axis.x('2024-09') ?? 0) - (axis.x('2024-07') ?? 0)).toBe(2 * axis.slot);
  });

  it('Given months across a year boundary, when laid out, then December and January are neighbours', () => {
    const axis = monthAxis(['2024-12', '2025-01'], FRAME);
    expect(axis.months).toEqual(['2024-12', '2025-01']);
  });

  it('Given two years of months at phone width, when labelled, then no two labels are closer than a label and the newest month is named', () => {
    const periods = Array.from(
      { length: 24 },
      (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const axis = monthAxis(periods, FRAME);
    expect(axis.labels.length).toBeGreaterThan(1);
    expect(axis.labels.at(-1)?.period).toBe('2024-12');
    for (let i = 1; i < axis.labels.length; i++) {
      const gap = (axis.labels[i]?.x ?? 0) - (axis.labels[i - 1]?.x ?? 0);
      expect(gap).toBeGreaterThanOrEqual(FRAME.labelWidth);
    }
  });

  it('Given few months on a wide chart, when labelled, then every month is named', () => {
    const axis = monthAxis(['2024-07', '2024-08', '2024-09'], { ...FRAME, right: 600 });
    expect(axis.labels.map((label) => label.period)).toEqual(['2024-07', '2024-08', '2024-09']);
  });

  it('Given a history longer than the axis holds, when laid out, then only the latest months are drawn', () => {
    const axis = monthAxis(['2015-01', '2024-12'], FRAME);
    expect(axis.months).toHaveLength(MAX_AXIS_MONTHS);
    expect(axis.months.at(-1)).toBe('2024-12');
    expect(axis.x('2015-01')).toBeUndefined();
  });

  it('Given periods that are not months (tampered claims), when laid out, then they are left out', () => {
    expect(monthAxis(['2024-13', 'July', ''], FRAME).months).toEqual([]);
    expect(monthAxis(['2024-13', '2024-07'], FRAME).months).toEqual(['2024-07']);
  });
});

describe('labelRoom', () => {
  it('Given French short months, when measured, then the longest label sets the room', () => {
    expect(labelRoom(['sept. 24', 'oct. 24'])).toBe(8 * 7 + 10);
  });
});
