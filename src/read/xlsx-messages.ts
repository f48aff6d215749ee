/**
 * The messages between a workbook's reader (./xlsx-isolated.ts) and its worker, and the
 * compact form rows travel in. Posting `RawRow` objects as they are costs a structured
 * clone of every row and cell (measured: ~0.7 s of CPU per 200,000 rows, on both threads
 * together); as columns in typed arrays (moved, not copied) with each batch's distinct
 * texts listed once, the same rows cost a fraction of that, and arrive exactly as sent.
 */
import type { WireError } from '../errors.js';
import type { RawCell, RawRow } from './table.js';

export type ToWorker =
  /** Stream the rows of sheet `sheet` (its index among the names sent). */
  | { type: 'read'; sheet: number }
  /** One `rows` message has been taken: the worker may send another. */
  | { type: 'taken' }
  /** Which sheets hold a value (asked before any sheet is read). */
  | { type: 'probe' };

export type FromWorker =
  | { type: 'sheets'; names: string[] }
  | { type: 'filled'; filled: boolean[] }
  | { type: 'rows'; sheet: number; rows: EncodedRows }
  | { type: 'end'; sheet: number; warnings: string[] }
  /** A KpiError: the person's to fix. `sheet` null: opening the workbook failed. */
  | ({ type: 'error'; sheet: number | null } & WireError)
  /** Anything else: a bug in kpi. */
  | { type: 'crash'; sheet: number | null; message: string; stack: string };

// What a cell is, one byte each.
const NULL = 0;
const TEXT = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const DAY = 5;
const ERROR = 6;
const TIME = 7;
const TIME_1904 = 8;

/** Rows as columns: per row its number and cell count; per cell its kind and value. */
export interface EncodedRows {
  rowNumbers: Int32Array;
  widths: Int32Array;
  kinds: Uint8Array;
  /** Numbers, day numbers and time cells' numbers, by cell. */
  numbers: Float64Array;
  /** Index into `texts` of text and error cells, by cell. */
  textIndex: Int32Array;
  texts: string[];
}

export function encodeRows(rows: readonly RawRow[]): EncodedRows {
  let count = 0;
  for (const row of rows) count += row.cells.length;
  const encoded: EncodedRows = {
    rowNumbers: new Int32Array(rows.length), widths: new Int32Array(rows.length), kinds: new Uint8Array(count),
    numbers: new Float64Array(count), textIndex: new Int32Array(count), texts: [],
  };
  const seen = new Map<string, number>();
  const indexOf = (text: string): number => {
    let index = seen.get(text);
    if (index === undefined) {
      index = encoded.texts.length;
      encoded.texts.push(text);
      seen.set(text, index);
    }
    return index;
  };
  let at = 0;
  rows.forEach((row, r) => {
    encoded.rowNumbers[r] = row.row;
    encoded.widths[r] = row.cells.length;
    for (const cell of row.cells) {
      if (cell === null) encoded.kinds[at] = NULL;
      else if (typeof cell === 'string') {
        encoded.kinds[at] = TEXT;
        encoded.textIndex[at] = indexOf(cell);
      } else if (typeof cell === 'number') {
        encoded.kinds[at] = NUMBER;
        encoded.numbers[at] = cell;
      } else if (typeof cell === 'boolean') encoded.kinds[at] = cell ? TRUE : FALSE;
      else if ('day' in cell) {
        encoded.kinds[at] = DAY;
        encoded.numbers[at] = cell.day;
      } else if ('time' in cell) {
        encoded.kinds[at] = cell.date1904 ? TIME_1904 : TIME;
        encoded.numbers[at] = cell.time;
      } else {
        encoded.kinds[at] = ERROR;
        encoded.textIndex[at] = indexOf(cell.error);
      }
      at++;
    }
  });
  return encoded;
}

/** The typed arrays' memory, to move rather than copy with the message. */
export function transferables(encoded: EncodedRows): ArrayBuffer[] {
  const { rowNumbers, widths, kinds, numbers, textIndex } = encoded;
  return [rowNumbers.buffer, widths.buffer, kinds.buffer, numbers.buffer, textIndex.buffer] as ArrayBuffer[];
}

export function decodeRows(encoded: EncodedRows): RawRow[] {
  const { rowNumbers, widths, kinds, numbers, textIndex, texts } = encoded;
  const rows: RawRow[] = new Array(rowNumbers.length);
  let at = 0;
  for (let r = 0; r < rowNumbers.length; r++) {
    const cells: RawCell[] = new Array(widths[r]);
    for (let c = 0; c < cells.length; c++, at++) {
      switch (kinds[at]) {
        case NULL: cells[c] = null; break;
        case TEXT: cells[c] = texts[textIndex[at]]; break;
        case NUMBER: cells[c] = numbers[at]; break;
        case TRUE: cells[c] = true; break;
        case FALSE: cells[c] = false; break;
        case DAY: cells[c] = { day: numbers[at] }; break;
        case TIME: cells[c] = { time: numbers[at] }; break;
        case TIME_1904: cells[c] = { time: numbers[at], date1904: true }; break;
        default: cells[c] = { error: texts[textIndex[at]] };
      }
    }
    rows[r] = { row: rowNumbers[r], cells };
  }
  return rows;
}
