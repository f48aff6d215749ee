/**
 * The small words every message line is built with: the `kpi: error:` and `hint:`
 * prefixes, warning labels, and the way a place in a ledger is named (file, sheet, row,
 * column), so `row 42, column 满意度` reads `第 42 行，列「满意度」` wherever it appears.
 */
import { defineMessages } from './text.js';

export const commonText = defineMessages('common', {
  errorPrefix: { en: () => 'kpi: error: ', zh: () => 'kpi：错误：' },
  hintPrefix: { en: () => 'hint: ', zh: () => '提示：' },
  /** After a label or a place: `error: …` / `错误：…`. */
  colon: { en: () => ': ', zh: () => '：' },
  warning: { en: () => 'warning', zh: () => '警告' },
  error: { en: () => 'error', zh: () => '错误' },
  /** `file [sheet]` — a sheet's name shown in brackets, as in every message. */
  row: { en: (p: { row: number }) => `row ${p.row}`, zh: (p) => `第 ${p.row} 行` },
  column: { en: (p: { column: string }) => `column ${p.column}`, zh: (p) => `列「${p.column}」` },
  noSuchFile: { en: () => 'no such file', zh: () => '文件不存在' },
});
