/**
 * The look of the workbook in one place: fonts per locale, borders, header fills, grade
 * colours (top grade green … last grade red), number formats, and the rule that decides how
 * an indicator's actual value is shown — as a percentage, a count or a plain number.
 */
import type ExcelJS from 'exceljs';
import type { Metric, Standard } from '../../core/types.js';
import type { Locale } from '../labels.js';
import { isPercentMetric } from '../standard-words.js';
import { displayWidth } from './safe.js';
import type { Sheet } from './sheet.js';

export const FORMAT = {
  score: '0.00',
  signed: '+0.00;-0.00;0.00',
  percent: '0.0%',
  count: '0',
  integer: '0',
  general: 'General',
} as const;

/** 等线 is what Excel in Chinese uses by default; Calibri elsewhere. */
export function baseFont(locale: Locale): Partial<ExcelJS.Font> {
  return locale === 'zh-CN' ? { name: '等线', family: 2, charset: 134, size: 10.5 } : { name: 'Calibri', family: 2, size: 10.5 };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const UNDERLINE: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };

export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export const FILL = {
  head: solid('FFD9E1F2'),
  subtotal: solid('FFF2F2F2'),
  total: solid('FFE2EFDA'),
} as const;

// Green for the top grade, red for the last; blue, yellow and orange for those between.
const GRADE_TOP = 'FFC6EFCE';
const GRADE_LAST = 'FFFFC7CE';
const GRADE_MIDDLE = ['FFDDEBF7', 'FFFFEB9C', 'FFFCE4D6'];

/** The fill colour of the grade at `index` among `count` grades. */
export function gradeColor(index: number, count: number): string {
  if (index === 0) return GRADE_TOP;
  if (index === count - 1) return GRADE_LAST;
  return GRADE_MIDDLE[(index - 1) % GRADE_MIDDLE.length];
}

/**
 * How an actual value is shown: as a percentage (`0.0%`) when it is a rate
 * (`isPercentMetric`: a `ratio` aggregate, thresholds that are fractions, or a `direct`
 * standard scaling by 100); as a whole number (`0`) for `count` and `distinct`; else with
 * two decimals.
 */
export function actualFormat(metric: Metric | undefined, standard: Standard | undefined): string {
  if (isPercentMetric(metric, standard)) return FORMAT.percent;
  if (metric?.kind === 'agg' && (metric.agg === 'count' || metric.agg === 'distinct')) return FORMAT.count;
  return FORMAT.score;
}

/** Sets column widths from the widest text of each column, CJK counted as two. */
export function fitColumns(sheet: Sheet, texts: string[][], limits: { min?: number; max?: number } = {}): void {
  const widths: number[] = [];
  for (const row of texts) {
    row.forEach((text, i) => {
      // A text is at most two columns per UTF-16 unit wide: most need no measuring.
      if (widths[i] === undefined || text.length * 2 > widths[i]) widths[i] = Math.max(widths[i] ?? 0, displayWidth(text));
    });
  }
  widths.forEach((w, i) => {
    sheet.setWidth(i + 1, Math.min(limits.max ?? 60, Math.max(limits.min ?? 6, w + 2)));
  });
}

/** The text a number shows with a format, near enough to size a column. */
export function shownText(value: string | number | null, numFmt: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (numFmt === FORMAT.percent) return `${(value * 100).toFixed(1)}%`;
  if (numFmt === FORMAT.count || numFmt === FORMAT.integer) return value.toFixed(0);
  if (numFmt === FORMAT.signed) return `+${value.toFixed(2)}`;
  if (numFmt === FORMAT.general) return String(value);
  return value.toFixed(2);
}
