/**
 * Reading every ledger of a run into the ledger book: open each file, find its source and
 * header row, type each row once, and hand it on — accepted, rejected with its reason
 * (SPEC §4.5), or counted as out of period. The roster is collected on the side.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { LedgerBook, type ClosedBook } from '../core/ledger-book.js';
import type { RosterEntry } from '../core/people.js';
import type { Period } from '../core/period.js';
import type { CellValue, RejectedRow, Scheme, Source } from '../core/types.js';
import { EXIT, KpiError } from '../errors.js';
import { readCsv, type CsvOptions } from './csv.js';
import { findHeader, HEADER_SEARCH_ROWS, type ColumnMap } from './headers.js';
import { sourceForTextFile } from './sources.js';
import { sourcesForSheets } from './sheet-sources.js';
import { cellText, isBlankRow, type RawCell, type RawRow, type RawTable } from './table.js';
import { booleanWords, typeCell } from './typing.js';
import { readXlsx, tableWarnings } from './xlsx.js';

export interface IngestOptions extends CsvOptions {
  period: Period | null;
  /** File path → source id, from --source. */
  sourceOverrides: ReadonlyMap<string, string>;
}

export interface Ingested {
  book: ClosedBook;
  roster: RosterEntry[] | null;
  warnings: string[];
}

/** Opens a ledger file as tables, each with the source it feeds. */
export type TableOpener = (file: string, scheme: Scheme, options: IngestOptions) => Promise<{ table: RawTable; source: Source }[]>;

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const SAVE_AS = 'save it as .xlsx or CSV (UTF-8) and run again';

/** A ledger that cannot be opened at all is an input problem (exit 2), said plainly. */
function checkReadable(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new KpiError(`cannot read the ledger ${file}: ${why}`, EXIT.data, code === 'ENOENT' ? 'check the path and the current folder' : undefined);
  }
  if (stats.isDirectory()) throw new KpiError(`${file} is a folder, not a ledger file`, EXIT.data, `pass the files inside it, e.g. ${file}/*.csv`);
  if (stats.size === 0) throw new KpiError(`${file}: the file is empty`, EXIT.data, 'export the ledger again, with its header row');
}

export const openLedgerFile: TableOpener = async (file, scheme, options) => {
  checkReadable(file);
  const ext = extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) {
    const table = await readCsv(file, options);
    return [{ table, source: sourceForTextFile(scheme, file, options.sourceOverrides) }];
  }
  if (ext === '.xls' || ext === '.ods' || ext === '.numbers' || ext === '.et') {
    throw new KpiError(`${file}: ${ext} files are not supported`, EXIT.data, SAVE_AS);
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    return sourcesForSheets(scheme, file, await readXlsx(file), options.sourceOverrides);
  }
  throw new KpiError(`${file}: unsupported file type "${ext || 'none'}"`, EXIT.data, `ledgers are .xlsx, .xlsm, .csv, .tsv or .txt; ${SAVE_AS}`);
};

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

function where(table: RawTable): string {
  return table.sheet ? `${table.file} [${table.sheet}]` : table.file;
}

