/**
 * The two languages end to end (SPEC §15): the terminal speaks Chinese when LANG (or
 * KPI_LANG, or --lang) says so — errors, --help, validate — and `--lang en` overrides the
 * environment; reports follow the config's locale whatever the terminal speaks: the
 * Issues sheet of a zh-CN scheme gives its reasons in Chinese, an en scheme's in English;
 * JSON stays English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runKpi } from './run-cli.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const BAD_CELLS = join(ROOT, 'fixtures', 'errors', 'ledger-bad-cells');
const out = mkdtempSync(join(tmpdir(), 'kpi-lang-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function issues(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((s) => s.name === '问题' || s.name === 'Issues')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('the terminal language', () => {
  it('LANG=zh_CN.UTF-8: errors and hints in Chinese, same exit code', () => {
    const run = runKpi(['validate', '-c', 'nothere.yaml'], { env: ZH, cwd: out });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('kpi：错误：无法读取考核方案 nothere.yaml：文件不存在\n提示：请用 -c 文件 指定考核方案，或运行 "kpi init" 生成 kpi.yaml\n');
  });

  it('--lang en overrides LANG, before or after the subcommand', () => {
    for (const args of [['--lang', 'en', 'validate', '-c', 'nothere.yaml'], ['validate', '-c', 'nothere.yaml', '--lang=en']]) {
      const run = runKpi(args, { env: ZH, cwd: out });
      expect(run.stderr, args.join(' ')).toBe('kpi: error: cannot read the config nothere.yaml: no such file\nhint: pass the config with -c FILE, or run "kpi init" to create kpi.yaml\n');
    }
  });

  it('KPI_LANG=zh-CN wins over LANG=en_US; --lang zh-CN works in an English environment', () => {
    expect(runKpi(['score', 'x.csv', '-p', '2026-13'], { env: { KPI_LANG: 'zh-CN', LANG: 'en_US.UTF-8' }, cwd: out }).stderr).toContain('kpi：错误：--period 2026-13 不是有效的考核期');
    expect(runKpi(['score', 'x.csv', '-p', '2026-13', '--lang', 'zh-CN'], { cwd: out }).stderr).toContain('提示：请写成 2026-11、2026-Q4、2026-H2 或 2026');
  });

  it('--help in Chinese: titles, descriptions, options and exit codes', () => {
    const help = runKpi(['score', '--help'], { env: ZH }).stdout;
    expect(help).toContain('用法：kpi score [options] [ledgers...]');
    expect(help).toContain('为一个考核期评分：打印排名，写出报表');
    expect(help).toMatch(/-c, --config <file>\s+考核方案文件（默认 kpi.yaml）/);
    expect(help).toContain('退出码：');
    expect(runKpi(['--help']).stdout).toContain('Usage: kpi [options] [command]');
  });

  it("commander's own errors in Chinese", () => {
    const run = runKpi(['score', '--bogus'], { env: ZH });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('错误：未知选项「--bogus」');
  });

  it('validate in Chinese: places, reasons and the verdict; --format json stays English', () => {
    const run = runKpi(['validate', 'services.csv'], { env: ZH, cwd: BAD_CELLS });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('kpi.yaml：通过 — 1 个数据源，4 个指标，2 个考核维度，1 个岗位');
    expect(run.stdout).toContain('services.csv 第 7 行，列「Satisfaction」："abc" 不是数字');
    expect(run.stdout).toContain('services.csv 第 8 行，列「ID」：没有工号');
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('未通过');
    const json = JSON.parse(runKpi(['validate', 'services.csv', '--format', 'json'], { env: ZH, cwd: BAD_CELLS }).stdout);
    expect(json.ledgers.rejected.map((r: { reason: string }) => r.reason)).toEqual(['not a number', 'no employee id', expect.stringMatching(/^ambiguous date/)]);
  });
});

describe("reports follow the config's locale, not the terminal", () => {
  it('a zh-CN scheme: the Issues sheet (问题) gives Chinese reasons, even from an English terminal', async () => {
    const file = join(out, 'zh.xlsx');
    const run = runKpi(['score', 'fixtures/sample/*.csv', '-c', 'fixtures/sample/kpi.yaml', '-p', '2026-11', '-o', file, '-q', '--lang', 'en']);
    expect(run.status).toBe(0);
    const rows = await issues(file);
    expect(rows[0]).toEqual(['类型', '文件', '工作表', '行', '列', '值', '原因']);
    expect(rows.slice(1).filter((r) => r[0] === '拒收行').map((r) => [r[3], r[6]])).toEqual([['29', '没有工号'], ['97', '不是数字']]);
  });

  it('an en scheme: the Issues sheet gives English reasons, even from a Chinese terminal', async () => {
    const file = join(out, 'en.xlsx');
    const run = runKpi(['score', 'services.csv', '-o', file, '-q'], { env: ZH, cwd: BAD_CELLS });
    expect(run.status).toBe(0);
    const rows = await issues(file);
    expect(rows.slice(1).filter((r) => r[6] !== '').map((r) => r[6])).toEqual(['not a number', 'no employee id', expect.stringMatching(/^ambiguous date: day\/month order unknown/)]);
  });
});
