/**
 * The scorecard workbook (SPEC §6.4), rendered from the sample scored through the real
 * pipeline and read back with exceljs, cell by cell: sheet names, Summary against the JSON
 * report, every weighted score a live formula whose cached value is the engine's number,
 * ledger text kept as text, print setup, legal and unique sheet names, identical bytes.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportEmployee, ScoreReport } from '../../src/core/report.js';
import type { EmployeeResult } from '../../src/core/result.js';
import { word } from '../../src/render/labels.js';
import { renderWorkbook, type WorkbookInput } from '../../src/render/xlsx/index.js';
import { unzipText } from '../../src/render/xlsx/zip.js';
import { scoreSample } from './sample-run.js';
import { say } from '../../src/messages/text.js';

const CREATED = new Date(Date.UTC(2026, 11, 1, 8, 30));
let input: WorkbookInput;

beforeAll(async () => {
  const run = await scoreSample();
  input = { report: run.report, results: run.results, scheme: run.scheme, locale: 'zh-CN', created: CREATED };
});
afterEach(() => vi.useRealTimers());

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The contribution of an indicator to the base, from the JSON report alone (SPEC §5.2). */
function contribution(e: ReportEmployee, i: ReportEmployee['indicators'][number]): number | null {
  if (i.score === null) return null;
  const sw = e.indicators.filter((x) => x.dimension === i.dimension && x.score !== null).reduce((s, x) => s + x.weight, 0);
  const dims = e.dimensions.filter((d) => d.score !== null);
  const SW = dims.reduce((s, d) => s + d.weight, 0);
  return (i.weight / sw) * i.score * (dims.find((d) => d.id === i.dimension)!.weight / SW);
}

/** A copy of the input with some people renamed (in the report and the results alike). */
function renamed(names: Record<string, string>, extra: Partial<WorkbookInput> = {}): WorkbookInput {
  const rename = <T extends { id: string; name: string | null }>(x: T): T => (x.id in names ? { ...x, name: names[x.id] } : x);
  const report: ScoreReport = { ...input.report, employees: input.report.employees.map(rename) };
  return { ...input, report, results: input.results.map(rename), ...extra };
}

