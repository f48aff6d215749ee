/**
 * Reading every ledger of a run into the ledger book, each file once: open it, read each
 * of its tables (table-reader.ts), collect the roster and warnings. `closeLedgers` then
 * looks at the book from one period — `score` does that once, `batch` once per period.
 */
import { LedgerBook, rejectedRows, type ClosedBook } from '../core/ledger-book.js';
import type { RosterEntry } from '../core/people.js';
import type { Period } from '../core/period.js';
import type { DayNumber, PeriodUnit, RejectedRow, Scheme } from '../core/types.js';
import { KpiError } from '../errors.js';
import { openLedgerFile, type OpenOptions, type TableOpener } from './open.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { ReadState, RowTally, SourceStats } from './read-state.js';
import { readTable } from './table-reader.js';
import { tableWarnings } from './table.js';
import type { TextLike } from '../messages/text.js';
import { readText } from '../messages/read.js';

export { openLedgerFile, type TableOpener } from './open.js';

export interface IngestOptions extends OpenOptions {
  /** The period to score, or null to keep every period of `unit` (default: the config's). */
  period: Period | null;
  unit?: PeriodUnit;
  /** `kpi score --as-of`: rows dated on or after this day count as out of period. */
  until?: DayNumber;
  /** Given: a file that cannot be read is reported here and the others are still read. */
  onFileError?: (file: string, error: KpiError) => void;
}

/** Everything read from the ledgers, before a period is chosen. */
export interface LedgerRead {
  files: readonly string[];
  book: LedgerBook;
  roster: RosterEntry[] | null;
  rosterRejects: RejectedRow[];
  warnings: TextLike[];
  sources: Map<string, SourceStats>;
  tally: RowTally;
}

export interface Ingested {
  book: ClosedBook;
  roster: RosterEntry[] | null;
  warnings: TextLike[];
}

export async function readLedgers(files: readonly string[], scheme: Scheme, options: IngestOptions, opener: TableOpener = openLedgerFile): Promise<LedgerRead> {
  const state: ReadState = {
    book: new LedgerBook(scheme, options.period, options.period?.unit ?? options.unit ?? scheme.period, options.until),
    roster: [], rosterRejects: [], sources: new Map(), errorCells: 0, firstErrorCell: '', calendar: scheme.calendar,
    tally: { read: 0, blank: 0 }, maxRows: (options.limits ?? DEFAULT_LIMITS).rows, employeeKeys: new Map(),
  };
  const warnings: TextLike[] = [];
  // Files feed the file sources only: a CSV named after a database source is not its data.
  const fileScheme = { ...scheme, sources: scheme.sources.filter((s) => !s.sql) };
  for (const file of files) {
    try {
      const opened = await opener(file, fileScheme, options);
      try {
        for (const { table, source } of opened) {
          await readTable(table, source, state);
          warnings.push(...tableWarnings(table));
        }
      } finally {
        for (const { table } of opened) table.close?.();
      }
    } catch (error) {
      if (!(error instanceof KpiError) || !options.onFileError) throw error;
      options.onFileError(file, error);
    }
  }
  if (state.errorCells > 0) {
    warnings.push(readText.errorCells({ count: state.errorCells, first: state.firstErrorCell }));
  }
  for (const source of scheme.sources) {
    if (!source.sql) continue;
    const { readSqlSource } = await import('./sql/read.js');
    await readSqlSource(source, scheme, state, { period: options.period, unit: options.period?.unit ?? options.unit ?? scheme.period, until: options.until, timeoutSeconds: (options.limits ?? DEFAULT_LIMITS).querySeconds });
  }
  for (const source of scheme.sources) {
    if (!state.sources.has(source.id)) warnings.push(readText.noLedgerFor({ id: source.id, sheet: source.sheet ?? '' }));
  }
  const roster = state.sources.has('roster') ? state.roster : null;
  return { files, book: state.book, roster, rosterRejects: state.rosterRejects, warnings, sources: state.sources, tally: state.tally };
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The run as seen from one period (default: the period asked for, else the latest). */
export function closeLedgers(read: LedgerRead, period?: Period | null): Ingested {
  const closed = period === undefined ? read.book.close() : read.book.close(period);
  closed.rejected.unshift(...read.rosterRejects);
  // In file order, then as the rows stand in each file: the order a person checks them in.
  const fileOrder = new Map(read.files.map((f, i) => [f, i]));
  const order = (file: string) => fileOrder.get(file) ?? read.files.length;
  closed.rejected.sort((a, b) => (order(a.file) - order(b.file)) || compareText(a.file, b.file) || compareText(a.sheet ?? '', b.sheet ?? '') || a.row - b.row);
  closed.stats.rejected = rejectedRows(closed.rejected);
  reconcile(closed, read.tally, read.roster?.length ?? 0);
  return { book: closed, roster: read.roster, warnings: read.warnings };
}

/**
 * Accounts for every data row read (RELIABILITY §5): read = used + rejected + blank + out
 * of period, each counted where it happens. Rows that do not add up mean kpi lost or
 * invented one somewhere — a bug, so it stops the run (exit 3) rather than print scores.
 */
function reconcile(closed: ClosedBook, tally: RowTally, rosterEntries: number): void {
  const { stats } = closed;
  stats.read = tally.read;
  stats.used = closed.usedRows + rosterEntries;
  stats.blank = tally.blank;
  if (stats.read !== stats.used + stats.rejected + stats.blank + stats.rowsOutOfPeriod) {
    throw new Error(`rows do not add up: ${stats.read} read ≠ ${stats.used} used + ${stats.rejected} rejected + ${stats.blank} blank + ${stats.rowsOutOfPeriod} out of period`);
  }
}

export async function ingestLedgers(files: readonly string[], scheme: Scheme, options: IngestOptions, opener: TableOpener = openLedgerFile): Promise<Ingested> {
  return closeLedgers(await readLedgers(files, scheme, options, opener));
}
