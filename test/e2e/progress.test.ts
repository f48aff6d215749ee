/**
 * `kpi score --as-of` through the built CLI (SPEC §11), on fixtures/progress: a December
 * with Christmas as a holiday (22 working days), scored as of Wednesday 2026-12-09, the 7th.
 * Worked by hand: E1 has 3 visits and 9 hours so far → 3 × 22 / 7 = 66/7 visits and
 * 198/7 hours projected; expected by now 10 × 7 / 22 visits and 40 × 7 / 22 hours, both
 * behind. E2's one complaint is behind a lower-is-better target of 0; its incident is
 * `project: false`, so the veto sees 1, not 22/7. Rows after the 9th are out of period.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runKpi, runKpiMany, type CliResult } from './run-cli.js';

const cwd = join(ROOT, 'fixtures', 'progress');
const ledgers = ['visits.csv', 'events.csv'];
const out = mkdtempSync(join(tmpdir(), 'kpi-progress-'));
const DEC9 = { KPI_TODAY: '2026-12-09' };

type Doc = {
  progress: unknown;
  stats: { rowsOutOfPeriod: number; rejected: number };
  employees: { id: string; final: number; vetoes: { actual: number }[]; indicators: Record<string, unknown>[] }[];
};

describe('kpi score --as-of', () => {
  let table: CliResult, json: CliResult, explain: CliResult, files: CliResult, chinese: CliResult;
  let doc: Doc;
  const indicator = (id: string, metric: string) => doc.employees.find((e) => e.id === id)!.indicators.find((i) => i.metric === metric)!;
  beforeAll(() => {
    [table, json, explain, files] = runKpiMany([
      { args: ['score', ...ledgers, '--as-of', 'today'], cwd },
      { args: ['score', ...ledgers, '--as-of', '2026-12-09', '--format', 'json'], cwd },
      { args: ['score', ...ledgers, '--as-of', '2026-12-09', '--explain', 'E2'], cwd },
      { args: ['score', ...ledgers, '-p', '2026-12', '--as-of', '2026-12-09', '-q', '-o', join(out, 'r.csv'), '-o', join(out, 'r.xlsx'), '-o', join(out, 'r.html')], cwd },
    ], DEC9);
    [chinese] = runKpiMany([{ args: ['score', ...ledgers, '--as-of', '2026-12-09'], cwd }], { KPI_LANG: 'zh-CN' });
    doc = JSON.parse(json.stdout) as Doc;
  }, 120_000);

  it('the console title says the period is in progress, as of when, and how many working days', () => {
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('2026-12 in progress — as of 2026-12-09, 7 of 22 working days');
    expect(chinese.stdout).toContain('2026-12 进行中 — 截至 2026-12-09，已过 7 / 22 个工作日');
  });

  it('the table is the projected ranking, and the behind-pace list follows it', () => {
    const lines = table.stdout.split('\n');
    expect(lines.find((l) => l.includes(' E1 '))).toMatch(/82\.50 .* 75\.00 .* 79\.50 .* B/);
    expect(lines.find((l) => l.includes(' E2 '))).toMatch(/60\.00 ! .* C/);
    expect(table.stdout).toContain('Behind pace (7):\n  E1 Ann · visits: 3 to date, 3.18 expected by now, period target 10\n');
    expect(table.stdout).toContain('  E2 Bo · complaints: 1 to date, 0 expected by now, period target 0\n');
    expect(chinese.stdout).toContain('E1 Ann · visits：截至目前 3，按进度应达 3.18，本期目标 10');
  });

  it('JSON: progress, and per indicator the value so far, expected by now and behind; actual is projected', () => {
    expect(json.status).toBe(0);
    expect(doc.progress).toEqual({ asOf: '2026-12-09', elapsedWorkdays: 7, totalWorkdays: 22 });
    expect(Object.keys(doc).slice(0, 4)).toEqual(['title', 'period', 'config', 'progress']);
    expect(indicator('E1', 'visits')).toEqual({
      dimension: 'output', metric: 'visits', weight: 50, actual: (3 * 22) / 7, score: (100 * ((3 * 22) / 7)) / 10,
      excluded: false, toDate: 3, expectedToDate: (10 * 7) / 22, behind: true,
    });
    expect(indicator('E1', 'hours')).toMatchObject({ actual: (9 * 22) / 7, toDate: 9, expectedToDate: (40 * 7) / 22, behind: true });
    // Not additive: used as it is, no pace. A formula over projected metrics: (198/7) / (66/7).
    expect(indicator('E1', 'on_time_rate')).toMatchObject({ actual: 2 / 3, toDate: 2 / 3, expectedToDate: null, behind: false });
    expect(indicator('E1', 'hours_per_visit')).toMatchObject({ actual: (9 * 22) / 7 / ((3 * 22) / 7), toDate: 3, expectedToDate: null, behind: false });
    expect(indicator('E2', 'complaints')).toMatchObject({ actual: 22 / 7, toDate: 1, expectedToDate: 0, behind: true });
    expect(indicator('E1', 'complaints')).toMatchObject({ actual: 0, toDate: 0, expectedToDate: 0, behind: false });
    expect(indicator('E3', 'hours_per_visit')).toMatchObject({ actual: null, toDate: null, excluded: true, behind: false });
    const e2 = doc.employees.find((e) => e.id === 'E2')!;
    expect(e2.vetoes[0].actual).toBe(1);
    expect(e2.final).toBe(60);
    expect(doc.employees.find((e) => e.id === 'E1')!.final).toBe(79.5);
  });

  it('rows after the as-of date are out of period, not rejected', () => {
    // E1 12-15, E2 11-30 and 12-20, E3 12-10 (its "abc" is not looked at), E1's complaint of 12-11.
    expect(doc.stats).toMatchObject({ rowsOutOfPeriod: 5, rejected: 0 });
  });

  it('--explain shows to date, projected and expected by now, and marks what is behind', () => {
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/To date\s*│\s*Projected\s*│\s*Expected by now/);
    const complaints = explain.stdout.split('\n').find((l) => l.includes('complaints') && l.includes('│'))!;
    expect(complaints).toMatch(/│\s+1 !\s+│\s+3\.1429\s+│\s+0\s+│\s+21\.43\s+│/);
    expect(explain.stdout).toContain('! behind pace');
  });

  it('CSV: the projected scores, the as-of date and the metrics behind pace', () => {
    expect(files.status).toBe(0);
    const rows = readFileSync(join(out, 'r.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['id', 'name', 'role', 'team', 'output', 'quality', 'adjustment', 'final', 'grade', 'rank', 'as_of', 'behind_pace']);
    expect(rows[1]).toEqual(['E1', 'Ann', 'engineer', '', '82.5', '75', '0', '79.5', 'B', '1', '2026-12-09', 'visits hours']);
    expect(rows[2].slice(-2)).toEqual(['2026-12-09', 'visits hours complaints']);
  });

  it('the workbook says in progress on the Summary and every scorecard, with to-date and expected-by-now columns', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'r.xlsx'));
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('A2').value).toBe("2026-12 in progress — as of 2026-12-09, 7 of 22 working days; scores projected to the period's end    People scored: 3");
    const noteColumn = summary.getRow(4).values as unknown[];
    const note = summary.getRow(5).getCell(noteColumn.indexOf('Note')).value;
    expect(note).toBe('Behind pace: visits, hours');
    for (const name of ['E1 Ann', 'E2 Bo', 'E3 Cy']) {
      const card = workbook.getWorksheet(name)!;
      expect(card.getCell('B6').value).toBe('2026-12 (in progress, as of 2026-12-09)');
      expect([card.getCell('E8').value, card.getCell('H8').value, card.getCell('I8').value]).toEqual(['Projected', 'To date', 'Expected by now']);
    }
    const e1 = workbook.getWorksheet('E1 Ann')!;
    expect([e1.getCell('B9').value, e1.getCell('E9').value, e1.getCell('H9').value, e1.getCell('I9').value]).toEqual(['visits', (3 * 22) / 7, 3, (10 * 7) / 22]);
    expect(e1.getCell('H9').font?.color?.argb).toBe('FFC00000');
    const details = workbook.getWorksheet('Details')!;
    expect((details.getRow(1).values as unknown[]).slice(-3)).toEqual(['To date', 'Expected by now', 'Behind pace']);
    expect((details.getRow(2).values as unknown[]).slice(-3)).toEqual([3, (10 * 7) / 22, 'yes']);
  });
});

describe('kpi score --as-of -o report.html', () => {
  it('says the period is in progress and lists who is behind pace', () => {
    const html = readFileSync(join(out, 'r.html'), 'utf8');
    expect(html).toContain('2026-12 in progress — as of 2026-12-09, 7 of 22 working days');
    const section = html.slice(html.indexOf('<section id="behind">'), html.indexOf('</section>', html.indexOf('<section id="behind">')));
    expect(section).toContain('Behind pace');
    expect(section.match(/<tr>/g)?.length).toBe(8); // a head row and the seven of the console's list
    expect(section).toMatch(/<td>E1<\/td><td>Ann<\/td><td>visits<\/td><td class="n">3<\/td><td class="n">3.18<\/td><td class="n">10<\/td>/);
  });
});

describe('a period that has not ended, scored without --as-of', () => {
  it('says on stderr that the scores are to date, and how to project them; the report is unchanged', () => {
    const during = runKpi(['score', ...ledgers, '-p', '2026-12', '--format', 'json'], { cwd, env: DEC9 });
    const after = runKpi(['score', ...ledgers, '-p', '2026-12', '--format', 'json'], { cwd, env: { KPI_TODAY: '2027-01-04' } });
    expect(during.stderr).toContain("kpi: 2026-12 has not ended (today is 2026-12-09): these scores are to date; --as-of today projects them to the period's end");
    expect(after.stderr).not.toContain('has not ended');
    expect(during.stdout).toBe(after.stdout);
    expect(JSON.parse(during.stdout).progress).toBeNull();
    expect(JSON.parse(during.stdout).employees[0].indicators[0]).not.toHaveProperty('toDate');
  }, 60_000);

  it('-q keeps it quiet', () => {
    const run = runKpi(['score', ...ledgers, '-p', '2026-12', '-q'], { cwd, env: DEC9 });
    expect(run.stderr).toBe('');
  });
});
