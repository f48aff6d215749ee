/**
 * The records of one chunk of a text ledger, as the tokenizer found them, before any cell
 * becomes a string. A plain record (no quote, no CR: nearly all of them) is kept as where
 * its cells lie in the chunk's bytes, so the table reader can type a number, a date or an
 * id straight from those bytes (./column-typer.ts). Any other record comes as a RawRow,
 * read by the tokenizer's general path. `row(r)` turns either into a RawRow with the very
 * strings the tokenizer would have made, for the header search and for rows that need the
 * general path (blank, rejected, roster).
 *
 * A batch is valid until the next one is asked for: its arrays and bytes are reused.
 */
import type { RawCell, RawRow } from './table.js';
import type { TextPool } from './text-pool.js';

/** A batch as another thread receives it (./csv-threaded.ts): copies, its own to keep. */
export interface BatchParts {
  bytes: Uint8Array;
  count: number;
  lines: Int32Array;
  first: Int32Array;
  cells: Int32Array;
  bounds: Int32Array;
  rows: RawRow[];
}

/** Records and cells made room for at the start of a batch, at most. */
const MAX_ROOM = 1 << 19;

export class RecordBatch {
  /** The bytes the plain records' cells lie in, and a view to read four at a time. */
  buf: Buffer = Buffer.alloc(0);
  view: DataView = new DataView(this.buf.buffer, 0, 0);
  count = 0;
  /** The line each record starts on. */
  lines: Int32Array = new Int32Array(256);
  /** A plain record's cells: `cells[r]` of them, from pair `first[r]` of `bounds`.
   *  A general record has `cells[r]` = -1 and its RawRow in `rows[first[r]]`. */
  first: Int32Array = new Int32Array(256);
  cells: Int32Array = new Int32Array(256);
  /** Each cell's start and end in `buf`, two ints a cell. */
  bounds: Int32Array = new Int32Array(2048);
  private pairs = 0;
  private readonly rows: RawRow[] = [];

  constructor(private readonly pool: TextPool) {}

  reset(buf: Buffer): void {
    // Room for every record and cell a chunk can hold (each takes at least one byte, its
    // line break or delimiter), so that a writer seldom grows them halfway: growing is a
    // path the compiled tokenizer has not seen, and would leave. (Up to a bound: a record
    // carried over can be as long as --limit line-bytes allows.)
    const room = Math.min(buf.length + 1, MAX_ROOM);
    if (this.lines.length < room) {
      this.lines = grown(this.lines, room);
      this.first = grown(this.first, room);
      this.cells = grown(this.cells, room);
    }
    if (this.bounds.length < 2 * room) this.bounds = grown(this.bounds, 2 * room);
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.count = 0;
    this.pairs = 0;
    this.rows.length = 0;
  }

  /** Starts a plain record on `line`; its cells follow with `cell`. */
  plain(line: number): void {
    const r = this.count++;
    if (r === this.lines.length) this.grow();
    this.lines[r] = line;
    this.first[r] = this.pairs;
    this.cells[r] = 0;
  }

  cell(start: number, end: number): void {
    const at = 2 * this.pairs++;
    if (at === this.bounds.length) this.bounds = grown(this.bounds);
    this.bounds[at] = start;
    this.bounds[at + 1] = end;
    this.cells[this.count - 1]++;
  }

  /** Doubles `bounds`, for a writer that fills it directly (then `cellsWritten`). */
  roomForCells(): Int32Array {
    this.bounds = grown(this.bounds);
    return this.bounds;
  }

  /** Says that plain record `r`, the last, has `count` cells written into `bounds`
   *  from pair `first[r]` on. */
  cellsWritten(r: number, count: number): void {
    this.cells[r] = count;
    this.pairs = this.first[r] + count;
  }

  /** Drops the plain record being written (it turned out not to be plain). */
  dropLast(): void {
    this.count--;
    this.pairs = this.first[this.count];
  }

  general(row: RawRow): void {
    const r = this.count++;
    if (r === this.lines.length) this.grow();
    this.lines[r] = row.row;
    this.first[r] = this.rows.length;
    this.cells[r] = -1;
    this.rows.push(row);
  }

  /**
   * This batch as parts that can be sent to another thread (copied: this one is reused),
   * in the arrays of `spare` — parts sent earlier and given back — where they are large
   * enough, so that a run of batches does not allocate a new set each time.
   */
  parts(spare?: BatchParts): BatchParts {
    const count = this.count;
    const bytes = reuse(Uint8Array, spare?.bytes, this.buf.length);
    bytes.set(this.buf);
    const copy = (from: Int32Array, length: number, into: Int32Array | undefined): Int32Array => {
      const to = reuse(Int32Array, into, length);
      to.set(from.subarray(0, length));
      return to;
    };
    return {
      bytes, count, lines: copy(this.lines, count, spare?.lines), first: copy(this.first, count, spare?.first),
      cells: copy(this.cells, count, spare?.cells), bounds: copy(this.bounds, 2 * this.pairs, spare?.bounds), rows: this.rows.slice(),
    };
  }

  /** A batch made of parts received from another thread; its rows' texts come from `pool`. */
  static fromParts(pool: TextPool, parts: BatchParts): RecordBatch {
    const batch = new RecordBatch(pool);
    batch.buf = Buffer.from(parts.bytes.buffer, parts.bytes.byteOffset, parts.bytes.length);
    batch.view = new DataView(parts.bytes.buffer, parts.bytes.byteOffset, parts.bytes.length);
    batch.count = parts.count;
    batch.lines = parts.lines;
    batch.first = parts.first;
    batch.cells = parts.cells;
    batch.bounds = parts.bounds;
    batch.pairs = parts.bounds.length >> 1;
    for (const row of parts.rows) batch.rows.push(row);
    return batch;
  }

  isPlain(r: number): boolean {
    return this.cells[r] >= 0;
  }

  /** Record `r` as a row of strings. */
  row(r: number): RawRow {
    const count = this.cells[r];
    if (count < 0) return this.rows[this.first[r]];
    const cells: RawCell[] = [];
    for (let k = 2 * this.first[r], end = k + 2 * count; k < end; k += 2) cells.push(this.pool.text(this.buf, this.bounds[k], this.bounds[k + 1]));
    return { row: this.lines[r], cells };
  }

  private grow(): void {
    this.lines = grown(this.lines);
    this.first = grown(this.first);
    this.cells = grown(this.cells);
  }
}

/** An array of `length` over the buffer of `spare` if it has room, else over a new one
 *  with some to spare (the next batch may be a little larger). */
function reuse<T extends Uint8Array | Int32Array>(kind: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, spare: T | undefined, length: number): T {
  const bytes = length * kind.BYTES_PER_ELEMENT;
  const buffer = spare && spare.buffer.byteLength >= bytes ? (spare.buffer as ArrayBuffer) : new ArrayBuffer(Math.ceil(bytes * 1.25) + 64);
  return new kind(buffer, 0, length);
}

function grown(array: Int32Array, capacity = array.length * 2): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
