/**
 * Typing raw cells as the fields of a source (SPEC §4.4) — the only place where ledger
 * input becomes numbers, booleans and dates. CSV text and xlsx cells end up alike, so the
 * engine never knows which file format a row came from.
 */
import type { CellValue, Field, FieldType, Source } from '../core/types.js';
import { formatDayNumber, parseBooleanCell, parseDateCell, parseNumberCell, type BooleanWords } from './cells.js';
import type { RawCell } from './table.js';

/** Excel serial of 1970-01-01: DayNumber + this = the serial Excel stores. */
const EXCEL_SERIAL_1970 = 25_569;

export type Typed = { ok: true; value: CellValue } | { ok: false; reason: string };

const EMPTY: Typed = { ok: true, value: null };

function fromText(text: string, type: FieldType, source: Source, words: BooleanWords): Typed {
  switch (type) {
    case 'text': {
      const trimmed = text.trim();
      return { ok: true, value: trimmed === '' ? null : trimmed };
    }
    case 'number':
      return parseNumberCell(text);
    case 'boolean':
      return parseBooleanCell(text, words);
    case 'date':
      return parseDateCell(text, source.dateFormat);
  }
}

/** Types one cell. An error cell (#DIV/0!) is empty; the caller warns about it. */
export function typeCell(cell: RawCell, field: Field, source: Source, words: BooleanWords): Typed {
  if (cell === null) return EMPTY;
  if (typeof cell === 'string') return fromText(cell, field.type, source, words);
  if (typeof cell === 'object') {
    if ('error' in cell) return EMPTY;
    if (field.type === 'date') return { ok: true, value: cell.day };
    if (field.type === 'text') return { ok: true, value: formatDayNumber(cell.day) };
    // A number field whose cells carry a date or time format (a duration shown as [h]:mm,
    // or a formatting accident): the number is what Excel holds, the serial in days.
    if (field.type === 'number') return { ok: true, value: cell.day + EXCEL_SERIAL_1970 };
    return { ok: false, reason: 'a date, not a yes/no value' };
  }
  if (typeof cell === 'boolean') {
    if (field.type === 'boolean') return { ok: true, value: cell };
    if (field.type === 'text') return { ok: true, value: cell ? 'TRUE' : 'FALSE' };
    return { ok: false, reason: `a yes/no value, not a ${field.type}` };
  }
  // A number cell.
  switch (field.type) {
    case 'number':
      return { ok: true, value: cell };
    case 'text':
      return { ok: true, value: String(cell) };
    case 'boolean':
      // SPEC §4.4: a number cell in a boolean field: 1 is true, 0 is false.
      return cell === 1 || cell === 0 ? { ok: true, value: cell === 1 } : { ok: false, reason: 'not a yes/no value (use 是/否, true/false, 1/0)' };
    case 'date':
      return parseDateCell(String(cell), source.dateFormat);
  }
}

export function booleanWords(source: Source): BooleanWords {
  return { trueValues: source.trueValues, falseValues: source.falseValues };
}
