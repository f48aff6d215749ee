/**
 * Reading one table into the ledger book (SPEC §4.3–§4.5): find the header row, then type
 * each row once and hand it on — accepted, rejected with file, sheet, row, column, value
 * and reason, or counted as out of period. Roster rows become roster entries.
 *
 * Everything a row needs that does not change from row to row (column positions, a reader
 * per field, where the row's origin is) is worked out once per table, so a row costs its
 * cells' typing and one array of values; objects are made only for what is kept.
 */
import { DenseMap } from '../core/dense-map.js';
import { compileDerivations } from '../core/derive.js';
import type { RowReceiver } from '../core/ledger-book.js';
import type { RosterEntry } from '../core/people.js';
import type { CellValue, RejectedRow, Source } from '../core/types.js';
import type { ReadState, SourceStats } from './read-state.js';
import { EXIT, KpiError } from '../errors.js';
import { raiseHint } from '../limits.js';
import { ColumnTyper } from './column-typer.js';
import { findHeader, HEADER_SEARCH_ROWS, type ColumnMap } from './headers.js';
import { RecordBatch } from './record-batch.js';
import { cellText, isBlankRow, type RawRow, type RawTable } from './table.js';
import type { Read } from './cells.js';
import { booleanWords, FieldReader, Unreadable } from './typing.js';
import { readText } from '../messages/read.js';
import { cellReasons } from '../messages/cells.js';
import type { TextLike } from '../messages/text.js';

const NO_DATE = cellReasons.noDate();
const NO_EMPLOYEE_ID = cellReasons.noEmployeeId();

export function where(table: RawTable): string {
  return table.sheet ? `${table.file} [${table.sheet}]` : table.file;
}

function rosterEntry(source: Source, values: CellValue[], origin: RosterEntry['origin']): RosterEntry {
  const get = (id: string) => {
    const i = source.fields.findIndex((f) => f.id === id);
    return i >= 0 && values[i] !== null ? String(values[i]) : null;
  };
  return { id: get('employee')!, name: get('name'), role: get('role'), team: get('team'), origin };
}

/** Types the data rows of one table, whose header is known. */
class RowReader {
  private readonly readers: FieldReader[];
  private readonly columns: number[];
  private readonly headers: string[];
  private readonly employeeAt: number;
  private readonly dateAt: number;
  private readonly nameAt: number;
  private readonly isRoster: boolean;
  /** A row's values before typing: copying a packed array of nulls is the cheapest way
   *  to make the one array a row needs. */
  private readonly blank: CellValue[];
  /** Cells a row may have: the header's. More, and a value was split (an unquoted comma). */
  private readonly width: number;
  /** Whether cells may be other than text or null (a workbook's), error cells among them. */
  private readonly typedCells: boolean;
  /** Fills the derived fields (SPEC §3.1) of a typed row; null when the source has none. */
  private readonly derive: ((values: CellValue[]) => void) | null;
  /** For the plain records of a text ledger (not the roster): a byte typer per read field. */
  private readonly typers: ColumnTyper[] | null;
  /** The one values array of the rows typed from bytes: it is read, never kept, by what
   *  accepts a row, so it is filled again for each. */
  private readonly values: CellValue[];
  /** The employee key (state.employeeKeys) of each text in the employee column's pool. */
  private readonly keys = new DenseMap();

  constructor(private readonly table: RawTable, private readonly source: Source, private readonly state: ReadState, private readonly stats: SourceStats, map: ColumnMap) {
    const words = booleanWords(source);
    this.readers = source.fields.map((field) => new FieldReader(field, source, words));
    // Derived fields come last and have no column (-1): leave them out of the typing loop,
    // which then never reads cells[-1] (a slow, deoptimising property look-up).
    const read = source.fields.findIndex((f) => f.derive !== undefined);
    this.columns = read < 0 ? map.columns : map.columns.slice(0, read);
    this.headers = map.headers;
    const field = (id: string) => source.fields.findIndex((f) => f.id === id);
    [this.employeeAt, this.dateAt, this.nameAt] = [field('employee'), field('date'), field('name')];
    this.isRoster = source.id === 'roster';
    this.blank = Array.from(source.fields, () => null);
    this.derive = compileDerivations(source, state.calendar);
    // Only text files: in a workbook a cell right of the table (a note, a sum) splits nothing.
    this.width = table.sheet === null ? map.width : Infinity;
    this.typedCells = table.sheet !== null;
    this.typers = table.sheet === null && !this.isRoster ? this.columns.map((_, i) => new ColumnTyper(this.readers[i], source.fields[i])) : null;
    this.values = this.blank.slice();
  }

