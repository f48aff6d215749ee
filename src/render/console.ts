/**
 * The console ranking of SPEC §6.1: title, period and head count, then one line per
 * person — rank, id, name, role, each dimension (N/A when excluded), adjustments, final,
 * grade — aligned for CJK text. Colour is passed in, never sniffed here.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { ScoreReport } from '../core/report.js';
import type { Scheme } from '../core/types.js';
import { word, type Locale } from './labels.js';
import { buildRankingTable, type Column, type RankingRow } from './ranking-table.js';
import { fixed2, plain } from './text.js';
import { progressText } from '../messages/progress.js';
import { say, type Lang } from '../messages/text.js';
import { renderBehind } from './pace.js';

export interface ConsoleOptions {
  color: boolean;
  /** The terminal's language, for the words of a period in progress (SPEC §11). */
  lang?: Lang;
}

const GRADE_COLORS = ['green', 'cyan', 'white'] as const;

/** SPEC §6.1 lists no team column in the console; CSV and workbook keep it. */
const HIDDEN = new Set(['team']);

export function renderConsole(report: ScoreReport, scheme: Scheme, options: ConsoleOptions): string {
  const locale: Locale = scheme.locale;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const w = (key: Parameters<typeof word>[0]) => word(key, locale);
  const ranking = buildRankingTable(report, scheme);
  const shown = ranking.columns.map((c, i) => ({ ...c, index: i })).filter((c) => !HIDDEN.has(c.key));
  const gradeColor = (grade: string) => {
    const index = scheme.grades.findIndex((g) => g.grade === grade);
    if (index < 0) return grade;
    return index === scheme.grades.length - 1 ? chalk.red(grade) : chalk[GRADE_COLORS[Math.min(index, GRADE_COLORS.length - 1)]](grade);
  };
  const format = (column: Column, row: RankingRow, index: number): string => {
    const value = row.cells[index];
    if (value === null) {
      if (row.excluded[index]) return chalk.dim(w('notApplicable'));
      if (column.key === 'final' && row.error) return chalk.red(w('notScored'));
      return column.key === 'rank' ? '-' : '';
    }
    switch (column.kind) {
      case 'integer':
        return String(value);
      case 'score':
        return column.key === 'final' ? chalk.bold(fixed2(value as number)) + (row.vetoed ? chalk.red(' !') : '') : fixed2(value as number);
      case 'signed':
        if (typeof value === 'string') return chalk.cyan(value);
        return value === 0 ? (column.key === 'change' ? '0.00' : '') : `${(value as number) > 0 ? '+' : ''}${fixed2(value as number)}`;
      case 'rankChange':
        return value === 0 ? '–' : (value as number) > 0 ? chalk.green(`↑${value}`) : chalk.red(`↓${-(value as number)}`);
      case 'grade':
        return gradeColor(String(value));
      default:
        return plain(String(value));
    }
  };
  const table = new Table({
    head: shown.map((c) => chalk.bold(plain(c.label))),
    style: { head: [], border: [], compact: true },
    colAligns: shown.map((c) => (c.kind === 'text' || c.kind === 'grade' ? 'left' : 'right')),
  });
  for (const row of ranking.rows) table.push(shown.map((c) => format(c, row, c.index)));
  const scored = report.employees.filter((e) => e.error === null).length;
  const progress = report.progress;
  const lang = options.lang ?? locale;
  // In progress (SPEC §11) the period line says so: as of when, how many working days.
  const periodLine = progress
    ? say(progressText.title({ period: report.period ?? '', asOf: progress.asOf, elapsed: progress.elapsedWorkdays, total: progress.totalWorkdays }), lang)
    : `${w('period')}: ${report.period ?? w('allPeriods')}`;
  const header = `${chalk.bold(plain(report.title))}\n${periodLine}    ${w('scored')}: ${scored}\n`;
  const behind = progress ? renderBehind(report, scheme, lang) : '';
  return `${header}${table.toString()}\n${vetoNotes(report, locale, chalk)}${behind}`;
}

/** One line per vetoed person under the table, so the `!` explains itself. */
function vetoNotes(report: ScoreReport, locale: Locale, chalk: InstanceType<typeof Chalk>): string {
  const lines: string[] = [];
  for (const e of report.employees) {
    for (const v of e.vetoes) {
      const effect = v.effect === 'zero' ? '→ 0' : v.effect === 'cap' ? `→ ≤ ${v.cap}` : `→ ${v.grade}`;
      const who = plain(`${e.id}${e.name ? ` ${e.name}` : ''}`);
      lines.push(`${chalk.red('!')} ${who}: ${plain(v.label)} (${v.metric} = ${v.actual}) ${effect}`);
    }
  }
  if (lines.length === 0) return '';
  const title = locale === 'en' ? 'Vetoes:' : '一票否决:';
  return `${title}\n${lines.join('\n')}\n`;
}
