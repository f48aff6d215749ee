/**
 * `kpi score --compare <period>` (SPEC §9.1): the earlier period scored from the same
 * ledgers, and each person's previous final and rank set beside the current ones. People
 * new this period get `previous: null` ("new"); people gone since are not listed.
 */
import { parsePeriod, type Period } from '../core/period.js';
import type { ScoreReport } from '../core/report.js';
import type { PeriodUnit } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';

/** Parses --compare; it must be a period of the same kind as the one scored. */
export function parseComparePeriod(text: string, scoredUnit: PeriodUnit): Period {
  const period = parsePeriod(text);
  if (!period) throw new KpiError(`--compare ${text} is not a period`, EXIT.usage, 'use 2026-10, 2026-Q3, 2026-H1 or 2025');
  if (period.unit !== scoredUnit) {
    throw new KpiError(`--compare ${text} is a ${period.unit}, but the period scored is a ${scoredUnit}`, EXIT.usage, 'compare a month with a month, a quarter with a quarter; set the scored period with -p');
  }
  return period;
}

/** Sets each person's previous final and rank; `config` is named when the earlier period was
 *  scored under another version of the scheme (SPEC §12), so the change is read with care. */
export function attachPrevious(report: ScoreReport, previous: ScoreReport): void {
  const other = previous.config !== report.config ? { config: previous.config } : {};
  const before = new Map(previous.employees.filter((e) => e.final !== null).map((e) => [e.id, { final: e.final!, rank: e.rank!, ...other }]));
  for (const e of report.employees) e.previous = before.get(e.id) ?? null;
}
