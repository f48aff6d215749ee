/**
 * What may go into a workbook cell (RELIABILITY §0.5–0.6, §2.5). Ledger text is written only
 * as a plain string — never a formula or hyperlink object — so `=HYPERLINK(…)` or `+1`
 * stays text; it is cleaned of what makes an .xlsx corrupt (lone surrogates, U+FFFE/U+FFFF,
 * C0 controls other than tab and newline) and cut to Excel's 32,767 characters. Numbers
 * are written only when finite. Sheet names made from data are made legal and unique here.
 */
import { intern, Kind, type Cell } from './sheet.js';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const MAX_SHEET_NAME = 31;

// Lone surrogates (a high not followed by a low, a low not preceded by a high), the two
// non-characters XML 1.0 forbids, and C0 controls except tab and newline (CR included:
// Excel keeps LF only).
const INVALID = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]|[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Text that makes a valid cell: invalid characters removed, at most 32,767 UTF-16 units. */
export function cleanText(text: string): string {
  return cutUnits(text.replace(INVALID, ''), MAX_CELL_TEXT);
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/** A finite number, or null (an empty cell) for NaN, ±Infinity and non-numbers. */
export function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A value our renderers may put in a cell: nothing else ever reaches `cell.value`. */
export type Plain = string | number | null;

/** Writes a plain value: strings cleaned, non-finite numbers left empty. */
export function put(cell: Cell, value: Plain, numFmt?: string): void {
  const text = typeof value === 'string' ? cleanText(value) : null;
  const number = text === null ? finite(value as number | null) : null;
  cell.kind = text !== null ? Kind.String : number !== null ? Kind.Number : Kind.Null;
  cell.value = text ?? number;
  cell.formula = undefined;
  if (numFmt && number !== null) setFormat(cell, numFmt);
}

/**
 * Writes one of our own formulas with its cached result. The formula text is built by the
 * renderer from cell addresses and constants only — never from ledger text.
 */
export function putFormula(cell: Cell, formula: string, result: number | string, numFmt?: string): void {
  cell.kind = Kind.Formula;
  cell.formula = formula;
  cell.value = typeof result === 'number' ? finite(result) : cleanText(result);
  if (numFmt) setFormat(cell, numFmt);
}

/** Style objects are shared (sheet.ts), so a format gives the cell another one. */
function setFormat(cell: Cell, numFmt: string): void {
  if (cell.style.numFmt !== numFmt) cell.style = intern({ ...cell.style, numFmt });
}

/** East Asian wide and full-width characters take two columns (CJK, kana, hangul, ＡＢ). */
export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) || (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** How many columns a text needs, counting wide characters as two; the longest line counts. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const ch of line) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

/**
 * Legal, unique sheet names (RELIABILITY §2.5): no `[]:*?/\`, no apostrophe (’ instead),
 * not "History", at most 31 characters, unique ignoring case; a name already
 * taken gets " (2)", " (3)", … with the base cut to make room.
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toUpperCase());
  }

  claim(wanted: string): string {
    let base = cleanText(wanted).replace(/[\u0000-\u001F]/g, ' ').replace(/[[\]:*?/\\]/g, '_').replace(/\s+/g, ' ').trim();
    // Excel forbids an apostrophe at either end; ExcelJS does not escape one inside when it
    // names the sheet in a print area, so the typographic ’ stands in for it everywhere.
    base = base.replace(/^'+|'+$/g, '').trim().replace(/'/g, '’');
    if (base === '' || base.toUpperCase() === 'HISTORY') base = `${base || 'Sheet'}_`;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${cutUnits(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
      if (!this.taken.has(name.toUpperCase())) {
        this.taken.add(name.toUpperCase());
        return name;
      }
    }
  }
}
