/**
 * The zip container of an .xlsx, written here rather than by JSZip (which ExcelJS uses and
 * which deflates in JavaScript, the slowest step for a workbook of thousands of cards):
 * parts are deflated by Node's zlib on its thread pool while the next parts are rendered,
 * and every entry is stamped with one fixed time (JSZip takes the clock), so the same
 * parts give the same bytes. Also reads a zip back into text, for tests and checks.
 */
import * as zlib from 'node:zlib';
import { EXIT, KpiError } from '../../errors.js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of the bytes; zlib.crc32 where Node has it (20.15+). */
function crc32(bytes: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(bytes) >>> 0;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A Date as MS-DOS time and date words (UTC, like JSZip; seconds in steps of two). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Zip 2.0 (deflate), made on MS-DOS: what JSZip writes too. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;

/** A part being deflated: its CRC and size now, its deflated bytes when zlib is done. */
export interface Deflated {
  crc: number;
  size: number;
  data: Promise<Buffer>;
}

/**
 * Parts deflated at once: enough to keep a thread-pool thread busy beside the main thread,
 * few enough that queued parts do not each hold a zlib stream (some 300 KB apiece). Queued
 * parts start as others finish, which needs the event loop: a caller writing many parts
 * lets it run now and then (see parts.ts).
 */
const IN_FLIGHT = 4;

/** Collects parts in order, each deflated as it arrives; `finish` gives the zip's bytes. */
export class ZipWriter {
  private readonly entries: (Deflated & { name: Buffer })[] = [];
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(fixed: Date) {
    ({ time: this.time, date: this.date } = dosDateTime(fixed));
  }

  /** Starts deflating a part, to be added later (a few at a time on zlib's thread pool). */
  deflate(content: string | Uint8Array): Deflated {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const data = new Promise<Buffer>((resolve, reject) => {
      const start = () => {
        this.running++;
        zlib.deflateRaw(bytes, (error, out) => {
          this.running--;
          this.waiting.shift()?.();
          if (error) reject(error);
          else resolve(out);
        });
      };
      if (this.running < IN_FLIGHT) start();
      else this.waiting.push(start);
    });
    data.catch(() => undefined); // awaited in finish(); this only keeps an early failure from going unhandled
    return { crc: crc32(bytes), size: bytes.length, data };
  }

  /** Adds the next entry: its content, or a part already being deflated. */
  add(name: string, content: string | Uint8Array | Deflated): void {
    const part = typeof content === 'string' || content instanceof Uint8Array ? this.deflate(content) : content;
    this.entries.push({ ...part, name: Buffer.from(name, 'utf8') });
  }

  async finish(): Promise<Uint8Array> {
    if (this.entries.length > 0xffff) {
      // Five parts per scorecard (its sheet, chart, drawing and their relationships): some 13,000 people. A person's report, not a bug.
      throw new KpiError(`the workbook would hold ${this.entries.length} parts, more than one file of scorecards can (about 13,000 people)`, EXIT.usage, 'write one workbook per team with --split team --out-dir DIR, or the ranking alone with -o report.csv');
    }
    const chunks: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      const data = await entry.data;
      const flags = /[^\x00-\x7f]/.test(entry.name.toString('utf8')) ? UTF8_NAMES : 0;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(VERSION, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(this.time, 10);
      local.writeUInt16LE(this.date, 12);
      local.writeUInt32LE(entry.crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(entry.size, 22);
      local.writeUInt16LE(entry.name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(CENTRAL, 0);
      central.writeUInt16LE(VERSION, 4);
      local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
      central.writeUInt32LE(offset, 42);
      chunks.push(local, entry.name, data);
      centrals.push(central, entry.name);
      offset += 30 + entry.name.length + data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return new Uint8Array(Buffer.concat([...chunks, directory, end]));
  }
}

/** The entries of a zip, from its central directory: name, method and the stored bytes. */
function readEntries(zip: Buffer): { name: string; method: number; data: Buffer }[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('workbook zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('workbook zip: bad central directory');
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('workbook zip: bad local header');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      data: zip.subarray(dataStart, dataStart + zip.readUInt32LE(at + 20)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every part of a zip as text (for tests and checks; the parts of an .xlsx are XML). */
export function unzipText(input: Uint8Array): Map<string, string> {
  const zip = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const parts = new Map<string, string>();
  for (const entry of readEntries(zip)) {
    const raw = entry.method === 8 ? zlib.inflateRawSync(entry.data) : entry.data;
    parts.set(entry.name, raw.toString('utf8'));
  }
  return parts;
}
