/**
 * Why a ledger cell cannot be read as its field's type: the rejection reasons of the
 * rejected rows (SPEC §4.5), shown on the terminal, in the Issues sheet (in the config's
 * locale) and, in English, in JSON. Most are made once and shared by every bad cell.
 */
import { defineMessages } from './text.js';

export const cellReasons = defineMessages('cells', {
  notANumber: { en: () => 'not a number', zh: () => '不是数字' },
  tooLarge: { en: () => 'number too large (over 10^15: an id in a number column?)', zh: () => '数字过大（超过 10^15：是不是把编号填进了数字列？）' },
  notYesNo: { en: () => 'not a yes/no value (use 是/否, true/false, 1/0)', zh: () => '不是“是/否”值（请填 是/否、true/false 或 1/0）' },
  notADate: { en: () => 'not a date (use 2026-11-05)', zh: () => '不是日期（请按 2026-11-05 的格式填写）' },
  ambiguousDate: {
    en: () => 'ambiguous date: day/month order unknown (set date_format: dmy or mdy in the source)',
    zh: () => '日期有歧义：无法判断日和月的先后（请在数据源中设置 date_format: dmy 或 mdy）',
  },
  badTime: { en: () => 'invalid time (hours 0–23, minutes and seconds 0–59)', zh: () => '时间无效（小时 0–23，分和秒 0–59）' },
  noSuchDate: { en: (p: { date: string }) => `no such date: ${p.date}`, zh: (p) => `日期不存在：${p.date}` },
  notASerial: { en: (p: { value: string }) => `not a date: ${p.value} is not an Excel serial date`, zh: (p) => `不是日期：${p.value} 不是 Excel 的日期序列号` },
  dateNotYesNo: { en: () => 'a date, not a yes/no value', zh: () => '是日期，不是“是/否”值' },
  yesNoNotNumber: { en: () => 'a yes/no value, not a number', zh: () => '是“是/否”值，不是数字' },
  yesNoNotDate: { en: () => 'a yes/no value, not a date', zh: () => '是“是/否”值，不是日期' },
  noDate: { en: () => 'no date', zh: () => '没有日期' },
  noEmployeeId: { en: () => 'no employee id', zh: () => '没有工号' },
  tooManyCells: {
    en: (p: { cells: number; width: number }) => `the row has ${p.cells} cells but the header has ${p.width}: a value with a comma (or the delimiter) in it must be quoted`,
    zh: (p) => `这一行有 ${p.cells} 个单元格，而表头只有 ${p.width} 列：含逗号（或分隔符）的值必须加引号`,
  },
});
