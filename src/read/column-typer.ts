/**
 * Typing one column of a text ledger straight from its bytes, with the values the field's
 * reader (./typing.ts) gives for the cell's text — it is the reader that decides, once per
 * distinct text. A column repeats itself (30 dates, two yes/no words, a few kinds, a few
 * thousand ids over a million rows), so each distinct text is looked up in the column's
 * own pool and its value kept by pool entry: typing a repeated cell costs a look-up and
 * makes no string — a number field's too, while its texts repeat (the value kept is then
 * also one object, not a new one per cell); past that, plain numbers (`3.9`, `-12`) are
 * read from their digits.
 *
 * In front of the pool sits a direct-mapped cache of texts up to 16 bytes, held as four
 * words that are all their bytes: one probe, no loop, no byte-by-byte comparison. It
 * answers nearly every cell of a column of short repeated texts, in about a third of the
 * time a pool look-up takes (measured on the benchmark ledger; see bench/run.js).
 */
import type { CellValue, Field } from '../core/types.js';
import { plainNumberBytes, type Read } from './cells.js';
import { TextPool } from './text-pool.js';
import type { FieldReader } from './typing.js';

/** Distinct texts kept per column: enough for the ids of a large organisation. Past it
 *  (a column of order numbers, say) each cell is decoded and read on its own. */
const MAX_KEPT = 1 << 16;
/** Distinct texts kept for a number field; past them its cells are parsed each time. */
const NUMBERS_KEPT = 4096;
/** The cache's slots: 2^bits, from 2^8 up to 2^14 as the column's distinct texts grow. */
const MIN_BITS = 8;
const MAX_BITS = 14;
/** Ints a slot: four words, the length, the pool entry; padded to a power of two. */
const SLOT = 8;
/** Texts up to this many bytes are held whole by four words. */
const CACHED_BYTES = 16;

export class ColumnTyper {
  private readonly pool: TextPool;
  /** A number field: its texts are pooled while they repeat (a few hundred durations,
   *  scores, counts); past NUMBERS_KEPT distinct ones (amounts), plain numbers are read
   *  from their digits each time. */
  private readonly numeric: boolean;
  /** The value of each pooled text, by entry (undefined: not read yet). */
  private readonly values: (Read<CellValue> | undefined)[] = [];
  private readonly empty: Read<CellValue>;
  private bits = MIN_BITS;
  private slots = new Int32Array(SLOT << MIN_BITS);
  /** The pool entry of the cell typed last, -1 when it has none (empty, too long, not kept). */
  entry = -1;

  constructor(private readonly reader: FieldReader, field: Field) {
    // Not a duration: its plain numbers are read by the reader, which refuses negative ones.
    this.numeric = field.type === 'number' && field.duration === undefined;
    this.pool = new TextPool(this.numeric ? NUMBERS_KEPT : MAX_KEPT);
    this.empty = reader.fromText('');
  }

  /** The value of the cell `buf[start, end)`: as `FieldReader.fromText` reads its text. */
  value(buf: Buffer, view: DataView, start: number, end: number): Read<CellValue> {
    this.entry = -1;
    const length = end - start;
    if (length === 0) return this.empty;
    const pool = this.pool;
    if (length > CACHED_BYTES) return this.pooled(pool, buf, start, end);
    let w1: number;
    let w2 = 0;
    let w3 = 0;
    let w4 = 0;
    if (length >= 4) {
      // [0,4), [4,8), [length-8, length-4) and [length-4, length) cover up to 16 bytes.
      w1 = view.getInt32(start, true);
      w4 = view.getInt32(end - 4, true);
      if (length > 8) {
        w2 = view.getInt32(start + 4, true);
        w3 = view.getInt32(end - 8, true);
      }
    } else {
      w1 = buf[start] | (buf[end - 1] << 8) | (buf[start + (length >> 1)] << 16);
    }
    const slots = this.slots;
    const t = (Math.imul(w1 ^ Math.imul(w4 ^ w2, 0x85ebca77) ^ Math.imul(w3 ^ length, 0xc2b2ae3d), 0x9e3779b1) >>> (32 - this.bits)) * SLOT;
    if (slots[t] === w1 && slots[t + 1] === w2 && slots[t + 2] === w3 && slots[t + 3] === w4 && slots[t + 4] === length) {
      const entry = slots[t + 5];
      this.entry = entry;
      return this.values[entry]!;
    }
    const value = this.pooled(pool, buf, start, end);
    const entry = this.entry;
    if (entry >= 0) {
      slots[t] = w1;
      slots[t + 1] = w2;
      slots[t + 2] = w3;
      slots[t + 3] = w4;
      slots[t + 4] = length;
      slots[t + 5] = entry;
      // Kept at most a quarter full, so that texts seldom push each other out.
      if (pool.strings.length << 2 > 1 << this.bits && this.bits < MAX_BITS) {
        this.bits++;
        this.slots = new Int32Array(SLOT << this.bits);
      }
    }
    return value;
  }

  /** The value of a cell through the pool, which sets `entry`. */
  private pooled(pool: TextPool, buf: Buffer, start: number, end: number): Read<CellValue> {
    const entry = pool.entry(buf, start, end);
    if (entry < 0) {
      const plain = this.numeric ? plainNumberBytes(buf, start, end) : undefined;
      return plain !== undefined ? plain : this.reader.fromText(buf.toString('utf8', start, end));
    }
    this.entry = entry;
    const known = this.values[entry];
    if (known !== undefined) return known;
    const value = this.reader.fromText(pool.strings[entry]);
    this.values[entry] = value;
    return value;
  }
}
