/**
 * What one run learns while its tables are read (SPEC §4.3–§4.5): the ledger book the rows
 * go to, the roster, per-source statistics for `kpi validate`, and the row tally that
 * reconciles every row. Shared by the file reader (table-reader.ts) and database sources.
 */
import type { Calendar } from '../core/calendar.js';
import type { LedgerBook } from '../core/ledger-book.js';
import type { RosterEntry } from '../core/people.js';
import type { DayNumber, RejectedRow } from '../core/types.js';
import type { TextLike } from '../messages/text.js';

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
  firstErrorCell: TextLike;
  /** For workdays() in derived fields. */
  calendar: Calendar;
  /** Every data row (below a header) of every table, for the reconciliation. */
  tally: RowTally;
  /** Rows one table may have (--limit rows). */
  maxRows: number;
  /** A small number for each employee id met, the same in every table: what the ledger
   *  book finds a person's accumulators by (see MetricAggregator.addValues). */
  employeeKeys: Map<string, number>;
}

/** What became of the rows read, as far as neither the book nor the roster says it. */
export interface RowTally {
  read: number;
  blank: number;
}
