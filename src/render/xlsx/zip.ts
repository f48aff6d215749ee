/**
 * The last pass over the bytes ExcelJS writes, so the same report gives the same file:
 * JSZip stamps every zip entry with the current time (to 2 s), so each entry's DOS date and
 * time are set to the workbook's fixed creation time. The pass also drops the empty
 * `<x14:id/>` reference ExcelJS 4.4 puts in every Excel-2007-style data bar (it points at
 * an Excel-2010 rule that does not exist; the 2010 form itself carries a random GUID).
 * Entries are otherwise copied as they are: only a changed part is inflated and deflated.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
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

const EMPTY_DATABAR_REF = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;

/** Part rewrites: returns the new text, or the same text when nothing changes. */
function rewritePart(name: string, text: string): string {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(name) ? text.replace(EMPTY_DATABAR_REF, '') : text;
}

interface Entry {
  name: Buffer;
  extra: Buffer;
  central: Buffer;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

function readEntries(zip: Buffer): Entry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('workbook zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('workbook zip: bad central directory');
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const central = zip.subarray(at, at + 46 + nameLength + extraLength + commentLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('workbook zip: bad local header');
    const localExtraLength = zip.readUInt16LE(local + 28);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + localExtraLength;
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength),
      extra: zip.subarray(local + 30 + zip.readUInt16LE(local + 26), dataStart),
      central,
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      size: zip.readUInt32LE(at + 24),
      data: zip.subarray(dataStart, dataStart + zip.readUInt32LE(at + 20)),
    });
    at += central.length;
  }
  return entries;
}

function rewriteEntry(entry: Entry): Entry {
  const name = entry.name.toString('utf8');
  if (!/\.xml$/.test(name) || (entry.method !== 8 && entry.method !== 0)) return entry;
  const raw = entry.method === 8 ? inflateRawSync(entry.data) : entry.data;
  const text = raw.toString('utf8');
  const changed = rewritePart(name, text);
  if (changed === text) return entry;
  const bytes = Buffer.from(changed, 'utf8');
  return { ...entry, method: 8, crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes) };
}

/** Every part of a zip as text (for tests and checks; the parts of an .xlsx are XML). */
export function unzipText(input: Uint8Array): Map<string, string> {
  const zip = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const parts = new Map<string, string>();
  for (const entry of readEntries(zip)) {
    const raw = entry.method === 8 ? inflateRawSync(entry.data) : entry.data;
    parts.set(entry.name.toString('utf8'), raw.toString('utf8'));
  }
  return parts;
}

/** Rewrites the workbook zip with fixed entry times (and the part fixes above). */
export function normalizeXlsx(input: Uint8Array, fixed: Date): Uint8Array {
  const zip = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { time, date } = dosDateTime(fixed);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of readEntries(zip).map(rewriteEntry)) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(entry.central.readUInt16LE(6), 4); // version needed
    local.writeUInt16LE(entry.central.readUInt16LE(8) & ~0x8, 6); // no data descriptor
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    local.writeUInt16LE(entry.extra.length, 28);
    const central = Buffer.from(entry.central);
    central.writeUInt16LE(central.readUInt16LE(8) & ~0x8, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt32LE(offset, 42);
    locals.push(local, entry.name, entry.extra, entry.data);
    centrals.push(central);
    offset += 30 + entry.name.length + entry.extra.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
