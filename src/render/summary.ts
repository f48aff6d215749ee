/**
 * The short summary after the ranking (SPEC §6.1, §4.5): how many rows were rejected, the
 * first few with file, sheet, row, column, value and reason, and every warning. It goes to
 * stderr, so stdout stays clean data.
 */
import { Chalk } from 'chalk';
import type { ScoreReport } from '../core/report.js';
import type { RejectedRow } from '../core/types.js';
import { plain } from './text.js';

const SHOWN = 5;

export function describeRejected(r: RejectedRow): string {
  // A database's rejections come counted per reason: it has no row numbers (SPEC §14).
  if (r.rows !== undefined) return `${plain(r.file)}${r.column ? `, column ${plain(r.column)}` : ''}: ${r.rows} row${r.rows > 1 ? 's' : ''}: ${plain(r.reason)}`;
  const place = `${r.file}${r.sheet ? ` [${r.sheet}]` : ''} row ${r.row}${r.column ? `, column ${r.column}` : ''}`;
  const value = r.value === null || r.value === '' ? '' : `"${plain(r.value).slice(0, 60)}" `;
  return `${plain(place)}: ${value}${plain(r.reason)}`;
}

export function renderIssuesSummary(report: ScoreReport, options: { color: boolean; strict: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const { rejected, stats } = report;
  if (rejected.length > 0) {
    const label = options.strict ? chalk.red('error') : chalk.yellow('warning');
    lines.push(`kpi: ${label}: ${rejected.length} row${rejected.length > 1 ? 's' : ''} rejected (they count in no metric):`);
    for (const r of rejected.slice(0, SHOWN)) lines.push(`  ${describeRejected(r)}`);
    if (rejected.length > SHOWN) lines.push(`  … and ${rejected.length - SHOWN} more (all of them are in --format json and the workbook's Issues sheet)`);
  }
  for (const w of report.warnings) lines.push(`kpi: ${chalk.yellow('warning')}: ${plain(w)}`);
  // Every row accounted for: read = used + rejected + outside the period + blank.
  lines.push(stats.read === undefined
    ? `kpi: ${stats.rows} rows read, ${stats.rowsOutOfPeriod} outside the period, ${stats.rejected} rejected`
    : `kpi: ${stats.read} rows read: ${stats.used} used, ${stats.rejected} rejected, ${stats.rowsOutOfPeriod} outside the period, ${stats.blank} blank`);
  return `${lines.join('\n')}\n`;
}
