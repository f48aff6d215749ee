/**
 * `kpi scheme` (SPEC §12): the scheme in force as the document HR publishes — Markdown in
 * both locales (snapshots of the article's scheme as `kpi init` writes it, checked by eye),
 * the printable workbook read back (one A4 sheet per role, every indicator and standard,
 * the employee's acknowledgement), the version chosen by -p, --role, JSON, and --diff.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi, runKpiMany } from './run-cli.js';

const FIXTURE = join(ROOT, 'fixtures', 'schemes');

function initIn(locale: 'zh-CN' | 'en'): string {
  const dir = mkdtempSync(join(tmpdir(), `kpi-scheme-${locale}-`));
  expect(runKpi(['init', '--locale', locale], { cwd: dir }).status).toBe(0);
  return dir;
}

describe.each(['zh-CN', 'en'] as const)('kpi scheme -o scheme.md (%s)', (locale) => {
  it('publishes the scheme as Markdown', async () => {
    const dir = initIn(locale);
    const run = runKpi(['scheme', '-o', 'scheme.md'], { cwd: dir });
    expect(run.status).toBe(0);
    const md = readFileSync(join(dir, 'scheme.md'), 'utf8');
    // The hash is the file's; it is checked here and kept out of the snapshot, so a change to
    // kpi init's comments does not look like a change to the document.
    const hash = createHash('sha256').update(readFileSync(join(dir, 'kpi.yaml'))).digest('hex').slice(0, 12);
    expect(md).toContain(`sha256 \`${hash}\``);
    await expect(md.replace(hash, '<sha256>')).toMatchFileSnapshot(`./__snapshots__/scheme.${locale}.md`);
  });
});

describe('kpi scheme -o scheme.xlsx', () => {
  const dir = initIn('zh-CN');
  const run = runKpi(['scheme', '-o', 'scheme.xlsx'], { cwd: dir });
  const texts = (ws: ExcelJS.Worksheet) => {
    const all: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && all.push(cell.value))));
    return all;
  };

  it('is one printable A4 sheet per role, fit to one page', async () => {
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'scheme.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['客服工程师', '客服经理']);
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
      expect(ws.headerFooter.oddFooter).toMatch(/客户服务部月度绩效考核 · 2026-11 起 · sha256 [0-9a-f]{12}/);
    }
  });

  it("holds every indicator of the role with its weight, source and standard, and the employee's acknowledgement", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'scheme.xlsx')) as unknown as ArrayBuffer);
    const engineer = texts(workbook.getWorksheet('客服工程师')!);
    const manager = texts(workbook.getWorksheet('客服经理')!);
    for (const label of ['客户满意度', '服务响应及时率', '一次修复率', '有效投诉', '市场信息反馈条数', '需求采纳率', '调研报告提交', '销售支持次数', '支持平均响应时长']) {
      expect(engineer, label).toContain(label);
      expect(manager, label).toContain(label);
    }
    for (const label of ['团队培训课时', '周报按时提交率']) {
      expect(engineer).not.toContain(label);
      expect(manager).toContain(label);
    }
    // The standards in words, and where a value comes from (SPEC §12's own example).
    expect(engineer).toContain('线性：3 得 0 分，4.8 得 100 分');
    expect(engineer).toContain('分段：75% 得 60 分，85% 得 100 分，95% 得 120 分（之间按直线，低于 75% 得 0 分）');
    expect(engineer).toContain('每次扣 25 分（基准 100）');
    expect(engineer).toContain('服务台账中 服务类型 = 上门维修 的记录里，一次修复 = 是 的比例');
    expect(engineer).toContain('客户服务\n50%');
    expect(engineer).toContain('员工签字：');
    expect(engineer).toContain('本人已阅读并理解上述考核指标与考核标准。');
    expect(engineer).toContain('重大服务事故');
    expect(engineer).toContain('不超过全体参评人数的 20%');
  });
});

describe('kpi scheme: which version, which role, JSON', () => {
  const [old, latest, role, unknown, json] = runKpiMany([
    { args: ['scheme', '-c', 'schemes/', '-p', '2026-09'], cwd: FIXTURE },
    { args: ['scheme', '-c', 'schemes/'], cwd: FIXTURE },
    { args: ['scheme', '-c', 'schemes/', '--role', 'Engineer', '--format', 'markdown'], cwd: FIXTURE },
    { args: ['scheme', '-c', 'schemes/', '--role', 'boss'], cwd: FIXTURE },
    { args: ['scheme', '-c', 'schemes/', '--format', 'json'], cwd: FIXTURE },
  ]);

  it('-p prints the version in force for the period; without it, the latest', () => {
    expect(old.stdout).toContain('In force: up to 2026-09');
    expect(old.stdout).toContain('linear: 0 at 3, 100 at 5');
    expect(latest.stdout).toContain('In force: from 2026-10');
    expect(latest.stdout).toContain('linear: 0 at 3, 100 at 4.5');
    expect(latest.stdout).toContain('Top marks: +1 per case, at most 3');
  });

  it('--role by label; an unknown role is exit 1', () => {
    expect(role.status).toBe(0);
    expect(role.stdout).toContain('## Role: Engineer');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--role boss: the scheme has no such role (roles: engineer)');
  });

  it('JSON: the document with its provenance, weights and words', () => {
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ title: 'Service scheme', file: 'schemes/from-2026-10.yaml', effective: { from: '2026-10', to: null }, locale: 'en' });
    expect(doc.roles[0].dimensions[0].indicators[0]).toEqual({
      metric: 'satisfaction', label: 'Satisfaction', weight: 60, ofTotal: 60,
      source: 'Average Satisfaction over the records in the services ledger',
      standard: 'linear: 0 at 3, 100 at 4.5', standardConfig: { method: 'linear', zero: 3, target: 4.5 }, missing: 'exclude',
    });
    expect(doc.vetoes).toEqual([{ metric: 'poor', label: 'Poor service', source: 'Number of records in the services ledger with Satisfaction ≤ 3', condition: '≥ 1', effect: 'final capped at 60' }]);
  });
});

describe('kpi scheme --diff', () => {
  const [files, folder, json, one] = runKpiMany([
    { args: ['scheme', '--diff', 'schemes/until-2026-09.yaml', 'schemes/from-2026-10.yaml'], cwd: FIXTURE },
    { args: ['scheme', '--diff', '-c', 'schemes/'], cwd: FIXTURE },
    { args: ['scheme', '--diff', '-c', 'schemes/', '--format', 'json'], cwd: FIXTURE },
    { args: ['scheme', '--diff', 'schemes/from-2026-10.yaml'], cwd: FIXTURE },
  ]);

  it('lists every change, old → new (two files, or each consecutive pair of -c)', () => {
    expect(files.status).toBe(0);
    expect(files.stdout).toBe(folder.stdout);
    expect(files.stdout).toBe([
      'Changes to the scheme: schemes/until-2026-09.yaml (up to 2026-09) → schemes/from-2026-10.yaml (from 2026-10)',
      '  In force: up to 2026-09 → from 2026-10',
      '  Indicator weight: Customer service › Satisfaction: 50% → 60%',
      '  Standard: Customer service › Satisfaction: linear: 0 at 3, 100 at 5 → linear: 0 at 3, 100 at 4.5 (target 5 → 4.5)',
      '  Indicator weight: Customer service › Visits: 50% → 40%',
      '  Adjustment added: Top marks: +1 per case, at most 3; Number of records in the services ledger with Satisfaction = 5',
      '  Veto: Poor service: if ≥ 2, final capped at 60 → if ≥ 1, final capped at 60',
      '  Grade: A: final ≥ 90; no limit → final ≥ 85; at most 50% of everyone scored',
      '',
    ].join('\n'));
  });

  it('as JSON', () => {
    const doc = JSON.parse(json.stdout);
    expect(doc.from.file).toBe('schemes/until-2026-09.yaml');
    expect(doc.changes.map((c: { kind: string; change: string }) => `${c.kind}:${c.change}`)).toEqual([
      'effective:changed', 'indicatorWeight:changed', 'standard:changed', 'indicatorWeight:changed', 'adjustment:added', 'veto:changed', 'grade:changed',
    ]);
  });

  it('needs two versions', () => {
    expect(one.status).toBe(1);
    expect(one.stderr).toContain('kpi scheme --diff needs two scheme files (OLD NEW)');
  });
});
