/**
 * The tokenizer's fast path (./csv-tokenizer.ts): plain records — they end with an LF and
 * hold no quote and no CR — read as cell bounds into a RecordBatch, a comparison or two per
 * byte. Nearly every record of a ledger is plain. Whatever is not (a quoted cell, a CR, a
 * record longer than the limit, the chunk's last, unfinished line) is left where it starts
 * for the tokenizer's general path, which reads it — or says why it cannot — with the same
 * rules and cells.
 */
import type { RecordBatch } from './record-batch.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Whether a delimiter of several bytes (`；`) starts at `at`: 1 yes, 0 no, -1 when the
 *  chunk ends on what may be its first bytes. An unquoted cell's scan need not ask
 *  (pass `final`): a record cut there is read again with the next chunk anyway. */
export function delimiterAt(buf: Buffer, at: number, delimiter: Uint8Array, final: boolean): number {
  for (let k = 1; k < delimiter.length; k++) {
    if (at + k >= buf.length) return final ? 0 : -1;
    if (buf[at + k] !== delimiter[k]) return 0;
  }
  return 1;
}

/**
 * Reads plain records from `pos` (the first on `line`) into `out` while they start before
 * `lastLf`, the chunk's last LF (so every scan meets a byte ≤ QUOTE in time and needs no
 * bounds check), and returns where the first one it did not read starts. Each record read
 * is one line.
 */
export function plainRecords(buf: Buffer, pos: number, lastLf: number, out: RecordBatch, delimiter: Uint8Array, line: number, maxRecordBytes: number): number {
  return delimiter.length === 1
    ? plainRecordsOneByte(buf, pos, lastLf, out, delimiter[0], line, maxRecordBytes)
    : plainRecordsSeveralBytes(buf, pos, lastLf, out, delimiter, line, maxRecordBytes);
}

/**
 * A delimiter of one byte (`,` `;` tab `|`): one loop for the run, everything in locals,
 * the bounds written straight into the batch. Nothing is left to do after the loop: this
 * long-running loop gets compiled while it runs, and code after it, which had not run
 * by then, would throw the compiled code away on first reaching it — once per chunk,
 * each time running slowly until compiled again (measured: ~20% of the tokenizer's time).
 */
function plainRecordsOneByte(buf: Buffer, pos: number, lastLf: number, out: RecordBatch, delimiter: number, line: number, maxRecordBytes: number): number {
  while (pos < lastLf) {
    const r = out.count;
    out.plain(line++);
    let bounds = out.bounds;
    const from = 2 * out.first[r];
    let at = from;
    let i = pos;
    let j = pos;
    for (;;) {
      const b = buf[j];
      if (b === delimiter) {
        if (at + 2 > bounds.length) bounds = out.roomForCells();
        bounds[at] = i;
        bounds[at + 1] = j;
        at += 2;
        i = ++j;
        continue;
      }
      if (b <= QUOTE) {
        if (b === LF) break;
        if (b === QUOTE || b === CR) {
          out.dropLast();
          return pos;
        }
      }
      j++;
    }
    if (j + 1 - pos > maxRecordBytes) {
      out.dropLast();
      return pos;
    }
    if (at + 2 > bounds.length) bounds = out.roomForCells();
    bounds[at] = i;
    bounds[at + 1] = j;
    out.cellsWritten(r, (at + 2 - from) >> 1);
    pos = j + 1;
  }
  return pos;
}

/** A delimiter of several bytes (`；`, `||`): the same, a cell at a time. */
function plainRecordsSeveralBytes(buf: Buffer, pos: number, lastLf: number, out: RecordBatch, delimiter: Uint8Array, line: number, maxRecordBytes: number): number {
  const first = delimiter[0];
  const size = delimiter.length;
  while (pos < lastLf) {
    out.plain(line++);
    let i = pos;
    let j = pos;
    for (;;) {
      const b = buf[j];
      if (b === first && delimiterAt(buf, j, delimiter, true) > 0) {
        out.cell(i, j);
        i = j += size;
        continue;
      }
      if (b <= QUOTE) {
        if (b === LF) break;
        if (b === QUOTE || b === CR) {
          out.dropLast();
          return pos;
        }
      }
      j++;
    }
    if (j + 1 - pos > maxRecordBytes) {
      out.dropLast();
      return pos;
    }
    out.cell(i, j);
    pos = j + 1;
  }
  return pos;
}
