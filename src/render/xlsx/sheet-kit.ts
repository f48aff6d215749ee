/**
 * Small helpers the sheet builders share: write a plain value or one of our formulas into a
 * cell or a merged range with a style (cells with the same look share one style object),
 * and estimate the height a row of wrapped text needs (set explicitly, because neither
 * Excel nor LibreOffice grows merged or printed rows by itself in every case).
 */
import type ExcelJS from 'exceljs';
import { displayWidth, put, putFormula, type Plain } from './safe.js';
import { intern, parseRange, restyle, type CellRange, type Sheet, type Style } from './sheet.js';

export interface CellStyle {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
  numFmt?: string;
}

/**
 * The shared style object of a cell style (only the parts it sets): cells with the same look
 * share one object, which ExcelJS's style registry then finds at once (sheet.ts).
 */
const byStyle = new WeakMap<CellStyle, Style>();

function styleOf(style: CellStyle): Style {
  let shared = byStyle.get(style);
  if (!shared) {
    const own: Style = {};
    if (style.numFmt) own.numFmt = style.numFmt;
    if (style.font) own.font = style.font as ExcelJS.Font;
    if (style.alignment) own.alignment = style.alignment as ExcelJS.Alignment;
    if (style.border) own.border = style.border as ExcelJS.Borders;
    if (style.fill) own.fill = style.fill;
    byStyle.set(style, (shared = intern(own)));
  }
  return shared;
}

/** Styles every cell of a range (borders of merged cells are drawn cell by cell). */
function styleRange(sheet: Sheet, range: CellRange, style: CellStyle): void {
  const own = styleOf(style);
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) restyle(sheet.cell(r, c), own);
  }
}

/**
 * A function of one key, built once per key: the renderers make their styles through it
 * (per locale, per number format…) so that cells share style objects.
 */
export function memo<K, V>(build: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = build(key)));
    return value;
  };
}

/** Writes a plain value into a cell, or into the first cell of a range it then merges. */
export function write(sheet: Sheet, range: string, value: Plain, style: CellStyle = {}): void {
  const at = parseRange(range);
  if (at.bottom > at.top || at.right > at.left) sheet.merge(at);
  styleRange(sheet, at, style);
  put(sheet.cell(at.top, at.left), value, style.numFmt);
}

/** Writes one of our formulas (cell addresses and constants only) with its cached result. */
export function writeFormula(sheet: Sheet, address: string, formula: string, result: number | string, style: CellStyle = {}): void {
  const at = parseRange(address);
  styleRange(sheet, at, style);
  putFormula(sheet.cell(at.top, at.left), formula, result, style.numFmt);
}

/** Points per wrapped line at the workbook's 10.5 pt font. */
const LINE_HEIGHT = 15;

/** The height a row needs so that each text fits its column width when wrapped. */
export function wrappedHeight(parts: { text: string; width: number }[], minimum = 18): number {
  let lines = 1;
  for (const { text, width } of parts) {
    const usable = Math.max(1, width - 1);
    // A CJK glyph is nearer 1.8 than 2 digit widths, so the count of 2 is eased a little.
    const needed = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * 0.9) / usable)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.max(minimum, lines * LINE_HEIGHT + 3);
}

/** A4, fit to one page wide, as many pages high as it takes; `titles` repeats on each page. */
export function printSetup({ ws }: Sheet, orientation: 'portrait' | 'landscape', titles?: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titles ? { printTitlesRow: titles } : {}),
  };
  ws.headerFooter = { oddFooter: '&C&P / &N' };
}
