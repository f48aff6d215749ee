/**
 * The seam between file formats and the rest of reading: every reader (CSV now, xlsx
 * next) turns a file into tables of raw cells with the row numbers a person sees. Typing
 * and column mapping happen once, after this, whatever the format.
 */
import type { DayNumber } from '../core/types.js';

/** A cell as a file holds it: text (CSV), or already typed (xlsx numbers, dates, booleans). */
export type RawCell =
  | string
  | number
  | boolean
  | { day: DayNumber }
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
  rows: AsyncIterable<RawRow>;
}

/** True when a row has no content at all (SPEC §4.3: empty rows are skipped). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** A cell as text, for messages and header matching. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'day' in cell ? String(cell.day) : cell.error;
  return String(cell);
}
