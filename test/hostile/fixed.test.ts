/**
 * Bad inputs that used to lose data or overwrite files (found by the hostile suite), each
 * now reported: a row with more cells than its header, a column twice, a batch report named
 * like its ledger, every row rejected; bytes that do not decode, files mixing encodings,
 * a workbook failing its checksum, numbers too large to add up.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi } from '../e2e/run-cli.js';
import { actuals, HEADER, scored, workspace } from './kit.js';
import { rows, SERIAL, SERVICES_HEAD, writeBook } from './xlsx-kit.js';

const CONFIG = join(ROOT, 'fixtures', 'minimal', 'kpi.yaml');
const dir = () => mkdtempSync(join(tmpdir(), 'kpi-fixed-'));

describe('no silent loss', () => {
  it('a row with more cells than the header is rejected, not read with a value cut off', () => {
    const d = dir();
    writeFileSync(join(d, 'services.csv'), 'ID,Date,Kind,Satisfaction,On time\nE1,2026-11-02,visit,5,yes\nE1,2026-11-03,visit,1,234,yes\nE2,2026-11-03,visit,4,yes,\n');
    const run = runKpi(['score', 'services.csv', '-c', CONFIG, '--format', 'json'], { cwd: d });
    const doc = JSON.parse(run.stdout);
    expect(doc.rejected).toEqual([{ file: 'services.csv', sheet: null, row: 3, column: null, value: 'yes', reason: 'the row has 6 cells but the header has 5: a value with a comma (or the delimiter) in it must be quoted' }]);
    // E2's trailing empty cell splits nothing: its row counts.
    expect(doc.stats).toEqual({ rows: 3, rowsOutOfPeriod: 0, rejected: 1, read: 3, used: 2, blank: 0 });
  });

  it('a column the scheme reads, twice in the header, is an error naming both', () => {
    const d = dir();
    writeFileSync(join(d, 'services.csv'), 'ID,Date,Kind,Satisfaction,On time,Satisfaction\nE1,2026-11-02,visit,5,yes,3\n');
    const run = runKpi(['score', 'services.csv', '-c', CONFIG], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kpi: error: services.csv row 1: the column of field satisfaction appears twice: D "Satisfaction" and F "Satisfaction"');
  });

  it('when every row is rejected, the rows are shown before "nothing to score"', () => {
    const d = dir();
    writeFileSync(join(d, 'services.csv'), 'ID,Date,Kind,Satisfaction,On time\nE1,2026-11-02,visit,abc,yes\n');
    const run = runKpi(['score', 'services.csv', '-c', CONFIG], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('services.csv row 2, column Satisfaction: "abc" not a number');
    expect(run.stderr).toContain('kpi: error: nothing to score');
  });
});

describe('no overwritten input', () => {
  it('kpi batch refuses to write a report over a ledger of the same name', async () => {
    const d = dir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('services');
    sheet.addRow(['ID', 'Date', 'Kind', 'Satisfaction', 'On time']);
    sheet.addRow(['E1', '2026-11-02', 'visit', 5, 'yes']);
    await workbook.xlsx.writeFile(join(d, '2026-11.xlsx'));
    const before = readFileSync(join(d, '2026-11.xlsx'));
    const run = runKpi(['batch', '2026-11.xlsx', '-c', CONFIG, '--periods', '2026-11', '--out-dir', '.'], { cwd: d });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('is one of the input files; refusing to overwrite it');
    expect(readFileSync(join(d, '2026-11.xlsx'))).toEqual(before);
  });
});

describe('no unseen garbling', () => {
  it('bytes that are not valid in the encoding given stop the read at their line (exit 2), never garbled names', () => {
    const d = dir();
    const head = Buffer.from('ID,Date,Kind,Satisfaction,On time\nE1,2026-11-02,visit,5,yes\n', 'utf8');
    // GBK bytes for 上门 are not UTF-8.
    writeFileSync(join(d, 'services.csv'), Buffer.concat([head, Buffer.from([0x45, 0x32, 0x2c]), Buffer.from('2026-11-03,', 'utf8'), Buffer.from([0xc9, 0xcf, 0xc3, 0xc5]), Buffer.from(',4,yes\n', 'utf8')]));
    const run = runKpi(['score', 'services.csv', '-c', CONFIG, '--encoding', 'utf-8', '--format', 'json'], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('kpi: error: services.csv line 3: bytes that are not valid utf-8; read anyway, names and values would be garbled\nhint: is the file in another encoding? try --encoding gbk, utf-8 or utf-16le, or save it again as CSV UTF-8\n');
  });

  it('a file neither UTF-8 nor GB18030 (Windows-1252 bytes GB18030 cannot pair) is refused at its line, naming what to pass', () => {
    const d = dir();
    writeFileSync(join(d, 'services.csv'), Buffer.concat([Buffer.from('ID,Date,Kind,Satisfaction,On time\nE1,2026-11-02,visit,5,yes\nE2,2026-11-03,Caf'), Buffer.from([0xe9]), Buffer.from(',4,yes\n')]));
    const run = runKpi(['score', 'services.csv', '-c', CONFIG, '--format', 'json'], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kpi: error: services.csv line 3: bytes that are not valid gb18030 (the file is not UTF-8, and not GBK/GB18030 either); read anyway, names and values would be garbled\nhint: pass the file\'s encoding, e.g. --encoding big5 or --encoding windows-1252, or save it again as CSV UTF-8');
  });
});

describe('delimiter detection', () => {
  it('a comma CSV whose quoted notes span lines with ";" in them is read with ","', () => {
    const d = dir();
    const note = (x: string) => `"Visited ${x}\nStep 2: replaced the pump; tested\nStep 3: signed; closed"`;
    writeFileSync(join(d, 'services.csv'), `ID,Date,Kind,Satisfaction,On time,Note\nE1,2026-11-01,visit,5,yes,${note('a')}\nE2,2026-11-02,visit,4,yes,${note('b')}\nE3,2026-11-03,visit,3,yes,${note('c')}\n`);
    const run = runKpi(['score', 'services.csv', '-c', CONFIG, '--format', 'json', '-q'], { cwd: d });
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.employees.map((e: { id: string; indicators: { actual: number }[] }) => [e.id, e.indicators[0].actual])).toEqual([['E1', 5], ['E2', 4], ['E3', 3]]);
  });
});

describe('found by the suite and fixed in session 2', () => {
  it('a UTF-8 file with GBK rows pasted in is refused at the first GBK line, not read as mojibake (§9 case 24)', () => {
    const d = dir();
    const bytes = Buffer.concat([Buffer.from('ID,Date,Kind,Satisfaction,On time\nE1,2026-11-02,上门维修,5,是\n'), iconv.encode('E2,2026-11-03,上门维修,4,是\n', 'gbk')]);
    writeFileSync(join(d, 'services.csv'), bytes);
    const run = runKpi(['score', 'services.csv', '-c', CONFIG, '--format', 'json'], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kpi: error: services.csv line 3: this line is not UTF-8, but the lines above it are: the file mixes two encodings (rows pasted in from a GBK or ANSI export?)\nhint: open it in a text editor, fix the garbled lines and save it as UTF-8; or export the ledger again as one CSV\n');
  });

  it('a workbook whose sheet fails its CRC-32 is damaged, not read with a changed value (§9 case 33)', () => {
    const d = workspace();
    const file = writeBook(join(d, 'services.xlsx'), { store: true, sheets: [{ name: 'services', data: rows([SERVICES_HEAD, ['E1', SERIAL, 5, 'x']]) }] });
    const bytes = readFileSync(file);
    const at = bytes.indexOf('<c r="C2"><v>5</v>');
    expect(at).toBeGreaterThan(0);
    bytes[at + 13] = '9'.charCodeAt(0); // the 5 becomes a 9; sizes stay, only the checksum tells
    writeFileSync(file, bytes);
    const run = runKpi(['score', 'services.xlsx', '--format', 'json', '-q'], { cwd: d });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kpi: error: services.xlsx: the workbook is damaged (xl/worksheets/sheet1.xml fails its checksum (CRC-32): the file was changed or cut short in transit)\nhint: open it in Excel or WPS and save it again as .xlsx\n');
  });

  it('numbers beyond 10^15 are rejected with the row, not averaged into Infinity and a silent "missing" (§9 case 22)', () => {
    const d = workspace({ 'services.csv': `${HEADER}E1,2026-11-01,1e308,x\nE1,2026-11-02,1e308,y\nE1,2026-11-03,7,z\n` });
    const report = scored(runKpi(['score', 'services.csv', '--format', 'json', '-q'], { cwd: d }));
    expect(report.rejected.map((r) => `${r.row} ${r.value} ${r.reason}`)).toEqual([
      '2 1e308 number too large (over 10^15: an id in a number column?)',
      '3 1e308 number too large (over 10^15: an id in a number column?)',
    ]);
    expect(actuals(report)).toEqual({ E1: 7 });
  });
});
