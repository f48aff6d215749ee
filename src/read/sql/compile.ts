/**
 * The push-down compiler of SPEC §14, pure (tested without a database): the metrics of one
 * database source and the period become one SELECT … GROUP BY employee, period, outcome —
 * only per-person aggregates come back. A row's outcome is what the file reader would have
 * made of it (§4.5): blank, no date, unreadable date, out of period, no employee, an
 * unreadable cell (per column), or accepted; metrics aggregate the accepted rows through
 * FILTER (WHERE …). Without a fixed period rows are grouped by period of the scheme's unit,
 * so the ledger book can choose the latest one, or `batch` each, as with files.
 */
import type { Period } from '../../core/period.js';
import type { Metric, PeriodUnit, Scheme, Source } from '../../core/types.js';
import { dialectOf, double, ident, type Engine } from './dialect.js';
import { expressionSql, filterSql } from './expression.js';
import { Params, type ParamValue } from './params.js';
import { present, typeColumn, type ColumnKind } from './typing.js';

export type AggMetric = Extract<Metric, { kind: 'agg' }>;

/** Outcomes of a row (the `outcome` column); 10 + i: field i unreadable. */
export const OUTCOME = { accepted: 0, noDate: 1, badDate: 2, noEmployee: 3, outside: 4, blank: 5, badCell: 10 } as const;

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
  /** The database column each read field comes from, and how the database types it. */
  columns: ReadonlyMap<string, { name: string; kind: ColumnKind }>;
}

const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The FROM of the query: the table (a quoted, possibly schema-qualified name) or the query. */
export function fromClause(source: Source): string {
  const sql = source.sql!;
  if (sql.query !== undefined) return `(${sql.query.trim().replace(/;\s*$/, '')}) AS kpi_source`;
  return sql.table!.split('.').map(ident).join('.');
}

