/**
 * Typing raw cells as the fields of a source (SPEC §4.4) — the only place where ledger
 * input becomes numbers, booleans and dates. CSV text and xlsx cells end up alike, so the
 * engine never knows which file format a row came from. A reader is made once per field
 * and table, so typing a cell costs no look-up of the field's type or words.
 */
import type { CellValue, Field, Source } from '../core/types.js';
import { durationText } from '../messages/durations.js';
import { booleanReader, excelSerialToDayNumber, TIME_OF_DAY, formatDayNumber, MAX_LEDGER_NUMBER, readDate, readNumber, TOO_LARGE, Unreadable, type BooleanWords, type Read } from './cells.js';
import { durationFromDays, readDuration } from './durations.js';
import { clockText, type RawCell } from './table.js';

export { Unreadable } from './cells.js';

/** Excel serial of 1970-01-01: DayNumber + this = the serial Excel stores. */
const EXCEL_SERIAL_1970 = 25_569;

const A_DATE = new Unreadable('a date, not a yes/no value');
const NOT_YES_NO = new Unreadable('not a yes/no value (use 是/否, true/false, 1/0)');
const A_TIME = new Unreadable(durationText.timeNotYesNo());
const DATE_NOT_DURATION = new Unreadable(durationText.dateNotDuration());
const YES_NO_NOT_DURATION = new Unreadable(durationText.yesNoNotDuration());

/**
 * Remembers the answers for the first `limit` distinct texts. A ledger column of dates or
 * yes/no words repeats a few dozen texts over every row; the tokenizer hands the same
 * string object for each repeat, so a look-up here costs less than parsing again.
 */
function remembering<T>(read: (text: string) => T, limit = 4096): (text: string) => T {
  const answers = new Map<string, T>();
  // A column of yes/no words mostly repeats the last one: same string, no look-up.
  let lastText: string | null = null;
  let lastAnswer: T | undefined;
  return (text) => {
    if (text === lastText) return lastAnswer as T;
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = read(text);
      if (answers.size < limit) answers.set(text, answer);
    }
    lastText = text;
    lastAnswer = answer;
    return answer;
  };
}

/** A character that is not white space: printable ASCII but the space, or a CJK ideograph. */
const solid = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff);

function trimmed(text: string): string | null {
  // Nothing to trim when both ends are solid (ids, names, kinds): no call to trim().
  if (text.length > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1))) return text;
  const value = text.trim();
  return value === '' ? null : value;
}

function textReader(field: Field, source: Source, words: BooleanWords): (text: string) => Read<CellValue> {
  switch (field.type) {
    case 'text':
      return trimmed;
    case 'number': {
      const unit = field.duration;
      if (unit === undefined) return readNumber;
      const format = source.durationFormat;
      return remembering((text) => readDuration(text, unit, format));
    }
    case 'boolean':
      return remembering(booleanReader(words));
    case 'date': {
      const order = source.dateFormat;
      return remembering((text) => readDate(text, order));
    }
  }
}

/** A cell a workbook has already typed (number, boolean, date, error) as the field's type. */
function typedCell(cell: Exclude<RawCell, string | null>, field: Field, source: Source): Read<CellValue> {
  if (typeof cell === 'object') {
    // An error cell (#DIV/0!) is empty; the table reader warns about it.
    if ('error' in cell) return null;
    if ('time' in cell) return timeCell(cell.time, cell.date1904 === true, field);
    if (field.duration) return DATE_NOT_DURATION;
    if (field.type === 'date') return cell.day;
    if (field.type === 'text') return formatDayNumber(cell.day);
    // A number field whose cells carry a date or time format (a duration shown as [h]:mm,
    // or a formatting accident): the number is what Excel holds, the serial in days.
    if (field.type === 'number') return cell.day + EXCEL_SERIAL_1970;
    return A_DATE;
  }
  if (typeof cell === 'boolean') {
    if (field.type === 'boolean') return cell;
    if (field.type === 'text') return cell ? 'TRUE' : 'FALSE';
    if (field.duration) return YES_NO_NOT_DURATION;
    return new Unreadable(`a yes/no value, not a ${field.type}`);
  }
  // A number cell.
  switch (field.type) {
    case 'number':
      // A plain number in a duration field is already in the field's unit (SPEC §4.6).
      if (field.duration) return readDuration(String(cell), field.duration);
      return Math.abs(cell) <= MAX_LEDGER_NUMBER ? cell : TOO_LARGE;
    case 'text':
      return String(cell);
    case 'boolean':
      // SPEC §4.4: a number cell in a boolean field: 1 is true, 0 is false.
      return cell === 1 || cell === 0 ? cell === 1 : NOT_YES_NO;
    case 'date':
      return readDate(String(cell), source.dateFormat);
  }
}

/**
 * A cell formatted as a time or duration (SPEC §4.6): its number is a fraction of a day,
 * never a date serial — so no 1900 leap-year shift, whatever the date system. A duration
 * field converts it to its unit; a number field takes it as stored; a date field refuses a
 * time of day (below 1) and reads a larger number as the date-time it is.
 */
function timeCell(days: number, date1904: boolean, field: Field): Read<CellValue> {
  if (field.duration) return durationFromDays(days, field.duration);
  switch (field.type) {
    case 'number':
      return days;
    case 'text':
      return clockText(days);
    case 'boolean':
      return A_TIME;
    case 'date':
      return days < 1 ? TIME_OF_DAY : excelSerialToDayNumber(days, date1904);
  }
}

/**
 * Types the cells of one field. A text cell (every cell of a CSV) goes straight to
 * `fromText`, compiled for the field's type and words, without a look at the cell's type.
 */
export class FieldReader {
  readonly fromText: (text: string) => Read<CellValue>;

  constructor(private readonly field: Field, private readonly source: Source, words: BooleanWords) {
    this.fromText = textReader(field, source, words);
  }

  /** Its value, null when empty, or why it cannot be read. */
  read(cell: RawCell): Read<CellValue> {
    if (typeof cell === 'string') return this.fromText(cell);
    return cell === null ? null : typedCell(cell, this.field, this.source);
  }
}

export function booleanWords(source: Source): BooleanWords {
  return { trueValues: source.trueValues, falseValues: source.falseValues };
}
