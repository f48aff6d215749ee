/**
 * The workbook reader, cell by cell: every case of RELIABILITY §2.4 that exceljs gets
 * wrong, read right. Workbooks are built in the test — with exceljs where it can write the
 * case, by hand-written XML (./xlsx-builder.ts) where it cannot — so each case shows what
 * the file holds. Expected DayNumbers are hand-checked: 2026-11-05 = Excel serial 46331
 * (1900 system) = 44869 (1904 system) = DayNumber 20762 (Date.UTC(2026, 10, 5) / 864e5).
 * The date cases must pass under any TZ: also run with TZ=Asia/Shanghai and
 * TZ=America/Sao_Paulo.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { parsePeriod } from '../../src/core/period.js';
import type { Scheme } from '../../src/core/types.js';
import { KpiError } from '../../src/errors.js';
import { ingestLedgers } from '../../src/read/ingest.js';
import type { RawCell, RawRow } from '../../src/read/table.js';
import { readXlsx } from '../../src/read/xlsx.js';
import { bookParts, writeBook, writeZip, type BookSpec } from './xlsx-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'kpi-xlsx-'));
const D = 20762; // 2026-11-05
let n = 0;
const path = (name = 'book.xlsx') => join(dir, `${n++}-${name}`);

async function rowsOf(file: string, sheet = 0): Promise<RawRow[]> {
  const tables = await readXlsx(file);
  const rows: RawRow[] = [];
  for await (const batch of tables[sheet].batches) rows.push(...batch);
  return rows;
}

/** The cells of a one-sheet hand-written workbook, by row number. */
async function cells(spec: Omit<BookSpec, 'sheets'> & { data: string; after?: string }): Promise<Record<number, RawCell[]>> {
  const file = writeBook(path(), { ...spec, sheets: [{ name: 'S', data: spec.data, after: spec.after }] });
  return Object.fromEntries((await rowsOf(file)).map((r) => [r.row, r.cells]));
}

async function exceljsBook(build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('S'));
  const file = path();
  await wb.xlsx.writeFile(file);
  return file;
}

