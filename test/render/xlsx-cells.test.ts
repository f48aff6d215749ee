/**
 * The cells kpi writes itself (sheet.ts, sheet-xml.ts, parts.ts) against ExcelJS's own
 * writer: the same calls — values, formulas, styles, merges, row heights, the workbook
 * font for gaps — made on an ExcelJS worksheet and on a Sheet give the same worksheet,
 * styles and shared-strings parts. Also the small parsers the sheet builders use.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../src/render/xlsx/parts.js';
import { Sheet, columnLetter, parseRange } from '../../src/render/xlsx/sheet.js';
import { write, writeFormula, type CellStyle } from '../../src/render/xlsx/sheet-kit.js';
import { xmlEncode } from '../../src/render/xlsx/sheet-xml.js';
import { unzipText } from '../../src/render/xlsx/zip.js';

const CREATED = new Date(Date.UTC(2026, 10, 1));
const FONT = { name: 'Calibri', family: 2, size: 10.5 };
const THIN = { style: 'thin', color: { argb: 'FF9E9E9E' } } as const;
const BOX: CellStyle = { font: FONT, border: { top: THIN, left: THIN, bottom: THIN, right: THIN } };
const HEAD: CellStyle = { ...BOX, font: { ...FONT, bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, alignment: { horizontal: 'center', wrapText: true } };
const SCORE: CellStyle = { ...BOX, numFmt: '0.00' };

/** One call on a sheet, in the terms of both writers. */
type Step =
  | { write: string; value: string | number | null; style?: CellStyle }
  | { formula: string; at: string; result: number | string; style?: CellStyle }
  | { height: number; row: number };

const STEPS: Step[] = [
  { write: 'A1:D1', value: 'Title <&> "quoted" \'x\'', style: HEAD },
  { height: 26, row: 1 },
  { write: 'A3', value: 'name', style: HEAD },
  { write: 'B3:C3', value: '=HYPERLINK("http://x","y")', style: BOX },
  { write: 'E3', value: 12.5, style: SCORE },
  { write: 'A4:A6', value: 'merged down', style: { ...BOX, alignment: { vertical: 'middle' } } },
  { write: 'B4', value: 3.3333333333333335, style: SCORE },
  { write: 'C4', value: null, style: BOX },
  { formula: 'IF(ISNUMBER(B4),B4*2,"N/A")', at: 'D4', result: 6.666666666666667, style: SCORE },
  { formula: 'IF(ISNUMBER(B5),B5*2,"N/A")', at: 'D5', result: 'N/A', style: BOX },
  { write: 'B5', value: '', style: BOX },
  { write: 'F6', value: 'gap before', style: {} },
  { write: 'C8:D8', value: null, style: { border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } } } },
  { write: 'A8', value: 'sign:', style: {} },
  { height: 34, row: 8 },
  { height: 20, row: 10 },
  { write: 'E4', value: 'name', style: SCORE },
];

/** The same steps through ExcelJS's cell API and its own writer (the old renderer's way). */
async function viaExcelJS(): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('S', { properties: { defaultRowHeight: 18 } });
  ws.getColumn(4).width = 30;
  const styleCell = (cell: ExcelJS.Cell, style: CellStyle = {}) => {
    if (style.font) cell.font = style.font;
    if (style.fill) cell.fill = style.fill;
    if (style.border) cell.border = style.border;
    if (style.alignment) cell.alignment = style.alignment;
    if (style.numFmt) cell.numFmt = style.numFmt;
  };
  const styleRange = (range: string, style?: CellStyle) => {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) styleCell(ws.getCell(row, col), style);
  };
  for (const step of STEPS) {
    if ('height' in step) ws.getRow(step.row).height = step.height;
    else if ('formula' in step) {
      styleRange(step.at, step.style);
      ws.getCell(step.at).value = { formula: step.formula, result: step.result } as ExcelJS.CellFormulaValue;
    } else {
      const [from, to] = step.write.split(':');
      if (to) ws.mergeCells(step.write);
      styleRange(step.write, step.style);
      ws.getCell(from).value = step.value;
    }
  }
  ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => {
    if (!cell.font?.name) cell.font = { ...FONT, ...cell.font };
  }));
  return unzipText(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function viaSheet(): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = new Sheet(workbook.addWorksheet('S', { properties: { defaultRowHeight: 18 } }));
  sheet.setWidth(4, 30);
  for (const step of STEPS) {
    if ('height' in step) sheet.setHeight(step.row, step.height);
    else if ('formula' in step) writeFormula(sheet, step.at, step.formula, step.result, step.style);
    else write(sheet, step.write, step.value, step.style);
  }
  sheet.fillFont(FONT);
  return unzipText(await workbookBytes(workbook, [sheet], CREATED));
}

describe('cells written by kpi', () => {
  it('give the worksheet, styles and shared strings ExcelJS writes for the same calls', async () => {
    const [theirs, ours] = await Promise.all([viaExcelJS(), viaSheet()]);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', '[Content_Types].xml']) {
      expect(ours.get(part), part).toBe(theirs.get(part));
    }
    const sheet = ours.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<mergeCells count="4">');
    expect(sheet).toContain('<f>IF(ISNUMBER(B5),B5*2,&quot;N/A&quot;)</f><v>N/A</v>');
    expect(sheet).not.toMatch(/<f>HYPERLINK/);
  });

  it('read back with ExcelJS: values, formulas with results, merges, heights and styles', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = new Sheet(workbook.addWorksheet('S'));
    for (const step of STEPS) {
      if ('height' in step) sheet.setHeight(step.row, step.height);
      else if ('formula' in step) writeFormula(sheet, step.at, step.formula, step.result, step.style);
      else write(sheet, step.write, step.value, step.style);
    }
    sheet.fillFont(FONT);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await workbookBytes(workbook, [sheet], CREATED)) as unknown as ArrayBuffer);
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe('Title <&> "quoted" \'x\'');
    expect(ws.getCell('A3').value).toBe('name');
    expect(ws.getCell('E3').numFmt).toBe('0.00');
    expect(ws.getCell('C3').isMerged).toBe(true);
    expect(ws.getCell('D4').formula).toBe('IF(ISNUMBER(B4),B4*2,"N/A")');
    expect(ws.getCell('D4').result).toBe(6.666666666666667);
    expect(ws.getCell('D5').result).toBe('N/A');
    expect(ws.getCell('E6').font?.name).toBe('Calibri');
    expect(ws.getRow(8).height).toBe(34);
    expect(ws.getRow(10).height).toBe(20);
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
  });
});

describe('addresses and text', () => {
  it.each([
    ['A1', { top: 1, left: 1, bottom: 1, right: 1 }],
    ['G26', { top: 26, left: 7, bottom: 26, right: 7 }],
    ['A1:G1', { top: 1, left: 1, bottom: 1, right: 7 }],
    ['AB10:AC12', { top: 10, left: 28, bottom: 12, right: 29 }],
  ])('parseRange(%j)', (range, expected) => {
    expect(parseRange(range)).toEqual(expected);
  });

  it.each(['', 'A', '1', 'a1', 'A0', 'A1:', 'A1:B', '$A$1', 'A1:B2:C3'])('rejects %j', (range) => {
    expect(() => parseRange(range)).toThrow(/not a cell range/);
  });

  it('names columns as Excel does', () => {
    expect([1, 7, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'G', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes XML as ExcelJS does: the five characters, C0 controls but tab, LF and CR dropped', () => {
    expect(xmlEncode('a<b>&"\'\u0001\t\n\r\u000b\u007f')).toBe('a&lt;b&gt;&amp;&quot;&apos;\t\n\r');
  });
});
