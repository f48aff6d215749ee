/**
 * The Summary sheet (汇总, SPEC §6.4): title, period and head count, then the neutral
 * ranking table (ranking-table.ts) — rank, id, name, role, team, each dimension,
 * adjustment, final, grade — plus a note column for vetoes and reasons a person was not
 * scored. Frozen header, filters, `0.00` scores, a data bar on the final score, grade
 * fills, and column widths that fit CJK text.
 */
import type ExcelJS from 'exceljs';
import type { ScoreReport } from '../../core/report.js';
import type { Scheme } from '../../core/types.js';
import { word, wordWith, type Locale } from '../labels.js';
import { buildRankingTable, type Column } from '../ranking-table.js';
import { indicatorOf } from '../pace.js';
import { formatPlain } from '../standard-words.js';
import { provenanceLine } from '../provenance.js';
import { printSetup, write, type CellStyle } from './sheet-kit.js';
import { columnLetter, type Sheet } from './sheet.js';
import { BOX, FILL, FORMAT, baseFont, fitColumns, gradeColor, shownText, solid } from './style.js';
import { say } from '../../messages/text.js';

const HEAD_ROW = 4;

function formatOf(column: Column): string | undefined {
  switch (column.kind) {
    case 'integer':
      return FORMAT.integer;
    case 'score':
      return FORMAT.score;
    case 'signed':
      return FORMAT.signed;
    case 'rankChange':
      return '+0;-0;0';
    default:
      return undefined;
  }
}

/** Where the ranking is on the Summary, for the charts and formulas that refer to it. */
export interface SummaryLayout {
  /** First and last row of the ranking (last < first when no one is listed). */
  first: number;
  last: number;
  /** Column letters by column key (`role`, `team`, `final`, `grade`, `dimension:<id>`…). */
  letters: Map<string, string>;
  /** Number of columns the ranking uses (its note column included). */
  width: number;
}

