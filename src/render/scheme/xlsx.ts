/**
 * The published scheme as a workbook (`kpi scheme -o scheme.xlsx`, SPEC §12): one printable
 * A4 sheet per role, fit to one page wide, that reads as the document a department hands
 * out and has signed — title, range and scheme file; the dimensions with their weights; a
 * table of every indicator with its weight, where its value comes from and its standard;
 * the rules for everyone (adjustments, vetoes, grades, missing data, the final score); and
 * the employee's acknowledgement with lines to sign and date. Every page's footer names the
 * scheme's title, range and hash prefix. ExcelJS is loaded only here.
 */
import type ExcelJS from 'exceljs';
import { displayWidth, SheetNames } from '../xlsx/safe.js';
import { baseFont, BOX, FILL, UNDERLINE } from '../xlsx/style.js';
import type { DocRole, SchemeDocument } from './document.js';
import { sw, type SchemeWord } from './words.js';

const WIDTHS = { A: 13, B: 15, C: 7, D: 8, E: 39, F: 33 };
const pct = (n: number) => `${Number(n.toFixed(2))}%`;

/** Points of A4 portrait inside the margins below, and the sheet's width in points. */
const PAGE = { width: 595 - 72, height: 842 - 94 - 20 };
// About 6.6 points per character of column width, as LibreOffice and Excel print it.
const SHEET_WIDTH = Object.values(WIDTHS).reduce((a, b) => a + b, 0) * 6.6 + 20;

/**
 * Whether the role's document should be printed on one page: it is when fitting the height
 * too shrinks it by at most a fifth more than fitting the width does (the text stays
 * readable); a longer scheme runs on over pages at the width's scale.
 */
function onOnePage(ws: ExcelJS.Worksheet, lastRow: number): boolean {
  let height = 0;
  for (let r = 1; r <= lastRow; r++) height += ws.getRow(r).height ?? 15;
  const scale = Math.min(1, PAGE.width / SHEET_WIDTH);
  return height * scale <= PAGE.height * 1.25;
}

/** Rows of wrapped text do not grow by themselves in print: their height is set. */
function heightFor(parts: { text: string; width: number }[], minimum = 20): number {
  let lines = 1;
  for (const { text, width } of parts) {
    // Latin letters print narrower than the digit a column width counts; CJK nearer two.
    const needed = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * (/[^\x00-\x7f]/.test(line) ? 0.92 : 0.82)) / Math.max(1, width - 1.5))), 0);
    lines = Math.max(lines, needed);
  }
  return Math.max(minimum, lines * 14.5 + 6);
}

