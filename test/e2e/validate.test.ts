/**
 * `kpi validate` (SPEC §7) through the CLI: a valid scheme with ledgers, JSON for CI,
 * several mistakes at once, and `kpi score` refusing a broken config with the same lines.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runKpi } from './run-cli.js';

const csvs = readdirSync('fixtures/sample').filter((f) => f.endsWith('.csv')).map((f) => `fixtures/sample/${f}`);

describe('kpi validate', () => {
  it('a valid config alone exits 0', () => {
    const run = runKpi(['validate', '-c', 'fixtures/minimal/kpi.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('fixtures/minimal/kpi.yaml: OK — 1 source, 4 metrics, 2 dimensions, 1 role\nOK\n');
  });

  it('with ledgers: rows per source, date ranges, people, rejected rows, the period; JSON for CI', () => {
    const run = runKpi(['validate', ...csvs, '-c', 'fixtures/sample/kpi.yaml', '--format', 'json']);
    expect(run.status).toBe(2); // the sample's two deliberate bad rows
    const doc = JSON.parse(run.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.config).toEqual({ file: 'fixtures/sample/kpi.yaml', valid: true, problems: [], warnings: [] });
    expect(doc.ledgers.sources.find((s: { id: string }) => s.id === 'services')).toEqual({ id: 'services', rows: 176, from: '2026-10-28', to: '2026-11-30' });
    expect(doc.ledgers.people).toBe(12);
    expect(doc.ledgers.period).toBe('2026-11');
    expect(doc.ledgers.rejected.map((r: { row: number; reason: string }) => `${r.row} ${r.reason}`)).toEqual(['29 no employee id', '97 not a number']);
  });

  it('reports several independent mistakes in one run, each with its place', () => {
    const run = runKpi(['validate'], { cwd: join(ROOT, 'fixtures', 'errors', 'config-unquoted-formula') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('kpi.yaml: 2 problems');
  });

  it('kpi score refuses an invalid config with the same message', () => {
    const dir = join(ROOT, 'fixtures', 'errors', 'config-role-weights');
    const validate = runKpi(['validate'], { cwd: dir });
    const score = runKpi(['score', '../../minimal/services.csv'], { cwd: dir });
    const line = 'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 110, not 100 (adjust them by -10)';
    expect(validate.stdout).toContain(line);
    expect(score.stderr).toBe(`kpi: error: ${line}\n`);
    expect(score.status).toBe(1);
  });

  it('a misspelled key, an unknown source and a weight sum: all three in one run, validate and score alike', () => {
    const dir = join(ROOT, 'fixtures', 'errors', 'config-three-mistakes');
    const lines = [
      'kpi.yaml:17:33: unknown key "wieght" in dimensions.service.indicators[0] (did you mean "weight"?)',
      'kpi.yaml:11:21: source "servics" is not defined (did you mean "services"?)',
      'kpi.yaml:23:24: the dimension weights of role "engineer" sum to 95, not 100 (adjust them by 5)',
    ];
    const validate = runKpi(['validate'], { cwd: dir });
    expect(validate.status).toBe(1);
    expect(validate.stdout).toBe(`kpi.yaml: 3 problems\n${lines.map((l) => `  error: ${l}\n`).join('')}not valid\n`);
    const score = runKpi(['score', 'services.csv'], { cwd: dir });
    expect(score.status).toBe(1);
    expect(score.stderr).toBe(`kpi: error: kpi.yaml: 3 problems in the config\n${lines.map((l) => `  ${l}\n`).join('')}`);
  });
});
