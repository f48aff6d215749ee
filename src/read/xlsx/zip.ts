/**
 * The zip container of an .xlsx: recognising what is not a workbook at all (a PDF, an
 * encrypted workbook or an .xls under the .xlsx name), refusing zips built to exhaust
 * memory before anything is inflated (RELIABILITY §2.2), and streaming one part's bytes.
 *
 * yauzl reads the central directory (random access, so part order in the zip does not
 * matter and sizes are known before inflating); inflating is done here with node:zlib
 * and a larger chunk than yauzl's default, which measured ~2× faster on big sheets, and
 * with our own byte count, so a part can never inflate past the size its header declares.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import * as zlib from 'node:zlib';
import { EXIT, KpiError } from '../../errors.js';
import { DEFAULT_LIMITS, raiseHint, type Limits } from '../../limits.js';
import { xlsxText } from '../../messages/read.js';
import { joinText, type Text } from '../../messages/text.js';

// The limits (src/limits.ts, raised with --limit): a workbook has a few dozen parts (a
// 100-sheet one ~250), so tens of thousands of entries is not a ledger, and listing them
// costs memory before anything useful happens (zip-entries). Sheets are streamed, so their
// inflated size is about time and disk-sized bombs, not memory (unzipped-bytes); parts held
// whole in memory once parsed (shared strings, styles, workbook, relationships) get an
// eighth of it: 256 MiB of shared-string XML is ~5 million distinct texts. Sheet XML
// compresses 5–20:1 (a 200,000-row ledger: 6.5:1); a part that claims more than 200:1 is a
// zip bomb, not a ledger (compression-ratio).
const HELD_PART_SHARE = 8;

/** The ratio is only judged from this size on: small parts cannot hurt whatever their ratio,
 *  and a few repetitive kilobytes compress far better than a real sheet. */
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** Output chunk of the inflater: 64 KiB halves the time of zlib's 16 KiB default. */
const INFLATE_CHUNK = 64 * 1024;

export const SAVE_AS_XLSX = xlsxText.saveAsXlsx();

const damaged = (file: string, why: string | Text): KpiError =>
  new KpiError(xlsxText.damaged({ where: file, why }), EXIT.data, xlsxText.saveAgain());

/** Names the format from the first bytes, for files that are not a zip at all. */
function notAZip(file: string, head: Buffer): KpiError {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return new KpiError(
      xlsxText.passwordOrXls({ file }),
      EXIT.data,
      xlsxText.removePasswordOr({ then: SAVE_AS_XLSX }),
    );
  }
  const text = head.toString('latin1');
  const kind = text.startsWith('%PDF') ? xlsxText.isPdf : /^\s*</.test(text) ? xlsxText.isWebPage : xlsxText.notWorkbook;
  return new KpiError(kind({ file }), EXIT.data, SAVE_AS_XLSX);
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

/** An opened .xlsx package: its entries by (case-insensitive) part name. */
export class XlsxPackage {
  private constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly limits: Limits,
  ) {}

  static async open(file: string, limits: Limits = DEFAULT_LIMITS): Promise<XlsxPackage> {
    const handle = await open(file, 'r');
    const head = Buffer.alloc(8);
    try {
      await handle.read(head, 0, 8, 0);
    } finally {
      await handle.close();
    }
    if (head[0] !== 0x50 || head[1] !== 0x4b) throw notAZip(file, head);
    let zip: ZipFile;
    try {
      zip = await openZip(file);
    } catch (error) {
      throw damaged(file, xlsxText.notAZip({ why: (error as Error).message }));
    }
    if (zip.entryCount > limits.zipEntries) {
      zip.close();
      throw new KpiError(
        xlsxText.tooManyEntries({ file, count: zip.entryCount, limit: limits.zipEntries }),
        EXIT.data,
        joinText([SAVE_AS_XLSX, raiseHint('zipEntries', zip.entryCount)], '; '),
      );
    }
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          entries.set(entry.fileName.toLowerCase(), entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw damaged(file, (error as Error).message);
    }
    return new XlsxPackage(file, zip, entries, limits);
  }

  /** The entry of a part, by its name in the package (`xl/workbook.xml`); OPC part names
   *  are case-insensitive, and producers differ in case. */
  part(name: string): Entry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** Refuses, before any inflating, a part that is encrypted, too large or a bomb. */
  check(entry: Entry, held: boolean): void {
    const where = `${this.file}: ${entry.fileName}`;
    if (entry.isEncrypted()) {
      throw new KpiError(xlsxText.passwordProtected({ file: this.file }), EXIT.data, xlsxText.removePassword({ then: SAVE_AS_XLSX }));
    }
    const { unzippedBytes, compressionRatio } = this.limits;
    const limit = held ? Math.floor(unzippedBytes / HELD_PART_SHARE) : unzippedBytes;
    if (entry.uncompressedSize > limit) {
      throw new KpiError(
        xlsxText.inflatesTo({ where, size: mib(entry.uncompressedSize), limit: mib(limit) }),
        EXIT.data,
        xlsxText.splitWorkbook({ raise: raiseHint('unzippedBytes', held ? entry.uncompressedSize * HELD_PART_SHARE : entry.uncompressedSize) }),
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= RATIO_CHECKED_FROM_BYTES && ratio > compressionRatio) {
      throw new KpiError(
        xlsxText.zipBomb({ where, ratio: Math.round(ratio), limit: compressionRatio }),
        EXIT.data,
        joinText([SAVE_AS_XLSX, raiseHint('compressionRatio', ratio)], '; '),
      );
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new KpiError(xlsxText.compressionMethod({ where, method: entry.compressionMethod }), EXIT.data, SAVE_AS_XLSX);
    }
  }

  /** The inflated bytes of a part, checked against the size and checksum its header
   *  declares (a flipped bit in a sheet would otherwise be read as a different number). */
  async *bytes(entry: Entry): AsyncGenerator<Buffer> {
    let total = 0;
    let crc = 0;
    try {
      const raw = await new Promise<Readable>((resolve, reject) => {
        this.zip.openReadStream(entry, { decodeFileData: false }, (error, stream) => (error ? reject(error) : resolve(stream)));
      });
      const stream: Readable = entry.compressionMethod === 8
        ? pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK }), () => {})
        : raw;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.uncompressedSize) throw damaged(this.file, xlsxText.largerThanHeader({ part: entry.fileName }));
        if (crc32) crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof KpiError) throw error;
      throw damaged(this.file, `${entry.fileName}: ${(error as Error).message}`);
    }
    if (total !== entry.uncompressedSize) throw damaged(this.file, xlsxText.shorterThanHeader({ part: entry.fileName }));
    if (crc32 && crc >>> 0 !== entry.crc32 >>> 0) throw damaged(this.file, xlsxText.checksum({ part: entry.fileName }));
  }

  close(): void {
    this.zip.close();
  }
}

/** zlib's CRC-32 (Node 20.15 and later; on older Nodes parts are not checksummed). */
const crc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

const mib = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;
