/**
 * One person's printable scorecard (SPEC §6.4): a header block (title, name, id, role, team,
 * period), then every indicator under its dimension — weight, standard in words, actual,
 * score and weighted score — with a subtotal row per dimension and the base score. Weighted
 * scores, dimension scores and the base are live formulas over the weight and score cells,
 * each with the engine's number as its cached result, so the sheet can be audited or
 * recalculated. The rest of the card (adjustments, vetoes, final, grade, rank, signatures)
 * is in scorecard-tail.ts. A person who could not be scored gets a card that says why.
 */
import type ExcelJS from 'exceljs';
import type { ReportEmployee } from '../../core/report.js';
import type { EmployeeResult } from '../../core/result.js';
import type { Scheme } from '../../core/types.js';
import { word, wordWith, type Locale, type Word } from '../labels.js';
import { describeStandard, isPercentMetric } from '../standard-words.js';
import { finishScorecard, scorecardTail } from './scorecard-tail.js';
import { memo, write, writeFormula, wrappedHeight, type CellStyle } from './sheet-kit.js';
import { displayWidth } from './safe.js';
import { BOX, FILL, FORMAT, actualFormat, baseFont } from './style.js';
import { weightingOf } from './weighting.js';

export interface ScorecardContext {
  scheme: Scheme;
  locale: Locale;
  title: string;
  period: string;
  /** People scored (for "rank 3 of 12"). */
  scored: number;
  /** Team → people scored in it. */
  teamSizes: Map<string, number>;
}

/** Column widths; A and B grow with the labels, D (the standard) wraps. */
export interface CardColumns { A: number; B: number; C: number; D: number; E: number; F: number; G: number }

export function scorecardColumns(scheme: Scheme, locale: Locale): CardColumns {
  const fit = (texts: string[], min: number, max: number) => Math.min(max, Math.max(min, ...texts.map((t) => displayWidth(t) + 2)));
  return {
    A: fit(scheme.dimensions.map((d) => d.label), 10, 16),
    B: fit([word('subtotal', locale), ...scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.label))], 14, 26),
    C: 7, D: 40, E: 11, F: 10, G: 11,
  };
}

export function addScorecard(sheet: ExcelJS.Worksheet, employee: ReportEmployee, result: EmployeeResult | undefined, ctx: ScorecardContext): void {
  const columns = scorecardColumns(ctx.scheme, ctx.locale);
  Object.entries(columns).forEach(([letter, width]) => (sheet.getColumn(letter).width = width));
  const roleLabel = result?.roleLabel ?? (employee.role === null ? null : ctx.scheme.roles.find((r) => r.id === employee.role)?.label ?? employee.role);
  header(sheet, employee, roleLabel, ctx);
  let last: number;
  if (employee.error !== null || !result) {
    const text = wordWith('notScoredBecause', ctx.locale, { n: employee.error ?? '' });
    write(sheet, 'A8:G8', text, cardStyles(ctx.locale).notScored);
    sheet.getRow(8).height = wrappedHeight([{ text, width: Object.values(columns).reduce((a, b) => a + b, 0) }], 30);
    last = 8;
  } else {
    const table = indicatorTable(sheet, result, ctx, columns, 8);
    last = scorecardTail(sheet, employee, result, ctx, table.next + 1);
  }
  finishScorecard(sheet, last);
}

/**
 * The styles of a card, built once per locale: every card's cells then share the same style
 * objects, which is what keeps writing thousands of cards fast (sheet-kit.ts).
 */
