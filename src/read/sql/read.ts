/**
 * Reading a database source into the ledger book (SPEC §14): connect, look at the table's
 * (or query's) columns, compile the source's metrics into one query, run it, and hand the
 * per-person aggregates to the book as a file's rows would have arrived — counted per
 * period, accepted, out of period or rejected (per reason and column, with their counts:
 * a database has no Excel row numbers). Everything downstream is unchanged.
 */
import type { Period } from '../../core/period.js';
import type { PeriodUnit, RejectedRow, Scheme, Source } from '../../core/types.js';
import { EXIT, KpiError } from '../../errors.js';
import { cellReasons } from '../../messages/cells.js';
import { sqlText } from '../../messages/sql.js';
import type { Text } from '../../messages/text.js';
import { normalizeHeader } from '../headers.js';
import type { ReadState } from '../read-state.js';
import { percentileOfNeighbours } from '../../core/accumulators.js';
import { compileQuery, fromClause, OUTCOME, type AggMetric, type CompiledQuery } from './compile.js';
import { connect, type Connection, type Row } from './connect.js';
import type { ColumnKind } from './typing.js';

export interface SqlReadOptions {
  period: Period | null;
  unit: PeriodUnit;
  /** `--as-of`: rows dated on or after this day are out of period. */
  until?: number;
  timeoutSeconds: number;
  /** See CompileInput.rawEmployee (default true). */
  rawEmployee?: boolean;
}

/** Which database column each read field comes from (aliases matched as file headers are). */
export function mapColumns(source: Source, columns: readonly { name: string; kind: ColumnKind }[]): Map<string, { name: string; kind: ColumnKind }> {
  const byKey = new Map(columns.map((c) => [normalizeHeader(c.name), c]));
  const mapped = new Map<string, { name: string; kind: ColumnKind }>();
  for (const field of source.fields) {
    if (field.derive) continue;
    const found = field.headers.map((h) => byKey.get(normalizeHeader(h))).find((c) => c !== undefined);
    if (!found) {
      const seen = columns.map((c) => c.name).join(', ');
      throw new KpiError(sqlText.missingColumn({ source: source.id, field: field.id, wanted: field.headers.join(' / '), seen }), EXIT.data, sqlText.missingColumnHint());
    }
    mapped.set(field.id, found);
  }
  return mapped;
}

