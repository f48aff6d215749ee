/**
 * CSV/TSV/TXT ledgers (SPEC §4.1, §4.3): encoding (BOM, strict UTF-8, else GB18030 as
 * Chinese Excel and WPS write it), delimiter detection among , ; tab |, then a streamed
 * parse (./csv-tokenizer.ts) so memory does not grow with the file. Rows keep the line
 * number an editor shows.
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { EXIT, KpiError } from '../errors.js';
import { raiseHint } from '../limits.js';
import { CsvSyntaxError, CsvTokenizer, MAX_RECORD_BYTES } from './csv-tokenizer.js';
import type { RawRow, RawTable } from './table.js';

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
const CHUNK_BYTES = 1 << 16;
/** The UTF-8 check only reads: larger reads, fewer round trips. */
const CHECK_BYTES = 1 << 20;

type Iconv = typeof import('iconv-lite');
/** iconv-lite is loaded only for files that are not UTF-8: most never need it. */
const loadIconv = async (): Promise<Iconv> => (await import('iconv-lite')).default;
const isUtf8Name = (encoding: string): boolean => /^utf-?8$/i.test(encoding);

/** How much of `data` ends on a character boundary (the rest waits for the next chunk). */
function wholeUtf8(data: Buffer): number {
  let k = data.length - 1;
  while (k >= 0 && data.length - k <= 3 && (data[k] & 0xc0) === 0x80) k--;
  if (k < 0) return data.length;
  const lead = data[k];
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return k + size > data.length ? k : data.length;
}

/** Bytes looked at to tell a text file from a binary one and UTF-16 without a BOM. */
const SNIFF_BYTES = 8 * 1024;
/** UTF-8 characters above ASCII that must come before the first non-UTF-8 byte for a file
 *  to count as mixing encodings: a GBK file's Chinese text is valid UTF-8 by chance for a
 *  character or two, almost never for four in a row. */
const MIXED_AFTER_CHARACTERS = 4;

/** Refuses files that are not text at all, naming what they are where the bytes say so. */
function refuseBinary(file: string, head: Buffer): void {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const notText = (what: string, hint: string) => new KpiError(`${file} is not a text file but ${what}`, EXIT.data, hint);
  if (starts([0x50, 0x4b, 0x03, 0x04])) throw notText('a zip file (an Excel workbook renamed .csv?)', 'rename it to .xlsx, or export the ledger again as CSV (UTF-8)');
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) throw notText('an old .xls workbook or a password-protected one', 'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8)');
  if (starts([0x25, 0x50, 0x44, 0x46])) throw notText('a PDF document', 'export the ledger as CSV (UTF-8) or .xlsx');
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  if (zeros > head.length / 10) throw notText('binary data (an image, archive or program?)', 'check the file name; export the ledger as CSV (UTF-8) or .xlsx');
}

/** UTF-16 without a BOM (some exporters): ASCII text then has a NUL in every other byte. */
function utf16WithoutBom(head: Buffer): string | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Where the first byte that is not UTF-8 is (data known not to be valid UTF-8). */
function firstNonUtf8(data: Buffer): number {
  for (let i = 0; i < data.length;) {
    const b = data[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || !isUtf8(data.subarray(i, i + size))) return i;
    i += size;
  }
  return data.length;
}

/**
 * A file whose first non-UTF-8 byte comes after UTF-8 Chinese text mixes two encodings
 * (rows pasted from a GBK export into a UTF-8 file, or the reverse): read as either, some
 * names come out garbled and match no one, so it is refused at the line where it changes.
 */
