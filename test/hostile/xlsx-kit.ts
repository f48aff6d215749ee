/**
 * Hand-written workbooks for the bad-input suite: the roster and services sheets of the
 * suite's scheme (./kit.ts) as XML rows, so each case shows the cells it feeds kpi.
 */
import { bookParts, writeBook, writeZip, type BookSpec } from '../read/xlsx-builder.js';

export { bookParts, writeBook, writeZip, type BookSpec };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell: text (inline string), a number, or raw XML attributes and content `{ xml }`. */
export type XCell = string | number | null | { attrs?: string; xml: string };

/** `<row>` elements from rows of cells, numbered from `first`. */
export function rows(cells: XCell[][], first = 1): string {
  return cells.map((row, r) => {
    const n = first + r;
    const inner = row.map((cell, c) => {
      const ref = `${column(c)}${n}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(cell)}</t></is></c>`;
      return `<c r="${ref}"${cell.attrs ? ` ${cell.attrs}` : ''}>${cell.xml}</c>`;
    }).join('');
    return `<row r="${n}">${inner}</row>`;
  }).join('');
}

export const SERVICES_HEAD: XCell[] = ['ID', 'Date', 'Score', 'Note'];
export const ROSTER_HEAD: XCell[] = ['ID', 'Name', 'Role', 'Team'];
/** 2026-11-05 as an Excel serial (1900 system). */
export const SERIAL = 46331;
