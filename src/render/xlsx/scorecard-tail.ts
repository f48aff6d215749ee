/**
 * The lower half of a scorecard (SPEC §6.4): adjustments (label, rule, actual, points, and
 * their total as a formula), the vetoes that were triggered and what they did, then the
 * final score, grade, rank and team rank, and the signature lines — employee, assessor,
 * date — with underlines to sign on. Also the print setup: A4 portrait, one page wide.
 */
import type { ReportEmployee } from '../../core/report.js';
import type { EmployeeResult } from '../../core/result.js';
import { word, wordWith, type Word } from '../labels.js';
import { describeCondition, formatPlain } from '../standard-words.js';
import { tailStyles } from './card-styles.js';
import type { ScorecardContext } from './scorecard.js';
import { printSetup, write, writeFormula, type CellStyle } from './sheet-kit.js';
import type { Sheet } from './sheet.js';
import { FORMAT, actualFormat, gradeColor } from './style.js';

/** Writes adjustments, vetoes, results and signatures from `start`; returns the last row. */
export function scorecardTail(sheet: Sheet, e: ReportEmployee, result: EmployeeResult, ctx: ScorecardContext, start: number): number {
  const { locale, scheme } = ctx;
  const w = (key: Word) => word(key, locale);
  const style = tailStyles(locale);
  const { head, body, number, muted } = style;
  let row = start;

  if (scheme.adjustments.length > 0) {
    row++;
    tableHead(sheet, row++, head, [w('adjustments'), w('rule'), w('actual'), w('points')]);
    const first = row;
    for (const adj of result.adjustments) {
      const rule = scheme.adjustments.find((a) => a.metric === adj.metric && a.label === adj.label);
      const metric = scheme.metrics.find((m) => m.id === adj.metric);
      write(sheet, `A${row}:B${row}`, adj.label, body);
      write(sheet, `C${row}:D${row}`, rule ? adjustmentRule(rule, ctx) : null, body);
      if (adj.actual === null) write(sheet, `E${row}:F${row}`, w('notApplicable'), muted);
      else write(sheet, `E${row}:F${row}`, adj.actual, number(actualFormat(metric, undefined)));
      write(sheet, `G${row}`, adj.points, number(FORMAT.signed));
      sheet.setHeight(row++, 20);
    }
    write(sheet, `A${row}:F${row}`, w('adjustmentTotal'), style.total);
    writeFormula(sheet, `G${row}`, `SUM(G${first}:G${row - 1})`, e.adjustment ?? 0, style.totalSigned);
    sheet.setHeight(row++, 20);
  }

  if (scheme.vetoes.length > 0) {
    row++;
    tableHead(sheet, row++, head, [w('vetoes'), w('condition'), w('actual'), w('effect')]);
    if (e.vetoes.length === 0) write(sheet, `A${row}:G${row}`, w('noVeto'), muted);
    for (const hit of e.vetoes) {
      const veto = scheme.vetoes.find((v) => v.metric === hit.metric && v.label === hit.label);
      const effect = hit.effect === 'zero' ? w('vetoZero') : hit.effect === 'cap' ? wordWith('vetoCap', locale, { n: formatPlain(hit.cap!) }) : wordWith('vetoGrade', locale, { n: hit.grade! });
      write(sheet, `A${row}:B${row}`, hit.label, body);
      write(sheet, `C${row}:D${row}`, veto ? describeCondition(veto.when, locale) : null, body);
      write(sheet, `E${row}`, hit.actual, number(actualFormat(scheme.metrics.find((m) => m.id === hit.metric), undefined)));
      write(sheet, `F${row}:G${row}`, effect, style.effect);
      sheet.setHeight(row++, 20);
    }
    if (e.vetoes.length === 0) sheet.setHeight(row++, 20);
  }

  row++;
  const lines: { key: Word; note: string; value: string | number | null; style?: CellStyle }[] = [];
  let finalNote = w('finalNote');
  if (scheme.maxTotal !== undefined) finalNote += wordWith('finalMax', locale, { n: formatPlain(scheme.maxTotal) });
  if (e.vetoes.some((v) => v.effect !== 'grade')) finalNote += w('finalVetoed');
  lines.push({ key: 'final', note: finalNote, value: e.final, style: style.final });
  const gradeIndex = scheme.grades.findIndex((g) => g.grade === e.grade);
  const forced = e.vetoes.some((v) => v.effect === 'grade');
  lines.push({ key: 'grade', note: forced ? w('gradeForced') : '', value: e.grade, style: style.grade(gradeIndex >= 0 ? gradeColor(gradeIndex, scheme.grades.length) : undefined) });
  lines.push({ key: 'rank', note: wordWith('rankOf', locale, { n: ctx.scored }), value: e.rank, style: style.rank });
  if (e.team !== null) lines.push({ key: 'teamRank', note: wordWith('rankOf', locale, { n: ctx.teamSizes.get(e.team) ?? 0 }), value: e.teamRank, style: style.rank });
  for (const line of lines) {
    write(sheet, `A${row}:B${row}`, w(line.key), style.label);
    write(sheet, `C${row}:F${row}`, line.note, style.note);
    write(sheet, `G${row}`, line.value, line.style ?? style.value);
    sheet.setHeight(row++, line.key === 'final' ? 26 : 20);
  }

  row += 1;
  for (const who of ['employeeSignature', 'assessorSignature'] as const) {
    write(sheet, `A${row}:B${row}`, `${w(who)}${locale === 'zh-CN' ? '：' : ':'}`, style.signature);
    write(sheet, `C${row}:D${row}`, null, style.line);
    write(sheet, `E${row}`, `${w('date')}${locale === 'zh-CN' ? '：' : ':'}`, style.date);
    write(sheet, `F${row}:G${row}`, null, style.line);
    sheet.setHeight(row, 34);
    row += 1;
  }
  if (ctx.provenance) {
    row += 1;
    write(sheet, `A${row}:G${row}`, ctx.provenance, { font: { ...muted.font, size: 8 }, alignment: { vertical: 'middle', horizontal: 'left' } });
    sheet.setHeight(row++, 16);
  }
  return row - 1;
}

