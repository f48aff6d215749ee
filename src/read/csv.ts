/**
 * CSV/TSV/TXT ledgers (SPEC §4.1, §4.3): the encoding (./csv-encoding.ts), delimiter
 * detection among , ; tab |, then a streamed
 * parse (./csv-tokenizer.ts) so memory does not grow with the file. Rows keep the line
 * number an editor shows.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { EXIT, KpiError } from '../errors.js';
import { raiseHint } from '../limits.js';
import { detectEncoding, firstNonUtf8, isUtf8Name, loadIconv, wholeUtf8 } from './csv-encoding.js';
import { CsvSyntaxError, CsvTokenizer, MAX_RECORD_BYTES } from './csv-tokenizer.js';
import { LineCounter } from './line-counter.js';
import type { RecordBatch } from './record-batch.js';
import type { RawTable } from './table.js';
import { readText } from '../messages/read.js';

export interface CsvOptions {
  /** Overrides detection, e.g. `gbk`, `utf-8`, `utf-16le`. */
  encoding?: string;
  /** Overrides detection: one character, or `tab`. */
  delimiter?: string;
  /** The largest record (row) read; larger stops the run (--limit line-bytes). */
  maxRecordBytes?: number;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];
const HEAD_BYTES = 64 * 1024;
/** Chunks small enough that a chunk's rows are typed and gone before the young
 *  generation fills up, so they are never copied by the garbage collector. */
const CHUNK_BYTES = 1 << 18;

/**
 * The first records of a text, split at line ends outside quotes: a quoted note over
 * several lines is one record, so its inner lines cannot vote for a delimiter.
 */
function headRecords(text: string, max: number): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && records.length < max; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      const record = text.slice(start, i);
      if (record.trim() !== '') records.push(record);
      start = i + 1;
    }
  }
  return records;
}

/** The delimiter that splits the first lines most consistently into more than one column. */
async function detectDelimiter(file: string, encoding: string, bomLength: number): Promise<string> {
  const handle = await open(file, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, bomLength);
    const bytes = buffer.subarray(0, bytesRead);
    text = isUtf8Name(encoding) ? bytes.toString('utf8') : (await loadIconv()).decode(bytes, encoding);
  } finally {
    await handle.close();
  }
  const lines = headRecords(text, 20);
  let best = ',';
  let bestScore = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    // Count outside quotes; score = columns of the most common count, times how common.
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n++;
      }
      return n;
    });
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    for (const [count, times] of frequency) {
      const score = times * 1000 + count;
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
  }
  return best;
}

function explicitDelimiter(value: string): string {
  if (value === 'tab' || value === '\\t') return '\t';
  if ([...value].length !== 1) throw new KpiError(readText.delimiter({ value }), EXIT.usage);
  return value;
}

/**
 * Bytes that do not decode in the file's encoding stop the read at their line: read as
 * U+FFFD they would garble names and values so that they match no one — never silently.
 */
interface DecodeCheck {
  /** For UTF-8 given with --encoding: checks each chunk (detected UTF-8 was validated
   *  already, as a whole, when it was detected). */
  strict: Utf8Check | null;
  /** Whether the encoding was detected (the hint differs). */
  detected: boolean;
  /** The line the text read so far has reached (decoded encodings only). */
  lines: LineCounter;
}

/**
 * UTF-8 checked a chunk at a time with `isUtf8` (native, no string made), a character cut
 * between two chunks checked once it is whole. Returns the file offset of the first byte
 * that is not UTF-8, or -1.
 */
class Utf8Check {
  /** The start of a character the previous chunk ended in the middle of. */
  private tail: Buffer = Buffer.alloc(0);

  check(bytes: Buffer, at: number): number {
    let from = 0;
    if (this.tail.length > 0) {
      const lead = this.tail[0];
      const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      from = Math.min(size - this.tail.length, bytes.length);
      const joined = Buffer.concat([this.tail, bytes.subarray(0, from)]);
      if (joined.length < size) {
        this.tail = joined;
        return -1;
      }
      if (!isUtf8(joined)) return at - this.tail.length;
    }
    const rest = bytes.subarray(from);
    const whole = wholeUtf8(rest);
    if (!isUtf8(rest.subarray(0, whole))) return at + from + firstNonUtf8(rest.subarray(0, whole));
    this.tail = Buffer.from(rest.subarray(whole));
    return -1;
  }

  /** At the end of the file: where a character left unfinished starts, or -1. */
  end(at: number): number {
    return this.tail.length > 0 ? at - this.tail.length : -1;
  }
}