async function refuseMixed(file: string, handle: FileHandle, offset: number): Promise<void> {
  const buffer = Buffer.alloc(Math.min(offset + 1, CHECK_BYTES));
  let characters = 0;
  let line = 1;
  let lastCr = false;
  for (let position = 0; position < offset;) {
    const read = (await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position)).bytesRead;
    if (read === 0) break;
    for (let i = 0; i < read; i++) {
      const b = buffer[i];
      if (b >= 0xc2 && b <= 0xf4) characters++;
      else if (b === 0x0d || (b === 0x0a && !lastCr)) line++;
      lastCr = b === 0x0d;
    }
    position += read;
  }
  if (characters < MIXED_AFTER_CHARACTERS) return;
  throw new KpiError(
    `${file} line ${line}: this line is not UTF-8, but the lines above it are: the file mixes two encodings (rows pasted in from a GBK or ANSI export?)`,
    EXIT.data,
    'open it in a text editor, fix the garbled lines and save it as UTF-8; or export the ledger again as one CSV',
  );
}

/** Decides the encoding from the BOM, else from whether the whole file is valid UTF-8. */
async function detectEncoding(file: string): Promise<{ encoding: string; bomLength: number }> {
  const handle = await open(file, 'r');
  try {
    const sniffed = Buffer.alloc(SNIFF_BYTES);
    const head = sniffed.subarray(0, (await handle.read(sniffed, 0, SNIFF_BYTES, 0)).bytesRead);
    if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
    if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
    if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
    const utf16 = utf16WithoutBom(head);
    if (utf16) return { encoding: utf16, bomLength: 0 };
    refuseBinary(file, head);
    // One buffer for the whole file: a character cut by the end of a read (at most 3
    // bytes) moves to its front and the next read lands after it. (A new 1 MiB buffer per
    // read, freed by the garbage collector but kept by malloc, made peak memory grow with
    // the file: 119 → 140 MB from 1,000,000 to 3,000,000 rows; now 113 → 114 MB.)
    const buffer = Buffer.allocUnsafe(CHECK_BYTES + 4);
    let carried = 0;
    for (let position = 0; ;) {
      const { bytesRead: read } = await handle.read(buffer, carried, CHECK_BYTES, position);
      if (read === 0) break;
      const start = position - carried;
      position += read;
      const data = buffer.subarray(0, carried + read);
      const whole = wholeUtf8(data);
      if (!isUtf8(data.subarray(0, whole))) {
        await refuseMixed(file, handle, start + firstNonUtf8(data.subarray(0, whole)));
        return { encoding: 'gb18030', bomLength: 0 };
      }
      buffer.copyWithin(0, whole, data.length);
      carried = data.length - whole;
    }
    return { encoding: carried ? 'gb18030' : 'utf-8', bomLength: 0 };
  } finally {
    await handle.close();
  }
}

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
  if ([...value].length !== 1) throw new KpiError(`--delimiter must be one character or "tab", not "${value}"`, EXIT.usage);
  return value;
}

/**
 * Bytes that do not decode in the file's encoding stop the read at their line: read as
 * U+FFFD they would garble names and values so that they match no one — never silently.
 */
interface DecodeCheck {
  /** For UTF-8 given with --encoding: a strict decoder (detected UTF-8 was validated already). */
  strict: TextDecoder | null;
  /** Whether the encoding was detected (the hint differs). */
  detected: boolean;
  /** Line breaks in the text before the current chunk. */
  lines: number;
}

function countLines(text: Buffer | string, end = text.length): number {
  let lines = 0;
  for (let i = 0; i < end; i++) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : text[i];
    if (c === 0x0a) lines++;
    else if (c === 0x0d && (i + 1 >= text.length || (typeof text === 'string' ? text.charCodeAt(i + 1) : text[i + 1]) !== 0x0a)) lines++;
  }
  return lines;
}

function undecodable(file: string, encoding: string, check: DecodeCheck, line: number): KpiError {
  return new KpiError(
    `${file} line ${line}: bytes that are not valid ${encoding}${check.detected ? ' (the file is not UTF-8, and not GBK/GB18030 either)' : ''}; read anyway, names and values would be garbled`,
    EXIT.data,
    check.detected
      ? 'pass the file\'s encoding, e.g. --encoding big5 or --encoding windows-1252, or save it again as CSV UTF-8'
      : 'is the file in another encoding? try --encoding gbk, utf-8 or utf-16le, or save it again as CSV UTF-8',
  );
}

