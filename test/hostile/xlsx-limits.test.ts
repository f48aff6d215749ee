/**
 * Workbooks built to exhaust memory or time (RELIABILITY §9 cases 34–38): each is refused
 * before it is inflated — or read within a bound — with exit 2 and a message, never a
 * crash. Every bomb is generated here, a few megabytes at most; the limits are those of
 * src/read/xlsx/zip.ts (docs/errors.md lists them).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, expectError, firstLine, runMany, scored, workspace, type CliResult } from './kit.js';
import { bookParts, ROSTER_HEAD, rows, SERIAL, SERVICES_HEAD, writeBook, writeZip } from './xlsx-kit.js';

const dir = workspace();
const BASE = rows([SERVICES_HEAD, ['E1', SERIAL, 5, 'x'], ['E2', SERIAL, 6, 'y']]);
const book = (name: string, parts: Record<string, string | Uint8Array>) => writeZip(join(dir, `${name}.xlsx`), parts);
const withSheet = (data: string, extra: Parameters<typeof bookParts>[0] = { sheets: [] }) => bookParts({ ...extra, sheets: [{ name: 'services', data }] });
/** Text that deflate cannot shrink (random letters): it passes the ratio check. */
const noise = (chars: number) => randomBytes(chars).toString('base64').replace(/[+/=]/g, 'q').slice(0, chars);

/** Patches the sizes a zip declares for one entry (central directory and local header). */
function declare(bytes: Buffer, entry: string, size: number): Buffer {
  for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 1)) {
    if (bytes.toString('latin1', i + 46, i + 46 + bytes.readUInt16LE(i + 28)) === entry) bytes.writeUInt32LE(size, i + 24);
  }
  for (let i = bytes.indexOf('PK\x03\x04'); i >= 0; i = bytes.indexOf('PK\x03\x04', i + 1)) {
    if (bytes.toString('latin1', i + 30, i + 30 + bytes.readUInt16LE(i + 26)) === entry) bytes.writeUInt32LE(size, i + 22);
  }
  return bytes;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const bigSheet = () => Buffer.from(readFileSync(book('plain', withSheet(BASE + '<row r="9"/>'.repeat(3000)))));

