/**
 * `kpi score --compare` (SPEC §9.1) on fixtures/compare: linear 3 → 0, 5 → 100, so a
 * final is 50 × (satisfaction − 3). October: E1 4 → 50, E2 5 → 100, E3 3.5 → 25,
 * E4 4.5 → 75 (ranks E2 1, E4 2, E1 3, E3 4). November: E1 5 → 100, E2 4 → 50,
 * E3 4.5 → 75, E5 3.6 → 30 (ranks E1 1, E3 2, E2 3, E5 4). E5 is new; E4 is gone.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const args = ['score', 'fixtures/compare/services.csv', '-c', 'fixtures/compare/kpi.yaml', '-p', '2026-11', '--compare', '2026-10'];

describe('kpi score --compare', () => {
  it('JSON: previous final and rank per person, null for someone new', () => {
    const run = runKpi([...args, '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.employees.map((e: { id: string; final: number; rank: number; previous: unknown }) => [e.id, e.final, e.rank, e.previous])).toEqual([
      ['E1', 100, 1, { final: 50, rank: 3 }],
      ['E3', 75, 2, { final: 25, rank: 4 }],
      ['E2', 50, 3, { final: 100, rank: 1 }],
      ['E5', 30, 4, null],
    ]);
  });

  it('table and CSV: change and rank change; "new" for E5; E4 (gone) not listed', () => {
    const table = runKpi(args);
    expect(table.stdout).toMatch(/│\s+1 │ E1 .*│\s+100\.00 │ A\s+│\s+50\.00 │ \+50\.00 │\s+3 │\s+↑2 │/);
    expect(table.stdout).toMatch(/│\s+3 │ E2 .*│\s+100\.00 │ -50\.00 │\s+1 │\s+↓2 │/);
    expect(table.stdout).toMatch(/│\s+4 │ E5 .*│\s+new │/);
    expect(table.stdout).not.toContain('E4');
    const dir = mkdtempSync(join(tmpdir(), 'kpi-compare-'));
    expect(runKpi([...args, '-o', join(dir, 'r.csv')]).status).toBe(0);
    const lines = readFileSync(join(dir, 'r.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,name,role,team,service,adjustment,final,grade,rank,previous_final,change,previous_rank,rank_change');
    expect(lines[3]).toBe('E2,,engineer,,50,0,50,C,3,100,-50,1,-2');
    expect(lines[4]).toBe('E5,,engineer,,30.000000000000004,0,30,C,4,,new,,');
  });

  it('a period of another kind is refused', () => {
    const run = runKpi(['score', 'fixtures/compare/services.csv', '-c', 'fixtures/compare/kpi.yaml', '-p', '2026-11', '--compare', '2026-Q3']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--compare 2026-Q3 is a quarter, but the period scored is a month');
  });
});
