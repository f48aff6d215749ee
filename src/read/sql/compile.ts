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
import { formatDayNumber } from '../days.js';
import { dialectOf, double, ident, type Engine } from './dialect.js';
import { expressionSql, filterSql, type StoredText } from './expression.js';
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

  // Layer 1: every read field typed (value v_i, unreadable x_i), whether it is present
  // (p_i), and a text field's column as stored (s_i, for storedTextIn). `readable`: the
  // rows are known to have no unreadable cell, so a value needs no check of its own.
  const typedColumns = (readable: boolean) => read.flatMap((field, i) => {
    const column = input.columns.get(field.id)!;
    const t = typeColumn(d, field, source, ident(column.name), column.kind, params);
    const stored = field.type === 'text' && column.kind === 'text' ? [`CAST(${ident(column.name)} AS VARCHAR) AS s${i}`] : [];
    return [`${readable ? t.readable ?? t.value : t.value} AS ${v(i)}`, `${t.unreadable} AS x${i}`, `${present(d, field, ident(column.name), column.kind)} AS p${i}`, ...stored];
  });
  const storedOf = (id: string): StoredText | undefined => {
    const i = index(id);
    const field = source.fields[i];
    return !field.derive && field.type === 'text' && input.columns.get(id)!.kind === 'text' ? { column: `s${i}`, bytes: d.bytes } : undefined;
  };
  const raw = (id: string) => ident(input.columns.get(id)!.name);

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
  // A fixed period splits the rows in two (see `splitQuery`); otherwise one query classes them.
  const split = input.period !== null && dateAt >= 0;
  const dateColumn = dateAt >= 0 ? input.columns.get('date')! : null;
  const dateOnColumn = split && dateColumn!.kind === 'date' && Number.isFinite(end);
  const extra = [
    ...(dateOnColumn ? [`${raw('date')} AS kpi_date`] : []),
    ...(split && input.rawEmployee ? [`CAST(${raw('employee')} AS VARCHAR) AS kpi_employee`] : []),
  ];
  const inPeriod = !split ? 'TRUE' : dateOnColumn
    ? `kpi_date >= ${params.date(formatDayNumber(input.period!.start))} AND kpi_date < ${params.date(formatDayNumber(end))}`
    : `${v(dateAt)} >= ${params.number(input.period!.start)} AND ${v(dateAt)} < ${params.number(end)}`;
  const badCells = read.flatMap((_, i) => (i === dateAt || i === employeeAt ? [] : [i]));
  const blankOrUndated = [
    `WHEN NOT (${read.map((_, i) => `p${i}`).join(' OR ')}) THEN ${OUTCOME.blank}`,
    dateAt >= 0 ? `WHEN NOT p${dateAt} THEN ${OUTCOME.noDate} WHEN ${v(dateAt)} IS NULL THEN ${OUTCOME.badDate}` : '',
  ].join(' ');
  /** The outcome of a row outside the period, and of one in it (bookResults finds an
   *  empty stored id among the people when `rawEmployee`). */
  const outsideOutcome = `${blankOrUndated} ELSE ${OUTCOME.outside}`;
  const inPeriodOutcome = [
    input.rawEmployee ? '' : `WHEN ${v(employeeAt)} IS NULL THEN ${OUTCOME.noEmployee}`,
    ...badCells.map((i) => `WHEN x${i} THEN ${OUTCOME.badCell + i}`),
  ].filter(Boolean).join(' ') || `WHEN FALSE THEN ${OUTCOME.accepted}`;
  const outcome = [
    blankOrUndated,
    split ? `WHEN (${inPeriod}) IS NOT TRUE THEN ${OUTCOME.outside}` : '',
    `WHEN ${v(employeeAt)} IS NULL THEN ${OUTCOME.noEmployee}`,
    ...badCells.map((i) => `WHEN x${i} THEN ${OUTCOME.badCell + i}`),
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
  /** DuckDB's percentiles: the value, its condition and p of each (see `neighboursSql`). */
  const neighbours: { q: string; p: string; x: string; where: string }[] = [];
  const column = (sql: string) => {
    selected.push(`${sql} AS m${selected.length}`);
    return `m${selected.length - 1}`;
  };
  const filtered = (aggregate: string, where: string) => (where === 'TRUE' ? aggregate : `${aggregate} FILTER (WHERE ${where})`);
  for (const metric of scheme.metrics) {
    if (metric.kind !== 'agg' || metric.source !== source.id) continue;
    const where = filterSql(metric.where, valueOf, params, storedOf);
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
          // binary digit away from PERCENTILE.INC, and keeps every value in memory: the
          // two values either side of the rank come from a query of their own (see
          // `neighboursSql`), and kpi interpolates them as accumulators.ts does.
          const q = `q${neighbours.length}`;
          neighbours.push({ q, p, x, where });
          columns.push(`${q}_lo`, `${q}_hi`, `${q}_n`);
        }
        break;
      }
      case 'distinct':
        columns.push(column(filtered(`count(DISTINCT ${valueOf(metric.field!)})`, where)));
        break;
      case 'ratio': {
        const hit = filterSql(metric.hit, valueOf, params, storedOf);
        columns.push(column(filtered('count(*)', where)), column(filtered('count(*)', where === 'TRUE' ? hit : `${where} AND ${hit}`)));
        break;
      }
    }
    metrics.push({ metric, columns });
  }
  const nameAt = index('name');
  const dates = dateAt >= 0 ? `min(${v(dateAt)}) AS first_day, max(${v(dateAt)}) AS last_day` : `${double(0)} AS first_day, ${double(0)} AS last_day`;
  const typedSelect = (readable: boolean) => [`SELECT ${[...typedColumns(readable), ...extra].join(',\n      ')}`, `    FROM ${fromClause(source)}`];
  /** DuckDB plans a query from its text in time that grows faster than the text: the typed
   *  rows, tens of kilobytes where text columns are parsed, are written once, as a CTE
   *  that each part reads (inlined, not materialized: the rows are not stored). */
  const shared = new Map<string, string[]>();
  const typedRows = (readable: boolean) => {
    if (input.engine === 'postgres') return ['  FROM (', `    ${typedSelect(readable).join('\n')}`, '  ) AS kpi_typed'];
    const name = readable ? 'kpi_readable' : 'kpi_cells';
    if (!shared.has(name)) shared.set(name, typedSelect(readable));
    return [`  FROM ${name} AS kpi_typed`];
  };
  const name = `, ${nameAt >= 0 ? `min(${v(nameAt)})` : 'NULL'} AS person_name`;
  // A fixed period: the rows of the period that are accepted are aggregated per person,
  // grouped by nothing else — the one GROUP BY of SPEC §14, sorted on the employee alone
  // (a second and third key cost a fifth of the query where people have many rows each).
  // Every other row is only counted, by reason (a second scan: out of period, no date,
  // an unreadable cell…), with its first and last dates, for the book's `latest`. With
  // `rawEmployee` the first part groups by the column as stored: the empty and the
  // space-padded ids are found among the ~people groups afterwards (`bookResults`)
  // rather than trimmed on every row.
  const acceptedRow = [inPeriod, ...badCells.map((i) => `NOT x${i}`), ...(input.rawEmployee ? [] : [`${v(employeeAt)} IS NOT NULL`])].join(' AND ');
  const employeeKey = input.rawEmployee ? 'kpi_employee' : v(employeeAt);
  // A stored id that is NULL is '' here, so that a row of a part grouped by person always
  // carries one (the counted parts carry NULL: see bookResults).
  const keyOut = input.rawEmployee ? `COALESCE(${employeeKey}, '')` : employeeKey;
  const counted = (where: string, cases: string) => [
    `SELECT NULL, 0, outcome, count(*), min(${v(dateAt)}), max(${v(dateAt)}), NULL${selected.map(() => ', NULL').join('')}`,
    'FROM (',
    `  SELECT *, CASE ${cases} END AS outcome`,
    ...typedRows(false),
    `  WHERE ${where}`,
    ') AS kpi_others',
    'GROUP BY outcome',
  ];
  const splitQuery = () => input.engine === 'postgres' ? [
    `SELECT ${keyOut} AS employee, 0 AS period_group, ${OUTCOME.accepted} AS outcome, count(*) AS row_count, ${dates}`,
    name,
    ...selected.map((s) => `, ${s}`),
    ...typedRows(true).map((line) => line.slice(2)),
    `WHERE ${acceptedRow}`,
    `GROUP BY ${employeeKey}`,
    'UNION ALL',
    ...counted(`(${acceptedRow}) IS NOT TRUE`, outcome),
  ] : [
    // DuckDB groups by hashing, where a second key costs little, and reads a Parquet file's
    // date column first: the period's rows are grouped by person and outcome, and only the
    // rows outside it are read again, to be counted.
    `SELECT ${keyOut} AS employee, 0 AS period_group, outcome, count(*) AS row_count, ${dates}`,
    name,
    ...selected.map((s) => `, ${s}`),
    'FROM (',
    `  SELECT *, CASE ${inPeriodOutcome} ELSE ${OUTCOME.accepted} END AS outcome`,
    ...typedRows(true),
    `  WHERE ${inPeriod}`,
    ') AS kpi_rows',
    `GROUP BY ${employeeKey}, outcome`,
    'UNION ALL',
    ...counted(`(${inPeriod}) IS NOT TRUE`, outsideOutcome),
  ];
  const sql = (split ? splitQuery() : [
    `SELECT ${v(employeeAt)} AS employee, period_group, outcome, count(*) AS row_count, ${dates}`,
    name,
    ...selected.map((s) => `, ${s}`),
    'FROM (',
    `  SELECT *, CASE ${outcome} ELSE ${OUTCOME.accepted} END AS outcome, ${group} AS period_group`,
    ...typedRows(false),
    ') AS kpi_rows',
    'GROUP BY employee, period_group, outcome',
  ]).join('\n');
  // Per DuckDB percentile, the people's values counted (one GROUP BY employee, value: a
  // hash table the engine can spill, where a list of every value stays in memory), then
  // ranked: the values at 0-based ranks floor(p·(n−1)) and the one after, and n.
  const valuesOf = (x: string, where: string) => split
    ? [`SELECT ${employeeKey} AS e, 0 AS g, ${x} AS x, count(*) AS c`, ...typedRows(true).map((line) => line.slice(2)), `WHERE ${acceptedRow} AND ${where} AND ${x} IS NOT NULL`, 'GROUP BY 1, 2, 3']
    : [
      'SELECT e, g, x, count(*) AS c',
      'FROM (',
      `  SELECT ${v(employeeAt)} AS e, ${group} AS g, ${x} AS x, CASE ${outcome} ELSE ${OUTCOME.accepted} END AS outcome, ${where} AS kpi_match`,
      ...typedRows(false),
      ') AS kpi_rows',
      `WHERE outcome = ${OUTCOME.accepted} AND kpi_match AND x IS NOT NULL`,
      'GROUP BY 1, 2, 3',
    ];
  const neighboursSql = ({ p, x, where }: (typeof neighbours)[number]) => [
    'SELECT e, g, min(x) FILTER (WHERE upto > k) AS lo, min(x) FILTER (WHERE upto > k + 1) AS hi, max(n) AS n',
    'FROM (',
    '  SELECT e, g, x, sum(c) OVER (PARTITION BY e, g ORDER BY x ROWS UNBOUNDED PRECEDING) AS upto, sum(c) OVER (PARTITION BY e, g) AS n,',
    `    floor(${p} * (CAST(sum(c) OVER (PARTITION BY e, g) AS DOUBLE PRECISION) - 1)) AS k`,
    '  FROM (',
    ...valuesOf(x, where).map((line) => `    ${line}`),
    '  ) AS kpi_values',
    ') AS kpi_ranks',
    'GROUP BY e, g',
  ].join('\n');
  const joined = neighbours.length === 0 ? sql : [
    `SELECT kpi_groups.*${neighbours.map(({ q }) => `, ${q}.lo AS ${q}_lo, ${q}.hi AS ${q}_hi, ${q}.n AS ${q}_n`).join('')}`,
    `FROM (\n${sql}\n) AS kpi_groups`,
    ...neighbours.map((n) => `LEFT JOIN (\n${neighboursSql(n)}\n) AS ${n.q} ON ${n.q}.e = kpi_groups.employee AND ${n.q}.g = kpi_groups.period_group AND kpi_groups.outcome = ${OUTCOME.accepted}`),
  ].join('\n');
  const ctes = [...shared].map(([name, select]) => `${name} AS NOT MATERIALIZED (\n    ${select.join('\n')}\n)`);
  const outer = ctes.length === 0 ? joined : `WITH ${ctes.join(',\n')}\n${joined}`;
  return { sql: outer, params: params.values, metrics, source, rawEmployee: split && input.rawEmployee === true, input };
}