describe('the workbook of the sample', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => (book = await load(await renderWorkbook(input))));

  it('has Summary, one sheet per person in ranking order, Details and Issues', () => {
    const people = input.report.employees.map((e) => `${e.id} ${e.name}`);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', ...people, '明细', '问题']);
    expect(book.creator).toBe('kpi');
    expect(book.created.getTime()).toBe(CREATED.getTime());
  });

  it('Summary holds the JSON report: final, grade and rank of every person', () => {
    const sheet = book.getWorksheet('汇总')!;
    const header = sheet.getRow(4).values as unknown[];
    const col = (label: string) => header.indexOf(label);
    input.report.employees.forEach((e, i) => {
      const row = sheet.getRow(5 + i);
      expect(row.getCell(col('工号')).value).toBe(e.id);
      expect(row.getCell(col('总分')).value).toBe(e.final);
      expect(row.getCell(col('等级')).value).toBe(e.grade);
      expect(row.getCell(col('排名')).value).toBe(e.rank);
      expect(row.getCell(col('总分')).numFmt).toBe('0.00');
    });
    const top = sheet.getRow(5).getCell(col('等级'));
    expect((top.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBeTruthy();
    const finalLetter = sheet.getColumn(col('总分')).letter;
    // Read back by exceljs, though its typings do not list it.
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(formats.map((c) => [c.ref, c.rules[0].type])).toEqual([[`${finalLetter}5:${finalLetter}16`, 'dataBar']]);
  });

  it('every weighted score is a live formula caching the engine number; subtotals and base add up', () => {
    for (const e of input.report.employees) {
      const sheet = book.getWorksheet(`${e.id} ${e.name}`)!;
      const result = input.results.find((r) => r.id === e.id)!;
      let row = 9;
      for (const d of e.dimensions) {
        let sum = 0;
        for (const i of e.indicators.filter((x) => x.dimension === d.id)) {
          const label = result.indicators.find((x) => x.metric === i.metric && x.dimension === d.id)!.label;
          expect(sheet.getCell(`B${row}`).value).toBe(label);
          const cell = sheet.getCell(`G${row}`);
          expect(cell.formula).toMatch(/^IF\(ISNUMBER\(F\d+\),F\d+\*C\d+\/SUMPRODUCT\(/);
          const expected = contribution(e, i);
          if (expected === null) expect(cell.result).toBe('N/A');
          else expect(Math.abs((cell.result as number) - expected)).toBeLessThan(1e-9);
          sum += expected ?? 0;
          row++;
        }
        expect(sheet.getCell(`F${row}`).formula).toContain('SUMPRODUCT');
        if (d.score === null) expect(sheet.getCell(`F${row}`).result).toBe('N/A');
        else {
          expect(Math.abs((sheet.getCell(`F${row}`).result as number) - d.score)).toBeLessThan(1e-9);
          expect(Math.abs((sheet.getCell(`G${row}`).result as number) - sum)).toBeLessThan(1e-9);
        }
        row++;
      }
      expect(sheet.getCell(`A${row}`).value).toBe('基础分');
      expect(sheet.getCell(`G${row}`).formula).toMatch(/^SUM\(G\d+(,G\d+)*\)$/);
      expect(Math.abs((sheet.getCell(`G${row}`).result as number) - e.base!)).toBeLessThan(1e-9);
    }
  });

  it('prints each scorecard on A4 portrait, one page wide, with signature lines', () => {
    for (const e of input.report.employees) {
      const sheet = book.getWorksheet(`${e.id} ${e.name}`)!;
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const texts: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
      expect(texts).toEqual(expect.arrayContaining(['被考核人签字：', '考核人签字：', '日期：']));
      expect(texts).toContain(e.final);
    }
  });

  it('shows ratio actuals as percentages, counts as whole numbers, missing as N/A', () => {
    const sheet = book.getWorksheet('E007 李秀英')!;
    const byLabel = (label: string) => sheet.getRow(findRow(sheet, 'B', label));
    expect(byLabel('服务响应及时率').getCell('E').numFmt).toBe('0.0%');
    expect(byLabel('有效投诉').getCell('E').numFmt).toBe('0');
    expect(byLabel('团队满意度').getCell('E').numFmt).toBe('0.0%');
    expect(byLabel('支持平均响应时长').getCell('E').value).toBe('N/A');
    expect(byLabel('客户满意度').getCell('D').value).toBe('线性：3 得 0 分，4.8 得 100 分');
  });

  it('Details has one row per person × indicator; Issues every rejected row and warning', () => {
    const details = book.getWorksheet('明细')!;
    const expected = input.report.employees.flatMap((e) => e.indicators.map((i) => ({ e, i })));
    expect(details.rowCount).toBe(1 + expected.length);
    expected.forEach(({ e, i }, n) => {
      const row = details.getRow(2 + n);
      expect(row.getCell(2).value).toBe(e.id);
      expect(row.getCell(8).value).toBe(i.metric);
      expect(row.getCell(11).value).toBe(i.score);
      expect(row.getCell(12).value).toBe(i.excluded ? '是' : '否');
      const c = contribution(e, i);
      if (c === null) expect(row.getCell(13).value).toBeNull();
      else expect(Math.abs((row.getCell(13).value as number) - c)).toBeLessThan(1e-9);
    });
    const issues = book.getWorksheet('问题')!;
    const { rejected, warnings } = input.report;
    expect(issues.rowCount).toBe(1 + rejected.length + warnings.length);
    const first = rejected[0];
    const cells = [1, 2, 3, 4, 5, 6, 7].map((c) => issues.getRow(2).getCell(c).value);
    expect(cells).toEqual(['拒收行', first.file, first.sheet, first.row, first.column, first.value, say(first.reason, 'zh-CN')]);
    warnings.forEach((warning, n) => {
      const row = issues.getRow(2 + rejected.length + n);
      expect([row.getCell(1).value, row.getCell(7).value]).toEqual(['警告', say(warning, 'zh-CN')]);
    });
  });
});

function findRow(sheet: ExcelJS.Worksheet, column: string, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(`${column}${r}`).value === text) return r;
  throw new Error(`no row with ${text}`);
}

describe('ledger text and hostile values', () => {
  const hostile = '=HYPERLINK("http://x","y")';

  it('writes formula-looking names as text cells, never as formulas', async () => {
    const bytes = await renderWorkbook(renamed({ E008: hostile, E002: '+1', E010: '@SUM(A1)' }));
    const book = await load(bytes);
    const summary = book.getWorksheet('汇总')!;
    for (const [id, name] of [['E008', hostile], ['E002', '+1'], ['E010', '@SUM(A1)']]) {
      const cell = summary.getCell(`C${findRow(summary, 'B', id)}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    }
    const card = book.worksheets.find((s) => s.name.startsWith('E008'))!;
    expect(card.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(card.getCell('B4').value).toBe(hostile);
    const formulas = [...unzipText(bytes).values()].join('').match(/<f>[^<]*<\/f>/g) ?? [];
    expect(formulas.some((f) => /HYPERLINK|SUM\(A1\)/.test(f))).toBe(false);
  });

  it('makes sheet names legal and unique: no []:*?/\\, at most 31 characters', async () => {
    const long = '很长的名字'.repeat(8); // 40 characters
    const book = await load(await renderWorkbook(renamed({ E008: 'a/b:c*d?[e]\\f', E002: long, E010: long, E003: "'History'" })));
    const names = book.worksheets.map((s) => s.name);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\']/);
    }
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    expect(names).toContain('E008 a_b_c_d__e__f');
    expect(names).toContain('E003 ’History');
    const longOnes = names.filter((n) => n.includes('很长'));
    expect(longOnes).toHaveLength(2);
    expect(longOnes[0].startsWith('E002 ')).toBe(true);
  });

  it('cleans characters XML forbids, cuts text to 32,767 and leaves non-finite numbers empty', async () => {
    const bad = `A\uD800B\uFFFEC\u0001D\u0007`;
    const results: EmployeeResult[] = input.results.map((r) => (r.id !== 'E008' ? r : {
      ...r, indicators: r.indicators.map((i, n) => (n === 0 ? { ...i, actual: Number.NaN } : i)),
    }));
    const book = await load(await renderWorkbook({ ...renamed({ E008: bad, E002: 'x'.repeat(40_000) }), results }));
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell(`C${findRow(summary, 'B', 'E008')}`).value).toBe('ABCD');
    expect((summary.getCell(`C${findRow(summary, 'B', 'E002')}`).value as string).length).toBe(32_767);
    expect(book.worksheets.find((s) => s.name.startsWith('E008'))!.getCell('E9').value).toBeNull();
  });

  it('gives a person who was not scored a sheet saying why', async () => {
    const failed: ReportEmployee = { ...input.report.employees[0], id: 'E099', name: '无岗位', role: null, base: null, adjustment: null, final: null, grade: null, rank: null, teamRank: null, error: 'role "保洁" matches no role', dimensions: [], indicators: [] };
    const report = { ...input.report, employees: [...input.report.employees, failed] };
    const book = await load(await renderWorkbook({ ...input, report }));
    const sheet = book.getWorksheet('E099 无岗位')!;
    expect(sheet.getCell('A8').value).toBe('未评分：role "保洁" matches no role');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

describe('locale and determinism', () => {
  it('names sheets and signature lines in English for locale en', async () => {
    const book = await load(await renderWorkbook({ ...input, locale: 'en' }));
    const names = book.worksheets.map((s) => s.name);
    expect([names[0], names.at(-2), names.at(-1)]).toEqual(['Summary', 'Details', 'Issues']);
    const texts: unknown[] = [];
    book.worksheets[1].eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toEqual(expect.arrayContaining(['Employee signature:', 'Assessor signature:', 'Date:', word('base', 'en')]));
  });

  it('gives identical bytes for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2030, 0, 1, 10, 0, 0)));
    const first = await renderWorkbook(input);
    vi.setSystemTime(new Date(Date.UTC(2031, 5, 7, 23, 59, 59)));
    const second = await renderWorkbook(input);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const parts = unzipText(first);
    const sheetXml = [...parts.entries()].filter(([n]) => n.startsWith('xl/worksheets/')).map(([, t]) => t).join('');
    expect(sheetXml).toContain('<dataBar>');
    expect(sheetXml).not.toContain('<x14:id/>');
  });
});