describe('values written by exceljs', () => {
  it('numbers, text, percent (not a date), booleans, hyperlink text', async () => {
    const file = await exceljsBook((ws) => {
      ws.addRow(['E001', 42, 0.95, true, false, { text: '工单系统', hyperlink: 'https://example.com/t/1' }, -3.5]);
      ws.getCell('C1').numFmt = '0.00%';
      ws.getCell('G1').numFmt = '[Red]0.0';
    });
    expect(await rowsOf(file)).toEqual([{ row: 1, cells: ['E001', 42, 0.95, true, false, '工单系统', -3.5] }]);
  });

  it('date cells by their number format: built-in, custom, with a time', async () => {
    const file = await exceljsBook((ws) => {
      ws.addRow([new Date(Date.UTC(2026, 10, 5)), new Date(Date.UTC(2026, 10, 5)), new Date(Date.UTC(2026, 10, 5, 14, 30)), 46331]);
      ws.getCell('A1').numFmt = 'mm-dd-yy'; // built-in 14
      ws.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('C1').numFmt = 'yyyy/m/d h:mm';
      ws.getCell('D1').numFmt = '0'; // a serial shown as a number stays a number
    });
    expect(await rowsOf(file)).toEqual([{ row: 1, cells: [{ day: D }, { day: D }, { day: D + 14.5 / 24 }, 46331] }]);
  });

  it('merged employee cell over 3 rows fills every row of the range', async () => {
    const file = await exceljsBook((ws) => {
      ws.addRow(['工号', '日期', '时长']);
      ws.addRow(['E001', 'a', 1]);
      ws.addRow([null, 'b', 2]);
      ws.addRow([null, 'c', 3]);
      ws.addRow(['E002', 'd', 4]);
      ws.mergeCells('A2:A4');
    });
    const rows = await rowsOf(file);
    expect(rows.map((r) => r.cells)).toEqual([
      ['工号', '日期', '时长'],
      ['E001', 'a', 1],
      ['E001', 'b', 2],
      ['E001', 'c', 3],
      ['E002', 'd', 4],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it('formula cells give their saved result', async () => {
    const file = await exceljsBook((ws) => {
      ws.addRow([2, 3, { formula: 'A1+B1', result: 5 }, { formula: 'IF(A1>1,"yes","no")', result: 'yes' }]);
    });
    expect(await rowsOf(file)).toEqual([{ row: 1, cells: [2, 3, 5, 'yes'] }]);
  });
});

describe('values exceljs cannot write (hand-written XML)', () => {
  it('Chinese built-in date formats 31 and 57, a custom format, percent and [Red] not dates', async () => {
    // Styles: 0 General, 1 → 31 yyyy"年"m"月"d"日", 2 → 57 yyyy"年"m"月", 3 → 164 custom, 4 → 10 (0.00%), 5 → 165 [Red]0.
    const row = await cells({
      styles: [0, 31, 57, 164, 10, 165, 166],
      formats: { 164: 'yyyy-mm-dd;@', 165: '[Red]0', 166: '#,##0 "days"' },
      data: '<row r="1"><c r="A1" s="1"><v>46331</v></c><c r="B1" s="2"><v>46327</v></c><c r="C1" s="3"><v>46331.5</v></c><c r="D1" s="4"><v>0.95</v></c><c r="E1" s="5"><v>7</v></c><c r="F1" s="6"><v>12</v></c></row>',
    });
    expect(row[1]).toEqual([{ day: D }, { day: D - 4 }, { day: D + 0.5 }, 0.95, 7, 12]);
  });

  it('the 1904 date system', async () => {
    const row = await cells({ date1904: true, styles: [0, 14], data: '<row r="1"><c r="A1" s="1"><v>44869</v></c><c r="B1"><v>44869</v></c></row>' });
    expect(row[1]).toEqual([{ day: D }, 44869]);
  });

  it('booleans, error cells, and gaps filled with null', async () => {
    const row = await cells({ data: '<row r="2"><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c></row>' });
    expect(row[2]).toEqual([null, true, false, null, { error: '#N/A' }]);
  });

  it('ISO date cells (t="d", strict OOXML) are calendar dates, a zone suffix ignored', async () => {
    const row = await cells({ data: '<row r="1"><c r="A1" t="d"><v>2026-11-05</v></c><c r="B1" t="d"><v>2026-11-05T12:00:00Z</v></c><c r="C1" t="d"><v>soon</v></c></row>' });
    expect(row[1]).toEqual([{ day: D }, { day: D + 0.5 }, 'soon']);
  });

  it('rich text: every run joined, inline and shared; phonetic runs ignored', async () => {
    const row = await cells({
      shared: [
        '<r><rPr><b/></rPr><t>Hello </t></r><r><t>World</t></r>',
        '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/>',
        '<r><t>张</t></r><r><rPr><i/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>zhang</t></rPh>',
        '<t>line_x000D_break a_x005F_x0041_</t>',
      ],
      data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>'
        + '<c r="E1" t="inlineStr"><is><r><t>Hello </t></r><r><rPr><b/></rPr><t>World</t></r></is></c>'
        + '<c r="F1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>'
        + '<c r="G1" t="inlineStr"><is><t>after</t></is></c></row>',
    });
    expect(row[1]).toEqual(['Hello World', '漢字', '张三 ', 'line\rbreak a_x0041_', 'Hello World', '漢字', 'after']);
  });

  it('formula results: number, text, boolean, cached error; no cached value → null and a warning', async () => {
    const file = writeBook(path(), {
      sheets: [{
        name: 'S',
        data: '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c>'
          + '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>A1*2</f></c><c r="F1" t="str"><f>""</f><v></v></c></row>'
          + '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f></c><c r="B2"><v>1</v></c></row>',
      }],
    });
    const [table] = await readXlsx(file);
    const rows: RawRow[] = [];
    for await (const batch of table.batches) rows.push(...batch);
    expect(rows).toEqual([
      { row: 1, cells: [2, 'ab', true, { error: '#DIV/0!' }, null, ''] },
      { row: 2, cells: [null, 1] },
    ]);
    expect(table.warnings.map(String)).toEqual([expect.stringMatching(/2 formula cells have no saved result .*the first at E1 \(open and save the workbook in Excel\)/)]);
  });

  it('rows and cells without `r` follow the previous one', async () => {
    const rows = await rowsOf(writeBook(path(), {
      sheets: [{ name: 'S', data: '<row r="3"><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>5</v></c><c><v>6</v></c></row><row><c t="b"><v>1</v></c></row><row r="9"><c r="B9"><v>9</v></c></row>' }],
    }));
    expect(rows).toEqual([
      { row: 3, cells: [1, 2, null, null, 5, 6] },
      { row: 4, cells: [true] },
      { row: 9, cells: [null, 9] },
    ]);
  });

  it('a STORE\'d (uncompressed) workbook reads the same, every time', async () => {
    const spec: BookSpec = { store: true, shared: ['<t>E001</t>'], styles: [0, 14], sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46331</v></c></row>' }] };
    const file = writeBook(path(), spec);
    // The zip really is STORE'd: compression method 0 in every central-directory record.
    const bytes = readFileSync(file);
    for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 1)) expect(bytes.readUInt16LE(i + 10)).toBe(0);
    for (let run = 0; run < 10; run++) expect(await rowsOf(file)).toEqual([{ row: 1, cells: ['E001', { day: D }] }]);
  });

  it('merged ranges: vertical and horizontal; a blank row inside a merge stays blank', async () => {
    const rows = await rowsOf(writeBook(path(), {
      shared: ['<t>张三</t>', '<t>月度台账</t>'],
      sheets: [{
        name: 'S',
        data: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>'
          + '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3"><v>1</v></c></row><row r="4"><c r="A4"><v>99</v></c><c r="B4"><v>2</v></c></row>'
          + '<row r="5"><c r="B5"><v>3</v></c></row><row r="6"><c r="A6" s="0"/></row>',
        after: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A6"/></mergeCells>',
      }],
    }));
    expect(rows).toEqual([
      { row: 1, cells: ['月度台账', '月度台账', '月度台账'] },
      { row: 3, cells: ['张三', 1] },
      { row: 4, cells: ['张三', 2] }, // the stray 99 under the merge is hidden in Excel too
      { row: 5, cells: ['张三', 3] },
      { row: 6, cells: [] },
    ]);
  });

  it('rows with a value in the last column (XFD) are handed on in bounded batches, none lost', async () => {
    // 300 rows × 16,384 slots is ~4.9 million cells: more than one batch (2^20 cells).
    const data = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="F${i + 1}"/><c r="XFD${i + 1}" t="b"><v>1</v></c></row>`).join('');
    const rows = await rowsOf(writeBook(path(), { sheets: [{ name: 'S', data }] }));
    expect(rows.length).toBe(300);
    expect(rows.map((r) => [r.row, r.cells[0], r.cells.length, r.cells[16383], r.cells[5]])).toEqual(
      Array.from({ length: 300 }, (_, i) => [i + 1, i, 16384, true, null]),
    );
  });

  it('empty (styled) cells do not widen a row', async () => {
    const row = await cells({ styles: [0, 14], data: '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c r="Z1" s="1"/></row>' });
    expect(row[1]).toEqual([1]);
  });

  it('namespace prefixes, entities, CDATA, comments and single quotes', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: '' }] });
    parts['xl/worksheets/sheet1.xml'] = `<?xml version="1.0"?><!-- made by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</x:t></x:is></x:c>
      <x:c r="B1" t="str"><x:v><![CDATA[<raw> & text]]></x:v></x:c></x:row></x:sheetData>
      <x:mergeCells count="1"><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
    expect(await rowsOf(writeZip(path(), parts))).toEqual([{ row: 1, cells: ['a & b <c> 中文', '<raw> & text', '<raw> & text'] }]);
  });
});

describe('refusals', () => {
  const refusal = async (file: string): Promise<KpiError> => {
    let error: unknown = null;
    try {
      for (const table of await readXlsx(file)) for await (const _ of table.batches); // errors may come from the rows
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).exitCode).toBe(2);
    return error as KpiError;
  };

  it('a PDF renamed .xlsx', async () => {
    const file = path('report.xlsx');
    writeFileSync(file, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const error = await refusal(file);
    expect(error.message).toMatch(/is a PDF document, not an Excel workbook/);
    expect(String(error.hint)).toMatch(/save it as \.xlsx or CSV/);
  });

  it('an encrypted workbook or an .xls saved as .xlsx (OLE compound file)', async () => {
    const file = path('secret.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const error = await refusal(file);
    expect(error.message).toMatch(/password-protected workbook or an old \.xls/);
    expect(String(error.hint)).toMatch(/save it as \.xlsx or CSV/);
  });

  it('a zip that is not a workbook, and a damaged zip', async () => {
    const ods = writeZip(path('sheet.xlsx'), { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    expect((await refusal(ods)).message).toMatch(/a zip but not an Excel workbook/);
    const good = readFileSync(writeBook(path(), { sheets: [{ name: 'S', data: '' }] }));
    const cut = path('cut.xlsx');
    writeFileSync(cut, good.subarray(0, good.length - 30));
    expect((await refusal(cut)).message).toMatch(/damaged/);
  });

  it('malformed sheet XML is a damaged workbook, not a crash', async () => {
    const file = writeBook(path(), { sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></row>' }] });
    expect((await refusal(file)).message).toMatch(/\[S\]: the workbook is damaged \(<\/row> does not close <c>\)/);
  });

  it('more than 10,000 zip entries', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: '' }] });
    for (let i = 0; i < 10_000; i++) parts[`xl/media/x${i}.txt`] = '';
    expect((await refusal(writeZip(path(), parts))).message).toMatch(/10\d{3} entries.*limit 10000/);
  });

  it('a sheet compressing more than 200:1 (zip bomb)', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: ' '.repeat(4 * 1024 * 1024) }] });
    expect((await refusal(writeZip(path(), parts))).message).toMatch(/compression ratio of \d+:1.*zip bomb/);
  });

  it('a sheet declaring more than 2 GiB', async () => {
    const bytes = Buffer.from(readFileSync(writeBook(path(), { sheets: [{ name: 'S', data: '<row r="1"/>'.repeat(100) }] })));
    // Patch the central-directory record of the sheet: uncompressed size := 3 GiB.
    for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 1)) {
      const name = bytes.toString('latin1', i + 46, i + 46 + bytes.readUInt16LE(i + 28));
      if (name === 'xl/worksheets/sheet1.xml') bytes.writeUInt32LE(3 * 1024 ** 3, i + 24);
    }
    const file = path();
    writeFileSync(file, bytes);
    expect((await refusal(file)).message).toMatch(/inflates to 3072 MiB, over the 2048 MiB/);
  });
});

