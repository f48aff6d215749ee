/**
 * The bundled sample scored end to end through the built CLI, checked against the hand
 * computation in fixtures/sample/EXPECTED.md for an engineer (E005) and a manager (E007).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const csvs = readdirSync('fixtures/sample').filter((f) => f.endsWith('.csv')).map((f) => `fixtures/sample/${f}`);
const args = ['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '-p', '2026-11', '--format', 'json'];

describe('kpi score on the sample', () => {
  const run = runKpi(args);
  const doc = JSON.parse(run.stdout);
  const person = (id: string) => doc.employees.find((e: { id: string }) => e.id === id);

  it('exits 0 and prints only the §6.2 document on stdout', () => {
    expect(run.status).toBe(0);
    // `scheme` (SPEC §12: provenance) comes after the §6.2 keys, which keep their place.
    expect(Object.keys(doc)).toEqual(['title', 'period', 'config', 'progress', 'employees', 'rejected', 'warnings', 'stats', 'scheme']);
    expect(doc.period).toBe('2026-11');
    expect(Object.keys(person('E005'))).toEqual([
      'id', 'name', 'role', 'team', 'base', 'adjustment', 'final', 'grade', 'rank', 'teamRank',
      'vetoes', 'error', 'dimensions', 'indicators',
    ]);
  });

  it('scores engineer E005 as worked by hand (EXPECTED.md §2)', () => {
    const e = person('E005');
    // B = (50×70 + 35×1700/21 + 15×85)/100 = 913/12; +2 for one commendation = 78.08;
    // three valid complaints trigger the cap-70 veto.
    expect(e.base).toBeCloseTo(913 / 12, 9);
    expect(e.adjustment).toBe(2);
    expect(e.final).toBe(70);
    expect(e.grade).toBe('合格');
    expect(e.rank).toBe(9);
    expect(e.teamRank).toBe(6);
    expect(e.vetoes.map((v: { metric: string }) => v.metric)).toEqual(['valid_complaints']);
    const dims = Object.fromEntries(e.dimensions.map((d: { id: string; score: number }) => [d.id, d.score]));
    expect(dims.service).toBeCloseTo(70, 9);
    expect(dims.research).toBeCloseTo(1700 / 21, 9);
    expect(dims.sales).toBeCloseTo(85, 9);
    const satisfaction = e.indicators.find((i: { metric: string }) => i.metric === 'satisfaction');
    expect(satisfaction.actual).toBeCloseTo(4.2, 12); // avg of 5, 3, 4, 5, 4; two empty cells ignored
    expect(satisfaction.score).toBeCloseTo(200 / 3, 9);
    const adoption = e.indicators.find((i: { metric: string }) => i.metric === 'adoption_rate');
    expect(adoption).toMatchObject({ actual: null, score: null, excluded: true }); // 0/0 → missing → excluded
  });

  it('scores manager E007 as worked by hand (EXPECTED.md §3)', () => {
    const e = person('E007');
    // B = (40×535/6 + 25×80 + 15×0 + 20×69.8)/100 = 5222/75; commendations 3×2 = 6 → max 5.
    expect(e.role).toBe('manager');
    expect(e.base).toBeCloseTo(5222 / 75, 9);
    expect(e.adjustment).toBe(5);
    expect(e.final).toBe(74.63);
    expect(e.grade).toBe('合格');
    expect(e.rank).toBe(6);
    expect(e.teamRank).toBe(3);
    const dims = Object.fromEntries(e.dimensions.map((d: { id: string; score: number }) => [d.id, d.score]));
    expect(dims).toMatchObject({ research: 80, sales: 0 });
    expect(dims.service).toBeCloseTo(535 / 6, 9);
    expect(dims.management).toBeCloseTo(69.8, 9);
  });

  it('reports the two bad rows and the row counts', () => {
    expect(doc.rejected).toEqual([
      { file: 'fixtures/sample/sales.csv', sheet: null, row: 29, column: '工号', value: '', reason: 'no employee id' },
      { file: 'fixtures/sample/services.csv', sheet: null, row: 97, column: '满意度', value: 'abc', reason: 'not a number' },
    ]);
    // 333 ledger rows + 12 roster rows read = 334 used + 2 rejected + 9 in October + 0 blank.
    expect(doc.stats).toEqual({ rows: 333, rowsOutOfPeriod: 9, rejected: 2, read: 345, used: 334, blank: 0 });
  });

  it('applies forced distribution: only floor(20% × 12) = 2 people are 优秀', () => {
    expect(doc.employees.filter((e: { grade: string }) => e.grade === '优秀').map((e: { id: string }) => e.id)).toEqual(['E008', 'E002']);
  });

  it('prints the same bytes twice', () => {
    expect(runKpi(args).stdout).toBe(run.stdout);
  });
});

describe('kpi score table output', () => {
  it('prints the ranking with dimension columns and says which period it chose', () => {
    const run = runKpi(['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('kpi: scoring 2026-11, the month of the latest row date (2026-11-30)');
    expect(run.stdout).toContain('客户服务部月度绩效考核');
    expect(run.stdout).toMatch(/│\s+9 │ E005 │ 陈静\s+│ 客服工程师 │\s+70\.00 │\s+80\.95 │\s+85\.00 │\s+│\s+\+2\.00 │ 70\.00 ! │ 合格/);
    expect(run.stderr).toContain('fixtures/sample/services.csv row 97, column 满意度: "abc" not a number');
  });

  it('--strict refuses to score with rejected rows, exit 2, and writes nothing', () => {
    const run = runKpi(['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '--strict', '-o', '/tmp/kpi-strict-test.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kpi: error: --strict: 2 rejected row(s); nothing was written');
    expect(run.stdout).toBe('');
  });
});

describe('kpi score --explain', () => {
  it("takes E005's score apart: contributions add up to the base (EXPECTED.md §2)", () => {
    const run = runKpi(['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '-p', '2026-11', '--explain', 'E005', '-q']);
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toContain('E005 · 陈静 · 客服工程师 · 一组 — 2026-11');
    // 客户满意度: (30/100) × 66.67 × (50/100) = 10.00; 需求采纳率 excluded → N/A, no contribution.
    expect(text).toMatch(/│ 客户服务\s+│ 客户满意度\s+│\s+30 │ 线性：3 得 0 分，4\.8 得 100 分\s+│\s+4\.2 │\s+66\.67 │\s+10\.00 │/);
    expect(text).toMatch(/│ 市场调研\s+│ 需求采纳率\s+│\s+30 │ 线性：0% 得 0 分，50% 得 100 分\s+│\s+N\/A │\s+N\/A │\s+│/);
    // Subtotals 35.00 + 28.33 + 12.75 = 76.08 = base.
    expect(text).toMatch(/客户服务 小计 .*70\.00 │\s+35\.00 │/);
    expect(text).toMatch(/市场调研 小计 .*80\.95 │\s+28\.33 │/);
    expect(text).toMatch(/销售支持 小计 .*85\.00 │\s+12\.75 │/);
    expect(text).toContain('基础分: 76.08');
    expect(text).toContain('一票否决: 有效投诉过多 (valid_complaints = 3) → ≤ 70');
    expect(text).toContain('总分: 70.00    等级: 合格    排名: 9');
  });

  it('an unknown id is a usage error', () => {
    const run = runKpi(['score', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '--explain', 'E999']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--explain E999: no one with that id was scored');
  });
});
