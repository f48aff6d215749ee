/**
 * workdays() with the calendar of SPEC §3.1, and derived fields computed on a row.
 * Calendar (China, October 2026): holidays 10-01 (Thu), 10-02 (Fri), 10-05 (Mon); make-up
 * working days 09-27 (Sun) and 10-10 (Sat). Day numbers: 2026-10-01 = 20727.
 */
import { describe, expect, it } from 'vitest';
import { countWorkdays, PLAIN_WEEK } from '../../src/core/calendar.js';
import { compileDerivations } from '../../src/core/derive.js';
import { parseExpression } from '../../src/core/expression.js';
import type { CellValue, Source } from '../../src/core/types.js';

const OCT = (d: number, hours = 0) => 20726 + d + hours / 24; // 2026-10-d
const calendar = { holidays: new Set([OCT(1), OCT(2), OCT(5)]), workdays: new Set([OCT(-3), OCT(10)]) }; // OCT(-3) = 09-27

describe('countWorkdays', () => {
  it.each([
    // d with from < d ≤ to: Sat 07 and Sun 08 are not counted, Mon 09 is.
    ['across a weekend: Fri 11-06 → Mon 11-09', PLAIN_WEEK, OCT(37), OCT(40), 1],
    // Oct 1 (hol), 2 (hol), 3 Sat, 4 Sun, 5 (hol), 6 Tue → only the 6th.
    ['across the holidays: Wed 09-30 → Tue 10-06', calendar, OCT(0), OCT(6), 1],
    ['the same without the calendar', PLAIN_WEEK, OCT(0), OCT(6), 4],
    // Sat 10 (make-up), Sun 11, Mon 12 → 2.
    ['a make-up Saturday: Fri 10-09 → Mon 10-12', calendar, OCT(9), OCT(12), 2],
    // Sat 26, Sun 27 (make-up), Mon 28 → 2.
    ['a make-up Sunday: Fri 09-25 → Mon 09-28', calendar, OCT(-5), OCT(-2), 2],
    ['reversed: Mon 10-12 → Fri 10-09', calendar, OCT(12), OCT(9), -2],
    ['the same day, morning to evening', calendar, OCT(9, 8), OCT(9, 17), 0],
    ['times of day do not matter, only dates', calendar, OCT(9, 23), OCT(12, 1), 2],
  ])('%s → %i', (_, cal, from, to, expected) => {
    expect(countWorkdays(cal, from, to)).toBe(expected);
  });
});

describe('compileDerivations', () => {
  const source: Source = {
    id: 'tickets', dated: true, trueValues: [], falseValues: [],
    fields: [
      { id: 'employee', type: 'text', headers: ['处理人'] },
      { id: 'reported', type: 'date', headers: ['报修时间'] },
      { id: 'responded', type: 'date', headers: ['响应时间'] },
      { id: 'closed', type: 'date', headers: ['结案时间'] },
      { id: 'response_hours', type: 'number', headers: [], derive: parseExpression('hours(reported, responded)') },
      { id: 'late', type: 'boolean', headers: [], derive: parseExpression('response_hours > 2') },
      { id: 'repair_days', type: 'number', headers: [], derive: parseExpression('workdays(reported, closed)') },
      { id: 'minutes', type: 'number', headers: [], derive: parseExpression('minutes(reported, responded)') },
      { id: 'days', type: 'number', headers: [], derive: parseExpression('round(days(reported, closed), 2)') },
    ],
  };
  const derive = compileDerivations(source, calendar)!;

  it('computes durations, a flag and working days from timestamps', () => {
    // Reported Fri 10-09 08:00, responded 11:30 (3.5 h = 210 min), closed Mon 10-12 08:00:
    // Sat 10 is a make-up working day → 2 working days; 3 calendar days.
    const row: CellValue[] = ['E1', OCT(9, 8), OCT(9, 11.5), OCT(12, 8), null, null, null, null, null];
    derive(row);
    expect(row.slice(4)).toEqual([3.5, true, 2, 210, 3]);
  });

  it('an empty timestamp gives empty (NULL) results, not a rejected row', () => {
    const row: CellValue[] = ['E1', OCT(9, 8), null, OCT(9, 9), null, null, null, null, null];
    derive(row);
    expect(row.slice(4)).toEqual([null, null, 0, null, 0.04]); // 1 h = 0.0417 days → 0.04
  });

  it('a source without derived fields needs no work', () => {
    expect(compileDerivations({ ...source, fields: source.fields.slice(0, 4) }, calendar)).toBeNull();
  });
});
