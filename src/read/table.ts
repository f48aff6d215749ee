/**
 * The seam between file formats and the rest of reading: every reader (CSV now, xlsx
 * next) turns a file into tables of raw cells with the row numbers a person sees. Typing
 * and column mapping happen once, after this, whatever the format.
 */
import type { DayNumber } from '../core/types.js';
import type { RecordBatch } from './record-batch.js';

/** A cell as a file holds it: text (CSV), or already typed (xlsx numbers, dates, booleans). */
export type RawCell =
  | string
  | number
  | boolean
  | { day: DayNumber }
  /** A number shown as a time of day or a duration (`h:mm:ss`, `[h]:mm:ss`): the fraction
   *  of a day as stored, and the workbook's date system, for the rare date field reading it. */
  | { time: number; date1904?: true }
  | { error: string }
  | null;

export interface RawRow {
  /** The row number as the user sees it in Excel or a text editor (1-based). */
  row: number;
  cells: RawCell[];
}

export interface RawTable {
  file: string;
  /** Sheet name for workbooks; null for text files. */
  sheet: string | null;
  /** The rows in file order, in batches: one step of an async iteration costs about as
   *  much as typing a whole row, so readers hand on what one input chunk held. A text
   *  file's come as RecordBatches: cells still as bytes, typed from there. */
  batches: AsyncIterable<RawRow[] | RecordBatch>;
  /** Problems the reader noticed in the rows (formulas with no saved result); complete
   *  once the rows have been read to the end. */
  warnings?: readonly string[];
  /** Lets go of what reading holds (a workbook's worker); called once the file is read. */
  close?: () => void;
}

/** True when a row has no content at all (SPEC §4.3: empty rows are skipped). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell !== 'string') return false;
    // Printable ASCII first: no need to trim a cell that starts with a letter or digit.
    const first = cell.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return false;
    if (cell.trim() !== '') return false;
  }
  return true;
}

/** The reader's warnings of a table (none for text files); read after its rows. */
export function tableWarnings(table: RawTable): readonly string[] {
  return table.warnings ?? [];
}

/** A cell as text, for messages and header matching. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'day' in cell ? String(cell.day) : 'time' in cell ? clockText(cell.time) : cell.error;
  return String(cell);
}

/** A time cell as `[h]:mm:ss` shows it (hours past 24 kept, a fraction of a second too):
 *  `0:03:37`, `26:30:00`, `0:00:01.5`. */
export function clockText(days: number): string {
  const sign = days < 0 ? '-' : '';
  const total = Math.round(Math.abs(days) * 86_400 * 1000) / 1000;
  const whole = Math.floor(total);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fraction = total - whole > 0 ? String(Math.round((total - whole) * 1000) / 1000).slice(1) : '';
  return `${sign}${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}${fraction}`;
}
