/**
 * Whether a cell's number format shows a date, or a time of day or elapsed time. An xlsx stores a date as a plain
 * number (an Excel serial); only the cell's format says it is a date. Both exceljs readers
 * miss the built-in Chinese/Japanese date formats (RELIABILITY §2.4, exceljs #2893), which
 * are exactly the ones Chinese ledgers use, so the built-in ids are listed here in full.
 */

/**
 * Built-in format ids that are dates or times (ECMA-376 §18.8.30 and the East Asian
 * locales): 14–17 m/d/yy…mmm-yy, 18–21 h:mm AM/PM…h:mm:ss, 22 m/d/yy h:mm, 45–47 mm:ss,
 * [h]:mm:ss, mmss.0; in zh-CN/zh-TW/ja-JP/ko-KR Excel 27–36 and 50–58 are dates and times
 * such as 31 `yyyy"年"m"月"d"日"`, 32 `h"时"mm"分"`, 57 `yyyy"年"m"月"`.
 */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
/** Of those, the ones that show only a time or a duration: 18–21 `h:mm AM/PM`…`h:mm:ss`,
 *  45–47 `mm:ss`, `[h]:mm:ss`, `mmss.0`, and the East Asian 32–35, 55, 56 (`h"时"mm"分"`). */
const TIME_FORMAT_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

/** What a number format shows: a date (with or without a time), only a time of day or a
 *  duration, or neither. A time cell is not a date (SPEC §4.6): its number is a fraction
 *  of a day, whatever the workbook's date system. */
export type FormatKind = 'date' | 'time' | null;

/** Elapsed-time brackets ([h]:mm, [mm]:ss) are time tokens; other brackets are colours,
 *  conditions and locales ([Red], [>100], [$-804], [DBNum1]). */
const ELAPSED_RE = /^\[(?:h+|m+|s+)\]$/i;

/** A custom format code is a date/time format when it has a d, m, y, h or s token outside
 *  quoted literals, escapes, padding/fill markers and brackets: `yyyy-mm-dd`,
 *  `yyyy"年"m"月"d"日"`, `[$-804]aaaa`… but not `0.00%`, `[Red]0`, `0 "days"` or `#,##0_)`. */
export function formatCodeKind(code: string): FormatKind {
  let plain = '';
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++; // the next character is a literal, a width to pad, or a fill character
    } else if (c === '[') {
      const end = code.indexOf(']', i);
      const bracket = end < 0 ? code.slice(i) : code.slice(i, end + 1);
      if (ELAPSED_RE.test(bracket)) {
        plain += bracket.slice(1, -1);
        elapsed = true;
      }
      i = end < 0 ? code.length : end;
    } else {
      plain += c;
    }
  }
  // `General` holds none of these letters; `E+` exponents and `@` text are not tokens.
  if (!/[dmyhs]/i.test(plain)) return null;
  // A day or a year makes it a date; without them, an hour or a second makes it a time
  // (`h:mm`, `mm:ss`, `[h]:mm:ss`: m next to them is minutes). AM/PM is no token.
  const tokens = plain.replace(/AM\/PM|A\/P/gi, '');
  if (/[dy]/i.test(tokens)) return 'date';
  if (elapsed) return 'time'; // [h], [mm], [ss]: a duration
  return /[hs]/i.test(tokens) ? 'time' : 'date';
}

/** Whether a custom format code shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  return formatCodeKind(code) !== null;
}

/** What number format `id` (with its custom code, when the workbook declares one) shows. */
export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code !== undefined && code !== '') return formatCodeKind(code);
  if (TIME_FORMAT_IDS.has(id)) return 'time';
  return DATE_FORMAT_IDS.has(id) ? 'date' : null;
}

/** Whether number format `id` (with its custom code, when the workbook declares one) is a date or time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  return formatKind(id, code) !== null;
}