  /**
   * Reads record `r` of a text ledger. A plain record whose cells all type, with an
   * employee and (for a dated source) a date, and no more cells than the header, is typed
   * from its bytes and counted as `read` would count it, in the same order; any other —
   * blank, rejected, ragged, quoted, a roster row — goes to `read` as a row of strings.
   * Typing has no effect of its own, so a record handed on after typing is read afresh.
   */
  readRecord(batch: RecordBatch, r: number): void {
    const typers = this.typers;
    const cellCount = batch.cells[r];
    if (typers === null || cellCount < 0 || cellCount > this.width) return this.read(batch.row(r));
    const { buf, view, bounds } = batch;
    const at = 2 * batch.first[r];
    const columns = this.columns;
    const values = this.values;
    for (let i = 0; i < typers.length; i++) {
      const column = columns[i];
      let value: Read<CellValue> = null;
      if (column >= 0 && column < cellCount) {
        const k = at + 2 * column;
        value = typers[i].value(buf, view, bounds[k], bounds[k + 1]);
        if (value !== null && typeof value === 'object') return this.read(batch.row(r));
      }
      values[i] = value;
    }
    const { employeeAt, dateAt, state, stats } = this;
    const employee = values[employeeAt] as string | null;
    if (employee === null || (dateAt >= 0 && values[dateAt] === null)) return this.read(batch.row(r));
    state.tally.read++;
    stats.rows++;
    let receiver: RowReceiver | null;
    if (dateAt >= 0) {
      const day = values[dateAt] as number;
      this.noteDate(day);
      receiver = state.book.open(day);
    } else receiver = state.book.open(null);
    if (!receiver) return;
    if (this.derive) {
      for (let i = typers.length; i < values.length; i++) values[i] = null;
      this.derive(values);
    }
    receiver.accept(this.source.id, values, employee, this.nameAt >= 0 ? (values[this.nameAt] as string | null) : null, this.employeeKey(typers[employeeAt].entry, employee));
  }

  /** The source's first and last dates, for `kpi validate`. */
  private noteDate(day: number): void {
    const { stats } = this;
    if (stats.firstDate === null || day < stats.firstDate) stats.firstDate = day;
    if (stats.lastDate === null || day > stats.lastDate) stats.lastDate = day;
  }

  /** The key of the employee whose id is the employee column's pool entry `entry`. */
  private employeeKey(entry: number, employee: string): number {
    if (entry < 0) return -1;
    const known = this.keys.get(entry);
    if (known >= 0) return known;
    const keys = this.state.employeeKeys;
    let key = keys.get(employee);
    if (key === undefined) keys.set(employee, (key = keys.size));
    this.keys.set(entry, key);
    return key;
  }

