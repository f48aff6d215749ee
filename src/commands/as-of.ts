/**
 * `kpi score --as-of DATE` (SPEC §11): which period is in progress, how many of its working
 * days have passed, and the note for a plain `kpi score` of a period that has not ended.
 * "Today" is the computer's local date, or KPI_TODAY (YYYY-MM-DD) so tests never depend
 * on the real date; the CLI passes it in, so nothing here reads the clock.
 */
import { periodContaining, type Period } from '../core/period.js';
import { isoDay, workdaysOf, type ProgressInfo } from '../core/progress.js';
import type { DayNumber, Scheme } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { progressText } from '../messages/progress.js';

/** A calendar date `YYYY-MM-DD` as a day number, or null when it is not one. */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}

/** The local calendar date of a moment, `YYYY-MM-DD`: the day the person at the computer sees. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today as a day number: KPI_TODAY when given (checked), else the computer's date. */
export function todayOf(today: string): DayNumber {
  const day = parseIsoDay(today);
  if (day === null) throw new KpiError(progressText.todayNotADate({ value: today }), EXIT.usage, progressText.todayNotADateHint());
  return day;
}

export interface AsOf {
  period: Period;
  /** Rows dated on or after this day are out of period. */
  until: DayNumber;
  progress: ProgressInfo;
}

/**
 * The period in progress for `--as-of value`: the one given with -p (which must contain
 * the date), else the period of the config's unit that contains it; with its working days.
 */
export function resolveAsOf(value: string, period: Period | null, scheme: Scheme, today: string): AsOf {
  const day = value.trim().toLowerCase() === 'today' ? todayOf(today) : parseIsoDay(value);
  if (day === null) throw new KpiError(progressText.asOfNotADate({ value }), EXIT.usage, progressText.asOfNotADateHint());
  const asOf = isoDay(day);
  if (period && !(day >= period.start && day < period.end)) {
    throw new KpiError(progressText.asOfOutsidePeriod({ asOf, period: period.key }), EXIT.usage, progressText.asOfOutsidePeriodHint({ period: period.key }));
  }
  const scored = period ?? periodContaining(day, scheme.period);
  const { elapsed, total } = workdaysOf(scheme.calendar, scored, day);
  if (elapsed === 0) {
    throw new KpiError(progressText.noWorkdayElapsed({ asOf, period: scored.key }), EXIT.usage, progressText.noWorkdayElapsedHint());
  }
  return { period: scored, until: day + 1, progress: { asOf, elapsedWorkdays: elapsed, totalWorkdays: total } };
}

/** The note for a plain score of a period that today lies in (never in a report). */
export function notEndedNote(period: Period | null, today: string): ReturnType<typeof progressText.notEnded> | null {
  if (!period) return null;
  const day = todayOf(today);
  if (day < period.start || day >= period.end) return null;
  return progressText.notEnded({ period: period.key, today: isoDay(day) });
}
