/**
 * `kpi init` in both languages: the workbook read back with exceljs (sheets, title row,
 * headers, date and number cells, the deliberate bad rows), the scheme through the config
 * checker and against the workbook's sheet names and headers, refusal to overwrite, and
 * the written folder scored end to end by the built CLI, as fixtures/sample/EXPECTED.md
 * says the sample scores.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { initCommand, type InitOptions } from '../../src/commands/init.js';
import type { Io } from '../../src/commands/io.js';
import { checkConfigText } from '../../src/config/load.js';
import { KpiError } from '../../src/errors.js';
import { normalizeHeader } from '../../src/read/headers.js';
import { runKpi } from '../e2e/run-cli.js';

type Locale = InitOptions['locale'];

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kpi-init-${name}-`));
  made.push(dir);
  return dir;
}

function capture(): Io & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), text: () => lines.join('') };
}

async function init(locale: Locale, dir = tempDir(locale), force = false) {
  const io = capture();
  const code = await initCommand(dir, { locale, force }, io);
  return { dir, code, messages: io.text() };
}

async function readWorkbook(dir: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, 'ledger.xlsx'));
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

const SHEETS: Record<Locale, string[]> = {
  'zh-CN': ['人员名单', '服务台账', '投诉台账', '市场信息台账', '销售支持台账', '奖惩记录', '培训记录', '周报记录', '团队满意度'],
  en: ['People', 'Services', 'Complaints', 'Market info', 'Sales support', 'Rewards and penalties', 'Training', 'Weekly reports', 'Team survey'],
};

describe.each(['zh-CN', 'en'] as const)('kpi init --locale %s', (locale) => {
  const zh = locale === 'zh-CN';
  const written = init(locale);

  it('writes kpi.yaml and ledger.xlsx and says what to run next', async () => {
    const { dir, code, messages } = await written;
    expect(code).toBe(0);
    expect(messages).toContain(`wrote ${join(dir, 'kpi.yaml')}`);
    expect(messages).toContain(`wrote ${join(dir, 'ledger.xlsx')}: 12 people and 8 ledgers for 2026-11 (333 rows; 2 are wrong on purpose`);
    expect(messages).toMatch(/next: cd .+ && kpi score ledger\.xlsx\n$/);
  });

  it('writes one sheet per source, a title row above the services header, and a frozen header', async () => {
    const workbook = await readWorkbook((await written).dir);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS[locale]);
    const services = workbook.getWorksheet(SHEETS[locale][1])!;
    expect(services.getCell('A1').value).toBe(zh ? '2026年11月 客户服务部工作台账' : 'Customer Service Department — work ledger, November 2026');
    expect(services.getCell('I1').master.address).toBe('A1');
    expect(rowValues(services, 2)).toEqual(zh
      ? ['工号', '姓名', '服务日期', '客户名称', '服务类型', '满意度', '是否及时', '一次修复', '备注']
      : ['Employee ID', 'Name', 'Service date', 'Customer', 'Service type', 'Satisfaction', 'On time', 'Fixed first time', 'Remarks']);
    expect(services.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const roster = workbook.getWorksheet(SHEETS[locale][0])!;
    expect(rowValues(roster, 1)).toEqual(zh ? ['工号', '姓名', '岗位', '班组'] : ['Employee ID', 'Name', 'Role', 'Team']);
    expect(rowValues(roster, 8)).toEqual(zh ? ['E007', '李秀英', '客服经理', '二组'] : ['E007', '李秀英', 'Service Manager', 'Team 2']);
  });

  it('writes dates as date cells, numbers as numbers, and marks as text', async () => {
    const workbook = await readWorkbook((await written).dir);
    const services = workbook.getWorksheet(SHEETS[locale][1])!;
    // Row 3 is the first data row: E005 陈静, 2026-10-28, a repair entered late.
    const date = services.getCell('C3');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe('2026-10-28T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(rowValues(services, 3)).toEqual(zh
      ? ['E005', '陈静', date.value, '嘉兴明光照明', '上门维修', 5, '是', '√', '上月补录']
      : ['E005', '陈静', date.value, 'Jiaxing Mingguang Lighting', 'On-site repair', 5, 'Yes', '√', 'entered late for last month']);
    expect(services.getCell('H5').value).toBe('×');
    const survey = workbook.getWorksheet(SHEETS[locale][8])!;
    expect(survey.getCell('E3').value).toBe(0.92);
    expect(survey.getCell('E3').numFmt).toBe('0%');
    const training = workbook.getWorksheet(SHEETS[locale][6])!;
    expect(training.getCell('D6').value).toBe(3.5);
  });

  it('keeps the deliberate bad and untidy rows of the sample', async () => {
    const workbook = await readWorkbook((await written).dir);
    const services = workbook.getWorksheet(SHEETS[locale][1])!;
    expect(services.getCell('A98').value).toBe('E005');
    expect(services.getCell('F98').value).toBe('abc');
    expect(services.getCell('A117').value).toBe(' E003 ');
    expect(services.getCell('F117').value).toBe('５');
    const sales = workbook.getWorksheet(SHEETS[locale][4])!;
    expect(sales.getCell('A1').value).toBe(zh ? '2026年11月 销售支持台账' : 'Sales support, November 2026');
    expect(sales.getCell('A30').value).toBeNull();
    expect(sales.getCell('B30').value).toBe('孙浩');
  });

  it('writes a scheme the config checker accepts, whose sheets and headers are those of the workbook', async () => {
    const { dir } = await written;
    const check = checkConfigText(readFileSync(join(dir, 'kpi.yaml'), 'utf8'), 'kpi.yaml');
    expect(check.problems).toEqual([]);
    const scheme = check.scheme!;
    expect(scheme.locale).toBe(locale);
    expect(scheme.roles.map((r) => [r.id, r.weights.map((w) => `${w.dimension} ${w.weight}`).join(', ')])).toEqual([
      ['engineer', 'service 50, research 35, sales 15'],
      ['manager', 'service 40, research 25, sales 15, management 20'],
    ]);
    const workbook = await readWorkbook(dir);
    expect(scheme.sources.map((s) => s.sheet)).toEqual(SHEETS[locale]);
    for (const source of scheme.sources) {
      const sheet = workbook.getWorksheet(source.sheet!)!;
      const headerRow = sheet.getCell('A1').isMerged ? 2 : 1;
      const headers = rowValues(sheet, headerRow).map((h) => normalizeHeader(String(h)));
      // Derived fields (the sales response hours, from two timestamps) have no column.
      for (const field of source.fields.filter((f) => !f.derive)) {
        expect(field.headers.some((h) => headers.includes(normalizeHeader(h))), `${source.id}.${field.id}`).toBe(true);
      }
    }
    // Roster role cells name the roles by label, as a department fills them in.
    const labels = new Set(scheme.roles.map((r) => r.label));
    const roster = workbook.getWorksheet(SHEETS[locale][0])!;
    for (let r = 2; r <= 13; r++) expect(labels.has(String(roster.getCell(r, 3).value))).toBe(true);
  });

  if (!zh) {
    it('leaves no Chinese in the English ledger but people’s names', async () => {
      const workbook = await readWorkbook((await written).dir);
      const names = new Set<string>();
      workbook.getWorksheet('People')!.eachRow((row) => names.add(String(row.getCell(2).value)));
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === 'string' && /[\u4e00-\u9fff]/.test(cell.value)) expect(names, `${sheet.name}!${cell.address}`).toContain(cell.value);
      })));
    });
  }
});

describe('kpi init refuses to overwrite', () => {
  it('stops with exit 1 naming the file, and leaves it alone', async () => {
    const dir = tempDir('refuse');
    writeFileSync(join(dir, 'kpi.yaml'), 'mine\n');
    const error = await init('zh-CN', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).exitCode).toBe(1);
    expect((error as KpiError).message).toBe(`${join(dir, 'kpi.yaml')} already exists; use --force to overwrite it`);
    expect(readFileSync(join(dir, 'kpi.yaml'), 'utf8')).toBe('mine\n');
    expect(() => readFileSync(join(dir, 'ledger.xlsx'))).toThrow();
  });

  it('names both files when both exist, and overwrites them with --force', async () => {
    const { dir } = await init('zh-CN');
    await expect(init('en', dir)).rejects.toThrow(`${join(dir, 'kpi.yaml')} and ${join(dir, 'ledger.xlsx')} already exist; use --force to overwrite them`);
    const forced = await init('en', dir, true);
    expect(forced.code).toBe(0);
    expect(forced.messages).toContain(`overwrote ${join(dir, 'kpi.yaml')}`);
    expect(readFileSync(join(dir, 'kpi.yaml'), 'utf8')).toContain('locale: en');
  });

  it('creates a missing folder, and refuses a path that is a file', async () => {
    const base = tempDir('dir');
    expect((await init('zh-CN', join(base, 'a', 'b'))).code).toBe(0);
    writeFileSync(join(base, 'file'), '');
    await expect(init('zh-CN', join(base, 'file'))).rejects.toThrow('is a file, not a folder');
  });
});

/** fixtures/sample/EXPECTED.md §5: id → [final, grade index (0 = best)]. */
const EXPECTED: Record<string, [number, number]> = {
  E008: [104.43, 0], E002: [101.42, 0], E010: [97.3, 1], E003: [95.83, 1], E004: [82.83, 1], E007: [74.63, 2],
  E006: [72.67, 2], E001: [71.43, 2], E005: [70, 2], E011: [63.89, 2], E012: [50.38, 3], E009: [0, 3],
};
const GRADES: Record<Locale, string[]> = { 'zh-CN': ['优秀', '良好', '合格', '不合格'], en: ['Excellent', 'Good', 'Pass', 'Fail'] };

describe.each(['zh-CN', 'en'] as const)('the %s sample scores at once (built CLI)', (locale) => {
  it('kpi score ledger.xlsx -c kpi.yaml --format json: exit 0, twelve people, the sample’s scores', async () => {
    const { dir } = await init(locale);
    const run = runKpi(['score', 'ledger.xlsx', '-c', 'kpi.yaml', '--format', 'json'], { cwd: dir });
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.period).toBe('2026-11');
    expect(doc.employees).toHaveLength(12);
    for (const e of doc.employees) {
      expect(e.error, e.id).toBeNull();
      expect([e.final, e.grade], e.id).toEqual([EXPECTED[e.id][0], GRADES[locale][EXPECTED[e.id][1]]]);
    }
    expect(doc.rejected.map((r: { row: number; column: string }) => `${r.row} ${r.column}`).sort())
      .toEqual(locale === 'zh-CN' ? ['30 工号', '98 满意度'] : ['30 Employee ID', '98 Satisfaction']);
    expect(doc.stats).toMatchObject({ rowsOutOfPeriod: 9, rejected: 2 });
  });
});
