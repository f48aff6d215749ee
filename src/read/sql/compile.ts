/**
 * The push-down compiler of SPEC §14, pure (tested without a database): the metrics of one
 * database source and the period become one query of per-person aggregates — only those
 * come back. Metrics aggregate the accepted rows (rows.ts) through FILTER (WHERE …).
 * - A fixed period (`-p`, `--as-of`): the period's accepted rows grouped by person (and,
 *   where the engine groups by hashing, by outcome), UNION ALL every other row counted by
 *   reason (out of period, blank, no date, an unreadable cell…) with its first and last
 *   dates, for the book's `latest`.
 * - Otherwise: grouped by person, period and outcome, so that the ledger book can choose
 *   the latest period, or `batch` each, as with files.
 */
import type { Period } from '../../core/period.js';
import type { Metric, PeriodUnit, Scheme, Source } from '../../core/types.js';
import { dialectOf, double, type Dialect, type Engine } from './dialect.js';
import { filterSql } from './expression.js';
import { Params, type ParamValue } from './params.js';
import { rankedColumns, withRankedPercentiles, type RankedPercentile } from './percentile.js';
import { OUTCOME, rowsOf, type Rows } from './rows.js';
import type { ColumnKind } from './typing.js';

export { fromClause, OUTCOME } from './rows.js';

export type AggMetric = Extract<Metric, { kind: 'agg' }>;

/** What comes back for each metric: the columns that make its value. */
export interface MetricColumns {
  metric: AggMetric;
  /** count, sum, min, max, median, percentile, distinct: `a`; avg: a = sum, b = count;
   *  ratio: a = rows, b = hits. */
  columns: string[];
}

export interface CompiledQuery {
  sql: string;
  params: ParamValue[];
  metrics: MetricColumns[];
  /** The source's fields in order: outcome 10 + i names field i. */
  source: Source;
  /** Accepted groups carry the employee column as stored, to be trimmed (and checked). */
  rawEmployee: boolean;
  /** What it was compiled from (to compile it again with the ids trimmed). */
  input: CompileInput;
}

export interface CompileInput {
  engine: Engine;
  scheme: Scheme;
  source: Source;
  /** The period asked for, or null to group by period of `unit`. */
  period: Period | null;
  unit: PeriodUnit;
  /** `kpi score --as-of` (SPEC §11): rows dated on or after this day count as out of period. */
  until?: number;
  /** Under a fixed period, group by the employee column as stored, trimming the ids
   *  afterwards (`bookResults`); false when two ids differ only in white space. */
  rawEmployee?: boolean;
  /** The database column each read field comes from, and how the database types it. */
  columns: ReadonlyMap<string, { name: string; kind: ColumnKind }>;
}

/** The metrics' aggregates, as SELECT columns (`selected`), and where each value comes back. */
function aggregates(input: CompileInput, d: Dialect, params: Params, rows: Rows) {
  const { source, scheme } = input;
  const numeric = (field: string) => {
    const type = source.fields.find((f) => f.id === field)!.type;
    return type === 'boolean' ? `CAST(CAST(${rows.ref(field)} AS INTEGER) AS DOUBLE PRECISION)` : rows.ref(field);
  };
  const metrics: MetricColumns[] = [];
  const selected: string[] = [];
  const ranked: RankedPercentile[] = [];
  const column = (sql: string) => {
    selected.push(`${sql} AS m${selected.length}`);
    return `m${selected.length - 1}`;
  };
  const filtered = (aggregate: string, where: string) => (where === 'TRUE' ? aggregate : `${aggregate} FILTER (WHERE ${where})`);
  for (const metric of scheme.metrics) {
    if (metric.kind !== 'agg' || metric.source !== source.id) continue;
    const where = filterSql(metric.where, rows.ref, params, rows.storedOf);
    const x = metric.field ? numeric(metric.field) : '';
    const columns: string[] = [];
    switch (metric.agg) {
      case 'count':
        columns.push(column(filtered('count(*)', where)));
        break;
      case 'sum':
      case 'min':
      case 'max':
        columns.push(column(filtered(`${metric.agg}(${x})`, where)));
        break;
      case 'avg':
        columns.push(column(filtered(`sum(${x})`, where)), column(filtered(`count(${x})`, where)));
        break;
      case 'median':
      case 'percentile': {
        const p = params.number((metric.agg === 'median' ? 50 : metric.p ?? 50) / 100);
        if (d.percentile === 'percentile_cont') columns.push(column(filtered(`percentile_cont(${p}) WITHIN GROUP (ORDER BY ${x})`, where)));
        else {
          const q = `q${ranked.length}`;
          ranked.push({ q, p, x, where });
          columns.push(...rankedColumns(q));
        }
        break;
      }
      case 'distinct':
        columns.push(column(filtered(`count(DISTINCT ${rows.ref(metric.field!)})`, where)));
        break;
      case 'ratio': {
        const hit = filterSql(metric.hit, rows.ref, params, rows.storedOf);
        columns.push(column(filtered('count(*)', where)), column(filtered('count(*)', where === 'TRUE' ? hit : `${where} AND ${hit}`)));
        break;
      }
    }
    metrics.push({ metric, columns });
  }
  return { metrics, selected, ranked };
}