export function addSummary(sheet: Sheet, report: ScoreReport, scheme: Scheme, locale: Locale): SummaryLayout {
  const w = (key: Parameters<typeof word>[0]) => word(key, locale);
  const font = baseFont(locale);
  const table = buildRankingTable(report, scheme, locale);
  const columns = [...table.columns.map((c) => ({ ...c })), { key: 'note', label: w('note'), kind: 'text' as const }];
  const last = columns.length;
  const letter = (i: number) => columnLetter(i + 1);
  const scored = report.employees.filter((e) => e.error === null).length;

  write(sheet, `A1:${letter(last - 1)}1`, report.title, { font: { ...font, size: 14, bold: true }, alignment: { vertical: 'middle' } });
  const period = report.period ?? w('allPeriods');
  const sep = locale === 'zh-CN' ? '：' : ': ';
  const progress = report.progress ?? null;
  // In progress (SPEC §11) the period line says so, as of when, in the colour of a warning.
  const periodLine = progress
    ? wordWith('progressLine', locale, { period, asOf: progress.asOf, elapsed: progress.elapsedWorkdays, total: progress.totalWorkdays })
    : `${w('period')}${sep}${period}`;
  const periodFont = progress ? { ...font, bold: true, color: { argb: 'FFC55A11' } } : font;
  write(sheet, `A2:${letter(last - 1)}2`, `${periodLine}    ${w('scored')}${sep}${scored}`, { font: periodFont, alignment: { vertical: 'middle' } });
  sheet.setHeight(1, 24);
  const provenance = provenanceLine(report.scheme, locale);
  if (provenance) write(sheet, `A3:${letter(last - 1)}3`, provenance, { font: { ...font, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } });

  const head: CellStyle = { font: { ...font, bold: true }, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  columns.forEach((c, i) => write(sheet, `${letter(i)}${HEAD_ROW}`, c.label, head));
  sheet.setHeight(HEAD_ROW, 22);

  const texts: string[][] = [columns.map((c) => c.label)];
  const finalIndex = columns.findIndex((c) => c.key === 'final');
  const body: CellStyle = { font, border: BOX, alignment: { vertical: 'middle' } };
  const noteStyle: CellStyle = { ...body, font: { ...font, color: { argb: 'FFC00000' } } };
  const missing: CellStyle = { ...body, font: { ...font, color: { argb: 'FF808080' } }, alignment: { vertical: 'middle', horizontal: 'center' } };
  // One style object per look (sheet-kit.ts): by number format, grade fill and boldness.
  const looks = new Map<string, CellStyle>();
  const look = (numFmt: string | undefined, grade: boolean, fill: string | undefined, final: boolean): CellStyle => {
    const key = `${numFmt}|${grade}|${fill}|${final}`;
    let style = looks.get(key);
    if (!style) {
      style = { ...body, numFmt };
      if (grade) {
        if (fill) style.fill = solid(fill);
        style.alignment = { vertical: 'middle', horizontal: 'center' };
      }
      if (final) style.font = { ...font, bold: true };
      looks.set(key, style);
    }
    return style;
  };
  const letters = columns.map((_, i) => letter(i));
  table.rows.forEach((row, r) => {
    const rowNumber = HEAD_ROW + 1 + r;
    const employee = report.employees[r];
    const shown: string[] = [];
    columns.forEach((column, i) => {
      const address = `${letters[i]}${rowNumber}`;
      if (column.key === 'note') {
        const note = noteFor(employee, locale, scheme);
        write(sheet, address, note, noteStyle);
        shown.push(note);
        return;
      }
      const value = row.cells[i];
      if (value === null) {
        const text = row.excluded[i] ? w('notApplicable') : column.key === 'final' && row.error ? w('notScored') : null;
        write(sheet, address, text, missing);
        shown.push(text ?? '');
        return;
      }
      const numFmt = typeof value === 'number' ? formatOf(column) : undefined;
      const grade = column.kind === 'grade';
      const index = grade ? scheme.grades.findIndex((g) => g.grade === value) : -1;
      write(sheet, address, value, look(numFmt, grade, index >= 0 ? gradeColor(index, scheme.grades.length) : undefined, column.key === 'final'));
      shown.push(shownText(value, numFmt ?? FORMAT.general));
    });
    texts.push(shown);
  });

  fitColumns(sheet, texts, { min: 6, max: 50 });
  const lastRow = HEAD_ROW + table.rows.length;
  sheet.ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEAD_ROW, topLeftCell: `A${HEAD_ROW + 1}`, activeCell: `A${HEAD_ROW + 1}` }];
  sheet.ws.autoFilter = { from: { row: HEAD_ROW, column: 1 }, to: { row: Math.max(lastRow, HEAD_ROW), column: last } };
  if (table.rows.length > 0 && finalIndex >= 0) {
    const col = letter(finalIndex);
    sheet.ws.addConditionalFormatting({
      ref: `${col}${HEAD_ROW + 1}:${col}${lastRow}`,
      rules: [{ type: 'dataBar', priority: 1, gradient: true, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb: 'FF63BE7B' } } as ExcelJS.DataBarRuleType],
    });
  }
  printSetup(sheet, 'landscape', `${HEAD_ROW}:${HEAD_ROW}`);
  return { first: HEAD_ROW + 1, last: lastRow, letters: new Map(columns.map((c, i) => [c.key, letters[i]])), width: last };
}

/** Why a person's line looks as it does: triggered vetoes, or why they were not scored;
 *  in progress, the indicators behind pace. */
function noteFor(employee: ScoreReport['employees'][number], locale: Locale, scheme: Scheme): string {
  if (employee.error !== null) return wordWith('notScoredBecause', locale, { n: say(employee.error, locale) });
  const sep = locale === 'zh-CN' ? '：' : ': ';
  const notes = employee.vetoes.map((v) => {
    const effect = v.effect === 'zero' ? word('vetoZero', locale) : v.effect === 'cap' ? wordWith('vetoCap', locale, { n: formatPlain(v.cap!) }) : wordWith('vetoGrade', locale, { n: v.grade! });
    return `${word('vetoes', locale)}${sep}${v.label} → ${effect}`;
  });
  const behind = employee.indicators.filter((i) => i.behind).map((i) => indicatorOf(scheme, i.dimension, i.metric)?.label ?? i.metric);
  if (behind.length > 0) notes.push(`${word('behindPace', locale)}${sep}${behind.join(locale === 'zh-CN' ? '、' : ', ')}`);
  return notes.join(locale === 'zh-CN' ? '；' : '; ');
}