  read(row: RawRow): void {
    const { stats, readers, employeeAt, dateAt, state } = this;
    state.tally.read++;
    if (isBlankRow(row.cells)) {
      state.tally.blank++;
      return;
    }
    const { book } = state;
    stats.rows++;
    const cells = row.cells;
    const columns = this.columns;
    const count = columns.length;
    // Only a workbook has error cells (#DIV/0!): a text file's cells are text.
    if (this.typedCells) {
      for (let i = 0; i < count; i++) {
        const cell = cells[columns[i]];
        if (cell !== null && typeof cell === 'object' && 'error' in cell && state.errorCells++ === 0) {
          state.firstErrorCell = readText.cellPlace({ where: where(this.table), row: row.row, column: this.headers[i] });
        }
      }
    }
    const values = this.blank.slice();
    if (dateAt >= 0 && !this.isRoster) {
      const day = readers[dateAt].read(cells[columns[dateAt]] ?? null);
      if (day === null || day instanceof Unreadable) {
        book.rejectUndatable(this.rejection(row, dateAt, day === null ? NO_DATE : day.reason, null));
        return;
      }
      values[dateAt] = day;
      this.noteDate(day as number);
    }
    const receiver = this.isRoster ? null : book.open(dateAt >= 0 ? (values[dateAt] as number) : null);
    if (!this.isRoster && !receiver) return;
    const extra = this.extraCell(cells);
    // The employee first, so a rejected row can say whose it was (batch --by team needs it).
    const employee = readers[employeeAt].read(cells[columns[employeeAt]] ?? null);
    values[employeeAt] = employee instanceof Unreadable ? null : employee;
    let problem: RejectedRow | null = values[employeeAt] === null ? this.rejection(row, employeeAt, NO_EMPLOYEE_ID, null) : null;
    if (!problem && extra >= 0) {
      problem = { ...this.rejection(row, -1, cellReasons.tooManyCells({ cells: cells.length, width: this.width }), values[employeeAt]), value: cellText(cells[extra] ?? null) };
    }
    for (let i = 0; i < count && !problem; i++) {
      if (i === dateAt || i === employeeAt) continue;
      const cell = cells[columns[i]];
      const value = typeof cell === 'string' ? readers[i].fromText(cell) : readers[i].read(cell ?? null);
      if (value instanceof Unreadable) problem = this.rejection(row, i, value.reason, values[employeeAt]);
      else values[i] = value;
    }
    if (this.isRoster) {
      const origin = { file: this.table.file, sheet: this.table.sheet, row: row.row };
      if (problem) state.rosterRejects.push(problem);
      else state.roster.push(rosterEntry(this.source, values, origin));
      return;
    }
    if (!problem && this.derive) this.derive(values);
    if (problem) receiver!.reject(problem);
    else receiver!.accept(this.source.id, values, values[employeeAt] as string, this.nameAt >= 0 ? (values[this.nameAt] as string | null) : null);
  }

  /** The first non-empty cell past the header's width, or -1. */
  private extraCell(cells: readonly unknown[]): number {
    for (let i = this.width; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '')) return i;
    }
    return -1;
  }

  private rejection(row: RawRow, i: number, reason: TextLike, employee: CellValue): RejectedRow {
    return {
      file: this.table.file, sheet: this.table.sheet, row: row.row, column: i >= 0 ? this.headers[i] : null,
      value: i >= 0 ? cellText(row.cells[this.columns[i]] ?? null) : null, reason, employee: typeof employee === 'string' ? employee : undefined,
    };
  }
}

export async function readTable(table: RawTable, source: Source, state: ReadState): Promise<void> {
  const stats = state.sources.get(source.id) ?? { rows: 0, firstDate: null, lastDate: null };
  state.sources.set(source.id, stats);
  // The header is looked for among the first non-blank rows; the rows after it are data.
  // Blank rows met on the way are only counted: below the header they are data rows too.
  const head: RawRow[] = [];
  /** Blank rows seen before each row of `head`, and in all. */
  const blanksBefore: number[] = [];
  let blanks = 0;
  let reader: RowReader | null = null;
  let count = 0;
  const start = (): RowReader => {
    if (head.length === 0) throw new KpiError(readText.empty({ where: where(table) }), EXIT.data, readText.exportAgain());
    const map = findHeader(source, head, where(table));
    const started = new RowReader(table, source, state, stats, map);
    const headerAt = head.findIndex((row) => row.row === map.headerRow);
    state.tally.read += blanks - blanksBefore[headerAt];
    state.tally.blank += blanks - blanksBefore[headerAt];
    for (const row of head) if (row.row > map.headerRow) started.read(row);
    return started;
  };
  for await (const batch of table.batches) {
    const records = batch instanceof RecordBatch ? batch : null;
    const size = records ? records.count : (batch as RawRow[]).length;
    count += size;
    if (count > state.maxRows) {
      throw new KpiError(readText.tooManyRows({ where: where(table), max: state.maxRows.toLocaleString('en') }), EXIT.data, readText.splitByPeriod({ raise: raiseHint('rows') }));
    }
    let i = 0;
    if (!reader) {
      for (; i < size && head.length < HEADER_SEARCH_ROWS; i++) {
        const row = records ? records.row(i) : (batch as RawRow[])[i];
        if (isBlankRow(row.cells)) blanks++;
        else {
          blanksBefore.push(blanks);
          head.push(row);
        }
      }
      if (head.length < HEADER_SEARCH_ROWS) continue;
      reader = start();
    }
    if (records) for (; i < size; i++) reader.readRecord(records, i);
    else for (; i < size; i++) reader.read((batch as RawRow[])[i]);
  }
  reader ??= start();
}