export async function ingestLedgers(files: readonly string[], scheme: Scheme, options: IngestOptions, opener: TableOpener = openLedgerFile): Promise<Ingested> {
  const book = new LedgerBook(scheme, options.period, options.period?.unit ?? scheme.period);
  const rosterRejects: RejectedRow[] = [];
  let roster: RosterEntry[] | null = scheme.sources.some((s) => s.id === 'roster') ? [] : null;
  const fed = new Set<string>();
  let errorCells = 0;
  let firstErrorCell = '';
  const readerWarnings: string[] = [];

  for (const file of files) {
    for (const { table, source } of await opener(file, scheme, options)) {
      fed.add(source.id);
      const words = booleanWords(source);
      const field = (id: string) => source.fields.findIndex((f) => f.id === id);
      const [employeeAt, dateAt, nameAt] = [field('employee'), field('date'), field('name')];
      let map: ColumnMap | null = null;
      for await (const item of withHeader(table, source)) {
        if ('map' in item) {
          map = item.map;
          continue;
        }
        if (isBlankRow(item.cells)) continue;
        const cells: RawCell[] = map!.columns.map((c) => item.cells[c] ?? null);
        const reject = (i: number, reason: string): RejectedRow => ({
          file: table.file, sheet: table.sheet, row: item.row, column: i >= 0 ? map!.headers[i] : null,
          value: i >= 0 ? cellText(cells[i]) : null, reason,
        });
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i];
          if (cell !== null && typeof cell === 'object' && 'error' in cell) {
            if (errorCells++ === 0) firstErrorCell = `${where(table)} row ${item.row}, column ${map!.headers[i]}`;
          }
        }
        const values: CellValue[] = new Array(cells.length).fill(null);
        let problem: RejectedRow | null = null;
        if (source.id === 'roster') {
          if (dateAt >= 0) cells[dateAt] = null;
        } else if (dateAt >= 0) {
          const typed = typeCell(cells[dateAt], source.fields[dateAt], source, words);
          if (!typed.ok || typed.value === null) {
            book.rejectUndatable(reject(dateAt, typed.ok ? 'no date' : typed.reason));
            continue;
          }
          values[dateAt] = typed.value;
        }
        const receiver = source.id === 'roster' ? null : book.open(dateAt >= 0 ? (values[dateAt] as number) : null);
        if (source.id !== 'roster' && !receiver) continue;
        for (let i = 0; i < cells.length && !problem; i++) {
          if (i === dateAt) continue;
          const typed = typeCell(cells[i], source.fields[i], source, words);
          if (!typed.ok) problem = reject(i, typed.reason);
          else values[i] = typed.value;
        }
        if (!problem && values[employeeAt] === null) problem = reject(employeeAt, 'no employee id');
        if (source.id === 'roster') {
          if (problem) rosterRejects.push(problem);
          else roster!.push(rosterEntry(source, values, { file: table.file, sheet: table.sheet, row: item.row }));
          continue;
        }
        if (problem) receiver!.reject(problem);
        else receiver!.accept({ source: source.id, values, origin: { file: table.file, sheet: table.sheet, row: item.row } }, values[employeeAt] as string, nameAt >= 0 ? (values[nameAt] as string | null) : null);
      }
      readerWarnings.push(...tableWarnings(table));
    }
  }

  const warnings: string[] = [...readerWarnings];
  if (errorCells > 0) warnings.push(`${errorCells} error cell${errorCells > 1 ? 's' : ''} (#DIV/0!, #N/A …) read as empty; the first at ${firstErrorCell}`);
  for (const source of scheme.sources) {
    if (!fed.has(source.id)) warnings.push(`no ledger was given for source "${source.id}"${source.sheet ? ` (${source.sheet})` : ''}: its counts are 0 and its other metrics missing`);
  }
  if (roster && !fed.has('roster')) roster = null;
  const closed = book.close();
  closed.rejected.unshift(...rosterRejects);
  // In file order, then as the rows stand in each file: the order a person checks them in.
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  closed.rejected.sort((a, b) => (fileOrder.get(a.file)! - fileOrder.get(b.file)!) || compareText(a.sheet ?? '', b.sheet ?? '') || a.row - b.row);
  closed.stats.rejected = closed.rejected.length;
  return { book: closed, roster, warnings };
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rosterEntry(source: Source, values: CellValue[], origin: RosterEntry['origin']): RosterEntry {
  const get = (id: string) => {
    const i = source.fields.findIndex((f) => f.id === id);
    return i >= 0 && values[i] !== null ? String(values[i]) : null;
  };
  return { id: get('employee')!, name: get('name'), role: get('role'), team: get('team'), origin };
}
