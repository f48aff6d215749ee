/**
 * Cell parsing for ledgers (SPEC §4.4): turns the text of one cell into a typed value —
 * number, boolean or calendar date — or a short reason a person can act on. Pure
 * functions, no IO. Every result distinguishes "empty" (value null, never 0) from
 * "unreadable" (ok: false), because §4.5 treats them differently.
 *
 * Dates are DayNumbers (days since 1970-01-01, fraction = time of day) computed with
 * pure arithmetic: the process time zone never shifts a date (DOMAIN §4.4 — the
 * SheetJS/Asia-Shanghai off-by-one-day bug is what this avoids).
 */
import type { DayNumber } from '../core/types.js';

export type ParseResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };
export interface BooleanWords { trueValues: string[]; falseValues: string[] }
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

const MS_PER_DAY = 86_400_000;
/** Excel serial (1900 system) of 1970-01-01. */
const SERIAL_1970 = 25_569;
/** 1904-system serials are this many days behind 1900-system ones. */
const DAYS_1904 = 1_462;
/** Largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

const EMPTY = { ok: true, value: null } as const;
const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * NFKC (full-width digits and punctuation, ％, ideographic/no-break spaces → ASCII),
 * then trim. Zero-width characters are dropped too: they ride along when cells are
 * copied from web pages and chat tools, are invisible, and would make `是` unreadable.
 */
export function normalizeCellText(text: string): string {
  return text.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

// Sign, then digits with thousands separators only in groups of three (`1,234,567.8`;
// `1,2,3` and `12,34` are rejected — they are more likely typos or lists than numbers),
// or plain digits with an optional exponent (`1e5`, `1.23E+11`: Excel writes large
// numbers that way when saving CSV). `Infinity`, `NaN`, hex and `1_000` never match.
// U+2212 (minus sign) is accepted because NFKC leaves it alone and typeset documents use it.
const NUMBER_RE =
  /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)$/;

/** `1,234.5`, ` 95 `, `95%` → 0.95, `-3`, `９５`, `９５％`. Empty → null. */
export function parseNumberCell(text: string): ParseResult<number> {
  const s = normalizeCellText(text);
  if (s === '') return EMPTY;
  const m = NUMBER_RE.exec(s);
  if (!m) return fail('not a number');
  const sign = m[1] === '' || m[1] === '+' ? '' : '-';
  const digits = m[2].replace(/,/g, '');
  // Percent: shift the decimal point in the text (`95e-2`) rather than dividing, so the
  // result is the double nearest the written decimal: 1.1% → 0.011, whereas
  // 1.1 / 100 → 0.011000000000000001. (Integers such as 29% give 0.29 either way.)
  const value = Number(m[3] === '%' ? `${sign}${digits}e-2` : `${sign}${digits}`);
  if (!Number.isFinite(value)) return fail('number too large');
  return ok(value === 0 ? 0 : value); // no -0: it prints as "-0" in some outputs
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', '✔', '合格', '通过'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', '错', '无', '×', '✗', '✘', '不合格', '未通过'];
const wordKey = (w: string): string => normalizeCellText(w).toLowerCase();
const DEFAULT_TRUE = new Set(TRUE_WORDS.map(wordKey));
const DEFAULT_FALSE = new Set(FALSE_WORDS.map(wordKey));

/**
 * Yes/no cell. Words are compared after NFKC + trim + lower-casing (config words too,
 * so `true_values: [Ｏｋ]` matches `ok`). The config's own words are checked before the
 * defaults: if a source says `true_values: [N]` (e.g. "N" means "normal" there), the
 * explicit wish wins over the built-in `n` = no. A word in both config lists is a config
 * error for the validator to catch; here `true_values` would win.
 */
export function parseBooleanCell(text: string, extra?: BooleanWords): ParseResult<boolean> {
  const s = normalizeCellText(text);
  if (s === '') return EMPTY;
  const key = s.toLowerCase();
  if (extra) {
    if (extra.trueValues.some((w) => wordKey(w) === key)) return ok(true);
    if (extra.falseValues.some((w) => wordKey(w) === key)) return ok(false);
  }
  if (DEFAULT_TRUE.has(key)) return ok(true);
  if (DEFAULT_FALSE.has(key)) return ok(false);
  return fail('not a yes/no value (use 是/否, true/false, 1/0)');
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil):
 *  pure integer arithmetic, unlike Date.UTC which maps years 0–99 to 1900–1999. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Whole day + time of day, with the time rounded to the millisecond. Every path
 *  (text, serial) builds DayNumbers this same way, so `2026-11-05 14:30` typed as text
 *  and the same moment read from an xlsx serial compare equal. */
