/**
 * CSV records from UTF-8 bytes, each with the line an editor shows it on. It keeps the
 * rules kpi read CSV by when csv-parse did the reading (RFC 4180 quoting, `""` inside
 * quotes, ragged rows allowed, blank lines kept as records, a 1 MiB limit per record) and
 * its error codes and messages — with one exception: outside quotes every line break ends
 * a record, LF, CRLF or a lone CR alike, as Python's csv module and editors read them.
 * csv-parse fixes the record delimiter by the first line break and reads the others as
 * cell text, so a stray CR in a LF file (a Mac paste) silently glued two rows together.
 *
 * Why our own: csv-parse with `info: true`, which kpi needs for line numbers, took ~10 s
 * just to count the rows of the 1,000,000-row benchmark ledger (~5 s without `info`, so
 * without line numbers). The fast parsers measured on the same file (d3-dsv, uDSV ~0.8 s;
 * papaparse ~1.4 s streaming) report no line numbers, and d3-dsv and uDSV silently read
 * a stray quote as data — an unclosed quote swallows the rest of the file into one cell,
 * `"x"z` gives wrong cells — where kpi must stop and say which line (RELIABILITY §4.2).
 * Scanning bytes rather than decoded text also lets repeated cell texts be read without
 * decoding or allocating anything (./text-pool.ts); plain records, nearly all of them, are
 * read by the fast path in ./csv-plain.ts. Measured in bench/run.js.
 */
import { delimiterAt, plainRecords } from './csv-plain.js';
import { RecordBatch } from './record-batch.js';
import type { RawCell, RawRow } from './table.js';
import { TextPool } from './text-pool.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** A record larger than this is an error (by default; --limit line-bytes): a stray quote
 *  would otherwise gather the rest of the file into one cell, in memory. */
export const MAX_RECORD_BYTES = 1 << 20;

/** Malformed CSV; `line` is the line (1-based, of the decoded text) where it was found. */
export class CsvSyntaxError extends Error {
  constructor(readonly code: string, message: string, readonly line: number) {
    super(message);
  }
}

export class CsvTokenizer {
  private readonly delimiter: Uint8Array;
  private readonly first: number;
  private readonly pool = new TextPool();
  /** The start of a record not yet complete, copied from the previous chunk. */
  private carry: Buffer | null = null;
  /** The line the next record starts on. */
  private line = 1;

  constructor(delimiter: string, private readonly maxRecordBytes = MAX_RECORD_BYTES) {
    this.delimiter = Buffer.from(delimiter, 'utf8');
    this.first = this.delimiter[0];
  }

  /** A batch for `pushRecords` and `endRecords`, whose strings come from this pool. */
  newBatch(): RecordBatch {
    return new RecordBatch(this.pool);
  }

  /** Reads the complete records of the text so far into `batch` (emptied first). */
  pushRecords(chunk: Buffer, batch: RecordBatch): void {
    let buf = chunk;
    let from = 0;
    batch.reset(chunk);
    if (this.carry) {
      // The record cut between two chunks is completed with the new chunk up to its first
      // LF, and handed on as a row of strings: the chunk itself is read where it lies,
      // not copied after the carry. Only a record still open there (a quoted cell over
      // lines) has the whole chunk joined to it.
      from = this.stitch(chunk, batch);
      if (from === 0) {
        buf = Buffer.concat([this.carry, chunk]);
        batch.reset(buf);
      }
    }
    const used = this.records(buf, false, batch, from);
    this.carry = used < buf.length ? Buffer.from(buf.subarray(used)) : null;
    if (this.carry && this.carry.length > this.maxRecordBytes) throw tooLarge(this.line, this.maxRecordBytes);
  }

  /** Reads the carry and `chunk` up to its first LF into `batch`, as rows of strings, and
   *  returns where in `chunk` reading goes on; 0 when that did not end a record. */
  private stitch(chunk: Buffer, batch: RecordBatch): number {
    const lf = chunk.indexOf(LF);
    if (lf < 0) return 0;
    const joined = Buffer.concat([this.carry!, chunk.subarray(0, lf + 1)]);
    const records = this.newBatch();
    records.reset(joined);
    const line = this.line;
    if (this.records(joined, false, records, 0) < joined.length) {
      this.line = line;
      return 0;
    }
    for (let r = 0; r < records.count; r++) batch.general(records.row(r));
    return lf + 1;
  }

  /** Reads the last record into `batch` (emptied first), once the input has ended. */
  endRecords(batch: RecordBatch): void {
    const buf = this.carry ?? Buffer.alloc(0);
    batch.reset(buf);
    this.records(buf, true, batch, 0);
    this.carry = null;
  }

  /** `pushRecords`, as rows of strings appended to `out`. */
  push(chunk: Buffer, out: RawRow[]): void {
    const batch = this.newBatch();
    this.pushRecords(chunk, batch);
    for (let r = 0; r < batch.count; r++) out.push(batch.row(r));
  }

