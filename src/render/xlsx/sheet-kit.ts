/**
 * Small helpers the sheet builders share: write a plain value or one of our formulas into a
 * cell or a merged range with a style, and estimate the height a row of wrapped text needs
 * (set explicitly, because neither Excel nor LibreOffice grows merged or printed rows by
 * itself in every case).
 */
import type ExcelJS from 'exceljs';
import { displayWidth, put, putFormula, type Plain } from './safe.js';

export interface CellStyle {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
  numFmt?: string;
}

/**
 * One style object per distinct look. ExcelJS gives every cell a style object of its own,
 * and its writer turns each into XML to find equal ones — the slowest part of writing a
 * workbook of thousands of cards. It remembers the objects it has seen, so cells that share
 * one object cost one lookup. The objects are shared, so they are never changed: a cell gets
 * a new (interned) object instead.
 */
const byStyle = new WeakMap<CellStyle, Partial<ExcelJS.Style>>();
const byKey = new Map<string, Partial<ExcelJS.Style>>();

function intern(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const key = JSON.stringify(style);
  let shared = byKey.get(key);
  if (!shared) {
    shared = style;
    byKey.set(key, shared);
  }
  return shared;
}

/** The shared style object of a cell style (only the parts it sets). */
function styleOf(style: CellStyle): Partial<ExcelJS.Style> {
  let shared = byStyle.get(style);
  if (!shared) {
    const own: Partial<ExcelJS.Style> = {};
    if (style.numFmt) own.numFmt = style.numFmt;
    if (style.font) own.font = style.font as ExcelJS.Font;
    if (style.alignment) own.alignment = style.alignment as ExcelJS.Alignment;
    if (style.border) own.border = style.border as ExcelJS.Borders;
    if (style.fill) own.fill = style.fill;
    shared = intern(own);
    byStyle.set(style, shared);
  }
  return shared;
}

function isEmpty(style: object): boolean {
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** Sets the parts of a cell's style that `style` sets, keeping the others. */
export function restyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const own = styleOf(style);
  const current = cell.style;
  if (current === own) return;
  cell.style = isEmpty(current) ? own : intern({ ...current, ...own });
}

/** The workbook font for cells that have none of their own (gaps, merged cells, lines). */
export function fillFont(cell: ExcelJS.Cell, font: Partial<ExcelJS.Font>): void {
  const current = cell.style;
  if (current.font?.name) return;
  cell.style = intern({ ...current, font: { ...font, ...current.font } as ExcelJS.Font });
}

/** Styles every cell of a range (borders of merged cells are drawn cell by cell). */
export function styleRange(sheet: ExcelJS.Worksheet, range: string, style: CellStyle): void {
  const [from, to = from] = range.split(':');
  const a = sheet.getCell(from);
  const b = sheet.getCell(to);
  for (let r = Number(a.row); r <= Number(b.row); r++) {
    for (let c = Number(a.col); c <= Number(b.col); c++) restyle(sheet.getCell(r, c), style);
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
export function write(sheet: ExcelJS.Worksheet, range: string, value: Plain, style: CellStyle = {}): ExcelJS.Cell {
  const [from, to] = range.split(':');
  if (to && to !== from) sheet.mergeCells(range);
  styleRange(sheet, range, style);
  return put(sheet.getCell(from), value, style.numFmt);
}

/** Writes one of our formulas (cell addresses and constants only) with its cached result. */
export function writeFormula(sheet: ExcelJS.Worksheet, address: string, formula: string, result: number | string, style: CellStyle = {}): ExcelJS.Cell {
  styleRange(sheet, address, style);
  return putFormula(sheet.getCell(address), formula, result, style.numFmt);
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
export function printSetup(sheet: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', titles?: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titles ? { printTitlesRow: titles } : {}),
  };
  sheet.headerFooter = { oddFooter: '&C&P / &N' };
}
