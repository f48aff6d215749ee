/**
 * Workbooks as producers other than Excel write them, and files that only claim to be
 * workbooks (RELIABILITY §9 cases 27–33), through the CLI: every date format lands on its
 * calendar day, formula and error cells give their saved result or a warning, rich text
 * and phonetic runs give the text a person sees, odd part names and namespace prefixes
 * are read, and what is not a workbook is refused with a message saying what it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, expectError, rejections, runMany, scored, workspace, type CliResult } from './kit.js';
import { bookParts, column, ROSTER_HEAD, rows, SERIAL, SERVICES_HEAD, writeBook, writeZip, type BookSpec } from './xlsx-kit.js';

const dir = workspace();
const BASE = rows([SERVICES_HEAD, ['E1', SERIAL, 5, 'x'], ['E2', SERIAL, 6, 'y']]);
const books: Record<string, string> = {};
const book = (name: string, spec: BookSpec) => (books[name] = writeBook(join(dir, `${name}.xlsx`), spec));
const zip = (name: string, parts: Record<string, string | Uint8Array>, store = false) => (books[name] = writeZip(join(dir, `${name}.xlsx`), parts, store));
const file = (name: string, bytes: Uint8Array, ext = '.xlsx') => {
  books[name] = join(dir, `${name}${ext}`);
  writeFileSync(books[name], bytes);
};
const dated = (s: number, v: number | string) => ({ attrs: `s="${s}"`, xml: `<v>${v}</v>` });

// Case 27: 2026-11-05 in every form a date column meets. Styles: 1 → numFmt 14, 2 → 22,
// 3 → custom, 4/5/6 → the Chinese built-ins 31, 57, 58, 7 → text (@).
book('dates', {
  styles: [0, 14, 22, 164, 31, 57, 58, 49], formats: { 164: 'yyyy-mm-dd' },
  sheets: [{ name: 'services', data: rows([SERVICES_HEAD,
    ['D14', dated(1, SERIAL), 1, 'm/d/yyyy'], ['D22', dated(2, `${SERIAL}.75`), 1, 'with a time'], ['D164', dated(3, SERIAL), 1, 'custom'],
    ['D31', dated(4, SERIAL), 1, 'yyyy年m月d日'], ['D57', dated(5, SERIAL), 1, 'yyyy年m月'], ['D58', dated(6, SERIAL), 1, 'm月d日'],
    ['T1', '2026-11-05', 1, 'text'], ['T2', '2026年11月5日', 1, 'text'], ['T3', dated(7, SERIAL), 1, 'number formatted as text'],
    ['G1', SERIAL, 1, 'a bare serial'], ['O1', dated(1, SERIAL - 5), 1, 'October 31'], ['N1', dated(1, SERIAL + 25), 1, 'November 30'],
  ]) }],
});
book('date1904', { date1904: true, styles: [0, 14], sheets: [{ name: 'services', data: rows([SERVICES_HEAD, ['E1', dated(1, 44869), 5, '1904 system']]) }] });

// Case 28: formula cells.
book('formulas', {
  sheets: [{ name: 'services', data: rows([SERVICES_HEAD,
    ['E1', SERIAL, { xml: '<f>2+3</f><v>5</v>' }, { attrs: 't="str"', xml: '<f>"a"&amp;"b"</f><v>ab</v>' }],
    ['E2', SERIAL, { attrs: 't="e"', xml: '<f>1/0</f><v>#DIV/0!</v>' }, 'cached error'],
    ['E3', SERIAL, { xml: '<f>A1*2</f>' }, 'no cached value'],
    ['E4', SERIAL, { attrs: 't="e"', xml: '<v>#N/A</v>' }, 'error cell'],
    ['E5', SERIAL, { xml: '<f t="shared" ref="C6:C7" si="0">7</f><v>7</v>' }, 'shared formula'],
    ['E5', SERIAL, { xml: '<f t="shared" si="0"/><v>7</v>' }, 'shared formula'],
    ['E6', SERIAL, { attrs: 't="b"', xml: '<f>TRUE()</f><v>1</v>' }, 'boolean result'],
  ]) }],
});

// Case 29: rich text, phonetic runs (shared and inline), merged title and id cells, a
// second sheet no source is named after.
book('richText', {
  shared: ['<r><t>Chen </t></r><r><rPr><b/></rPr><t>Jing</t></r>', '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>'],
  sheets: [
    { name: 'services', data: rows([['Service ledger, November'], [], SERVICES_HEAD, ['E1', SERIAL, 5, 'x'], [null, SERIAL, 6, 'y'], ['E2', SERIAL, 7, 'z']]), after: '<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A4:A5"/></mergeCells>' },
    { name: 'roster', data: rows([ROSTER_HEAD,
      ['E1', { attrs: 't="s"', xml: '<v>0</v>' }, 'engineer', { attrs: 't="inlineStr"', xml: '<is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is>' }],
      ['E2', { attrs: 't="s"', xml: '<v>1</v>' }, 'engineer', { attrs: 't="inlineStr"', xml: '<is><r><t>T</t></r><r><rPr><i/></rPr><t>wo</t></r></is>' }]]) },
    { name: 'Instructions', data: rows([['Fill one row per visit']]) },
  ],
});

// Case 30: cells and rows without `r`, a row of 16,384 cells, one cell at XFD1048576.
book('noRefs', { sheets: [{ name: 'services', data: `<row>${SERVICES_HEAD.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row><row><c t="inlineStr"><is><t>E1</t></is></c><c><v>${SERIAL}</v></c><c><v>5</v></c></row>` }] });
book('lastCell', { sheets: [{ name: 'services', data: `${BASE}<row r="4">${Array.from({ length: 16_384 }, (_, i) => `<c r="${column(i)}4"><v>${i}</v></c>`).join('')}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` }] });

// Cases 31–32: sheets none of which feeds a source, no sheets, only a chartsheet; a
// prefixed namespace, a part name with a space, every entry STORE'd.
book('otherSheets', { sheets: [{ name: 'Sheet1', data: BASE }, { name: '台账', data: BASE }] });
// Hidden rows (one with values, one empty) on a visible sheet, and a roster on a hidden sheet.
book('hidden', {
  sheets: [
    { name: 'services', data: rows([SERVICES_HEAD, ['E1', SERIAL, 5, 'x']]) + '<row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>E2</t></is></c><c r="B3"><v>46331</v></c><c r="C3"><v>6</v></c></row><row r="4" hidden="1"/>' + rows([['E1', SERIAL, 7, 'z']], 5) },
    { name: 'roster', state: 'hidden', data: rows([ROSTER_HEAD, ['E1', 'Chen', 'engineer', 'One'], ['E2', 'Li', 'engineer', 'Two']]) },
  ],
});
zip('noSheets', bookParts({ sheets: [] }));
const chart = bookParts({ sheets: [] });
chart['xl/workbook.xml'] = (chart['xl/workbook.xml'] as string).replace('<sheets></sheets>', '<sheets><sheet name="services" sheetId="1" r:id="rC"/></sheets>');
chart['xl/_rels/workbook.xml.rels'] = (chart['xl/_rels/workbook.xml.rels'] as string).replace('</Relationships>', '<Relationship Id="rC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>');
chart['xl/chartsheets/sheet1.xml'] = '<chartsheet/>';
zip('chartsheet', chart);
const prefixed = bookParts({ sheets: [{ name: 'services', data: BASE }] });
prefixed['xl/workbook.xml'] = '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="services" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>';
prefixed['xl/worksheets/sheet1.xml'] = (prefixed['xl/worksheets/sheet1.xml'] as string).replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)\b/g, '<$1x:$2').replace('xmlns="', 'xmlns:x="');
zip('prefixed', prefixed);
const renamed = bookParts({ sheets: [{ name: 'services', data: BASE }] });
renamed['xl/worksheets/Data Sheet.xml'] = renamed['xl/worksheets/sheet1.xml'];
delete renamed['xl/worksheets/sheet1.xml'];
renamed['xl/_rels/workbook.xml.rels'] = (renamed['xl/_rels/workbook.xml.rels'] as string).replace('worksheets/sheet1.xml', 'worksheets/Data%20Sheet.xml');
zip('partName', renamed);
zip('stored', bookParts({ sheets: [{ name: 'services', data: BASE }] }), true);

// Case 33: not really a workbook.
const good = readFileSync(writeBook(join(dir, 'good.xlsx'), { sheets: [{ name: 'services', data: BASE }] }));
file('xlsm', good, '.xlsm');
file('ole', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
file('csvNamedXlsx', Buffer.from('ID,Date,Score,Note\nE1,2026-11-05,5,x\n'));
file('pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'));
file('html', Buffer.from('<html><body><table><tr><td>ID</td></tr></table></body></html>'));
file('truncated', good.subarray(0, good.length - 30));
file('xls', Buffer.from('not really excel'), '.xls');

const score = (name: string, ...extra: string[]) => ({ args: ['score', books[name].slice(dir.length + 1), '--format', 'json', '-q', ...extra], cwd: dir });
let runs: Record<string, CliResult>;

beforeAll(() => {
  const cases: Record<string, { args: string[]; cwd: string }> = {
    datesNov: score('dates', '-p', '2026-11'), datesOct: score('dates', '-p', '2026-10'),
    date1904: { args: ['validate', 'date1904.xlsx', '--format', 'json'], cwd: dir },
    ...Object.fromEntries(['formulas', 'richText', 'noRefs', 'lastCell', 'otherSheets', 'hidden', 'noSheets', 'chartsheet', 'prefixed', 'partName', 'stored', 'xlsm', 'ole', 'csvNamedXlsx', 'pdf', 'html', 'truncated', 'xls'].map((n) => [n, score(n)])),
  };
  const names = Object.keys(cases);
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]]));
});

const SAVE_AS = 'open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then run again';

describe('dates (case 27)', () => {
  it('every date format, the Chinese built-ins and dates typed as text land on 2026-11-05', () => {
    const ids = scored(runs.datesNov).employees.map((e) => e.id).sort();
    expect(ids).toEqual(['D14', 'D164', 'D22', 'D31', 'D57', 'D58', 'G1', 'N1', 'T1', 'T2', 'T3'].sort());
    expect(scored(runs.datesOct).employees.map((e) => e.id)).toEqual(['O1']);
  });

  it('the 1904 date system', () => {
    const { ledgers } = JSON.parse(runs.date1904.stdout) as { ledgers: { sources: { id: string; from: string; to: string }[] } };
    expect(ledgers.sources.find((s) => s.id === 'services')).toMatchObject({ from: '2026-11-05', to: '2026-11-05' });
  });
});

describe('formulas and error cells (case 28)', () => {
  it('saved results are read; errors and missing results are empty, with warnings; a boolean in a number column is rejected', () => {
    const report = scored(runs.formulas);
    expect(actuals(report)).toEqual({ E1: 5, E2: null, E3: null, E4: null, E5: 7 });
    expect(rejections(report)).toEqual(['8 Score "true": a yes/no value, not a number']);
    expect(report.warnings.slice(0, 2)).toEqual([
      'formulas.xlsx [services]: 1 formula cell has no saved result and was read as empty, the first at C4 (open and save the workbook in Excel)',
      '2 error cells (#DIV/0!, #N/A …) read as empty; the first at formulas.xlsx [services] row 3, column Score',
    ]);
  });
});

describe('rich text, phonetic runs, merges, other sheets (case 29)', () => {
  it('hidden rows and a hidden sheet are read like the others, and each is reported', () => {
    const report = scored(runs.hidden);
    expect(actuals(report)).toEqual({ E1: 6, E2: 6 });
    expect(report.warnings).toEqual([
      'hidden.xlsx [services]: 1 hidden row was read like the others, the first at row 3 (delete rows that should not count)',
      'hidden.xlsx [roster]: the sheet is hidden in Excel; its rows were read like any other\'s (delete or rename it if it should not count)',
    ]);
    expect(report.stats).toEqual({ rows: 3, rowsOutOfPeriod: 0, rejected: 0, read: 6, used: 5, blank: 1 });
  });

  it('names are the text a person sees; a merged id fills its rows; the title above the header is skipped', () => {
    const report = scored(runs.richText);
    expect(report.employees.map((e) => [e.id, e.name, e.team]).sort()).toEqual([['E1', 'Chen Jing', '漢字'], ['E2', '漢字', 'Two']]);
    expect(actuals(report)).toEqual({ E1: 5.5, E2: 7 });
    // 3 service rows below the header (the title and blank row above it are not data) + 2 roster rows.
    expect(report.stats).toEqual({ rows: 3, rowsOutOfPeriod: 0, rejected: 0, read: 5, used: 5, blank: 0 });
  });
});

describe('cell references (case 30)', () => {
  it('rows and cells without `r` follow the previous one', () => {
    expect(actuals(scored(runs.noRefs))).toEqual({ E1: 5 });
  });

  it('a full-width row and a lone cell at XFD1048576 are rows like others: rejected, with their row number', () => {
    const report = scored(runs.lastCell);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(rejections(report)).toEqual(['4 Date "1": not a date: 1 is not an Excel serial date', '1048576 Date "": no date']);
  });
});

describe('sheets and parts (cases 31–32)', () => {
  it('no sheet named after a source: the error lists the sheets found and the names expected', () => {
    expectError(runs.otherSheets, 2, 'kpi: error: otherSheets.xlsx: no sheet is named after a source; the workbook\'s sheets: "Sheet1", "台账"; the config expects "roster", "services"',
      'rename the sheet, set sheet: "<name>" on the source in kpi.yaml, or pass --source services=otherSheets.xlsx');
  });

  it.each(['noSheets', 'chartsheet'])('%s: a workbook without worksheets says so', (name) => {
    expectError(runs[name], 2, `kpi: error: ${name}.xlsx: no sheet is named after a source; the workbook's sheets: none; the config expects "roster", "services"`);
  });

  it.each(['prefixed', 'partName', 'stored', 'xlsm'])('%s: read like any workbook', (name) => {
    const report = scored(runs[name]);
    expect(actuals(report)).toEqual({ E1: 5, E2: 6 });
    expect(report.stats.rows).toBe(2);
  });
});

describe('files that are not workbooks (case 33)', () => {
  it.each([
    ['ole', 'kpi: error: ole.xlsx: this is a password-protected workbook or an old .xls file saved with the .xlsx name, which kpi cannot read', `remove the password (File › Info › Protect Workbook) or ${SAVE_AS}`],
    ['csvNamedXlsx', 'kpi: error: csvNamedXlsx.xlsx: the file is not an Excel workbook', SAVE_AS],
    ['pdf', 'kpi: error: pdf.xlsx: the file is a PDF document, not an Excel workbook', SAVE_AS],
    ['html', 'kpi: error: html.xlsx: the file is a web page or XML file (some systems export those with an Excel name), not an Excel workbook', SAVE_AS],
    ['truncated', 'kpi: error: truncated.xlsx: the workbook is damaged (not a readable zip: End of central directory record signature not found. Either not a zip file, or file is truncated.)', 'open it in Excel or WPS and save it again as .xlsx'],
    ['xls', 'kpi: error: xls.xls: .xls files are not supported', 'save it as .xlsx or CSV (UTF-8) and run again'],
  ])('%s', (name, line, hint) => {
    expectError(runs[name], 2, line, hint);
  });
});
