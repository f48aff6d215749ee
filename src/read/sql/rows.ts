/**
 * The rows of a database source as the push-down query sees them (SPEC §14, §4.5): every
 * read field typed inside the query, derived fields as expressions over them, and each
 * row's outcome — what the file reader would have made of it: blank, no date, unreadable
 * date, out of period, no employee, an unreadable cell (per column), or accepted.
 * compile.ts aggregates these rows; percentile.ts ranks DuckDB's percentile values.
 */
import type { Source } from '../../core/types.js';
import { formatDayNumber } from '../days.js';
import type { CompileInput } from './compile.js';
import { ident, type Dialect } from './dialect.js';
import { expressionSql, type StoredText } from './expression.js';
import type { Params } from './params.js';
import { present, typeColumn } from './typing.js';

/** Outcomes of a row (the `outcome` column); 10 + i: field i unreadable. */
export const OUTCOME = { accepted: 0, noDate: 1, badDate: 2, noEmployee: 3, outside: 4, blank: 5, badCell: 10 } as const;

const MONTHS = { month: 1, quarter: 3, half: 6, year: 12 } as const;

/** The FROM of the query: the table (a quoted, possibly schema-qualified name) or the query. */
export function fromClause(source: Source): string {
  const sql = source.sql!;
  if (sql.query !== undefined) return `(${sql.query.trim().replace(/;\s*$/, '')}) AS kpi_source`;
  return sql.table!.split('.').map(ident).join('.');
}

export interface Rows {
  /** A read field's typed value, by its index among the read fields: `v<i>`. */
  value(i: number): string;
  /** A field's SQL value, typed or derived. */
  ref(field: string): string;
  /** A text field's column as stored, for storedTextIn. */
  storedOf(field: string): StoredText | undefined;
  /** Indexes of the date (−1: undated source) and employee fields. */
  dateAt: number;
  employeeAt: number;
  /** A fixed period (with a date): the period's rows are aggregated, the others counted. */
  split: boolean;
  /** Whether a row lies in the fixed period (`TRUE` without one). */
  inPeriod: string;
  /** The CASE branches of a row's outcome: any row; a row in the period (null when every
   *  row there is accepted); a row outside it (ending in ELSE outside). */
  outcome: string;
  inPeriodOutcome: string | null;
  outsideOutcome: string;
  /** A row of the period with nothing unreadable (and, ids trimmed here, an employee). */
  acceptedRow: string;
  /** The period group of a row: 0 under a fixed period, else its period of the unit. */
  group: string;
  /** What a row is grouped by as a person, and what the query returns for it. */
  employeeKey: string;
  employeeOut: string;
  /** `FROM …` the typed rows (`readable`: rows known to have no unreadable cell, whose
   *  values then need no check of their own). */
  from(readable: boolean): string[];
  /** The finished query: with the shared typed rows before it, where the dialect has them. */
  finish(sql: string): string;
}

