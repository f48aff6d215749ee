/**
 * Reading one table into the ledger book (SPEC §4.3–§4.5): find the header row, then type
 * each row once and hand it on — accepted, rejected with file, sheet, row, column, value
 * and reason, or counted as out of period. Roster rows become roster entries.
 */
import type { LedgerBook } from '../core/ledger-book.js';
import type { RosterEntry } from '../core/people.js';
import type { CellValue, DayNumber, RejectedRow, Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { findHeader, HEADER_SEARCH_ROWS, type ColumnMap } from './headers.js';
import { cellText, isBlankRow, type RawCell, type RawRow, type RawTable } from './table.js';
import { booleanWords, typeCell } from './typing.js';

/** What a run learns about a source while reading it (for `kpi validate`). */
export interface SourceStats {
  rows: number;
  firstDate: DayNumber | null;
  lastDate: DayNumber | null;
}

/** State shared by every table of a run. */
export interface ReadState {
  book: LedgerBook;
  roster: RosterEntry[];
  rosterRejects: RejectedRow[];
  sources: Map<string, SourceStats>;
  errorCells: number;
  firstErrorCell: string;
}

export function where(table: RawTable): string {
  return table.sheet ? `${table.file} [${table.sheet}]` : table.file;
}

async function* withHeader(table: RawTable, source: Source): AsyncGenerator<{ map: ColumnMap } | RawRow> {
  const iterator = table.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    if (!isBlankRow(next.value.cells)) head.push(next.value);
  }
  if (head.length === 0) throw new KpiError(`${where(table)}: the file is empty`, EXIT.data, 'export the ledger again, with its header row');
  const map = findHeader(source, head, where(table));
  yield { map };
  for (const row of head) if (row.row > map.headerRow) yield row;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

function rosterEntry(source: Source, values: CellValue[], origin: RosterEntry['origin']): RosterEntry {
  const get = (id: string) => {
    const i = source.fields.findIndex((f) => f.id === id);
    return i >= 0 && values[i] !== null ? String(values[i]) : null;
  };
  return { id: get('employee')!, name: get('name'), role: get('role'), team: get('team'), origin };
}

export async function readTable(table: RawTable, source: Source, state: ReadState): Promise<void> {
  const { book } = state;
  const words = booleanWords(source);
  const field = (id: string) => source.fields.findIndex((f) => f.id === id);
  const [employeeAt, dateAt, nameAt] = [field('employee'), field('date'), field('name')];
  const isRoster = source.id === 'roster';
  const stats = state.sources.get(source.id) ?? { rows: 0, firstDate: null, lastDate: null };
  state.sources.set(source.id, stats);
  let map: ColumnMap | null = null;

  for await (const item of withHeader(table, source)) {
    if ('map' in item) {
      map = item.map;
      continue;
    }
    if (isBlankRow(item.cells)) continue;
    stats.rows++;
    const cells: RawCell[] = map!.columns.map((c) => item.cells[c] ?? null);
    const reject = (i: number, reason: string, employee: CellValue = null): RejectedRow => ({
      file: table.file, sheet: table.sheet, row: item.row, column: i >= 0 ? map!.headers[i] : null,
      value: i >= 0 ? cellText(cells[i]) : null, reason, employee: typeof employee === 'string' ? employee : undefined,
    });
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== null && typeof cell === 'object' && 'error' in cell && state.errorCells++ === 0) {
        state.firstErrorCell = `${where(table)} row ${item.row}, column ${map!.headers[i]}`;
      }
    }
    const values: CellValue[] = new Array(cells.length).fill(null);
    if (isRoster) {
      if (dateAt >= 0) cells[dateAt] = null;
    } else if (dateAt >= 0) {
      const typed = typeCell(cells[dateAt], source.fields[dateAt], source, words);
      if (!typed.ok || typed.value === null) {
        book.rejectUndatable(reject(dateAt, typed.ok ? 'no date' : typed.reason));
        continue;
      }
      const day = typed.value as number;
      values[dateAt] = day;
      if (stats.firstDate === null || day < stats.firstDate) stats.firstDate = day;
      if (stats.lastDate === null || day > stats.lastDate) stats.lastDate = day;
    }
    const receiver = isRoster ? null : book.open(dateAt >= 0 ? (values[dateAt] as number) : null);
    if (!isRoster && !receiver) continue;
    // The employee first, so a rejected row can say whose it was (batch --by team needs it).
    const employee = typeCell(cells[employeeAt], source.fields[employeeAt], source, words);
    values[employeeAt] = employee.ok ? employee.value : null;
    let problem: RejectedRow | null = values[employeeAt] === null ? reject(employeeAt, 'no employee id') : null;
    for (let i = 0; i < cells.length && !problem; i++) {
      if (i === dateAt || i === employeeAt) continue;
      const typed = typeCell(cells[i], source.fields[i], source, words);
      if (!typed.ok) problem = reject(i, typed.reason, values[employeeAt]);
      else values[i] = typed.value;
    }
    if (isRoster) {
      if (problem) state.rosterRejects.push(problem);
      else state.roster.push(rosterEntry(source, values, { file: table.file, sheet: table.sheet, row: item.row }));
      continue;
    }
    if (problem) receiver!.reject(problem);
    else receiver!.accept({ source: source.id, values, origin: { file: table.file, sheet: table.sheet, row: item.row } }, values[employeeAt] as string, nameAt >= 0 ? (values[nameAt] as string | null) : null);
  }
}
