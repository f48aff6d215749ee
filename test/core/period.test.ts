/**
 * Periods (SPEC §1): the forms, which period holds a day, ranges for batch. Day numbers
 * are worked out by hand: 2026-01-01 is day 20454 (56 years of 365 days + 14 leap days).
 */
import { describe, expect, it } from 'vitest';
import { inPeriod, parsePeriod, parsePeriodRange, periodContaining } from '../../src/core/period.js';

const JAN_1_2026 = 20454; // 56 × 365 + 14 leap days (1972 … 2024)
const NOV_1_2026 = JAN_1_2026 + 304; // Jan–Oct: 31+28+31+30+31+30+31+31+30+31 = 304
const DEC_1_2026 = NOV_1_2026 + 30;

describe('parsePeriod', () => {
  it.each([
    ['2026-11', '2026-11', 'month', NOV_1_2026, DEC_1_2026],
    ['2026-1', '2026-01', 'month', JAN_1_2026, JAN_1_2026 + 31],
    ['2026-Q4', '2026-Q4', 'quarter', JAN_1_2026 + 273, JAN_1_2026 + 365], // Oct 1 = 304 − 31
    ['2026-q1', '2026-Q1', 'quarter', JAN_1_2026, JAN_1_2026 + 90],
    ['2026-H2', '2026-H2', 'half', JAN_1_2026 + 181, JAN_1_2026 + 365], // Jul 1 = 31+28+31+30+31+30
    ['2026', '2026', 'year', JAN_1_2026, JAN_1_2026 + 365],
  ])('%s → %s', (text, key, unit, start, end) => {
    expect(parsePeriod(text)).toEqual({ key, unit, start, end });
  });

  it.each(['2026-13', '2026-0', '2026-Q5', '26-11', 'Nov 2026', ''])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('periodContaining and inPeriod', () => {
  it('the last moment of November is in November, midnight of December 1 is not', () => {
    const nov = parsePeriod('2026-11')!;
    expect(inPeriod(DEC_1_2026 - 1e-9, nov)).toBe(true);
    expect(inPeriod(DEC_1_2026, nov)).toBe(false);
    expect(periodContaining(NOV_1_2026 + 4.5, 'month').key).toBe('2026-11'); // Nov 5, noon
    expect(periodContaining(NOV_1_2026 + 4.5, 'quarter').key).toBe('2026-Q4');
    expect(periodContaining(NOV_1_2026 + 4.5, 'half').key).toBe('2026-H2');
    expect(periodContaining(NOV_1_2026 + 4.5, 'year').key).toBe('2026');
  });
});

describe('parsePeriodRange', () => {
  it('expands months across a year end', () => {
    expect(parsePeriodRange('2025-11..2026-02')!.map((p) => p.key)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('expands quarters; a single period is a range of one', () => {
    expect(parsePeriodRange('2026-Q3..2026-Q4')!.map((p) => p.key)).toEqual(['2026-Q3', '2026-Q4']);
    expect(parsePeriodRange('2026-11')!.map((p) => p.key)).toEqual(['2026-11']);
  });
  it.each(['2026-11..2026-01', '2026-11..2026-Q4', '2026-11..', 'a..b'])('%j is refused', (text) => {
    expect(parsePeriodRange(text)).toBeNull();
  });
});