export function rowsOf(input: CompileInput, d: Dialect, params: Params): Rows {
  const { source, scheme } = input;
  const read = source.fields.filter((f) => !f.derive);
  const value = (i: number) => `v${i}`;
  const index = (id: string) => source.fields.findIndex((f) => f.id === id);
  const column = (id: string) => input.columns.get(id)!;

  // Every read field typed (value v_i, unreadable x_i), whether it is present (p_i), and
  // a text field's column as stored (s_i).
  const typedColumns = (readable: boolean) => read.flatMap((field, i) => {
    const { name, kind } = column(field.id);
    const t = typeColumn(d, field, source, ident(name), kind, params);
    const stored = field.type === 'text' && kind === 'text' ? [`CAST(${ident(name)} AS VARCHAR) AS s${i}`] : [];
    return [`${readable ? t.readable ?? t.value : t.value} AS ${value(i)}`, `${t.unreadable} AS x${i}`, `${present(d, field, ident(name), kind)} AS p${i}`, ...stored];
  });
  const storedOf = (id: string): StoredText | undefined => {
    const i = index(id);
    const field = source.fields[i];
    return !field.derive && field.type === 'text' && column(id).kind === 'text' ? { column: `s${i}`, bytes: d.bytes } : undefined;
  };

  // A derived field is compiled where first used, so a field no metric uses adds no
  // parameter (PostgreSQL cannot type a parameter that the text never mentions).
  const derived = new Map<string, string>();
  const ref = (name: string): string => {
    const i = index(name);
    const field = source.fields[i];
    if (!field.derive) return value(i);
    if (!derived.has(name)) derived.set(name, expressionSql(field.derive, { dialect: d, params, ref, calendar: scheme.calendar }));
    return `(${derived.get(name)})`;
  };

  const dateAt = index('date');
  const employeeAt = index('employee');
  const split = input.period !== null && dateAt >= 0;
  const raw = input.rawEmployee === true && split;
  const end = input.period ? Math.min(input.period.end, input.until ?? Infinity) : 0;
  // A DATE column is compared as it is, so that an index on it serves the period's rows.
  const dateOnColumn = split && column('date').kind === 'date' && Number.isFinite(end);
  const extra = [
    ...(dateOnColumn ? [`${ident(column('date').name)} AS kpi_date`] : []),
    ...(raw ? [`CAST(${ident(column('employee').name)} AS VARCHAR) AS kpi_employee`] : []),
  ];
  const inPeriod = !split ? 'TRUE' : dateOnColumn
    ? `kpi_date >= ${params.date(formatDayNumber(input.period!.start))} AND kpi_date < ${params.date(formatDayNumber(end))}`
    : `${value(dateAt)} >= ${params.number(input.period!.start)} AND ${value(dateAt)} < ${params.number(end)}`;

  const badCells = read.flatMap((_, i) => (i === dateAt || i === employeeAt ? [] : [i]));
  const blankOrUndated = [
    `WHEN NOT (${read.map((_, i) => `p${i}`).join(' OR ')}) THEN ${OUTCOME.blank}`,
    dateAt >= 0 ? `WHEN NOT p${dateAt} THEN ${OUTCOME.noDate} WHEN ${value(dateAt)} IS NULL THEN ${OUTCOME.badDate}` : '',
  ].join(' ');
  const noEmployee = `WHEN ${value(employeeAt)} IS NULL THEN ${OUTCOME.noEmployee}`;
  const unreadable = badCells.map((i) => `WHEN x${i} THEN ${OUTCOME.badCell + i}`);
  // With ids grouped as stored, bookResults finds the empty ones among the people.
  const inPeriodOutcome = [...(raw ? [] : [noEmployee]), ...unreadable].join(' ') || null;
  const outcome = [blankOrUndated, split ? `WHEN (${inPeriod}) IS NOT TRUE THEN ${OUTCOME.outside}` : '', noEmployee, ...unreadable].filter(Boolean).join(' ');

  const monthIndex = (day: string) => `(extract(year from ${day}) * 12 + extract(month from ${day}) - 1)`;
  const dateOf = (x: string) => `(DATE '1970-01-01' + CAST(floor(${x}) AS INTEGER))`;
  const employeeKey = raw ? 'kpi_employee' : value(employeeAt);

  const select = (readable: boolean) => [`SELECT ${[...typedColumns(readable), ...extra].join(',\n      ')}`, `    FROM ${fromClause(source)}`];
  const shared = new Map<string, string[]>();
  const from = (readable: boolean) => {
    if (!d.sharedRows) return ['  FROM (', `    ${select(readable).join('\n')}`, '  ) AS kpi_typed'];
    const name = readable ? 'kpi_readable' : 'kpi_cells';
    if (!shared.has(name)) shared.set(name, select(readable));
    return [`  FROM ${name} AS kpi_typed`];
  };
  const finish = (sql: string) => {
    // Inlined where read, not materialized: the rows are never stored.
    const ctes = [...shared].map(([name, lines]) => `${name} AS NOT MATERIALIZED (\n    ${lines.join('\n')}\n)`);
    return ctes.length === 0 ? sql : `WITH ${ctes.join(',\n')}\n${sql}`;
  };

  return {
    value,
    ref,
    storedOf,
    dateAt,
    employeeAt,
    split,
    inPeriod,
    outcome,
    inPeriodOutcome,
    outsideOutcome: `${blankOrUndated} ELSE ${OUTCOME.outside}`,
    acceptedRow: [inPeriod, ...badCells.map((i) => `NOT x${i}`), ...(raw ? [] : [`${value(employeeAt)} IS NOT NULL`])].join(' AND '),
    group: dateAt < 0 || input.period ? '0' : `floor(${monthIndex(dateOf(value(dateAt)))} / ${MONTHS[input.unit]})`,
    employeeKey,
    // A stored id that is NULL is '' here, so that a row of a part grouped by person
    // always carries one (the counted parts carry NULL: see bookResults).
    employeeOut: raw ? `COALESCE(${employeeKey}, '')` : employeeKey,
    from,
    finish,
  };
}