export function compileQuery(input: CompileInput): CompiledQuery {
  const { source, scheme } = input;
  const d = dialectOf(input.engine);
  const params = new Params();
  const read = source.fields.filter((f) => !f.derive);
  const v = (i: number) => `v${i}`;
  const index = (id: string) => source.fields.findIndex((f) => f.id === id);

  // Layer 1: every read field typed (value v_i, unreadable x_i), whether it is present (p_i).
  const typed = read.flatMap((field, i) => {
    const column = input.columns.get(field.id)!;
    const t = typeColumn(d, field, source, ident(column.name), column.kind, params);
    return [`${t.value} AS ${v(i)}`, `${t.unreadable} AS x${i}`, `${present(d, field, ident(column.name), column.kind)} AS p${i}`];
  });

  // Layer 2: derived fields, the outcome, the period group.
  // A derived field is compiled where first used, so a field no metric uses adds no
  // parameter (PostgreSQL cannot type a parameter that the text never mentions).
  const derived = new Map<string, string>();
  const ref = (name: string): string => {
    const i = index(name);
    const field = source.fields[i];
    if (!field.derive) return v(i);
    if (!derived.has(name)) derived.set(name, expressionSql(field.derive, { dialect: d, params, ref, calendar: scheme.calendar }));
    return `(${derived.get(name)})`;
  };
  const dateAt = index('date');
  const employeeAt = index('employee');
  const end = input.period ? Math.min(input.period.end, input.until ?? Infinity) : 0;
  const inPeriod = input.period && dateAt >= 0 ? `${v(dateAt)} >= ${params.number(input.period.start)} AND ${v(dateAt)} < ${params.number(end)}` : 'TRUE';
  const outcome = [
    `WHEN NOT (${read.map((_, i) => `p${i}`).join(' OR ')}) THEN ${OUTCOME.blank}`,
    dateAt >= 0 ? `WHEN NOT p${dateAt} THEN ${OUTCOME.noDate} WHEN ${v(dateAt)} IS NULL THEN ${OUTCOME.badDate}` : '',
    input.period && dateAt >= 0 ? `WHEN NOT (${inPeriod}) THEN ${OUTCOME.outside}` : '',
    `WHEN ${v(employeeAt)} IS NULL THEN ${OUTCOME.noEmployee}`,
    ...read.map((_, i) => (i === dateAt || i === employeeAt ? '' : `WHEN x${i} THEN ${OUTCOME.badCell + i}`)),
  ].filter(Boolean).join(' ');
  const months = MONTHS[input.unit];
  const monthIndex = (day: string) => `(extract(year from ${day}) * 12 + extract(month from ${day}) - 1)`;
  const dateOf = (x: string) => `(DATE '1970-01-01' + CAST(floor(${x}) AS INTEGER))`;
  const group = dateAt < 0 || input.period ? '0' : `floor(${monthIndex(dateOf(v(dateAt)))} / ${months})`;

  // The SELECT: per metric, its aggregate over accepted rows matching `where`.
  const valueOf = (field: string) => ref(field);
  const numeric = (field: string) => {
    const type = source.fields[index(field)].type;
    return type === 'boolean' ? `CAST(CAST(${ref(field)} AS INTEGER) AS DOUBLE PRECISION)` : ref(field);
  };
  const metrics: MetricColumns[] = [];
  const selected: string[] = [];
  /** Columns computed over an aggregate, in a SELECT around the GROUP BY. */
  const replaced = new Map<string, string>();
  const column = (sql: string) => {
    selected.push(`${sql} AS m${selected.length}`);
    return `m${selected.length - 1}`;
  };
  const filtered = (aggregate: string, where: string) => (where === 'TRUE' ? aggregate : `${aggregate} FILTER (WHERE ${where})`);
  for (const metric of scheme.metrics) {
    if (metric.kind !== 'agg' || metric.source !== source.id) continue;
    const where = filterSql(metric.where, valueOf, params);
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
        if (input.engine === 'postgres') columns.push(column(filtered(`percentile_cont(${p}) WITHIN GROUP (ORDER BY ${x})`, where)));
        else {
          // DuckDB's quantile_cont interpolates in another order of operations, a last
          // binary digit away from PERCENTILE.INC: interpolate here as accumulators.ts does.
          const list = column(`list_sort(list(${x}) FILTER (WHERE ${where === 'TRUE' ? '' : `${where} AND `}${x} IS NOT NULL))`);
          const rank = `(${p} * (len(${list}) - 1))`;
          const low = `CAST(floor(${rank}) AS BIGINT)`;
          const at = (i: string) => `${list}[${i}]`;
          columns.push(list);
          replaced.set(list, `(CASE WHEN len(${list}) > 0 THEN ${at(`${low} + 1`)} + (${rank} - ${low}) * (${at(`LEAST(${low} + 2, len(${list}))`)} - ${at(`${low} + 1`)}) END)`);
        }
        break;
      }
      case 'distinct':
        columns.push(column(filtered(`count(DISTINCT ${valueOf(metric.field!)})`, where)));
        break;
      case 'ratio': {
        const hit = filterSql(metric.hit, valueOf, params);
        columns.push(column(filtered('count(*)', where)), column(filtered('count(*)', where === 'TRUE' ? hit : `${where} AND ${hit}`)));
        break;
      }
    }
    metrics.push({ metric, columns });
  }
  const nameAt = index('name');
  const dates = dateAt >= 0 ? `min(${v(dateAt)}) AS first_day, max(${v(dateAt)}) AS last_day` : `${double(0)} AS first_day, ${double(0)} AS last_day`;
  const sql = [
    `SELECT ${v(employeeAt)} AS employee, period_group, outcome, count(*) AS row_count, ${dates}`,
    `, ${nameAt >= 0 ? `min(${v(nameAt)})` : 'NULL'} AS person_name`,
    ...selected.map((s) => `, ${s}`),
    'FROM (',
    `  SELECT *, CASE ${outcome} ELSE ${OUTCOME.accepted} END AS outcome, ${group} AS period_group`,
    '  FROM (',
    `    SELECT ${typed.join(',\n      ')}`,
    `    FROM ${fromClause(source)}`,
    '  ) AS kpi_typed',
    ') AS kpi_rows',
    'GROUP BY employee, period_group, outcome',
  ].join('\n');
  const outer = replaced.size === 0 ? sql : `SELECT * REPLACE (${[...replaced].map(([name, expr]) => `${expr} AS ${name}`).join(', ')})\nFROM (\n${sql}\n) AS kpi_groups`;
  return { sql: outer, params: params.values, metrics, source };
}
