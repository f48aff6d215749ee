/**
 * `kpi score --compare <period>` (SPEC §9.1): the earlier period scored from the same
 * ledgers, and each person's previous final and rank set beside the current ones. People
 * new this period get `previous: null` ("new"); people gone since are not listed.
 */
import { parsePeriod, type Period } from '../core/period.js';
import type { ScoreReport } from '../core/report.js';
import type { PeriodUnit } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { commandText } from '../messages/commands.js';
import { renderText } from '../messages/render.js';

/** Parses --compare; it must be a period of the same kind as the one scored. */
export function parseComparePeriod(text: string, scoredUnit: PeriodUnit): Period {
  const period = parsePeriod(text);
  if (!period) throw new KpiError(commandText.compareNotAPeriod({ period: text }), EXIT.usage, commandText.compareForms());
  if (period.unit !== scoredUnit) {
    throw new KpiError(commandText.compareUnit({ period: text, unit: renderText[period.unit](), scored: renderText[scoredUnit]() }), EXIT.usage, commandText.compareUnitHint());
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