/** The file's text as UTF-8 bytes, in chunks: as read for UTF-8 files, else decoded. */
async function* utf8Chunks(file: string, encoding: string, start: number, check: DecodeCheck): AsyncGenerator<Buffer> {
  const decoder = isUtf8Name(encoding) ? null : (await loadIconv()).getDecoder(encoding);
  const handle = await open(file, 'r');
  // Two buffers: the next chunk is read while the rows of this one are typed.
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let position = start;
  let reading = handle.read(buffers[0], 0, CHUNK_BYTES, position);
  try {
    for (let turn = 0; ; turn ^= 1) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      position += bytesRead;
      reading = handle.read(buffers[turn ^ 1], 0, CHUNK_BYTES, position);
      const bytes = buffers[turn].subarray(0, bytesRead);
      // Multi-byte characters split between chunks are the decoder's business.
      if (decoder) {
        const text = decoder.write(bytes);
        const bad = text.indexOf('\uFFFD');
        if (bad >= 0) throw undecodable(file, encoding, check, check.lines + countLines(text, bad) + 1);
        check.lines += countLines(text);
        yield Buffer.from(text, 'utf8');
      } else {
        if (check.strict) {
          try {
            check.strict.decode(bytes, { stream: true });
          } catch {
            throw undecodable(file, encoding, check, check.lines + countLines(bytes, firstNonUtf8(bytes)) + 1);
          }
          check.lines += countLines(bytes);
        }
        yield bytes;
      }
    }
    const tail = decoder?.end();
    if (tail) {
      if (tail.includes('\uFFFD')) throw undecodable(file, encoding, check, check.lines + 1);
      yield Buffer.from(tail, 'utf8');
    }
  } finally {
    await reading.catch(() => undefined);
    await handle.close();
  }
}

/** The rows, a chunk's worth at a time (thousands of rows per step, not one). */
async function* parseRows(file: string, encoding: string, bomLength: number, delimiter: string, maxRecordBytes: number, check: DecodeCheck): AsyncGenerator<RawRow[]> {
  const tokenizer = new CsvTokenizer(delimiter, maxRecordBytes);
  try {
    for await (const chunk of utf8Chunks(file, encoding, bomLength, check)) {
      const rows: RawRow[] = [];
      tokenizer.push(chunk, rows);
      if (rows.length > 0) yield rows;
    }
    const rows: RawRow[] = [];
    tokenizer.end(rows);
    if (rows.length > 0) yield rows;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new KpiError(`${file} line ${error.line}: a quote (") opened here is never closed, so the rest of the file cannot be read`, EXIT.data, 'close the quote, or remove the stray " from the cell');
    }
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new KpiError(`${file} line ${error.line}: ${error.message}`, EXIT.data, `a quote left open gathers the lines after it into one record: close it; ${raiseHint('lineBytes')}`);
    }
    throw new KpiError(`${file} line ${error.line}: ${error.message}`, EXIT.data);
  }
}

/** Opens a text ledger as one table. */
export async function readCsv(file: string, options: CsvOptions = {}): Promise<RawTable> {
  let encoding: string;
  let bomLength: number;
  if (options.encoding) {
    if (!isUtf8Name(options.encoding) && !(await loadIconv()).encodingExists(options.encoding)) throw new KpiError(`unknown encoding "${options.encoding}"`, EXIT.usage, 'use utf-8, gbk, gb18030, utf-16le or utf-16be');
    encoding = options.encoding.toLowerCase();
    bomLength = 0;
  } else {
    ({ encoding, bomLength } = await detectEncoding(file));
  }
  const delimiter = options.delimiter
    ? explicitDelimiter(options.delimiter)
    : file.toLowerCase().endsWith('.tsv') ? '\t' : await detectDelimiter(file, encoding, bomLength);
  const check: DecodeCheck = { strict: options.encoding && isUtf8Name(encoding) ? new TextDecoder('utf-8', { fatal: true }) : null, detected: !options.encoding, lines: 0 };
  return { file, sheet: null, batches: parseRows(file, encoding, bomLength, delimiter, options.maxRecordBytes ?? MAX_RECORD_BYTES, check) };
}
