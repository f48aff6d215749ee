/**
 * Assessment periods (SPEC §1): `2026-11`, `2026-Q4`, `2026-H2`, `2026`, and ranges
 * `2026-01..2026-11`. A period is a half-open range of DayNumbers, so "is this row in the
 * period" is two comparisons on a number.
 */
import type { DayNumber, PeriodUnit } from './types.js';

export interface Period {
  /** Canonical text, e.g. `2026-11`, `2026-Q4`. */
  key: string;
  unit: PeriodUnit;
  /** First day (inclusive) and end (exclusive), as DayNumbers. */
  start: DayNumber;
  end: DayNumber;
}

const MS_PER_DAY = 86_400_000;

function day(year: number, monthIndex: number): DayNumber {
  return Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
}

function make(unit: PeriodUnit, year: number, firstMonth: number, months: number, key: string): Period {
  return { key, unit, start: day(year, firstMonth), end: day(year, firstMonth + months) };
}

/** Parses a period; returns null when the text is not one of the §1 forms. */
export function parsePeriod(text: string): Period | null {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return make('month', Number(m[1]), month - 1, 1, `${m[1]}-${String(month).padStart(2, '0')}`);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) return make('quarter', Number(m[1]), (Number(m[2]) - 1) * 3, 3, `${m[1]}-Q${m[2]}`);
  m = /^(\d{4})-H([12])$/.exec(t);
  if (m) return make('half', Number(m[1]), (Number(m[2]) - 1) * 6, 6, `${m[1]}-H${m[2]}`);
  m = /^(\d{4})$/.exec(t);
  if (m) return make('year', Number(m[1]), 0, 12, m[1]);
  return null;
}

/** The period of the given unit that contains a day. */
export function periodContaining(dayNumber: DayNumber, unit: PeriodUnit): Period {
  const date = new Date(Math.floor(dayNumber) * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (unit) {
    case 'month':
      return parsePeriod(`${year}-${month + 1}`)!;
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.floor(month / 3) + 1}`)!;
    case 'half':
      return parsePeriod(`${year}-H${month < 6 ? 1 : 2}`)!;
    case 'year':
      return parsePeriod(String(year))!;
  }
}

/** The next period of the same unit. */
export function nextPeriod(period: Period): Period {
  return periodContaining(period.end, period.unit);
}

/** Expands `A..B` (same unit, A ≤ B) into every period from A to B; null if malformed. */
export function parsePeriodRange(text: string): Period[] | null {
  const parts = text.split('..');
  if (parts.length === 1) {
    const single = parsePeriod(parts[0]);
    return single ? [single] : null;
  }
  if (parts.length !== 2) return null;
  const from = parsePeriod(parts[0]);
  const to = parsePeriod(parts[1]);
  if (!from || !to || from.unit !== to.unit || from.start > to.start) return null;
  const periods: Period[] = [];
  for (let p = from; p.start <= to.start; p = nextPeriod(p)) periods.push(p);
  return periods;
}

export function inPeriod(dayNumber: DayNumber, period: Period): boolean {
  return dayNumber >= period.start && dayNumber < period.end;
}
