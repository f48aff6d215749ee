/**
 * The zip container kpi writes for a workbook (zip.ts): parts in the order added, deflated,
 * with correct CRCs and sizes, every entry stamped with the one fixed time, and the same
 * parts giving the same bytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipWriter, dosDateTime, unzipText } from '../../src/render/xlsx/zip.js';

const FIXED = new Date(Date.UTC(2026, 10, 1, 8, 30, 15));
const PARTS: [string, string][] = [
  ['[Content_Types].xml', '<Types/>'],
  ['xl/worksheets/sheet1.xml', `<worksheet>${'<row/>'.repeat(5000)}</worksheet>`],
  ['docProps/app.xml', '<Properties>客户满意度 😀</Properties>'],
  ['empty.xml', ''],
];

async function zipOf(parts: [string, string][]): Promise<Buffer> {
  const zip = new ZipWriter(FIXED);
  for (const [name, text] of parts) zip.add(name, text);
  return Buffer.from(await zip.finish());
}

/** Each central-directory entry: name, method, DOS time and date, CRC, sizes, data. */
function central(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10), time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16), size: zip.readUInt32LE(at + 24),
      data: zip.subarray(start, start + zip.readUInt32LE(at + 20)),
      localTime: zip.readUInt16LE(local + 10), localCrc: zip.readUInt32LE(local + 14),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('the workbook zip', () => {
  it('holds the parts in order, deflated, with their CRCs and sizes and the fixed time', async () => {
    const zip = await zipOf(PARTS);
    expect([...unzipText(zip)]).toEqual(PARTS);
    const { time, date } = dosDateTime(FIXED);
    for (const [i, entry] of central(zip).entries()) {
      const bytes = Buffer.from(PARTS[i][1], 'utf8');
      expect(entry).toMatchObject({ name: PARTS[i][0], method: 8, time, date, localTime: time, size: bytes.length });
      expect(entry.crc).toBe(crc32(bytes));
      expect(entry.localCrc).toBe(entry.crc);
      expect(inflateRawSync(entry.data).equals(bytes)).toBe(true);
    }
    expect(central(zip)[1].data.length).toBeLessThan(1000); // 30 KB of repeated rows, deflated
  });

  it('gives the same bytes for the same parts, whenever it runs', async () => {
    expect((await zipOf(PARTS)).equals(await zipOf(PARTS))).toBe(true);
  });

  it('takes a part already being deflated as well as text', async () => {
    const zip = new ZipWriter(FIXED);
    const early = zip.deflate(PARTS[1][1]);
    zip.add(PARTS[0][0], PARTS[0][1]);
    zip.add(PARTS[1][0], early);
    expect([...unzipText(await zip.finish())]).toEqual(PARTS.slice(0, 2));
  });

  it('keeps DOS dates in range', () => {
    expect(dosDateTime(new Date(Date.UTC(1970, 0, 1)))).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
    expect(dosDateTime(new Date(Date.UTC(2026, 10, 1, 8, 30, 15)))).toEqual({ time: (8 << 11) | (30 << 5) | 7, date: (46 << 9) | (11 << 5) | 1 });
  });
});
