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
import { fixed2, plain } from './text.js';

export interface ConsoleOptions {
  color: boolean;
}

const GRADE_COLORS = ['green', 'cyan', 'white', 'red'] as const;

export function renderConsole(report: ScoreReport, scheme: Scheme, options: ConsoleOptions): string {
  const locale: Locale = scheme.locale;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const w = (key: Parameters<typeof word>[0]) => word(key, locale);
  const dimensionIds = scheme.dimensions.map((d) => d.id).filter((id) => scheme.roles.some((r) => r.weights.some((x) => x.dimension === id)));
  const roleLabel = (id: string | null) => (id === null ? '' : scheme.roles.find((r) => r.id === id)?.label ?? id);
  const gradeColor = (grade: string | null) => {
    const index = scheme.grades.findIndex((g) => g.grade === grade);
    const last = scheme.grades.length - 1;
    const color = index === last ? 'red' : GRADE_COLORS[Math.min(index, GRADE_COLORS.length - 2)];
    return grade === null ? '' : index < 0 ? grade : chalk[color](grade);
  };

  const table = new Table({
    head: [w('rank'), w('id'), w('name'), w('role'), ...dimensionIds.map((id) => scheme.dimensions.find((d) => d.id === id)!.label), w('adjustment'), w('final'), w('grade')].map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ['right', 'left', 'left', 'left', ...dimensionIds.map(() => 'right' as const), 'right', 'right', 'left'],
  });
  for (const e of report.employees) {
    const dims = dimensionIds.map((id) => {
      const d = e.dimensions.find((x) => x.id === id);
      if (!d) return '';
      return d.score === null ? chalk.dim(w('notApplicable')) : fixed2(d.score);
    });
    const adjustment = e.adjustment === null || e.adjustment === 0 ? '' : (e.adjustment > 0 ? '+' : '') + fixed2(e.adjustment);
    const final = e.final === null ? chalk.red(w('notScored')) : chalk.bold(fixed2(e.final)) + (e.vetoes.length ? chalk.red(' !') : '');
    table.push([e.rank === null ? '-' : String(e.rank), plain(e.id), plain(e.name ?? ''), plain(roleLabel(e.role)), ...dims, adjustment, final, gradeColor(e.grade)]);
  }
  const scored = report.employees.filter((e) => e.error === null).length;
  const header = `${chalk.bold(plain(report.title))}\n${w('period')}: ${report.period ?? w('allPeriods')}    ${w('scored')}: ${scored}\n`;
  return `${header}${table.toString()}\n`;
}
