/**
 * CSV/TSV/TXT ledgers (SPEC §4.1, §4.3): encoding (BOM, strict UTF-8, else GB18030 as
 * Chinese Excel and WPS write it), delimiter detection among , ; tab |, then a streamed
 * parse so memory does not grow with the file. Rows keep the line number an editor shows.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { EXIT, KpiError } from '../errors.js';
import type { RawRow, RawTable } from './table.js';

export interface CsvOptions {
  /** Overrides detection, e.g. `gbk`, `utf-8`, `utf-16le`. */
  encoding?: string;
  /** Overrides detection: one character, or `tab`. */
  delimiter?: string;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];
const HEAD_BYTES = 64 * 1024;

/** Decides the encoding from the BOM, else from whether the whole file is valid UTF-8. */
async function detectEncoding(file: string): Promise<{ encoding: string; bomLength: number }> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
    if (bytesRead >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
    if (bytesRead >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  } finally {
    await handle.close();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

/** The delimiter that splits the first lines most consistently into more than one column. */
async function detectDelimiter(file: string, encoding: string, bomLength: number): Promise<string> {
  const handle = await open(file, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, bomLength);
    text = iconv.decode(buffer.subarray(0, bytesRead), encoding);
  } finally {
    await handle.close();
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
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

async function* parseRows(file: string, encoding: string, bomLength: number, delimiter: string): AsyncGenerator<RawRow> {
  const input = createReadStream(file, { start: bomLength });
  const text = encoding === 'utf-8' ? input.setEncoding('utf8') : input.pipe(iconv.decodeStream(encoding));
  const parser = text.pipe(parse({
    delimiter, bom: false, relax_column_count: true, skip_empty_lines: false, info: true,
    max_record_size: 1 << 20,
  }));
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // Blank lines are records too (skip_empty_lines is off), so each record starts on the
      // line after the previous one ended; info.lines is the line it ends on.
      const start = previousEnd + 1;
      previousEnd = Math.max(info.lines, start);
      yield { row: start, cells: record };
    }
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new KpiError(`${file} line ${previousEnd + 1}: a quote (") opened here is never closed, so the rest of the file cannot be read`, EXIT.data, 'close the quote, or remove the stray " from the cell');
    }
    if (e.code?.startsWith('CSV_')) throw new KpiError(`${file} line ${e.lines ?? previousEnd + 1}: ${e.message}`, EXIT.data);
    throw error;
  }
}

/** Opens a text ledger as one table. */
export async function readCsv(file: string, options: CsvOptions = {}): Promise<RawTable> {
  let encoding: string;
  let bomLength: number;
  if (options.encoding) {
    if (!iconv.encodingExists(options.encoding)) throw new KpiError(`unknown encoding "${options.encoding}"`, EXIT.usage, 'use utf-8, gbk, gb18030, utf-16le or utf-16be');
    encoding = options.encoding.toLowerCase();
    bomLength = 0;
  } else {
    ({ encoding, bomLength } = await detectEncoding(file));
  }
  const delimiter = options.delimiter
    ? explicitDelimiter(options.delimiter)
    : file.toLowerCase().endsWith('.tsv') ? '\t' : await detectDelimiter(file, encoding, bomLength);
  return { file, sheet: null, rows: parseRows(file, encoding, bomLength, delimiter) };
}
