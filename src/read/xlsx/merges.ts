/**
 * Merged cells. A ledger often merges the employee cell over all of that person's rows;
 * only the top-left cell of a merge holds the value, and the person reading the sheet
 * sees it on every row — so the reader fills it into every cell of the range.
 *
 * In the sheet XML <mergeCells> comes after <sheetData>, so the ranges must be known
 * before the first row is handed on. `readMerges` is a cheap first pass over the sheet's
 * bytes: no XML parsing, only a byte search for `mergeCell` tags (~0.3 s of inflating for
 * a 200,000-row sheet, most of it zlib). Memory holds the ranges (16 bytes each), never rows.
 */
import type { RawCell } from '../table.js';
import { columnIndex, MAX_COLUMNS, MAX_ROWS } from './refs.js';

/** Beyond this many merges a sheet is not a ledger (a merge per row of a 1,048,576-row
 *  sheet is the most a real one could have). */
export const MAX_MERGES = 1_048_576;
/** A merge fills at most this many columns of a row: a merge over whole rows (A1:XFD9)
 *  would otherwise widen every row it covers to 16,384 cells. */
export const MAX_FILLED_COLUMNS = 1024;

const NEEDLE = Buffer.from('mergeCell');
const REF_RE = /\sref\s*=\s*["']([A-Za-z]{1,3}\d{1,7})(?::([A-Za-z]{1,3}\d{1,7}))?["']/;
const CELL_RE = /^([A-Za-z]+)(\d+)$/;
/** A tag cut by a chunk boundary is carried into the next chunk; a real one is short. */
const MAX_TAG_BYTES = 4096;

const isNameByte = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
const isTagEnd = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x2f || b === 0x3e;

/** Merge ranges, sorted by first row: [r1, c1, r2, c2] per merge (1-based rows, 0-based columns). */
export type MergeRanges = Int32Array;

/**
 * Finds `<mergeCell ref="A3:A5"/>` (any prefix) in a sheet's bytes. Markup characters in
 * cell text are always escaped, so `<mergeCell` cannot occur inside a value; only a CDATA
 * section or comment inside the sheet could fake one, which Excel never writes.
 */
export async function readMerges(bytes: AsyncIterable<Buffer>): Promise<MergeRanges> {
  const found: number[] = [];
  let carry: Buffer | null = null;
  for await (const chunk of bytes) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    let keep = -1; // where an unfinished tag starts
    for (let hit = buf.indexOf(NEEDLE, from); hit >= 0; hit = buf.indexOf(NEEDLE, from)) {
      from = hit + NEEDLE.length;
      // The tag must start right before the name, after an optional prefix: `<mergeCell`, `<x:mergeCell`.
      let start = hit - 1;
      if (start >= 0 && buf[start] === 0x3a) {
        start--;
        while (start >= 0 && hit - start < 40 && isNameByte(buf[start])) start--;
      }
      if (start < 0) continue; // cannot be a tag start: the carry keeps enough bytes before a hit
      if (buf[start] !== 0x3c) continue;
      if (from >= buf.length) {
        keep = start;
        break;
      }
      if (!isTagEnd(buf[from])) continue; // <mergeCells count="…">, the container
      const gt = buf.indexOf(0x3e, from);
      if (gt < 0) {
        keep = start;
        break;
      }
      const ref = REF_RE.exec(buf.toString('latin1', from, gt));
      if (ref) addMerge(found, ref[1], ref[2] ?? ref[1]);
      from = gt + 1;
    }
    // Keep an unfinished tag, or enough of the tail to catch a prefix and name cut in two.
    const tailFrom = keep >= 0 ? keep : Math.max(from, buf.length - 48);
    if (buf.length - tailFrom > MAX_TAG_BYTES) throw new Error('a mergeCell tag longer than 4 KiB');
    carry = tailFrom < buf.length ? Buffer.from(buf.subarray(tailFrom)) : null;
  }
  return sortMerges(found);
}

function addMerge(found: number[], from: string, to: string): void {
  const a = CELL_RE.exec(from);
  const b = CELL_RE.exec(to);
  if (!a || !b) return;
  const [ra, rb] = [Number(a[2]), Number(b[2])];
  const [ca, cb] = [columnIndex(a[1].toUpperCase()), columnIndex(b[1].toUpperCase())];
  if (ra < 1 || rb < 1 || ra > MAX_ROWS || rb > MAX_ROWS || ca < 0 || cb < 0 || ca >= MAX_COLUMNS || cb >= MAX_COLUMNS) return;
  if (ra === rb && ca === cb) return; // a one-cell "merge" changes nothing
  if (found.length / 4 >= MAX_MERGES) throw new Error(`more than ${MAX_MERGES} merged ranges`);
  found.push(Math.min(ra, rb), Math.min(ca, cb), Math.max(ra, rb), Math.max(ca, cb));
}

function sortMerges(found: number[]): MergeRanges {
  const count = found.length / 4;
  const order = Array.from({ length: count }, (_, i) => i).sort((x, y) => found[x * 4] - found[y * 4]);
  const ranges = new Int32Array(found.length);
  order.forEach((k, i) => ranges.set(found.slice(k * 4, k * 4 + 4), i * 4));
  return ranges;
}

/**
 * Fills merged values into rows as they stream by (rows in increasing order). A row
 * inside a merge but with no content of its own is left empty: a merge reaching into
 * the blank rows below a ledger must not turn them into rows with an employee and no data.
 */
export class MergeFiller {
  private next = 0;
  /** Indexes (into ranges, /4) of merges covering the current row, and their values. */
  private active: number[] = [];
  private values: RawCell[] = [];

  constructor(private readonly ranges: MergeRanges) {}

  get empty(): boolean {
    return this.ranges.length === 0;
  }

  fill(row: number, cells: RawCell[]): void {
    const r = this.ranges;
    const own = cells.some((c) => c !== null);
    while (this.next * 4 < r.length && r[this.next * 4] <= row) {
      const k = this.next++;
      if (r[k * 4 + 2] < row) continue; // its rows were never in the sheet
      this.active.push(k);
      this.values.push(r[k * 4] === row ? cells[r[k * 4 + 1]] ?? null : null);
    }
    let kept = 0;
    for (let a = 0; a < this.active.length; a++) {
      const k = this.active[a];
      if (r[k * 4 + 2] < row) continue;
      this.active[kept] = k;
      this.values[kept++] = this.values[a];
      if (!own) continue;
      const [c1, c2] = [r[k * 4 + 1], Math.min(r[k * 4 + 3], r[k * 4 + 1] + MAX_FILLED_COLUMNS - 1)];
      while (cells.length <= c2) cells.push(null);
      for (let c = c1; c <= c2; c++) cells[c] = this.values[a];
    }
    this.active.length = kept;
    this.values.length = kept;
  }
}
