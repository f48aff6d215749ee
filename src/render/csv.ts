/**
 * The CSV report of SPEC §6.3: one row per employee — id, name, role, team, each
 * dimension, adjustment, final, grade, rank (then the --compare columns, and for a period in
 * progress `as_of` and `behind_pace`) — in UTF-8 with a BOM so Excel opens Chinese
 * correctly. Headers are stable ids (a contract for scripts); numbers stay numbers; text
 * that Excel would run as a formula is neutralised with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { ScoreReport } from '../core/report.js';
import type { Scheme } from '../core/types.js';
import { usedDimensions } from './ranking-table.js';

// = + - @ tab CR start a formula in Excel (OWASP); the full-width forms too, since Excel
// folds them. Newline and NUL are not on the list but cannot start a safe cell either.
const FORMULA_START = /^[=+\-@\t\r\n\0＝＋－＠]/;

/** Text as a CSV cell that no spreadsheet will evaluate. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type CsvCell = string | number;

/** --compare columns: "new" when the person was not scored in the earlier period. */
function compareCells(e: ScoreReport['employees'][number]): CsvCell[] {
  const before = e.previous ?? null;
  if (!before) return ['', e.final === null ? '' : 'new', '', ''];
  return [before.final, e.final === null ? '' : e.final - before.final, before.rank, e.rank === null ? '' : before.rank - e.rank];
}

export function renderCsv(report: ScoreReport, scheme: Scheme): string {
  const dimensions = usedDimensions(scheme);
  const compared = report.employees.some((e) => e.previous !== undefined);
  const header = ['id', 'name', 'role', 'team', ...dimensions.map((d) => d.id), 'adjustment', 'final', 'grade', 'rank'];
  if (compared) header.push('previous_final', 'change', 'previous_rank', 'rank_change');
  // In progress (SPEC §11): the as-of date, and the metrics behind pace (space-separated ids).
  const progress = report.progress ?? null;
  if (progress) header.push('as_of', 'behind_pace');
  const text = (value: string | null): string => (value === null ? '' : neutralizeCell(value));
  const number = (value: number | null, excluded = false): CsvCell => (value === null ? (excluded ? 'N/A' : '') : value);
  const rows: CsvCell[][] = report.employees.map((e) => [
    text(e.id), text(e.name), text(e.role), text(e.team),
    ...dimensions.map((d) => {
      const dim = e.dimensions.find((x) => x.id === d.id);
      return dim ? number(dim.score, dim.excluded) : '';
    }),
    number(e.adjustment), number(e.final), text(e.grade), number(e.rank),
    ...(compared ? compareCells(e) : []),
    ...(progress ? [progress.asOf, e.indicators.filter((i) => i.behind).map((i) => i.metric).join(' ')] : []),
  ]);
  // csv-stringify quotes a line break only when it is the whole record delimiter (CRLF), so
  // a name with a bare LF or CR inside would be written unquoted and split the row.
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } });
}
