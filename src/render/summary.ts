/**
 * The short summary after the ranking (SPEC §6.1, §4.5): how many rows were rejected, the
 * first few with file, sheet, row, column, value and reason, and every warning. It goes to
 * stderr, so stdout stays clean data.
 */
import { Chalk } from 'chalk';
import type { ScoreReport } from '../core/report.js';
import type { RejectedRow } from '../core/types.js';
import { plain } from './text.js';
import { commonText } from '../messages/common.js';
import { renderText } from '../messages/render.js';
import { say, type Lang } from '../messages/text.js';

const SHOWN = 5;

/** One rejected row, with its place, in the terminal's language. */
export function describeRejected(r: RejectedRow, lang: Lang = 'en'): string {
  // A database's rejections come counted per reason: it has no row numbers (SPEC §14).
  if (r.rows !== undefined) return `${plain(say(renderText.placeCounted({ file: r.file, column: r.column ?? '', rows: r.rows }), lang))}${say(commonText.colon(), lang)}${plain(say(r.reason, lang))}`;
  const place = say(renderText.place({ file: r.file, sheet: r.sheet ?? '', row: r.row, column: r.column ?? '' }), lang);
  const value = r.value === null || r.value === '' ? '' : `"${plain(r.value).slice(0, 60)}" `;
  return `${plain(place)}${say(commonText.colon(), lang)}${value}${plain(say(r.reason, lang))}`;
}

export function renderIssuesSummary(report: ScoreReport, options: { color: boolean; strict: boolean; lang?: Lang }): string {
  const lang = options.lang ?? 'en';
  const tr = (text: Parameters<typeof say>[0]) => say(text, lang);
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const { rejected, stats } = report;
  const warning = chalk.yellow(tr(commonText.warning()));
  if (rejected.length > 0) {
    const label = options.strict ? chalk.red(tr(commonText.error())) : warning;
    // A database's rejection stands for `rows` rows (SPEC §14).
    const rows = (list: readonly RejectedRow[]) => list.reduce((n, r) => n + (r.rows ?? 1), 0);
    lines.push(tr(renderText.rowsRejected({ label, count: rows(rejected) })));
    for (const r of rejected.slice(0, SHOWN)) lines.push(`  ${describeRejected(r, lang)}`);
    if (rejected.length > SHOWN) lines.push(`  ${tr(renderText.andMore({ count: rows(rejected.slice(SHOWN)) }))}`);
  }
  for (const w of report.warnings) lines.push(tr(renderText.warningLine({ label: warning, message: plain(tr(w)) })));
  // Every row accounted for: read = used + rejected + outside the period + blank.
  lines.push(tr(stats.read === undefined
    ? renderText.rowsRead({ rows: stats.rows, outside: stats.rowsOutOfPeriod, rejected: stats.rejected })
    : renderText.rowsAccounted({ read: stats.read, used: stats.used!, rejected: stats.rejected, outside: stats.rowsOutOfPeriod, blank: stats.blank! })));
  return `${lines.join('\n')}\n`;
}
