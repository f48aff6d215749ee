/**
 * Cell parsing for ledgers (SPEC §4.4): turns the text of one cell into a typed value —
 * number, boolean or calendar date — or a short reason a person can act on. Pure
 * functions, no IO. Every result distinguishes "empty" (value null, never 0) from
 * "unreadable", because §4.5 treats them differently.
 *
 * Each parser comes twice: `readX` gives the value itself, null, or an Unreadable, so the
 * ledger reader's per-cell path allocates nothing; `parseX` wraps that as a ParseResult.
 * The plain forms nearly every export writes (`42`, `-3.5`, `2026-11-05`, ASCII text) are
 * recognised by character checks before any normalisation or regular expression, with
 * the same values the general path gives. Calendar arithmetic is in ./days.ts.
 */
import type { DayNumber } from '../core/types.js';
import { durationText } from '../messages/durations.js';
import type { Text } from '../messages/text.js';
import { dayNumberFromYmd, daysInMonth, excelSerialToDayNumber, pad } from './days.js';

export { dayNumberFromYmd, excelSerialToDayNumber, formatDayNumber } from './days.js';

export type ParseResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };
export interface BooleanWords { trueValues: string[]; falseValues: string[] }
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Why a cell cannot be read as its field's type: `reason` in English (the JSON's), and
 *  `text` in both languages when the reason is a catalog message. */
export class Unreadable {
  readonly reason: string;
  readonly text: Text | undefined;
  constructor(reason: string | Text) {
    this.reason = String(reason);
    this.text = typeof reason === 'string' ? undefined : reason;
  }
}

/** A cell's value, null for an empty cell, or why it cannot be read. */
export type Read<T> = T | null | Unreadable;

/** Largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

function result<T>(read: Read<T>): ParseResult<T> {
  return read instanceof Unreadable ? { ok: false, reason: read.reason } : { ok: true, value: read };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * NFKC (full-width digits and punctuation, ％, ideographic/no-break spaces → ASCII),
 * then trim. Zero-width characters are dropped too: they ride along when cells are
 * copied from web pages and chat tools, are invisible, and would make `是` unreadable.
 * ASCII text is its own NFKC form and holds no zero-width characters: it is only trimmed.
 */
export function normalizeCellText(text: string): string {
  if (isAscii(text)) return text.trim();
  return text.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

// Sign, then digits with thousands separators only in groups of three (`1,234,567.8`;
// `1,2,3` and `12,34` are rejected — they are more likely typos or lists than numbers),
// or plain digits with an optional exponent (`1e5`, `1.23E+11`: Excel writes large
// numbers that way when saving CSV). `Infinity`, `NaN`, hex and `1_000` never match.
// U+2212 (minus sign) is accepted because NFKC leaves it alone and typeset documents use it.
const NUMBER_RE =
  /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)$/;
const NOT_A_NUMBER = new Unreadable('not a number');
/** The largest magnitude a ledger number may have. Beyond it doubles no longer hold every
 *  integer, sums of a month's rows could overflow to Infinity, and no KPI figure is that
 *  large: it is an id or a phone-like code in a number column, or an export gone wrong. */
export const MAX_LEDGER_NUMBER = 1e15;
export const TOO_LARGE = new Unreadable('number too large (over 10^15: an id in a number column?)');
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * `42`, `-3.5`, `.5`, `+7.`: a sign, digits and one decimal point, nothing else (else
 * undefined: the general path decides). Up to 15 digits the value is computed directly:
 * an integer below 2^53 divided by an exact power of ten is correctly rounded, so it is
 * the double Number() gives for the text.
 */
function plainNumber(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 0x2b || first === 0x2d) {
    negative = first === 0x2d;
    i = 1;
  }
  let digits = 0;
  let whole = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      whole = whole * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point < 0) point = i;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = point < 0 ? whole : whole / POWERS_OF_TEN[n - 1 - point];
  return negative && value !== 0 ? -value : value; // no -0: it prints as "-0" in some outputs
}