beforeAll(() => {
  book('sheetBomb', withSheet(BASE + ' '.repeat(1536 * 1024)));
  book('stringsBomb', bookParts({ sheets: [{ name: 'services', data: BASE }], shared: [`<t>${'a'.repeat(1536 * 1024)}</t>`] }));
  writeFileSync(join(dir, 'lying.xlsx'), declare(bigSheet(), SHEET, 1000));
  writeFileSync(join(dir, 'huge.xlsx'), declare(bigSheet(), SHEET, 3 * 1024 ** 3));
  const many = withSheet(BASE);
  for (let i = 0; i < 10_001; i++) many[`xl/media/m${i}.bin`] = '';
  book('entries', many);
  book('deep', withSheet(BASE.replace('<row r="2">', `<row r="2">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`)));
  book('hugeTag', withSheet(BASE.replace('<row r="2">', `<row r="2" spans="${noise(1_200_000)}">`)));
  book('hugeCell', withSheet(BASE.replace('<t xml:space="preserve">x</t>', `<t>${noise(1_100_000)}</t>`)));
  const entities = withSheet(BASE, { sheets: [] });
  entities['xl/worksheets/sheet2.xml'] = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows([ROSTER_HEAD, ['E1', '&lol3;', 'engineer', '&xxe;']]).replace(/&amp;/g, '&')}</sheetData></worksheet>`;
  entities['xl/workbook.xml'] = (entities['xl/workbook.xml'] as string).replace('</sheets>', '<sheet name="roster" sheetId="2" r:id="rId2"/></sheets>');
  entities['xl/_rels/workbook.xml.rels'] = (entities['xl/_rels/workbook.xml.rels'] as string).replace('</Relationships>', '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>');
  book('entities', entities);
  const names = withSheet(`<dimension ref="A1:XFD1048576"/>${BASE}`);
  names['xl/workbook.xml'] = (names['xl/workbook.xml'] as string).replace('</sheets>', '</sheets><definedNames><definedName name="Everything">services!$A$1:$XFD$1048576</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">services!$A:$XFD</definedName></definedNames>');
  book('definedNames', names);
  writeBook(join(dir, 'hugeMerge.xlsx'), { sheets: [{ name: 'services', data: BASE, after: '<mergeCells count="2"><mergeCell ref="E1:XFD1048576"/><mergeCell ref="A3:A1048576"/></mergeCells>' }] });
  const traversal = withSheet(BASE);
  traversal['../../evil.txt'] = 'x';
  book('traversal', traversal);

  const names2 = ['sheetBomb', 'stringsBomb', 'lying', 'huge', 'entries', 'deep', 'hugeTag', 'hugeCell', 'entities', 'definedNames', 'hugeMerge', 'traversal'];
  const results = runMany(names2.map((n) => ({ args: ['score', `${n}.xlsx`, '--format', 'json', '-q'], cwd: dir })));
  runs = Object.fromEntries(names2.map((n, i) => [n, results[i]]));
  // How long a pathological workbook may take is bounded by kpi itself now (--limit
  // read-seconds, tested in limits.test.ts), not by a wall-clock check here.
}, 120_000);
let runs: Record<string, CliResult>;

const SAVE_AS = 'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then run again';
const DAMAGED = 'open it in Excel or WPS and save it again as .xlsx';

describe('zip bombs and lying zips (cases 34–35)', () => {
  it.each([['sheetBomb', SHEET], ['stringsBomb', 'xl/sharedStrings.xml']])('%s: a part inflating over 200:1 is refused before it is inflated', (name, part) => {
    expect(runs[name].status).toBe(2);
    expect(firstLine(runs[name].stderr)).toMatch(new RegExp(`^kpi: error: ${name}\\.xlsx: ${part.replace('.', '\\.')} claims a compression ratio of \\d{3,4}:1 \\(real sheets stay under 20:1; limit 200:1\\): this looks like a zip bomb, so the workbook is refused$`));
    expect(runs[name].stderr).toMatch(new RegExp(`\nhint: ${SAVE_AS.replace('(', '\\(').replace(')', '\\)')}; if the file is genuine, raise the limit with --limit compression-ratio=\\d+\n`));
  });

  it('a part larger than its header says is caught while inflating', () => {
    expectError(runs.lying, 2, 'kpi: error: lying.xlsx: the workbook is damaged (xl/worksheets/sheet1.xml is larger than its zip header says)', DAMAGED);
  });

  it('a sheet declaring 3 GiB is refused from the directory alone', () => {
    expectError(runs.huge, 2, 'kpi: error: huge.xlsx: xl/worksheets/sheet1.xml inflates to 3072 MiB, over the 2048 MiB kpi reads, so the workbook is refused', `split the ledger into several workbooks or CSV files; if the file is genuine, raise the limit with --limit unzipped-bytes=${3 * 1024 ** 3}`);
  });
});

describe('shapes that cost memory or time (cases 36–38)', () => {
  it('more than 10,000 zip entries', () => {
    expectError(runs.entries, 2, 'kpi: error: entries.xlsx: the zip holds 10008 entries; a workbook has at most a few hundred (limit 10000), so it is refused', `${SAVE_AS}; if the file is genuine, raise the limit with --limit zip-entries=10008`);
  });

  it('100,000 nested elements inside a row are skipped, the rows read', () => {
    expect(actuals(scored(runs.deep))).toEqual({ E1: 5, E2: 6 });
  });

  it('a tag over 1 MiB is refused, not buffered', () => {
    expectError(runs.hugeTag, 2, 'kpi: error: hugeTag.xlsx [services]: the workbook is damaged (a tag or reference longer than 1 MiB)', DAMAGED);
  });

  it('a cell over 1 Mi characters is refused, not buffered', () => {
    expectError(runs.hugeCell, 2, 'kpi: error: hugeCell.xlsx [services]: cell D2 holds more than 1048576 characters (Excel allows 32,767)', 'a cell that long is not a ledger value: check the file; if the file is genuine, raise the limit with --limit cell-chars=N');
  });

  it('DOCTYPE entities are never expanded: no entity bomb, no file read', () => {
    const report = scored(runs.entities);
    expect(report.employees.find((e) => e.id === 'E1')).toMatchObject({ name: '&lol3;', team: '&xxe;' });
  });

  it('defined names and a dimension covering the whole grid are not materialised (case 37)', () => {
    expect(actuals(scored(runs.definedNames))).toEqual({ E1: 5, E2: 6 });
  });

  it('merges covering the whole grid fill only the rows that exist', () => {
    const report = scored(runs.hugeMerge);
    expect(report.stats).toEqual({ rows: 2, rowsOutOfPeriod: 0, rejected: 0, read: 2, used: 2, blank: 0 });
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
  });

  it('an entry named ../../evil.txt: the workbook is refused, nothing is extracted (case 38)', () => {
    expectError(runs.traversal, 2, 'kpi: error: traversal.xlsx: the workbook is damaged (invalid relative path: ../../evil.txt)', DAMAGED);
  });

});