describe('through ingestLedgers: title rows, sheet → source, --source', () => {
  const CONFIG = `
version: 1
sources:
  services:
    sheet: 服务台账
    columns: { employee: 工号, date: 服务日期, satisfaction: 满意度, on_time: 是否及时 }
    types: { satisfaction: number, on_time: boolean }
  complaints:
    columns: { employee: 工号, date: 日期 }
metrics:
  satisfaction: { source: services, agg: avg, field: satisfaction }
  rows: { source: services, agg: count }
  on_time: { source: services, agg: ratio, hit: { on_time: true } }
  complaints: { source: complaints, agg: count }
dimensions:
  d: { indicators: [ { metric: satisfaction, weight: 100, standard: { method: direct } } ] }
roles:
  r: { weights: { d: 100 } }
grades: [ { grade: A } ]
`;
  const scheme = checkConfigText(CONFIG, 'kpi.yaml').scheme as Scheme;

  async function ingest(files: string[], overrides: [string, string][] = []) {
    const result = await ingestLedgers(files, scheme, { period: parsePeriod('2026-11'), sourceOverrides: new Map(overrides.map(([id, f]) => [f, id])) });
    return { ...result, values: (id: string) => Object.fromEntries(result.book.inPeriod.valuesOf(id)) };
  }

  async function ledger(sheets: string[], build?: (ws: ExcelJS.Worksheet, name: string) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const name of sheets) {
      const ws = wb.addWorksheet(name);
      (build ?? services)(ws, name);
    }
    const file = path('ledger.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  function services(ws: ExcelJS.Worksheet): void {
    ws.addRow(['2026年11月客服部工作台账']);
    ws.mergeCells('A1:D1');
    ws.addRow(['部门：客服部', null, '制表：王五']);
    ws.addRow(['工号', '服务日期', '满意度', '是否及时']);
    ws.addRow(['E1', new Date(Date.UTC(2026, 10, 2)), 5, '是']);
    ws.addRow([null, new Date(Date.UTC(2026, 10, 3)), 0.9, true]);
    ws.addRow(['E2', new Date(Date.UTC(2026, 10, 4)), { formula: '1/0', result: { error: '#DIV/0!' } }, false]);
    ws.mergeCells('A4:A5');
    for (const r of [4, 5, 6]) ws.getCell(`B${r}`).numFmt = 'yyyy"年"m"月"d"日"';
  }

  it('reads a ledger sheet below its title rows, with merged ids, dates, formulas and errors', async () => {
    const { values, book, warnings } = await ingest([await ledger(['服务台账'])]);
    expect(values('E1')).toMatchObject({ satisfaction: 2.95, rows: 2, on_time: 1 }); // (5 + 0.9) / 2
    expect(values('E2')).toMatchObject({ satisfaction: null, rows: 1, on_time: 0 });
    expect(book.rejected).toEqual([]);
    expect(warnings.map(String)).toContainEqual(expect.stringMatching(/1 error cell .* row 6, column 满意度/));
  });

  it('skips sheets no source is named after; matches by id too, ignoring case and width', async () => {
    const file = await ledger(['说明', '服务台账', 'ＣＯＭＰＬＡＩＮＴＳ'], (ws, name) => {
      if (name === '服务台账') services(ws);
      else if (name === '说明') ws.addRow(['填表说明：每人每天一行']);
      else {
        ws.addRow(['工号', '日期']);
        ws.addRow(['E1', '2026-11-09']);
        ws.addRow(['E1', '2026-11-10']);
      }
    });
    const { values } = await ingest([file]);
    expect(values('E1')).toMatchObject({ rows: 2, complaints: 2 });
  });

  it('no sheet named after any source is an error listing both', async () => {
    const file = await ledger(['Sheet1', '说明']);
    const error = await ingest([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).exitCode).toBe(2);
    expect((error as KpiError).message).toMatch(/no sheet is named after a source; the workbook's sheets: "Sheet1", "说明"; the config expects "服务台账" or "services", "complaints"/);
    expect(String((error as KpiError).hint)).toMatch(/--source services=/);
  });

  it('--source id=book.xlsx feeds the first sheet to that source', async () => {
    const file = await ledger(['Sheet1']);
    const { values } = await ingest([file], [['services', file]]);
    expect(values('E2')).toMatchObject({ rows: 1 });
  });

  it('the same ledger as CSV and as a workbook reads the same, rejected rows included', async () => {
    const rows: [string | null, Date | string | null, number | string | null, string | boolean | null][] = [
      ['E1', new Date(Date.UTC(2026, 10, 2)), 5, '是'],
      ['E1', new Date(Date.UTC(2026, 10, 3)), 4.5, true],
      ['E2', new Date(Date.UTC(2026, 10, 4)), 'abc', '否'], // rejected: not a number
      ['E2', new Date(Date.UTC(2026, 10, 5)), 0.8, false],
      [null, new Date(Date.UTC(2026, 10, 6)), 3, '是'], // rejected: no employee
      ['E3', new Date(Date.UTC(2026, 9, 30)), 2, '是'], // out of period
    ];
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : v === true ? 'TRUE' : String(v));
    const csv = join(dir, '服务台账.csv');
    writeFileSync(csv, ['2026年11月台账', '工号,服务日期,满意度,是否及时', ...rows.map((r) => r.map(text).join(','))].join('\n'));
    const book = await ledger(['服务台账'], (ws) => {
      ws.addRow(['2026年11月台账']);
      ws.addRow(['工号', '服务日期', '满意度', '是否及时']);
      for (const r of rows) ws.addRow(r);
    });
    const [a, b] = [await ingest([csv]), await ingest([book])];
    for (const id of ['E1', 'E2', 'E3']) expect(b.values(id)).toEqual(a.values(id));
    expect(b.values('E1')).toMatchObject({ satisfaction: 4.75, rows: 2, on_time: 1 });
    const strip = (r: { file: string; sheet: string | null }) => ({ ...r, file: '', sheet: null });
    expect(b.book.rejected.map(strip)).toEqual(a.book.rejected.map(strip));
    expect(b.book.rejected.map((r) => [r.row, r.column, r.value])).toEqual([[5, '满意度', 'abc'], [7, '工号', '']]);
    expect(b.book.stats).toEqual(a.book.stats);
  });

  it('formula cells without a saved result become a run warning', async () => {
    const file = writeBook(path(), {
      styles: [0, 14],
      sheets: [{ name: '服务台账', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>服务日期</t></is></c><c r="C1" t="inlineStr"><is><t>满意度</t></is></c><c r="D1" t="inlineStr"><is><t>是否及时</t></is></c></row>'
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2" s="1"><v>46331</v></c><c r="C2"><f>4+1</f></c><c r="D2" t="b"><v>1</v></c></row>' }],
    });
    const { warnings, values } = await ingest([file]);
    expect(values('E1')).toMatchObject({ rows: 1, satisfaction: null });
    expect(warnings.map(String)).toContainEqual(expect.stringMatching(/\[服务台账\]: 1 formula cell has no saved result and was read as empty, the first at C2 \(open and save the workbook in Excel\)/));
  });
});
