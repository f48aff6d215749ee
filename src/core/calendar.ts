/**
 * The working-day calendar of SPEC §3.1: Monday–Friday, minus public holidays, plus the
 * make-up working days of 调休. `workdays(a, b)` counts working days d with a's date < d ≤
 * b's date — negative, counted the same way, when b is earlier; 0 on the same day.
 */
import { weekdaysBetween } from './expression.js';
import type { DayNumber } from './types.js';

export interface Calendar {
  /** Whole day numbers. */
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

export const PLAIN_WEEK: Calendar = { holidays: new Set(), workdays: new Set() };

/** 1970-01-01 was a Thursday: (day + 4) mod 7 is 0 on Sundays, 6 on Saturdays. */
function isWeekday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Working days d with from < d ≤ to (whole days), signed. */
export function countWorkdays(calendar: Calendar, from: DayNumber, to: DayNumber): number {
  const a = Math.floor(from);
  const b = Math.floor(to);
  if (a === b) return 0;
  const [low, high, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = weekdaysBetween(low, high);
  for (const day of calendar.holidays) if (day > low && day <= high && isWeekday(day)) count--;
  for (const day of calendar.workdays) if (day > low && day <= high && !isWeekday(day)) count++;
  return sign * count;
}