/**
 * `plainNumber` of the text `bytes[start, end)`, read from its UTF-8 bytes: the plain form
 * is ASCII, so its characters are its bytes and the arithmetic is the same, step by step.
 */
export function plainNumberBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  const first = bytes[start];
  if (first === 0x2b || first === 0x2d) {
    negative = first === 0x2d;
    i++;
  }
  let digits = 0;
  let whole = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 0x30 && c <= 0x39) {
      whole = whole * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point < 0) point = i;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = point < 0 ? whole : whole / POWERS_OF_TEN[end - 1 - point];
  return negative && value !== 0 ? -value : value;
}

/** `1,234.5`, ` 95 `, `95%` → 0.95, `-3`, `９５`, `９５％`. Empty → null. */
export function readNumber(text: string): Read<number> {
  const plain = plainNumber(text);
  if (plain !== undefined) return plain;
  const s = normalizeCellText(text);
  if (s === '') return null;
  const m = NUMBER_RE.exec(s);
  if (!m) return NOT_A_NUMBER;
  const sign = m[1] === '' || m[1] === '+' ? '' : '-';
  const digits = m[2].replace(/,/g, '');
  // Percent: shift the decimal point in the text (`95e-2`) rather than dividing, so the
  // result is the double nearest the written decimal: 1.1% → 0.011, whereas
  // 1.1 / 100 → 0.011000000000000001. (Integers such as 29% give 0.29 either way.)
  const value = Number(m[3] === '%' ? `${sign}${digits}e-2` : `${sign}${digits}`);
  if (!(Math.abs(value) <= MAX_LEDGER_NUMBER)) return TOO_LARGE;
  return value === 0 ? 0 : value;
}

export function parseNumberCell(text: string): ParseResult<number> {
  return result(readNumber(text));
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔', '合格', '通过'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘', '不合格', '未通过'];
const wordKey = (w: string): string => normalizeCellText(w).toLowerCase();
const DEFAULT_TRUE = new Set(TRUE_WORDS.map(wordKey));
const DEFAULT_FALSE = new Set(FALSE_WORDS.map(wordKey));
const NOT_YES_NO = new Unreadable('not a yes/no value (use 是/否, true/false, 1/0)');

function readBoolean(text: string, trueKeys: ReadonlySet<string>, falseKeys: ReadonlySet<string>): Read<boolean> {
  const s = normalizeCellText(text);
  if (s === '') return null;
  const key = s.toLowerCase();
  if (trueKeys.has(key)) return true;
  if (falseKeys.has(key)) return false;
  if (DEFAULT_TRUE.has(key)) return true;
  if (DEFAULT_FALSE.has(key)) return false;
  return NOT_YES_NO;
}

/**
 * Yes/no cells of one source. Words are compared after NFKC + trim + lower-casing (config
 * words too, so `true_values: [Ｏｋ]` matches `ok`). The config's own words are checked
 * before the defaults: if a source says `true_values: [N]` (e.g. "N" means "normal"
 * there), the explicit wish wins over the built-in `n` = no. A word in both config lists
 * is a config error for the validator to catch; here `true_values` would win.
 */
export function booleanReader(extra?: BooleanWords): (text: string) => Read<boolean> {
  const trueKeys = new Set(extra?.trueValues.map(wordKey));
  const falseKeys = new Set(extra?.falseValues.map(wordKey));
  return (text) => readBoolean(text, trueKeys, falseKeys);
}

export function parseBooleanCell(text: string, extra?: BooleanWords): ParseResult<boolean> {
  return result(booleanReader(extra)(text));
}

// Optional time after a date: `14:30`, `9:05:07`, `14:30:15.250`, separated by spaces or `T`.
// A trailing `Z` or `+08:00` is not accepted: ledgers hold wall-clock times, and
// converting between zones would shift calendar dates (SPEC §4.4).
const TIME = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?`;
const YMD_RE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CJK_RE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]${TIME}$`);
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST_RE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const SERIAL_RE = /^\d+(?:\.\d+)?$/;