  /** `endRecords`, as rows of strings appended to `out`. */
  end(out: RawRow[]): void {
    const batch = this.newBatch();
    this.endRecords(batch);
    for (let r = 0; r < batch.count; r++) out.push(batch.row(r));
  }

  /**
   * Appends the records that end inside `buf` (all of them when `final`) and returns
   * where the first incomplete one starts. A record is re-read from its start when it
   * ends in the next chunk: records are small, so that costs little and keeps one path.
   */
  private records(buf: Buffer, final: boolean, out: RecordBatch, start = 0): number {
    const n = buf.length;
    const first = this.first;
    const single = this.delimiter.length === 1;
    // Past the last LF of the chunk no record can be read by the fast path: a scan that
    // starts before it meets a byte <= QUOTE by then, so its loop needs no bounds check.
    const lastLf = buf.lastIndexOf(LF);
    let pos = start;
    while (pos < n) {
      if (pos < lastLf) {
        // Each plain record is one line. A record the run stops at is read below.
        const before = out.count;
        pos = plainRecords(buf, pos, lastLf, out, this.delimiter, this.line, this.maxRecordBytes);
        this.line += out.count - before;
        if (pos >= n) break;
      }
      const cells: RawCell[] = [];
      let breaks = 0; // line breaks inside the record's cells
      let i = pos; // where the current cell starts
      let next: number; // where the next record starts
      for (;;) {
        let j = i;
        let value: string;
        if (j < n && buf[j] === QUOTE) {
          let escaped = false;
          for (j++; ; j++) {
            if (j >= n) {
              if (!final) return pos;
              throw new CsvSyntaxError('CSV_QUOTE_NOT_CLOSED', `Quote Not Closed: the parsing is finished with an opening quote at line ${this.line + breaks}`, this.line);
            }
            const b = buf[j];
            if (b === QUOTE) {
              if (j + 1 >= n && !final) return pos;
              if (buf[j + 1] !== QUOTE) break;
              escaped = true;
              j++;
              continue;
            }
            if (b === LF) breaks++;
            else if (b === CR) {
              if (j + 1 >= n && !final) return pos;
              if (buf[j + 1] !== LF) breaks++;
            }
          }
          value = escaped ? buf.toString('utf8', i + 1, j).replaceAll('""', '"') : this.pool.text(buf, i + 1, j);
          j++; // past the closing quote
          if (j >= n) {
            if (!final) return pos;
            cells.push(value);
            next = n;
            break;
          }
          const b = buf[j];
          const delimited = b !== first ? 0 : single ? 1 : delimiterAt(buf, j, this.delimiter, final);
          if (delimited < 0) return pos;
          if (delimited > 0) {
            cells.push(value);
            i = j + this.delimiter.length;
            continue;
          }
          const ends = b === LF || b === CR ? this.recordEnd(buf, j, final) : 0;
          if (ends < 0) return pos;
          if (ends === 0) {
            throw new CsvSyntaxError('CSV_INVALID_CLOSING_QUOTE', `Invalid Closing Quote: got "${String.fromCharCode(b)}" at line ${this.line + breaks} instead of delimiter, record delimiter, trimable character (if activated) or comment`, this.line + breaks);
          }
          cells.push(value);
          next = j + ends;
          break;
        }
        let ends = 0;
        for (; j < n; j++) {
          const b = buf[j];
          if (b === first && (single || delimiterAt(buf, j, this.delimiter, true) > 0)) break;
          if (b === LF || b === CR) {
            ends = this.recordEnd(buf, j, final);
            if (ends < 0) return pos;
            break;
          } else if (b === QUOTE) {
            throw new CsvSyntaxError('INVALID_OPENING_QUOTE', `Invalid Opening Quote: a quote is found on field ${cells.length} at line ${this.line + breaks}, value is ${JSON.stringify(buf.toString('utf8', i, j))}`, this.line + breaks);
          }
        }
        if (j >= n && !final) return pos;
        value = this.pool.text(buf, i, j);
        cells.push(value);
        if (ends === 0 && j < n) {
          i = j + this.delimiter.length;
          continue;
        }
        next = j + ends;
        break;
      }
      if (next - pos > this.maxRecordBytes) throw tooLarge(this.line, this.maxRecordBytes);
      out.general({ row: this.line, cells });
      this.line += breaks + 1;
      pos = next;
    }
    return pos;
  }

  /** The length of the record delimiter at `at` (a CR or LF): 1 for LF or a lone CR, 2
   *  for CRLF, -1 when the next byte is needed to tell. */
  private recordEnd(buf: Buffer, at: number, final: boolean): number {
    if (buf[at] === LF) return 1;
    if (at + 1 >= buf.length) return final ? 1 : -1;
    return buf[at + 1] === LF ? 2 : 1;
  }
}

function tooLarge(line: number, limit: number): CsvSyntaxError {
  return new CsvSyntaxError('CSV_MAX_RECORD_SIZE', `Max Record Size: record exceed the maximum number of tolerated bytes of ${limit} at line ${line}`, line);
}
