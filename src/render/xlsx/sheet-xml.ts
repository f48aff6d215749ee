/**
 * A Sheet's cells as the XML of its worksheet part — the `<dimension>` reference,
 * `<sheetData>` and `<mergeCells>` — written as ExcelJS 4.4 writes them (lib/doc/row.js,
 * lib/xlsx/xform/sheet/row-xform.js, cell-xform.js, merges.js), with style numbers and
 * shared-string indexes from ExcelJS's own registries, so that styles.xml and
 * sharedStrings.xml list what the cells use. Text goes only into shared strings (`t="s"`),
 * so ledger text is never a formula; the formulas are our own.
 */
import { Kind, NOT_AVAILABLE, columnLetter, type CellRange, type Sheet, type Style } from './sheet.js';

export interface Registries {
  /** The `s` number of a style (0: the default). */
  style(style: Style): number;
  /** The index of a text among the shared strings. */
  text(text: string): number;
}

export interface SheetXml {
  /** The `ref` of `<dimension>`. */
  dimension: string;
  sheetData: string;
  /** `<mergeCells>`, or nothing. */
  mergeCells: string;
}

// ExcelJS's xmlEncode: the five XML characters escaped, C0 controls other than tab, LF and
// CR dropped, and DEL.
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

export function xmlEncode(text: string): string {
  return text.replace(XML_SPECIAL, (ch) => ESCAPES[ch] ?? '');
}

/** The bounds ExcelJS's `Range.expand` keeps, its quirks included (0 means "not yet"). */
class Bounds {
  private top = 0;
  private left = 0;
  private bottom = 0;
  private right = 0;

  expand(row: number, min: number, max: number): void {
    if (!this.top || row < (this.top || 1)) this.top = row;
    if (!this.left || min < (this.left || 1)) this.left = min;
    if (!this.bottom || row > (this.bottom || 1)) this.bottom = row;
    if (!this.right || max > (this.right || 1)) this.right = max;
  }

  get ref(): string {
    return `${columnLetter(this.left || 1)}${this.top || 1}:${columnLetter(this.right || 1)}${this.bottom || 1}`;
  }
}

export function sheetXml(sheet: Sheet, ids: Registries): SheetXml {
  const bounds = new Bounds();
  const rows: string[] = [];
  const letters: string[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let min = 0;
    let max = 0;
    let cells = '';
    for (let c = 1; c < row.cells.length; c++) {
      const cell = row.cells[c];
      if (!cell) continue;
      if (!min) min = c;
      max = c;
      const s = ids.style(cell.style);
      if (cell.kind === Kind.Null && !s) continue;
      cells += `<c r="${(letters[c] ??= columnLetter(c))}${r}"${s ? ` s="${s}"` : ''}`;
      switch (cell.kind) {
        case Kind.Number:
          cells += `><v>${cell.value}</v></c>`;
          break;
        case Kind.String:
          cells += ` t="s"><v>${ids.text(cell.value as string)}</v></c>`;
          break;
        case Kind.Formula: {
          const f = `<f>${xmlEncode(cell.formula!)}</f>`;
          if (cell.value === null) cells += `>${f}</c>`;
          else if (cell.value === NOT_AVAILABLE) cells += ` t="e">${f}<v>${NOT_AVAILABLE}</v></c>`;
          else if (typeof cell.value === 'string') cells += ` t="str">${f}<v>${xmlEncode(cell.value)}</v></c>`;
          else cells += `>${f}<v>${cell.value}</v></c>`;
          break;
        }
        default:
          cells += '/>';
      }
    }
    if (!row.height && !max) continue;
    bounds.expand(r, min, max);
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    const spans = min > 0 ? ` spans="${min}:${max}"` : '';
    rows.push(`<row r="${r}"${height}${spans} x14ac:dyDescent="0.25"${cells ? `>${cells}</row>` : '/>'}`);
  }
  return {
    dimension: bounds.ref,
    sheetData: rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
    mergeCells: mergeCellsXml(sheet.merges),
  };
}

/** In ExcelJS's order: by the first covered cell, row by row. */
function mergeCellsXml(merges: readonly CellRange[]): string {
  if (merges.length === 0) return '';
  const firstCovered = (m: CellRange): [number, number] => (m.right > m.left ? [m.top, m.left + 1] : [m.top + 1, m.left]);
  const ordered = merges
    .map((m) => ({ m, at: firstCovered(m) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ m }) => `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`);
  return `<mergeCells count="${merges.length}">${ordered.join('')}</mergeCells>`;
}