function withTime(day: number, ms: number): DayNumber {
  const t = Math.round(ms);
  const carry = Math.floor(t / MS_PER_DAY); // a time that rounds to 24:00 is the next day
  const rest = t - carry * MS_PER_DAY;
  return rest === 0 ? day + carry : day + carry + rest / MS_PER_DAY;
}

/** DayNumber of a calendar date and time. Does not validate: day 31 of February or
 *  month 13 roll over arithmetically; parseDateCell validates before calling this. */
export function dayNumberFromYmd(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): DayNumber {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return withTime(daysFromCivil(yy, mm, 1) + d - 1, ((hh * 60 + mi) * 60 + ss) * 1000);
}

const daysInMonth = (y: number, m: number): number =>
  daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);

/**
 * Excel serial → DayNumber. 1900 system: serial 25569 = 1970-01-01, 46331 = 2026-11-05.
 * Excel pretends 1900 was a leap year (serial 60 = 1900-02-29, which never existed), so
 * serials below 61 are shifted one day to give real dates (1 = 1900-01-01, 59 = 1900-02-28)
 * and the fictitious serial 60 is read as 1900-03-01, the same day as 61. The 1904
 * system (old Mac workbooks) has no such bug: serial 0 = 1904-01-01.
 */
export function excelSerialToDayNumber(serial: number, date1904 = false): DayNumber {
  const s = date1904 ? serial + DAYS_1904 : serial;
  const shifted = !date1904 && s < 61 ? s + 1 : s;
  const whole = Math.floor(shifted);
  return withTime(whole - SERIAL_1970, (shifted - whole) * MS_PER_DAY);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-05`, plus ` 14:30` or ` 14:30:15` when there is a time of day (to the second). */
export function formatDayNumber(day: DayNumber): string {
  let whole = Math.floor(day);
  let secs = Math.round((day - whole) * 86_400);
  if (secs >= 86_400) { whole += 1; secs = 0; }
  const [y, m, d] = civilFromDays(whole);
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (secs === 0) return date;
  const hm = `${date} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}`;
  return secs % 60 === 0 ? hm : `${hm}:${pad(secs % 60)}`;
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

const NOT_A_DATE = 'not a date (use 2026-11-05)';

/** Checks the calendar and the clock, then builds the DayNumber. */
function buildDate(y: number, m: number, d: number, t: (string | undefined)[]): ParseResult<DayNumber> {
  const ymd = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail(`no such date: ${ymd}`);
  const [hh, mi, ss] = t.map((x) => (x === undefined ? 0 : Number(x)));
  if (hh > 23 || mi > 59 || ss >= 60) return fail('invalid time (hours 0–23, minutes and seconds 0–59)');
  return ok(dayNumberFromYmd(y, m, d, hh, mi, ss));
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
export function parseDateCell(text: string, dateFormat?: DateOrder): ParseResult<DayNumber> {
  const s = normalizeCellText(text);
  if (s === '') return EMPTY;
  let m = YMD_RE.exec(s);
  if (m) return buildDate(+m[1], +m[3], +m[4], [m[5], m[6], m[7]]);
  m = CJK_RE.exec(s);
  if (m) return buildDate(+m[1], +m[2], +m[3], [m[4], m[5], m[6]]);
  m = COMPACT_RE.exec(s);
  if (m) return buildDate(+m[1], +m[2], +m[3], []);
  m = DAY_FIRST_RE.exec(s);
  if (m) {
    if (dateFormat !== 'dmy' && dateFormat !== 'mdy') {
      return fail('ambiguous date: day/month order unknown (set date_format: dmy or mdy in the source)');
    }
    const [a, b] = [+m[1], +m[3]];
    const y = m[4].length === 4 ? +m[4] : +m[4] + (+m[4] < 30 ? 2000 : 1900);
    return dateFormat === 'dmy'
      ? buildDate(y, b, a, [m[5], m[6], m[7]])
      : buildDate(y, a, b, [m[5], m[6], m[7]]);
  }
  if (SERIAL_RE.test(s)) {
    const serial = Number(s);
    if (serial < 61 || serial >= MAX_SERIAL + 1) return fail(`not a date: ${s} is not an Excel serial date`);
    return ok(excelSerialToDayNumber(serial));
  }
  return fail(NOT_A_DATE);
}
