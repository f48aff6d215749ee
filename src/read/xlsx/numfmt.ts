/**
 * Whether a cell's number format shows a date or time. An xlsx stores a date as a plain
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
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Elapsed-time brackets ([h]:mm, [mm]:ss) are time tokens; other brackets are colours,
 *  conditions and locales ([Red], [>100], [$-804], [DBNum1]). */
const ELAPSED_RE = /^\[(?:h+|m+|s+)\]$/i;

/** A custom format code is a date/time format when it has a d, m, y, h or s token outside
 *  quoted literals, escapes, padding/fill markers and brackets: `yyyy-mm-dd`,
 *  `yyyy"年"m"月"d"日"`, `[$-804]aaaa`… but not `0.00%`, `[Red]0`, `0 "days"` or `#,##0_)`. */
export function isDateFormatCode(code: string): boolean {
  let plain = '';
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
      if (ELAPSED_RE.test(bracket)) plain += bracket.slice(1, -1);
      i = end < 0 ? code.length : end;
    } else {
      plain += c;
    }
  }
  // `General` holds none of these letters; `E+` exponents and `@` text are not tokens.
  return /[dmyhs]/i.test(plain);
}

/** Whether number format `id` (with its custom code, when the workbook declares one) is a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code !== undefined && code !== '') return isDateFormatCode(code);
  return DATE_FORMAT_IDS.has(id);
}
