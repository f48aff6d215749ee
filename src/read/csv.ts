/**
 * CSV/TSV/TXT ledgers (SPEC §4.1, §4.3): encoding (BOM, strict UTF-8, else GB18030 as
 * Chinese Excel and WPS write it), delimiter detection among , ; tab |, then a streamed
 * parse (./csv-tokenizer.ts) so memory does not grow with the file. Rows keep the line
 * number an editor shows.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { EXIT, KpiError } from '../errors.js';
import { CsvSyntaxError, CsvTokenizer } from './csv-tokenizer.js';
import type { RawRow, RawTable } from './table.js';

export interface CsvOptions {
  /** Overrides detection, e.g. `gbk`, `utf-8`, `utf-16le`. */
  encoding?: string;
  /** Overrides detection: one character, or `tab`. */
  delimiter?: string;
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

/** Decides the encoding from the BOM, else from whether the whole file is valid UTF-8. */
async function detectEncoding(file: string): Promise<{ encoding: string; bomLength: number }> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
    const buffer = Buffer.allocUnsafe(CHECK_BYTES);
    let carry = Buffer.alloc(0);
    for (let position = 0; ;) {
      const { bytesRead: read } = await handle.read(buffer, 0, CHECK_BYTES, position);
      if (read === 0) break;
      position += read;
      const data = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const whole = wholeUtf8(data);
      if (!isUtf8(data.subarray(0, whole))) return { encoding: 'gb18030', bomLength: 0 };
      carry = Buffer.from(data.subarray(whole));
    }
    return { encoding: carry.length ? 'gb18030' : 'utf-8', bomLength: 0 };
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

/** Notes bytes that did not decode (U+FFFD), so a wrong encoding does not pass unseen. */
interface DecodeCheck {
  /** For UTF-8 read as is: a strict decoder (detected UTF-8 was validated already). */
  strict: TextDecoder | null;
  bad: boolean;
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
        if (!check.bad && text.includes('\uFFFD')) check.bad = true;
        yield Buffer.from(text, 'utf8');
      } else {
        if (check.strict && !check.bad) {
          try {
            check.strict.decode(bytes, { stream: true });
          } catch {
            check.bad = true;
          }
        }
        yield bytes;
      }
    }
    const tail = decoder?.end();
    if (tail) yield Buffer.from(tail, 'utf8');
  } finally {
    await reading.catch(() => undefined);
    await handle.close();
  }
}

/** The rows, a chunk's worth at a time (thousands of rows per step, not one). */
async function* parseRows(file: string, encoding: string, bomLength: number, delimiter: string, check: DecodeCheck, warnings: string[]): AsyncGenerator<RawRow[]> {
  const tokenizer = new CsvTokenizer(delimiter);
  try {
    for await (const chunk of utf8Chunks(file, encoding, bomLength, check)) {
      const rows: RawRow[] = [];
      tokenizer.push(chunk, rows);
      if (rows.length > 0) yield rows;
    }
    const rows: RawRow[] = [];
    tokenizer.end(rows);
    if (rows.length > 0) yield rows;
    if (check.bad) {
      warnings.push(`${file}: some bytes are not valid ${encoding} and read as "\uFFFD"; names and values may be garbled — is the file in another encoding? (try --encoding gbk, utf-8 or utf-16le, or save it again as CSV UTF-8)`);
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new KpiError(`${file} line ${error.line}: a quote (") opened here is never closed, so the rest of the file cannot be read`, EXIT.data, 'close the quote, or remove the stray " from the cell');
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
  const check: DecodeCheck = { strict: options.encoding && isUtf8Name(encoding) ? new TextDecoder('utf-8', { fatal: true }) : null, bad: false };
  const warnings: string[] = [];
  return { file, sheet: null, batches: parseRows(file, encoding, bomLength, delimiter, check, warnings), warnings };
}
