/**
 * The behind-pace list of a period in progress (SPEC §11), as the console prints it below
 * the ranking: per person, each indicator whose value so far is on the wrong side of what
 * is expected by now, with the value so far, the expected value and the period target.
 */
import { targetOf } from '../core/progress.js';
import type { ReportEmployee, ScoreReport } from '../core/report.js';
import type { Indicator, Scheme } from '../core/types.js';
import { progressText } from '../messages/progress.js';
import { say, type Lang } from '../messages/text.js';
import { formatPlain } from './standard-words.js';
import { plain } from './text.js';

export interface BehindItem {
  employee: ReportEmployee;
  indicator: Indicator;
  toDate: number;
  expected: number;
  target: number;
}

/** The indicator of a dimension that a report line stands for. */
export function indicatorOf(scheme: Scheme, dimension: string, metric: string): Indicator | undefined {
  return scheme.dimensions.find((d) => d.id === dimension)?.indicators.find((i) => i.metric === metric);
}

/** Every indicator behind pace, in ranking order, then in the order of the scheme. */
export function behindItems(report: ScoreReport, scheme: Scheme): BehindItem[] {
  const items: BehindItem[] = [];
  for (const employee of report.employees) {
    for (const line of employee.indicators) {
      if (!line.behind) continue;
      const indicator = indicatorOf(scheme, line.dimension, line.metric);
      const target = indicator ? targetOf(indicator.standard) : null;
      if (!indicator || !target || line.toDate == null || line.expectedToDate == null) continue;
      items.push({ employee, indicator, toDate: line.toDate, expected: line.expectedToDate, target: target.target });
    }
  }
  return items;
}

/** The console's list, in the terminal's language; "none" said out loud, for a mailed report. */
export function renderBehind(report: ScoreReport, scheme: Scheme, lang: Lang): string {
  const items = behindItems(report, scheme);
  if (items.length === 0) return `${say(progressText.behindNone(), lang)}\n`;
  const lines = items.map(({ employee, indicator, toDate, expected, target }) => `  ${say(progressText.behindLine({
    who: plain(`${employee.id}${employee.name ? ` ${employee.name}` : ''}`),
    indicator: plain(indicator.label),
    toDate: formatPlain(toDate, 2),
    expected: formatPlain(expected, 2),
    target: formatPlain(target, 2),
  }), lang)}`);
  return `${say(progressText.behindHead({ n: items.length }), lang)}\n${lines.join('\n')}\n`;
}