export async function renderSchemeWorkbook(doc: SchemeDocument): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kpi';
  workbook.title = `${doc.title} — ${sw('docTitle', doc.locale)}`;
  // A fixed time, so the same scheme gives the same document properties.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const names = new SheetNames([]);
  for (const role of doc.roles) addRoleSheet(workbook.addWorksheet(names.claim(role.label)), doc, role);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addRoleSheet(ws: ExcelJS.Worksheet, doc: SchemeDocument, role: DocRole): void {
  const zh = doc.locale === 'zh-CN';
  const w = (key: SchemeWord) => sw(key, doc.locale);
  const colon = zh ? '：' : ': ';
  const font = baseFont(doc.locale);
  const wrap: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
  const body = { font, border: BOX, alignment: wrap };
  const centre = { font, border: BOX, alignment: { ...wrap, horizontal: 'center' as const } };
  const head = { font: { ...font, bold: true }, border: BOX, fill: FILL.head, alignment: { ...wrap, horizontal: 'center' as const } };
  Object.entries(WIDTHS).forEach(([letter, width]) => (ws.getColumn(letter).width = width));
  let row = 1;

  const put = (range: string, value: string, style: Partial<ExcelJS.Style>) => {
    const [first] = range.split(':');
    if (range.includes(':')) ws.mergeCells(range);
    const cell = ws.getCell(first);
    cell.value = value;
    cell.style = style;
    if (range.includes(':')) {
      // A merged range is drawn with each of its cells' borders.
      const [, last] = range.split(':');
      const r1 = ws.getCell(first);
      const r2 = ws.getCell(last);
      for (let r = Number(r1.row); r <= Number(r2.row); r++) {
        for (let c = Number(r1.col); c <= Number(r2.col); c++) ws.getCell(r, c).style = style;
      }
    }
  };
  const line = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    put(`A${row}:F${row}`, text, style);
    ws.getRow(row).height = height ?? heightFor([{ text, width: 112 }]);
    row++;
  };
  // A spacer row, its height said so the page estimate (onOnePage) counts it right.
  const gap = (height = 10) => void (ws.getRow(row++).height = height);
  const section = (title: string) => {
    gap();
    line(title, { font: { ...font, bold: true, size: 11.5 }, alignment: { vertical: 'bottom' } }, 22);
  };

  line(doc.title, { font: { ...font, bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 30);
  line(`${w('docTitle')}${zh ? '（' : ' ('}${w('role')}${colon}${role.label}${zh ? '）' : ')'}`, { font: { ...font, bold: true, size: 12.5 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 24);
  line(`${w('inForce')}${colon}${doc.inForce}　　${w('cycle')}${colon}${doc.period}　　${w('schemeFile')}${colon}${doc.file}（sha256 ${doc.sha256.slice(0, 12)}）`, { font: { ...font, size: 9, color: { argb: 'FF595959' } }, alignment: { horizontal: 'center', vertical: 'middle' } }, 18);
  gap();
  line(w('basis'), { font, alignment: wrap });
  line(`${w('dimensionsAndWeights')}${colon}${role.dimensions.map((d) => `${d.label} ${pct(d.weight)}`).join('　·　')}`, { font: { ...font, bold: true }, alignment: wrap });
  gap();

  const headers: [string, string][] = [['A', w('dimension')], ['B', w('indicator')], ['C', w('weight')], ['D', w('ofTotal')], ['E', w('source')], ['F', w('standard')]];
  for (const [col, text] of headers) put(`${col}${row}`, text, head);
  ws.getRow(row++).height = heightFor(headers.map(([col, text]) => ({ text, width: WIDTHS[col as keyof typeof WIDTHS] })), 22);
  for (const d of role.dimensions) {
    const first = row;
    for (const i of d.indicators) {
      put(`B${row}`, i.label, body);
      put(`C${row}`, pct(i.weight), centre);
      put(`D${row}`, pct(i.ofTotal), centre);
      put(`E${row}`, i.source, body);
      put(`F${row}`, i.standard, body);
      ws.getRow(row).height = heightFor([{ text: i.label, width: WIDTHS.B }, { text: i.source, width: WIDTHS.E }, { text: i.standard, width: WIDTHS.F }]);
      row++;
    }
    put(first === row - 1 ? `A${first}` : `A${first}:A${row - 1}`, `${d.label}\n${pct(d.weight)}`, { ...centre, font: { ...font, bold: true } });
  }

  // A small table under a section title: three columns spanning the six of the sheet.
  const table3 = (title: string, spans: [string, string, string], cols: [string, string, string], rows: [string, string, string][]) => {
    section(title);
    const widthOf = (span: string) => span.split('').reduce((n, letter) => n + WIDTHS[letter as keyof typeof WIDTHS], 0);
    const range = (span: string) => (span.length === 1 ? `${span}${row}` : `${span[0]}${row}:${span[span.length - 1]}${row}`);
    cols.forEach((text, i) => put(range(spans[i]), text, head));
    ws.getRow(row++).height = 20;
    for (const cells of rows) {
      cells.forEach((text, i) => put(range(spans[i]), text, body));
      ws.getRow(row++).height = heightFor(cells.map((text, i) => ({ text, width: widthOf(spans[i]) })));
    }
  };
  if (doc.adjustments.length) table3(w('adjustments'), ['AB', 'CDE', 'F'], [w('item'), w('source'), w('rule')], doc.adjustments.map((a) => [a.label, a.source, a.rule]));
  if (doc.vetoes.length) table3(w('vetoes'), ['AB', 'CDE', 'F'], [w('item'), w('source'), `${w('condition')} → ${w('effect')}`], doc.vetoes.map((v) => [v.label, v.source, `${v.condition} → ${v.effect}`]));
  table3(w('grades'), ['AB', 'CD', 'EF'], [w('grade'), w('gradeRule'), w('share')], doc.grades.map((g) => [g.grade, g.rule, g.share]));

  section(w('missing'));
  line(`${w('whenMissing')}${doc.missing.text}${zh ? '。' : '.'}`, { font, alignment: wrap });
  for (const e of doc.missing.exceptions) line(`${e.label}${colon}${e.text}`, { font, alignment: { ...wrap, indent: 1 } });
  section(w('total'));
  line(doc.total, { font, alignment: wrap });

  gap();
  section(w('acknowledgement'));
  line(w('acknowledgementText'), { font, alignment: wrap }, 22);
  gap();
  put(`A${row}:B${row}`, `${w('signature')}${colon}`, { font, alignment: { horizontal: 'right', vertical: 'bottom' } });
  put(`C${row}:D${row}`, '', { font, border: UNDERLINE });
  put(`E${row}`, `${w('date')}${colon}`, { font, alignment: { horizontal: 'right', vertical: 'bottom' } });
  put(`F${row}`, '', { font, border: UNDERLINE });
  ws.getRow(row).height = 34;

  const footer = `${doc.title} · ${doc.inForce} · sha256 ${doc.sha256.slice(0, 12)}`.replace(/&/g, '&&');
  ws.headerFooter = { oddFooter: `&L&8${footer}&R&8&P / &N` };
  ws.pageSetup = {
    paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: onOnePage(ws, row) ? 1 : 0, horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    printArea: `A1:F${row}`,
  };
  ws.views = [{ showGridLines: false }];
}
