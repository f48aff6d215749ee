/**
 * One person's printable scorecard (SPEC §6.4): a header block (title, name, id, role, team,
 * period), then every indicator under its dimension — weight, standard in words, actual,
 * score and weighted score — with a subtotal row per dimension and the base score. Weighted
 * scores, dimension scores and the base are live formulas over the weight and score cells,
 * each with the engine's number as its cached result, so the sheet can be audited or
 * recalculated. The rest of the card (adjustments, vetoes, final, grade, rank, signatures)
 * is in scorecard-tail.ts. A person who could not be scored gets a card that says why.
 */
import type { ReportEmployee } from '../../core/report.js';
import type { EmployeeResult } from '../../core/result.js';
import type { IndicatorResult } from '../../core/score.js';
import type { ProgressInfo } from '../../core/progress.js';
import type { Indicator, Scheme } from '../../core/types.js';
import { word, wordWith, type Locale, type Word } from '../labels.js';
import { describeStandard, isPercentMetric } from '../standard-words.js';
import { cardStyles } from './card-styles.js';
import { finishScorecard, scorecardTail } from './scorecard-tail.js';
import { write, writeFormula, wrappedHeight } from './sheet-kit.js';
import { displayWidth } from './safe.js';
import { FORMAT, actualFormat } from './style.js';
import type { Sheet } from './sheet.js';
import { weightingOf } from './weighting.js';
import { say } from '../../messages/text.js';
import { addProfileChart, type ProfileSource } from './charts/profile-chart.js';

export interface ScorecardContext {
  scheme: Scheme;
  locale: Locale;
  title: string;
  period: string;
  /** People scored (for "rank 3 of 12"). */
  scored: number;
  /** Team → people scored in it. */
  teamSizes: Map<string, number>;
  /** A period in progress (SPEC §11): to-date and expected-by-now columns H and I. */
  progress?: ProgressInfo | null;
  /** The scheme's title, range and hash prefix (SPEC §12), for the footer; null if unknown. */
  provenance: string | null;
  /** Where the chart of each card finds the role averages (none: cards without a chart). */
  profile?: ProfileSource;
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

/**
 * What every card of a workbook shows alike — column widths; per indicator its standard in
 * words, the format of its actual value and the height of its row — worked out once.
 */
interface Shared {
  columns: CardColumns;
  lines: Map<Indicator, { standard: string; format: string }>;
  heights: Map<string, number>;
}

const sharedByContext = new WeakMap<ScorecardContext, Shared>();

function sharedOf(ctx: ScorecardContext): Shared {
  let shared = sharedByContext.get(ctx);
  if (!shared) sharedByContext.set(ctx, (shared = { columns: scorecardColumns(ctx.scheme, ctx.locale), lines: new Map(), heights: new Map() }));
  return shared;
}

function indicatorLine(ctx: ScorecardContext, ind: IndicatorResult): { standard: string; format: string } {
  const { lines } = sharedOf(ctx);
  let line = lines.get(ind.indicator);
  if (!line) {
    const metric = ctx.scheme.metrics.find((m) => m.id === ind.metric);
    const percent = isPercentMetric(metric, ind.indicator.standard);
    line = { standard: describeStandard(ind.indicator.standard, ctx.locale, { percent }), format: actualFormat(metric, ind.indicator.standard) };
    lines.set(ind.indicator, line);
  }
  return line;
}

/** The height of an indicator's row: its label and standard wrapped in columns B and D. */
function lineHeight(ctx: ScorecardContext, label: string, standard: string): number {
  const { columns, heights } = sharedOf(ctx);
  const key = `${label}\u0000${standard}`;
  let height = heights.get(key);
  if (height === undefined) heights.set(key, (height = wrappedHeight([{ text: label, width: columns.B }, { text: standard, width: columns.D }])));
  return height;
}

export function addScorecard(sheet: Sheet, employee: ReportEmployee, result: EmployeeResult | undefined, ctx: ScorecardContext): void {
  const { columns } = sharedOf(ctx);
  Object.entries(columns).forEach(([letter, width]) => sheet.setWidth(letter, width));
  if (ctx.progress) ['H', 'I'].forEach((letter) => sheet.setWidth(letter, 12));
  const roleLabel = result?.roleLabel ?? (employee.role === null ? null : ctx.scheme.roles.find((r) => r.id === employee.role)?.label ?? employee.role);
  header(sheet, employee, roleLabel, ctx);
  let last: number;
  if (employee.error !== null || !result) {
    const text = wordWith('notScoredBecause', ctx.locale, { n: say(employee.error ?? '', ctx.locale) });
    write(sheet, 'A8:G8', text, cardStyles(ctx.locale).notScored);
    sheet.setHeight(8, wrappedHeight([{ text, width: Object.values(columns).reduce((a, b) => a + b, 0) }], 30));
    last = 8;
  } else {
    const table = indicatorTable(sheet, result, ctx, 8);
    last = scorecardTail(sheet, employee, result, ctx, table.next + 1);
    if (ctx.profile) last = addProfileChart(sheet, result, table.subtotals, ctx.profile, ctx.locale, last + 2);
  }
  finishScorecard(sheet, last, ctx.provenance, ctx.progress ? 'I' : 'G');
}

function header(sheet: Sheet, e: ReportEmployee, roleLabel: string | null, ctx: ScorecardContext): void {
  const w = (key: Word) => word(key, ctx.locale);
  const style = cardStyles(ctx.locale);
  write(sheet, 'A1:G1', ctx.title, style.title);
  write(sheet, 'A2:G2', w('scorecard'), style.subtitle);
  sheet.setHeight(1, 26);
  sheet.setHeight(2, 20);
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
    sheet.setHeight(r, 20);
  });
}

