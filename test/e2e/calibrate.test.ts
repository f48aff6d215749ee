/**
 * `kpi calibrate` (SPEC §9) on fixtures/calibrate: eleven people whose values are 1…11,
 * so the Excel PERCENTILE.INC ranks are p·(n−1) = p·10: P10 = 2, P25 = 3.5 (between the
 * 3rd and 4th values), median = 6, P75 = 8.5, P90 = 10.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runKpi } from './run-cli.js';

const args = ['calibrate', 'fixtures/calibrate/services.csv', '-c', 'fixtures/calibrate/kpi.yaml'];

describe('kpi calibrate', () => {
  const run = runKpi([...args, '--format', 'json']);
  const doc = JSON.parse(run.stdout);

  it('gives the distribution of each indicator (hand-worked percentiles)', () => {
    expect(run.status).toBe(0);
    expect(doc.periods).toEqual(['2026-11']);
    expect(doc.indicators[0]).toMatchObject({ dimension: 'service', metric: 'score', n: 11, min: 1, p10: 2, p25: 3.5, median: 6, p75: 8.5, p90: 10, max: 11 });
    expect(Object.keys(doc.indicators[0])).toEqual(['dimension', 'metric', 'n', 'min', 'p10', 'p25', 'median', 'p75', 'p90', 'max', 'atTarget', 'suggested']);
  });

  it('the share each current standard scores at 100 or more', () => {
    // linear 0→10: a ≥ 10 → 2 of 11; linear 12→2: a ≤ 2 → 2; ratio lower 3: a ≤ 3 → 3;
    // piecewise up: a ≥ 6 → 6; bands min 9: a ≥ 9 → 3; piecewise down: a ≤ 4 → 4; deduct 5: a ≤ 0 → 0.
    expect(doc.indicators.map((i: { atTarget: number }) => Math.round(i.atTarget * 11))).toEqual([2, 2, 3, 6, 3, 4, 0]);
  });

  it('suggests standards above the median, mirrored when lower is better', () => {
    expect(doc.indicators.map((i: { suggested: unknown }) => i.suggested)).toEqual([
      { method: 'linear', zero: 2, target: 8.5 }, // zero at P10, target at P75
      { method: 'linear', zero: 10, target: 3.5 }, // lower is better: zero at P90, target at P25
      { method: 'ratio', target: 3.5, better: 'lower' }, // target at P25
      { method: 'piecewise', points: [{ at: 3.5, score: 60 }, { at: 8.5, score: 100 }, { at: 10, score: 120 }], cap: 120 },
      { method: 'bands', bands: [{ min: 8.5, score: 100 }, { min: 6, score: 60 }] },
      { method: 'piecewise', points: [{ at: 8.5, score: 60 }, { at: 3.5, score: 100 }, { at: 2, score: 120 }], cap: 120 },
      null, // deduct is a rule, not a level: kept
    ]);
  });

  it('the YAML is the config with the suggestions in place, and it passes kpi validate', () => {
    const yaml = runKpi([...args, '--format', 'yaml']);
    expect(yaml.status).toBe(0);
    const config = parse(yaml.stdout);
    expect(config.dimensions.service.indicators[1].standard).toEqual({ method: 'linear', zero: 10, target: 3.5 });
    expect(config.dimensions.service.indicators[6].standard).toEqual({ method: 'deduct', per: 5 });
    const dir = mkdtempSync(join(tmpdir(), 'kpi-calibrate-'));
    writeFileSync(join(dir, 'kpi.yaml'), yaml.stdout);
    const validate = runKpi(['validate', '-c', join(dir, 'kpi.yaml')]);
    expect(validate.status).toBe(0);
  });

  it('prints a table by default', () => {
    const table = runKpi(args);
    expect(table.stdout).toMatch(/│ service\s+│ Score linear\s+│ 11 │ 1\s+│ 2\s+│ 3\.5\s+│ 6\s+│ 8\.5\s+│ 10\s+│ 11\s+│ 18\.2%/);
  });
});
