/**
 * The JSON contract of SPEC §6.2: the report as it is, two-space indented, one trailing
 * newline. Same input, same bytes: nothing here depends on the clock or on map order.
 */
import type { ScoreReport } from '../core/report.js';

export function renderJson(report: ScoreReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