const cardStyles = memo((locale: Locale) => {
  const font = baseFont(locale);
  const bold = { ...font, bold: true };
  const body: CellStyle = { font, border: BOX, alignment: { vertical: 'middle' } };
  const value: CellStyle = { font, border: BOX, alignment: { vertical: 'middle', horizontal: 'left', shrinkToFit: true } };
  const subtotal: CellStyle = { ...body, font: bold, fill: FILL.subtotal };
  const total: CellStyle = { ...body, font: bold, fill: FILL.total };
  return {
    title: { font: { ...font, size: 15, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies CellStyle,
    subtitle: { font: { ...font, size: 12 }, alignment: { horizontal: 'center', vertical: 'middle' } } satisfies CellStyle,
    label: { font: bold, fill: FILL.subtotal, border: BOX, alignment: { vertical: 'middle' } } satisfies CellStyle,
    value,
    valueScore: { ...value, font: bold, numFmt: FORMAT.score } satisfies CellStyle,
    notScored: { font: { ...font, bold: true, color: { argb: 'FFC00000' } }, alignment: { wrapText: true, vertical: 'top' } } satisfies CellStyle,
    head: { font: bold, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } satisfies CellStyle,
    text: { ...body, alignment: { vertical: 'middle', wrapText: true } } satisfies CellStyle,
    number: memo((numFmt: string): CellStyle => ({ ...body, numFmt, alignment: { vertical: 'middle', horizontal: 'right' } })),
    missing: { ...body, font: { ...font, color: { argb: 'FF808080' } }, alignment: { vertical: 'middle', horizontal: 'center' } } satisfies CellStyle,
    dimension: { ...body, font: bold, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } } satisfies CellStyle,
    subtotal,
    subtotalWeight: { ...subtotal, numFmt: FORMAT.general, alignment: { horizontal: 'right' } } satisfies CellStyle,
    share: { ...subtotal, numFmt: `"${word('shareOfBase', locale)} "0.0%`, alignment: { horizontal: 'left' } } satisfies CellStyle,
    subtotalScore: memo((scored: boolean): CellStyle => ({ ...subtotal, numFmt: FORMAT.score, alignment: { horizontal: scored ? 'right' : 'center' } })),
    total,
    totalNumber: memo((numFmt: string): CellStyle => ({ ...total, numFmt, alignment: { horizontal: 'right' } })),
    baseNote: { ...total, font: { ...font, color: { argb: 'FF595959' } } } satisfies CellStyle,
  };
});

function header(sheet: ExcelJS.Worksheet, e: ReportEmployee, roleLabel: string | null, ctx: ScorecardContext): void {
  const w = (key: Word) => word(key, ctx.locale);
  const style = cardStyles(ctx.locale);
  write(sheet, 'A1:G1', ctx.title, style.title);
  write(sheet, 'A2:G2', w('scorecard'), style.subtitle);
  sheet.getRow(1).height = 26;
  sheet.getRow(2).height = 20;
  const final = e.final === null ? w('notScored') : e.final;
  const lines: [Word, string | number | null, Word, string | number | null][] = [
    ['name', e.name, 'id', e.id],
    ['role', roleLabel, 'team', e.team],
    ['period', ctx.period, 'final', final],
  ];
  lines.forEach(([leftKey, left, rightKey, right], i) => {
    const r = 4 + i;
    write(sheet, `A${r}`, w(leftKey), style.label);
    write(sheet, `B${r}:D${r}`, left, style.value);
    write(sheet, `E${r}`, w(rightKey), style.label);
    write(sheet, `F${r}:G${r}`, right, typeof right === 'number' ? style.valueScore : style.value);
    sheet.getRow(r).height = 20;
  });
}

function indicatorTable(sheet: ExcelJS.Worksheet, result: EmployeeResult, ctx: ScorecardContext, columns: CardColumns, start: number): { baseRow: number; next: number } {
  const { locale, scheme } = ctx;
  const w = (key: Word) => word(key, locale);
  const na = w('notApplicable');
  const style = cardStyles(locale);
  const { head, text, number, missing, subtotal } = style;
  (['dimension', 'indicator', 'weight', 'standard', 'actual', 'score', 'weighted'] as const).forEach((key, i) => {
    write(sheet, `${'ABCDEFG'[i]}${start}`, w(key), head);
  });
  sheet.getRow(start).height = 22;

  const weighting = weightingOf(result);
  const blocks = result.dimensions.map((d) => ({ d, indicators: result.indicators.filter((i) => i.dimension === d.id) }));
  const baseRow = start + 1 + blocks.reduce((n, b) => n + b.indicators.length + 1, 0);
  const subtotals: { row: number; value: number | null }[] = [];
  let row = start + 1;
  for (const { d, indicators } of blocks) {
    const f = row;
    const l = row + indicators.length - 1;
    const s = l + 1;
    const scoredWeight = `SUMPRODUCT(C${f}:C${l},--ISNUMBER(F${f}:F${l}))`;
    let sum = 0;
    for (const ind of indicators) {
      const metric = scheme.metrics.find((m) => m.id === ind.metric);
      const percent = isPercentMetric(metric, ind.indicator.standard);
      const standard = describeStandard(ind.indicator.standard, locale, { percent });
      write(sheet, `B${row}`, ind.label, text);
      write(sheet, `C${row}`, ind.weight, number(FORMAT.general));
      write(sheet, `D${row}`, standard, text);
      if (ind.actual === null) write(sheet, `E${row}`, na, missing);
      else write(sheet, `E${row}`, ind.actual, number(actualFormat(metric, ind.indicator.standard)));
      if (ind.score === null) write(sheet, `F${row}`, na, missing);
      else write(sheet, `F${row}`, ind.score, number(FORMAT.score));
      const contribution = weighting.contribution(ind);
      if (contribution !== null) sum += contribution;
      writeFormula(sheet, `G${row}`, `IF(ISNUMBER(F${row}),F${row}*C${row}/${scoredWeight}*D$${s},"${na}")`,
        contribution ?? na, contribution === null ? missing : number(FORMAT.score));
      sheet.getRow(row).height = wrappedHeight([{ text: ind.label, width: columns.B }, { text: standard, width: columns.D }]);
      row++;
    }
    write(sheet, `A${f}:A${s}`, d.label, style.dimension);
    write(sheet, `B${s}`, w('subtotal'), subtotal);
    write(sheet, `C${s}`, d.weight, style.subtotalWeight);
    writeFormula(sheet, `D${s}`, `IF(ISNUMBER(F${s}),C${s}/C$${baseRow},0)`, weighting.share(d.id), style.share);
    write(sheet, `E${s}`, null, subtotal);
    writeFormula(sheet, `F${s}`, `IF(${scoredWeight}>0,SUMPRODUCT(C${f}:C${l},F${f}:F${l})/${scoredWeight},"${na}")`,
      d.score ?? na, style.subtotalScore(d.score !== null));
    writeFormula(sheet, `G${s}`, `IF(ISNUMBER(F${s}),SUM(G${f}:G${l}),"${na}")`,
      d.score === null ? na : sum, style.subtotalScore(d.score !== null));
    sheet.getRow(s).height = 20;
    subtotals.push({ row: s, value: d.score === null ? null : sum });
    row = s + 1;
  }

  write(sheet, `A${baseRow}:B${baseRow}`, w('base'), style.total);
  const weightSum = subtotals.map((t) => `IF(ISNUMBER(F${t.row}),C${t.row},0)`).join('+') || '0';
  writeFormula(sheet, `C${baseRow}`, weightSum, weighting.scoredDimensionWeight, style.totalNumber(FORMAT.general));
  write(sheet, `D${baseRow}:F${baseRow}`, w('baseNote'), style.baseNote);
  const base = subtotals.reduce((sum, t) => sum + (t.value ?? 0), 0);
  const baseFormula = subtotals.length ? `SUM(${subtotals.map((t) => `G${t.row}`).join(',')})` : '0';
  writeFormula(sheet, `G${baseRow}`, baseFormula, base, style.totalNumber(FORMAT.score));
  sheet.getRow(baseRow).height = 20;
  return { baseRow, next: baseRow + 1 };
}