function indicatorTable(sheet: Sheet, result: EmployeeResult, ctx: ScorecardContext, start: number): { baseRow: number; next: number; subtotals: Map<string, number> } {
  const { locale } = ctx;
  const w = (key: Word) => word(key, locale);
  const na = w('notApplicable');
  const style = cardStyles(locale);
  const { head, text, number, missing, subtotal } = style;
  const progress = ctx.progress ?? null;
  // In progress the actual is the projected value; to date and expected by now follow (H, I).
  const heads: Word[] = ['dimension', 'indicator', 'weight', 'standard', progress ? 'projected' : 'actual', 'score', 'weighted'];
  if (progress) heads.push('toDate', 'expectedByNow');
  heads.forEach((key, i) => write(sheet, `${'ABCDEFGHI'[i]}${start}`, w(key), head));
  sheet.setHeight(start, 22);

  const weighting = weightingOf(result);
  const blocks = result.dimensions.map((d) => ({ d, indicators: result.indicators.filter((i) => i.dimension === d.id) }));
  const baseRow = start + 1 + blocks.reduce((n, b) => n + b.indicators.length + 1, 0);
  const subtotals: { id: string; row: number; value: number | null }[] = [];
  let row = start + 1;
  for (const { d, indicators } of blocks) {
    const f = row;
    const l = row + indicators.length - 1;
    const s = l + 1;
    const scoredWeight = `SUMPRODUCT(C${f}:C${l},--ISNUMBER(F${f}:F${l}))`;
    let sum = 0;
    for (const ind of indicators) {
      const { standard, format } = indicatorLine(ctx, ind);
      write(sheet, `B${row}`, ind.label, text);
      write(sheet, `C${row}`, ind.weight, number(FORMAT.general));
      write(sheet, `D${row}`, standard, text);
      if (ind.actual === null) write(sheet, `E${row}`, na, missing);
      else write(sheet, `E${row}`, ind.actual, number(progress && format === FORMAT.count ? FORMAT.score : format));
      if (progress) paceCells(sheet, row, ind, format, style);
      if (ind.score === null) write(sheet, `F${row}`, na, missing);
      else write(sheet, `F${row}`, ind.score, number(FORMAT.score));
      const contribution = weighting.contribution(ind);
      if (contribution !== null) sum += contribution;
      writeFormula(sheet, `G${row}`, `IF(ISNUMBER(F${row}),F${row}*C${row}/${scoredWeight}*D$${s},"${na}")`,
        contribution ?? na, contribution === null ? missing : number(FORMAT.score));
      sheet.setHeight(row, lineHeight(ctx, ind.label, standard));
      row++;
    }
    write(sheet, `A${f}:A${s}`, d.label, style.dimension);
    write(sheet, `B${s}`, w('subtotal'), subtotal);
    write(sheet, `C${s}`, d.weight, style.subtotalWeight);
    writeFormula(sheet, `D${s}`, `IF(ISNUMBER(F${s}),C${s}/C$${baseRow},0)`, weighting.share(d.id), style.share);
    write(sheet, `E${s}`, null, subtotal);
    if (progress) ['H', 'I'].forEach((c) => write(sheet, `${c}${s}`, null, subtotal));
    writeFormula(sheet, `F${s}`, `IF(${scoredWeight}>0,SUMPRODUCT(C${f}:C${l},F${f}:F${l})/${scoredWeight},"${na}")`,
      d.score ?? na, style.subtotalScore(d.score !== null));
    writeFormula(sheet, `G${s}`, `IF(ISNUMBER(F${s}),SUM(G${f}:G${l}),"${na}")`,
      d.score === null ? na : sum, style.subtotalScore(d.score !== null));
    sheet.setHeight(s, 20);
    subtotals.push({ id: d.id, row: s, value: d.score === null ? null : sum });
    row = s + 1;
  }

  write(sheet, `A${baseRow}:B${baseRow}`, w('base'), style.total);
  const weightSum = subtotals.map((t) => `IF(ISNUMBER(F${t.row}),C${t.row},0)`).join('+') || '0';
  writeFormula(sheet, `C${baseRow}`, weightSum, weighting.scoredDimensionWeight, style.totalNumber(FORMAT.general));
  write(sheet, `D${baseRow}:F${baseRow}`, w('baseNote'), style.baseNote);
  const base = subtotals.reduce((sum, t) => sum + (t.value ?? 0), 0);
  const baseFormula = subtotals.length ? `SUM(${subtotals.map((t) => `G${t.row}`).join(',')})` : '0';
  writeFormula(sheet, `G${baseRow}`, baseFormula, base, style.totalNumber(FORMAT.score));
  sheet.setHeight(baseRow, 20);
  return { baseRow, next: baseRow + 1, subtotals: new Map(subtotals.map((t) => [t.id, t.row])) };
}

/** To date (red when behind pace) and expected by now, for a period in progress. */
function paceCells(sheet: Sheet, row: number, ind: IndicatorResult, format: string, style: ReturnType<typeof cardStyles>): void {
  const pace = ind.pace;
  const toDate = pace?.toDate ?? null;
  if (toDate === null) write(sheet, `H${row}`, null, style.missing);
  else write(sheet, `H${row}`, toDate, pace?.behind ? style.behind(format) : style.number(format));
  const expected = pace?.expectedToDate ?? null;
  write(sheet, `I${row}`, expected, expected === null ? style.missing : style.number(format === FORMAT.count ? FORMAT.score : format));
}