function tableHead(sheet: Sheet, row: number, style: CellStyle, [what, rule, actual, points]: string[]): void {
  write(sheet, `A${row}:B${row}`, what, style);
  write(sheet, `C${row}:D${row}`, rule, style);
  write(sheet, `E${row}:F${row}`, actual, style);
  write(sheet, `G${row}`, points, style);
  sheet.setHeight(row, 20);
}

function adjustmentRule(rule: ScorecardContext['scheme']['adjustments'][number], ctx: ScorecardContext): string {
  const per = `${rule.per > 0 ? '+' : ''}${formatPlain(rule.per)}`;
  const parts = [wordWith('adjustmentRule', ctx.locale, { per })];
  if (rule.max !== undefined) parts.push(wordWith('atMost', ctx.locale, { n: formatPlain(rule.max) }));
  if (rule.min !== undefined) parts.push(wordWith('atLeast', ctx.locale, { n: formatPlain(rule.min) }));
  return parts.join(ctx.locale === 'zh-CN' ? '，' : ', ');
}

/** A4 portrait, one page wide, centred, page numbers in the footer; no gridlines on screen. */
export function finishScorecard(sheet: Sheet, lastRow: number, provenance: string | null = null, lastColumn = 'G'): void {
  printSetup(sheet, 'portrait');
  // The footer names the scheme on every printed page ("&" is a code in footers: doubled).
  if (provenance) sheet.ws.headerFooter = { oddFooter: `&L&8${provenance.replace(/&/g, '&&')}&R&8&P / &N` };
  sheet.ws.pageSetup.printArea = `A1:${lastColumn}${lastRow}`;
  sheet.ws.pageSetup.horizontalCentered = true;
  sheet.ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  sheet.ws.views = [{ showGridLines: false }];
}
