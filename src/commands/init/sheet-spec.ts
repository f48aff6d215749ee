/**
 * The shape of one sheet of the sample ledger.xlsx, kept as data so each ledger reads like
 * the paper it stands for: its name and headers in both languages side by side, and its
 * rows as compact `|`-separated lines. ledger-workbook.ts turns these into Excel cells.
 */

/** The month of the sample: every ledger covers November of this year (plus a few late entries for October). */
export const SAMPLE_YEAR = 2026;
export const SAMPLE_PERIOD = '2026-11';

export interface Localized {
  zh: string;
  en: string;
}

/**
 * How a compact cell becomes an Excel cell:
 * - `id`: text exactly as written (spaces kept: a deliberate untidy 工号 is part of the sample);
 * - `name`: a person's name, the same in both languages;
 * - `text`: text, translated by english.ts in the English ledger;
 * - `date`: `MM-DD` of SAMPLE_YEAR, written as a real Excel date cell;
 * - `datetime`: `MM-DD HH:MM` of SAMPLE_YEAR, a date cell with a time;
 * - `number`: a number cell, or the text as written when it is not a plain number (`abc`, `５`);
 * - `percent`: `92%` or `0.92`, written as the number 0.92 shown as a percentage.
 */
export type CellKind = 'id' | 'name' | 'text' | 'date' | 'datetime' | 'number' | 'percent';

export interface Column {
  kind: CellKind;
  header: Localized;
}

export interface SheetSpec {
  /** The scheme's source id that this sheet feeds. */
  source: string;
  /** The sheet name; equals the source's `sheet:` in the scheme of the same language. */
  name: Localized;
  /** A title row above the header, as departments put on printed ledgers. */
  title?: Localized;
  columns: Column[];
  /** One row per line, cells separated by `|`; missing trailing cells are blank. */
  rows: string;
}

export function col(kind: CellKind, zh: string, en: string): Column {
  return { kind, header: { zh, en } };
}

/** Splits the compact rows; only blank lines are dropped, so spaces inside a cell survive. */
export function compactRows(rows: string): string[][] {
  return rows.split('\n').filter((line) => line.trim() !== '').map((line) => line.split('|'));
}