const NOT_A_DATE = new Unreadable('not a date (use 2026-11-05)');
/** `9:45` or `09:45:00` alone: what a time-only xlsx cell gives too (SPEC §4.6). */
const CLOCK_ONLY_RE = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
export const TIME_OF_DAY = new Unreadable(durationText.timeOfDay());
const AMBIGUOUS = new Unreadable('ambiguous date: day/month order unknown (set date_format: dmy or mdy in the source)');
const BAD_TIME = new Unreadable('invalid time (hours 0–23, minutes and seconds 0–59)');

const clock = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** Checks the calendar and the clock, then builds the DayNumber. */
function buildDate(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Read<DayNumber> {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return new Unreadable(`no such date: ${pad(y, 4)}-${pad(m)}-${pad(d)}`);
  if (hh > 23 || mi > 59 || ss >= 60) return BAD_TIME;
  return dayNumberFromYmd(y, m, d, hh, mi, ss);
}

/** The decimal number written by `count` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

/** `2026-11-05` exactly (undefined otherwise: the general path decides). */
function plainDate(text: string): Read<DayNumber> | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  return y < 0 || m < 0 || d < 0 ? undefined : buildDate(y, m, d);
}

/**
 * Date cell. Year-first forms always parse (`2026-11-05`, `2026/11/5`, `2026.11.05`,
 * `2026年11月5日` or `…5号`, each with an optional time; `20261105`). An 8-digit number
 * is read as yyyymmdd, not a serial: serials stop at 2958465 (7 digits).
 * Day/month-first forms (`05/11/2026`, `5/11/26`) need dateFormat 'dmy' or 'mdy' — and
 * are refused without it even when only one reading is valid (`25/11/2026`), so a
 * column never parses half its rows one way. Two-digit years use Excel's pivot:
 * 00–29 → 2000s, 30–99 → 1900s.
 * A bare number is an Excel serial (1900 system; CSV carries no 1904 flag). Serials
 * below 61 are refused: they fall in Jan–Feb 1900, where Excel's calendar is wrong, and
 * in a ledger a small bare number is far likelier a typo (a day of the month) than a date.
 */
export function readDate(text: string, dateFormat?: DateOrder): Read<DayNumber> {
  const plain = plainDate(text);
  if (plain !== undefined) return plain;
  const s = normalizeCellText(text);
  if (s === '') return null;
  let m = YMD_RE.exec(s);
  if (m) return buildDate(+m[1], +m[3], +m[4], clock(m[5]), clock(m[6]), clock(m[7]));
  m = CJK_RE.exec(s);
  if (m) return buildDate(+m[1], +m[2], +m[3], clock(m[4]), clock(m[5]), clock(m[6]));
  m = COMPACT_RE.exec(s);
  if (m) return buildDate(+m[1], +m[2], +m[3]);
  m = DAY_FIRST_RE.exec(s);
  if (m) {
    if (dateFormat !== 'dmy' && dateFormat !== 'mdy') return AMBIGUOUS;
    const [a, b] = [+m[1], +m[3]];
    const y = m[4].length === 4 ? +m[4] : +m[4] + (+m[4] < 30 ? 2000 : 1900);
    const [hh, mi, ss] = [clock(m[5]), clock(m[6]), clock(m[7])];
    return dateFormat === 'dmy' ? buildDate(y, b, a, hh, mi, ss) : buildDate(y, a, b, hh, mi, ss);
  }
  if (SERIAL_RE.test(s)) {
    const serial = Number(s);
    if (serial < 61 || serial >= MAX_SERIAL + 1) return new Unreadable(`not a date: ${s} is not an Excel serial date`);
    return excelSerialToDayNumber(serial);
  }
  return CLOCK_ONLY_RE.test(s) ? TIME_OF_DAY : NOT_A_DATE;
}

export function parseDateCell(text: string, dateFormat?: DateOrder): ParseResult<DayNumber> {
  return result(readDate(text, dateFormat));
}