/** Connects and compiles: what `validate --show-sql` prints and `readSqlSource` runs. */
export async function prepareSqlSource(source: Source, scheme: Scheme, options: SqlReadOptions): Promise<{ connection: Connection; query: CompiledQuery }> {
  const connection = await connect(source, options.timeoutSeconds);
  try {
    const columns = mapColumns(source, await connection.describe(fromClause(source)));
    const query = compileQuery({ engine: connection.engine, scheme, source, period: options.period, unit: options.unit, until: options.until, columns, rawEmployee: options.rawEmployee ?? true });
    return { connection, query };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/** A metric's value from its columns, as the accumulators would give it (SPEC §3). */
function metricValue(metric: AggMetric, values: (number | null)[]): number | null {
  const [a, b, n] = values;
  switch (metric.agg) {
    case 'median':
    case 'percentile':
      // DuckDB: the values either side of the rank, and how many values (compile.ts).
      if (values.length === 3) return a === null || !n ? null : percentileOfNeighbours(a, b, n, metric.agg === 'median' ? 50 : metric.p ?? 50);
      return a;
    case 'count':
    case 'distinct':
    case 'sum':
      return a ?? 0;
    case 'avg':
      return !b ? null : a! / b;
    case 'ratio':
      return !a ? null : b! / a;
    default:
      return a;
  }
}

function reasonOf(outcome: number, source: Source): { column: string | null; reason: Text } {
  const headerOf = (id: string) => source.fields.find((f) => f.id === id)!.headers[0];
  if (outcome === OUTCOME.noDate) return { column: headerOf('date'), reason: cellReasons.noDate() };
  if (outcome === OUTCOME.badDate) return { column: headerOf('date'), reason: sqlText.countedNotADate() };
  if (outcome === OUTCOME.noEmployee) return { column: headerOf('employee'), reason: cellReasons.noEmployeeId() };
  const field = source.fields[outcome - OUTCOME.badCell];
  const reason = field.duration ? sqlText.countedNotDuration() : field.type === 'number' ? cellReasons.notANumber() : field.type === 'boolean' ? sqlText.countedNotYesNo() : sqlText.countedNotADate();
  return { column: field.headers[0], reason };
}

/** JavaScript's trim, as the file readers trim an employee id; null when empty. */
function employeeOf(value: unknown): string | null {
  const id = value === null || value === undefined ? '' : String(value).trim();
  return id === '' ? null : id;
}

/**
 * Whether two accepted groups of a `rawEmployee` query are one person once trimmed
 * (`E01` and `E01 `): their percentiles and distinct counts cannot be merged, so the
 * query is run again with the ids trimmed in the database.
 */
export function idsCollide(rows: readonly Row[], query: CompiledQuery): boolean {
  if (!query.rawEmployee) return false;
  const seen = new Set<string>();
  for (const row of rows) {
    if (num(row.outcome) !== OUTCOME.accepted) continue;
    const id = employeeOf(row.employee);
    if (id === null) continue;
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** Feeds the query's groups to the book, the way the table reader feeds rows. */
export function bookResults(rows: readonly Row[], query: CompiledQuery, state: ReadState): void {
  const { source } = query;
  const stats = state.sources.get(source.id) ?? { rows: 0, firstDate: null, lastDate: null };
  state.sources.set(source.id, stats);
  /** Rejections of one reason in one period, summed over people. */
  const rejections = new Map<string, { day: number | null; rejected: RejectedRow }>();
  const dated = source.dated;
  for (const row of rows) {
    const count = num(row.row_count)!;
    let outcome = num(row.outcome)!;
    // An id that trims to nothing, grouped as stored: the row has no employee (§4.5), which
    // comes before an unreadable cell. Rows only counted carry no id (NULL).
    const keyed = row.employee !== null && row.employee !== undefined;
    if (query.rawEmployee && keyed && (outcome === OUTCOME.accepted || outcome >= OUTCOME.badCell) && employeeOf(row.employee) === null) outcome = OUTCOME.noEmployee;
    state.tally.read += count;
    if (outcome === OUTCOME.blank) {
      state.tally.blank += count;
      continue;
    }
    stats.rows += count;
    const [first, last] = [num(row.first_day), num(row.last_day)];
    if (dated && first !== null && (stats.firstDate === null || first < stats.firstDate)) stats.firstDate = first;
    if (dated && last !== null && (stats.lastDate === null || last > stats.lastDate)) stats.lastDate = last;
    if (outcome === OUTCOME.accepted || outcome === OUTCOME.outside) {
      const receiver = state.book.openMany(dated ? last : null, count);
      if (!receiver) continue;
      const results = new Map(query.metrics.map(({ metric, columns }) => [metric.id, metricValue(metric, columns.map((c) => num(row[c])))]));
      receiver.acceptResults(source.id, query.rawEmployee ? employeeOf(row.employee)! : String(row.employee), results, count, row.person_name == null ? null : String(row.person_name));
      continue;
    }
    const { column, reason } = reasonOf(outcome, source);
    const undatable = outcome === OUTCOME.noDate || outcome === OUTCOME.badDate;
    const key = `${outcome}|${undatable ? '' : String(row.period_group)}`;
    const known = rejections.get(key);
    if (known) known.rejected.rows! += count;
    else rejections.set(key, { day: undatable || !dated ? null : last, rejected: { file: `${source.id} (database)`, sheet: null, row: 0, column, value: null, reason, rows: count } });
  }
  // By outcome (the order the file reader checks a row in), whatever order groups came in.
  const ordered = [...rejections].sort(([a], [b]) => parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, { day, rejected }] of ordered) {
    if (key.startsWith(`${OUTCOME.noDate}|`) || key.startsWith(`${OUTCOME.badDate}|`)) state.book.rejectUndatable(rejected, rejected.rows);
    else state.book.openMany(day, rejected.rows!)?.reject(rejected);
  }
}

/** Reads one database source into the book. */
export async function readSqlSource(source: Source, scheme: Scheme, state: ReadState, options: SqlReadOptions): Promise<void> {
  const { connection, query } = await prepareSqlSource(source, scheme, options);
  try {
    let rows = await connection.query(query.sql, query.params);
    let booked = query;
    if (idsCollide(rows, query)) {
      booked = compileQuery({ ...query.input, rawEmployee: false });
      rows = await connection.query(booked.sql, booked.params);
    }
    bookResults(rows, booked, state);
  } finally {
    await connection.close();
  }
}