export function compileQuery(input: CompileInput): CompiledQuery {
  const { source } = input;
  const d = dialectOf(input.engine);
  const params = new Params();
  const rows = rowsOf(input, d, params);
  const { metrics, selected, ranked } = aggregates(input, d, params, rows);
  const { value, dateAt, employeeAt } = rows;
  const nameAt = source.fields.findIndex((f) => f.id === 'name');
  const dates = dateAt >= 0 ? `min(${value(dateAt)}) AS first_day, max(${value(dateAt)}) AS last_day` : `${double(0)} AS first_day, ${double(0)} AS last_day`;
  const head = (employee: string, group: string, outcome: string) => [
    `SELECT ${employee} AS employee, ${group} AS period_group, ${outcome} AS outcome, count(*) AS row_count, ${dates}`,
    `, ${nameAt >= 0 ? `min(${value(nameAt)})` : 'NULL'} AS person_name`,
    ...selected.map((s) => `, ${s}`),
  ];
  /** Rows only counted, by reason, with their first and last dates. */
  const counted = (where: string, cases: string) => [
    'UNION ALL',
    `SELECT NULL, 0, outcome, count(*), min(${value(dateAt)}), max(${value(dateAt)}), NULL${selected.map(() => ', NULL').join('')}`,
    'FROM (',
    `  SELECT *, CASE ${cases} END AS outcome`,
    ...rows.from(false),
    `  WHERE ${where}`,
    ') AS kpi_others',
    'GROUP BY outcome',
  ];
  const lines = !rows.split ? [
    ...head(value(employeeAt), 'period_group', 'outcome'),
    'FROM (',
    `  SELECT *, CASE ${rows.outcome} ELSE ${OUTCOME.accepted} END AS outcome, ${rows.group} AS period_group`,
    ...rows.from(false),
    ') AS kpi_rows',
    'GROUP BY employee, period_group, outcome',
  ] : d.groups === 'sort' ? [
    // Sorted on the employee alone: a second and third key cost a fifth of the query
    // where people have many rows each. Everything else is read again, to be counted.
    ...head(rows.employeeOut, '0', String(OUTCOME.accepted)),
    ...rows.from(true).map((line) => line.slice(2)),
    `WHERE ${rows.acceptedRow}`,
    `GROUP BY ${rows.employeeKey}`,
    ...counted(`(${rows.acceptedRow}) IS NOT TRUE`, rows.outcome),
  ] : [
    // Hashed, a second key costs little; a Parquet file's date column is read first, and
    // only the rows outside the period are read again, to be counted.
    ...head(rows.employeeOut, '0', 'outcome'),
    'FROM (',
    `  SELECT *, ${rows.inPeriodOutcome ? `CASE ${rows.inPeriodOutcome} ELSE ${OUTCOME.accepted} END` : String(OUTCOME.accepted)} AS outcome`,
    ...rows.from(true),
    `  WHERE ${rows.inPeriod}`,
    ') AS kpi_rows',
    `GROUP BY ${rows.employeeKey}, outcome`,
    ...counted(`(${rows.inPeriod}) IS NOT TRUE`, rows.outsideOutcome),
  ];
  const sql = rows.finish(withRankedPercentiles(lines.join('\n'), rows, ranked));
  return { sql, params: params.values, metrics, source, rawEmployee: rows.split && input.rawEmployee === true, input };
}
