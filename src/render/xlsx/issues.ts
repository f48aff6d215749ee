/**
 * The Issues sheet (问题, SPEC §4.5, §6.4): every rejected ledger row — file, sheet, row,
 * column, value, reason — then every warning, so nothing dropped from the scoring is
 * hidden from the person who reads the workbook. Values are ledger text, written as text.
 */
import type { ScoreReport } from '../../core/report.js';
import { say } from '../../messages/text.js';
import { word, type Locale, type Word } from '../labels.js';
import { printSetup, write, type CellStyle } from './sheet-kit.js';
import { columnLetter, type Sheet } from './sheet.js';
import type { Plain } from './safe.js';
import { BOX, FILL, baseFont, fitColumns } from './style.js';

const HEADERS: Word[] = ['kind', 'file', 'sheet', 'row', 'column', 'value', 'reason'];

export function addIssues(sheet: Sheet, report: ScoreReport, locale: Locale): void {
  const w = (key: Word) => word(key, locale);
  const font = baseFont(locale);
  const head: CellStyle = { font: { ...font, bold: true }, fill: FILL.head, border: BOX, alignment: { horizontal: 'center', vertical: 'middle' } };
  const letter = (i: number) => columnLetter(i + 1);
  HEADERS.forEach((key, i) => write(sheet, `${letter(i)}1`, w(key), head));

  const lines: Plain[][] = [
    // Reasons and notes in the workbook's language (the config's locale), not the terminal's.
    ...report.rejected.map((r): Plain[] => [w('rejectedRow'), r.file, r.sheet, r.row, r.column, r.value, say(r.reason, locale)]),
    ...report.warnings.map((message): Plain[] => [w('warning'), null, null, null, null, null, say(message, locale)]),
  ];
  if (lines.length === 0) lines.push([w('noIssues'), null, null, null, null, null, null]);
  const style = (wrapText: boolean, numFmt?: string): CellStyle => ({ font, border: BOX, alignment: { vertical: 'top', wrapText }, numFmt });
  const columnStyles = HEADERS.map((_, i) => style(i === HEADERS.length - 1 || i === 5, i === 3 ? '0' : undefined));
  lines.forEach((cells, r) => {
    cells.forEach((value, i) => write(sheet, `${letter(i)}${r + 2}`, value, columnStyles[i]));
  });
  const texts = [HEADERS.map(w), ...lines.map((cells) => cells.map((v) => (v === null ? '' : String(v))))];
  fitColumns(sheet, texts, { min: 6, max: 60 });
  sheet.ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lines.length + 1, column: HEADERS.length } };
  printSetup(sheet, 'landscape', '1:1');
}
