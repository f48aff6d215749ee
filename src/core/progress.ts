/**
 * The period in progress (SPEC §11, process control): how many working days of the period
 * have passed by the as-of date, the actuals projected to the period's end (what each
 * person gets if the rest of the period goes like the part so far), and which indicators
 * are behind pace. Projection only changes the actual values that go into scoring; the
 * engine downstream (standards, adjustments, vetoes, grades, ranks) is the unchanged one.
 */
import type { Calendar } from './calendar.js';
import { countWorkdays } from './calendar.js';
import { computeFormulas, type MetricValues } from './metrics.js';
import type { Period } from './period.js';
import type { EmployeeResult } from './result.js';
import type { DayNumber, Metric, Scheme, Standard } from './types.js';

/** The top-level `progress` of the JSON (SPEC §11); null when the period is not in progress. */
export interface ProgressInfo {
  asOf: string;
  elapsedWorkdays: number;
  totalWorkdays: number;
}

/** An indicator's pace: its to-date value, what it should be by now, and whether it lags. */
export interface Pace {
  toDate: number | null;
  expectedToDate: number | null;
  behind: boolean;
}

/** `YYYY-MM-DD` of a day number (calendar arithmetic in UTC: no time zone shifts a date). */
export function isoDay(day: DayNumber): string {
  return new Date(Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Working days of the period (Monday–Friday minus holidays plus make-up days, §3.1):
 * `elapsed` up to and including `asOf`, `total` in the whole period.
 */
export function workdaysOf(calendar: Calendar, period: Period, asOf: DayNumber): { elapsed: number; total: number } {
  const before = period.start - 1;
  return { elapsed: countWorkdays(calendar, before, Math.floor(asOf)), total: countWorkdays(calendar, before, period.end - 1) };
}

/**
 * Additive metrics (§11): `count` and `sum` over a dated source. A metric over an undated
 * source is not a value "so far" (its rows are not filtered by date), so it is neither
 * projected nor paced; formulas and the other aggregations are not additive.
 */
export function isAdditive(scheme: Scheme, metric: Metric | undefined): boolean {
  if (!metric || metric.kind !== 'agg' || (metric.agg !== 'count' && metric.agg !== 'sum')) return false;
  return scheme.sources.find((s) => s.id === metric.source)?.dated ?? false;
}

/**
 * From an employee's aggregated to-date values (no formulas yet), the to-date values with
 * formulas, and the projected ones: an additive metric without `project: false` becomes
 * to-date × total / elapsed, every other aggregation stays as it is, and a formula is
 * computed from the projected metrics it refers to (a formula with `project: false` keeps
 * its to-date value). On the period's last day nothing is scaled, so the projection is
 * exactly the plain score.
 */
export function projectValues(scheme: Scheme, aggregated: MetricValues, progress: ProgressInfo): { toDate: MetricValues; projected: MetricValues } {
  const toDate = computeFormulas(scheme.metrics, aggregated);
  const { elapsedWorkdays: elapsed, totalWorkdays: total } = progress;
  const seeded: MetricValues = new Map();
  for (const metric of scheme.metrics) {
    const value = toDate.get(metric.id) ?? null;
    if (metric.kind === 'agg') {
      const scaled = value !== null && elapsed !== total && metric.project !== false && isAdditive(scheme, metric);
      seeded.set(metric.id, scaled ? (value * total) / elapsed : value);
    } else if (metric.project === false) {
      seeded.set(metric.id, value);
    }
  }
  return { toDate, projected: computeFormulas(scheme.metrics, seeded) };
}

/**
 * The period target a standard names (§11): linear `target`, ratio `target`, the first
 * piecewise point that scores 100, threshold `min` (the `gte`, else `gt`, of its
 * condition); null for a standard without one (bands, deduct, add, direct).
 */
export function targetOf(standard: Standard): { target: number; lowerIsBetter: boolean } | null {
  switch (standard.method) {
    case 'linear':
      return { target: standard.target, lowerIsBetter: standard.zero > standard.target };
    case 'ratio':
      return { target: standard.target, lowerIsBetter: standard.better === 'lower' };
    case 'piecewise': {
      const point = standard.points.find((p) => p.score === 100);
      const descending = standard.points.length > 1 && standard.points[1].at < standard.points[0].at;
      return point ? { target: point.at, lowerIsBetter: descending } : null;
    }
    case 'threshold': {
      const when = standard.when;
      if (when.kind !== 'ops') return null;
      const min = when.ops.gte ?? when.ops.gt;
      return typeof min === 'number' ? { target: min, lowerIsBetter: false } : null;
    }
    default:
      return null;
  }
}

/**
 * An indicator's pace: expected by now = target × elapsed / total, for an additive metric
 * whose standard has a target; behind when the to-date value is on the wrong side of it
 * (below, or above when lower is better). Equal is on pace. `project: false` stops the
 * projection, not the pace: the metric is still a count or a sum.
 */
export function paceOf(scheme: Scheme, metricId: string, standard: Standard, toDate: number | null, progress: ProgressInfo): Pace {
  const target = isAdditive(scheme, scheme.metrics.find((m) => m.id === metricId)) ? targetOf(standard) : null;
  if (!target) return { toDate, expectedToDate: null, behind: false };
  const expectedToDate = (target.target * progress.elapsedWorkdays) / progress.totalWorkdays;
  const behind = toDate !== null && (target.lowerIsBetter ? toDate > expectedToDate : toDate < expectedToDate);
  return { toDate, expectedToDate, behind };
}

/** Gives every indicator of every scored person its pace, from their to-date values. */
export function attachPace(scheme: Scheme, results: EmployeeResult[], toDateOf: (id: string) => MetricValues | undefined, progress: ProgressInfo): void {
  for (const result of results) {
    const values = toDateOf(result.id);
    for (const indicator of result.indicators) {
      indicator.pace = paceOf(scheme, indicator.metric, indicator.indicator.standard, values?.get(indicator.metric) ?? null, progress);
    }
  }
}