/** The line of file offset `offset` (counted only when an error needs it). */
function lineAt(file: string, offset: number): number {
  const lines = new LineCounter();
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let position = 0; position < offset;) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, offset - position), position);
      if (read === 0) break;
      lines.feed(buffer, read);
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  return lines.line;
}

function undecodable(file: string, encoding: string, check: DecodeCheck, line: number): KpiError {
  return new KpiError(
    readText.undecodable({ file, line, encoding, detected: check.detected ? readText.notUtf8NorGbk() : '' }),
    EXIT.data,
    check.detected ? readText.passEncoding() : readText.tryEncoding(),
  );
}

/** The file's text as UTF-8 bytes, in chunks: as read for UTF-8 files, else decoded. */
async function* utf8Chunks(file: string, encoding: string, start: number, check: DecodeCheck): AsyncGenerator<Buffer> {
  const decoder = isUtf8Name(encoding) ? null : (await loadIconv()).getDecoder(encoding);
  // Read synchronously, into one buffer: the records of a chunk are typed before the next
  // read (the batch is done with when the generator resumes), and a read from the page
  // cache is a copy that takes less time than a trip through the event loop would.
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let position = start;
  try {
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const bytes = buffer.subarray(0, bytesRead);
      // Multi-byte characters split between chunks are the decoder's business.
      if (decoder) {
        const text = decoder.write(bytes);
        const bad = text.indexOf('\uFFFD');
        if (bad >= 0) throw undecodable(file, encoding, check, check.lines.feed(text, bad));
        check.lines.feed(text);
        yield Buffer.from(text, 'utf8');
      } else {
        const bad = check.strict ? check.strict.check(bytes, position - bytesRead) : -1;
        if (bad >= 0) throw undecodable(file, encoding, check, lineAt(file, bad));
        yield bytes;
      }
    }
    const unfinished = check.strict ? check.strict.end(position) : -1;
    if (unfinished >= 0) throw undecodable(file, encoding, check, lineAt(file, unfinished));
    const tail = decoder?.end();
    if (tail) {
      if (tail.includes('\uFFFD')) throw undecodable(file, encoding, check, check.lines.line);
      yield Buffer.from(tail, 'utf8');
    }
  } finally {
    closeSync(fd);
  }
}

/** The records, a chunk's worth at a time (thousands of rows per step, not one), in one
 *  batch that is filled again for each chunk. */
async function* parseRows(file: string, encoding: string, bomLength: number, delimiter: string, maxRecordBytes: number, check: DecodeCheck): AsyncGenerator<RecordBatch> {
  const tokenizer = new CsvTokenizer(delimiter, maxRecordBytes);
  const batch = tokenizer.newBatch();
  try {
    for await (const chunk of utf8Chunks(file, encoding, bomLength, check)) {
      tokenizer.pushRecords(chunk, batch);
      if (batch.count > 0) yield batch;
    }
    tokenizer.endRecords(batch);
    if (batch.count > 0) yield batch;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new KpiError(readText.unclosedQuote({ file, line: error.line }), EXIT.data, readText.unclosedQuoteHint());
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new KpiError(readText.csvLine({ file, line: error.line, message: error.message }), EXIT.data, readText.recordTooLong({ raise: raiseHint('lineBytes') }));
    }
    const said = error.code === 'INVALID_OPENING_QUOTE' ? readText.openingQuote : error.code === 'CSV_INVALID_CLOSING_QUOTE' ? readText.closingQuote : readText.csvLine;
    throw new KpiError(said({ file, line: error.line, message: error.message }), EXIT.data);
  }
}

/** Opens a text ledger as one table. */
export async function readCsv(file: string, options: CsvOptions = {}): Promise<RawTable> {
  let encoding: string;
  let bomLength: number;
  if (options.encoding) {
    if (!isUtf8Name(options.encoding) && !(await loadIconv()).encodingExists(options.encoding)) throw new KpiError(readText.unknownEncoding({ encoding: options.encoding }), EXIT.usage, readText.encodingsAre());
    encoding = options.encoding.toLowerCase();
    bomLength = 0;
  } else {
    ({ encoding, bomLength } = await detectEncoding(file));
  }
  const delimiter = options.delimiter
    ? explicitDelimiter(options.delimiter)
    : file.toLowerCase().endsWith('.tsv') ? '\t' : await detectDelimiter(file, encoding, bomLength);
  const check: DecodeCheck = { strict: options.encoding && isUtf8Name(encoding) ? new Utf8Check() : null, detected: !options.encoding, lines: new LineCounter() };
  return { file, sheet: null, batches: parseRows(file, encoding, bomLength, delimiter, options.maxRecordBytes ?? MAX_RECORD_BYTES, check) };
}
