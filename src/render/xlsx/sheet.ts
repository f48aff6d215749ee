/**
 * A worksheet being built. Its cells — value, formula, style, merges, row heights — are kept
 * here and written out as the sheet's XML rows by sheet-xml.ts; everything about the sheet
 * as a whole (column widths, views, filters, conditional formats, page setup) is set on the
 * ExcelJS worksheet `ws`, which writes it. ExcelJS's own cells (an address, a value object
 * and a style object each, all rendered and de-duplicated one by one) were most of the time
 * of a workbook of thousands of cards. The cells behave as ExcelJS's do — a merge gives its
 * covered cells the top-left cell's style; a style sets only the parts it names — so the
 * XML is what ExcelJS wrote for the same calls, with one difference no renderer relies on:
 * in ExcelJS the cells of a merge share one style object, so restyling one restyles all.
 */
import type ExcelJS from 'exceljs';
import type { PlacedChart } from './charts/drawing.js';

export type Style = Partial<ExcelJS.Style>;

/** What a cell holds (ExcelJS's value types, by the numbers ExcelJS gives them). */
export const Kind = { Null: 0, Merge: 1, Number: 2, String: 3, Formula: 6 } as const;

/** The cached result of a formula that gives Excel's "no value" error (a gap in a chart). */
export const NOT_AVAILABLE = '#N/A';
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Cell {
  kind: Kind;
  /** The number or text; for a formula, its cached result (null: none). */
  value: string | number | null;
  formula?: string;
  /** A shared style object (see `intern`), never changed in place. */
  style: Style;
}

export interface Row {
  height?: number;
  /** By column number; gaps are cells never written. */
  cells: (Cell | undefined)[];
}

/** A range of cells, by row and column numbers. */
export interface CellRange { top: number; left: number; bottom: number; right: number }

const NO_STYLE: Style = {};

/** Every cell is made here, with all its fields, so that all cells share one shape. */
function emptyCell(): Cell {
  return { kind: Kind.Null, value: null, formula: undefined, style: NO_STYLE };
}

export class Sheet {
  readonly rows: (Row | undefined)[] = [];
  readonly merges: CellRange[] = [];
  /** Charts placed on the sheet (charts/drawing.ts writes their parts). */
  readonly charts: PlacedChart[] = [];

  constructor(readonly ws: ExcelJS.Worksheet) {}

  row(number: number): Row {
    return (this.rows[number] ??= { height: undefined, cells: [] });
  }

  cell(row: number, col: number): Cell {
    const cells = this.row(row).cells;
    return (cells[col] ??= emptyCell());
  }

  setHeight(row: number, height: number): void {
    this.row(row).height = height;
  }

  /** Column widths are the worksheet's (ExcelJS writes `<cols>`). */
  setWidth(column: number | string, width: number): void {
    this.ws.getColumn(column).width = width;
  }

  /** Merges a range: the cells it covers take the top-left cell's style, as in ExcelJS. */
  merge(range: CellRange): void {
    const master = this.cell(range.top, range.left);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        const cell = this.cell(r, c);
        cell.kind = Kind.Merge;
        cell.value = null;
        cell.formula = undefined;
        cell.style = master.style;
      }
    }
    this.merges.push(range);
  }

  /**
   * Gives every cell without a font of its own the workbook font — the gaps between written
   * cells of a row included — so a printed card has one typeface. Rows holding nothing but
   * empty styled cells are left as they are (ExcelJS's `eachRow` skips them too).
   */
  fillFont(font: Partial<ExcelJS.Font>): void {
    const fill = fontFiller(font);
    for (const row of this.rows) {
      if (!row || !row.cells.some((cell) => cell && cell.kind !== Kind.Null)) continue;
      for (let c = 1; c < row.cells.length; c++) {
        const cell = (row.cells[c] ??= emptyCell());
        if (!cell.style.font?.name) cell.style = fill(cell.style);
      }
    }
  }
}

/** Column number → letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "A1:G1" (or "B4") → the range it names; one pass, as it runs for every cell written. */
export function parseRange(range: string): CellRange {
  const parts = [0, 0, 0, 0]; // col, row of the first address, then of the second
  let at = 0;
  for (let i = 0; i < range.length; i++) {
    const code = range.charCodeAt(i);
    if (code >= 65 && code <= 90 && parts[at + 1] === 0) parts[at] = parts[at] * 26 + code - 64;
    else if (code >= 48 && code <= 57 && parts[at] > 0) parts[at + 1] = parts[at + 1] * 10 + code - 48;
    else if (code === 58 && at === 0) at = 2;
    else throw new Error(`not a cell range: ${range}`);
  }
  if (parts[0] === 0 || parts[1] === 0 || (at === 2 && (parts[2] === 0 || parts[3] === 0))) throw new Error(`not a cell range: ${range}`);
  return at === 0
    ? { top: parts[1], left: parts[0], bottom: parts[1], right: parts[0] }
    : { top: parts[1], left: parts[0], bottom: parts[3], right: parts[2] };
}

// ---------------------------------------------------------------------------------------
// Shared style objects. ExcelJS's writer finds equal styles by rendering each one to XML,
// unless it has seen the same object before; so cells with the same look share one object.

const byKey = new Map<string, Style>();

/** The one shared object with these contents. */
export function intern(style: Style): Style {
  const key = JSON.stringify(style);
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = style));
  return shared;
}

/** By workbook font, then by style: the style with that font filled in. */
const fonted = new Map<string, WeakMap<Style, Style>>();

function fontFiller(font: Partial<ExcelJS.Font>): (style: Style) => Style {
  const key = JSON.stringify(font);
  let byStyle = fonted.get(key);
  if (!byStyle) fonted.set(key, (byStyle = new WeakMap()));
  const cache = byStyle;
  return (style) => {
    let shared = cache.get(style);
    if (!shared) cache.set(style, (shared = intern({ ...style, font: { ...font, ...style.font } as ExcelJS.Font })));
    return shared;
  };
}

function isEmpty(style: Style): boolean {
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** Sets the parts of a cell's style that `own` (a shared style) sets, keeping the others. */
export function restyle(cell: Cell, own: Style): void {
  const current = cell.style;
  if (current === own) return;
  cell.style = isEmpty(current) ? own : intern({ ...current, ...own });
}
