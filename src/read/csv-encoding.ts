/**
 * What encoding a text ledger is in (SPEC §4.3): a BOM; else UTF-16 told by its NUL bytes;
 * else UTF-8 if the whole file is valid UTF-8; else GB18030, as Chinese Excel and WPS write
 * it. Files that are not text at all, and UTF-8 files with GBK lines pasted in, are refused
 * here, with what they are and the line where the encoding changes.
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { EXIT, KpiError } from '../errors.js';
import { LineCounter } from './line-counter.js';
import { readText } from '../messages/read.js';
import type { Text } from '../messages/text.js';

/** The UTF-8 check only reads: larger reads, fewer round trips. */
const CHECK_BYTES = 1 << 20;

type Iconv = typeof import('iconv-lite');
/** iconv-lite is loaded only for files that are not UTF-8: most never need it. */
export const loadIconv = async (): Promise<Iconv> => (await import('iconv-lite')).default;
export const isUtf8Name = (encoding: string): boolean => /^utf-?8$/i.test(encoding);

/** How much of `data` ends on a character boundary (the rest waits for the next chunk). */
export function wholeUtf8(data: Buffer): number {
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
  const notText = (what: Text, hint: Text) => new KpiError(readText.notText({ file, what }), EXIT.data, hint);
  if (starts([0x50, 0x4b, 0x03, 0x04])) throw notText(readText.zipFile(), readText.zipFileHint());
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) throw notText(readText.xlsFile(), readText.xlsFileHint());
  if (starts([0x25, 0x50, 0x44, 0x46])) throw notText(readText.pdfFile(), readText.pdfFileHint());
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  if (zeros > head.length / 10) throw notText(readText.binaryData(), readText.binaryDataHint());
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
export function firstNonUtf8(data: Buffer): number {
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
  const lines = new LineCounter();
  for (let position = 0; position < offset;) {
    const read = (await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position)).bytesRead;
    if (read === 0) break;
    for (let i = 0; i < read; i++) if (buffer[i] >= 0xc2 && buffer[i] <= 0xf4) characters++;
    lines.feed(buffer, read);
    position += read;
  }
  if (characters < MIXED_AFTER_CHARACTERS) return;
  throw new KpiError(
    readText.mixedEncodings({ file, line: lines.line }),
    EXIT.data,
    readText.mixedEncodingsHint(),
  );
}

/** Decides the encoding from the BOM, else from whether the whole file is valid UTF-8. */
export async function detectEncoding(file: string): Promise<{ encoding: string; bomLength: number }> {
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
