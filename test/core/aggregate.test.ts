/**
 * MetricAggregator (SPEC §3): rows of a source, filtered by employee and `where`, aggregated
 * into each employee's actual values; `hit` for ratios; people with no rows get the
 * "no values" column of §3.
 */
import { describe, expect, it } from 'vitest';
import { MetricAggregator } from '../../src/core/aggregate.js';
import type { Condition } from '../../src/core/types.js';
import { metric, row, scheme, source } from './factories.js';

const eq = (value: string | number | boolean): Condition => ({ kind: 'eq', value });
const ops = (o: Extract<Condition, { kind: 'ops' }>['ops']): Condition => ({ kind: 'ops', ops: o });

const services = source('services', {
  date: 'date',
  kind: 'text',
  satisfaction: 'number',
  on_time: 'boolean',
});
const complaints = source('complaints', { date: 'date', valid: 'boolean' });

const PREVENTIVE = '预防性维护';
const REPAIR = '维修';
const INSTALL = '安装'; // no row has this kind

const METRICS = [
  metric('rows', 'services', 'count'),
  metric('preventive', 'services', 'count', { where: { kind: eq(PREVENTIVE) } }),
  metric('sat_sum', 'services', 'sum', { field: 'satisfaction' }),
  metric('sat_avg', 'services', 'avg', { field: 'satisfaction' }),
  metric('sat_min', 'services', 'min', { field: 'satisfaction' }),
  metric('sat_max', 'services', 'max', { field: 'satisfaction' }),
  metric('sat_median', 'services', 'median', { field: 'satisfaction' }),
  metric('sat_p90', 'services', 'percentile', { field: 'satisfaction', p: 90 }),
  metric('kinds', 'services', 'distinct', { field: 'kind' }),
  metric('on_time_rate', 'services', 'ratio', { hit: { on_time: eq(true) } }),
  metric('repair_on_time', 'services', 'ratio', { where: { kind: eq(REPAIR) }, hit: { on_time: eq(true) } }),
  metric('preventive_sat', 'services', 'avg', { field: 'satisfaction', where: { kind: eq(PREVENTIVE) } }),
  metric('not_on_time', 'services', 'count', { where: { on_time: ops({ ne: true }) } }),
  metric('good_repairs', 'services', 'count', {
    where: { kind: eq(REPAIR), satisfaction: ops({ gte: 4.5 }) },
  }),
  metric('install_count', 'services', 'count', { where: { kind: eq(INSTALL) } }),
  metric('install_sum', 'services', 'sum', { field: 'satisfaction', where: { kind: eq(INSTALL) } }),
  metric('install_kinds', 'services', 'distinct', { field: 'kind', where: { kind: eq(INSTALL) } }),
  metric('install_avg', 'services', 'avg', { field: 'satisfaction', where: { kind: eq(INSTALL) } }),
  metric('install_ratio', 'services', 'ratio', { where: { kind: eq(INSTALL) }, hit: { on_time: eq(true) } }),
  metric('valid_complaints', 'complaints', 'count', { where: { valid: eq(true) } }),
];

const D = 20762; // 2026-11-05

// E1: four services (one empty satisfaction, one empty on_time), two complaints.
// E2: one service, no complaint.  E3: no rows at all.
const ROWS = [
  row(services, { employee: 'E1', date: D, kind: REPAIR, satisfaction: 4, on_time: true }),
  row(services, { employee: 'E1', date: D, kind: PREVENTIVE, satisfaction: null, on_time: false }),
  row(services, { employee: 'E1', date: D, kind: REPAIR, satisfaction: 5, on_time: true }),
  row(services, { employee: 'E1', date: D, kind: PREVENTIVE, satisfaction: 3, on_time: null }),
  row(services, { employee: 'E2', date: D, kind: REPAIR, satisfaction: 2, on_time: false }),
  row(complaints, { employee: 'E1', date: D, valid: true }),
  row(complaints, { employee: 'E1', date: D, valid: false }),
];

function aggregate() {
  const aggregator = new MetricAggregator(scheme({ sources: [services, complaints], metrics: METRICS }));
  for (const r of ROWS) aggregator.add(r);
  return aggregator;
}

describe('MetricAggregator', () => {
  const aggregator = aggregate();

  it('addValues (source and values, rows of sources interleaved) counts as add does', () => {
    const other = new MetricAggregator(scheme({ sources: [services, complaints], metrics: METRICS }));
    for (const r of [...ROWS].reverse()) other.addValues(r.source, r.values);
    for (const id of ['E1', 'E2', 'E3']) expect(other.valuesOf(id)).toEqual(aggregator.valuesOf(id));
  });
  const e1 = aggregator.valuesOf('E1');
  const e2 = aggregator.valuesOf('E2');
  const e3 = aggregator.valuesOf('E3');

  it.each<[string, number | null, number | null, number | null]>([
    // metric          E1     E2     E3 (no rows)
    ['rows', 4, 1, 0], // E1: 4 service rows; complaints are another source
    ['preventive', 2, 0, 0], // E1: rows 2 and 4
    ['sat_sum', 12, 2, 0], // E1: 4 + 5 + 3 (empty skipped)
    ['sat_avg', 4, 2, null], // E1: 12 / 3 — not 12 / 4: the empty cell is no value
    ['sat_min', 3, 2, null], // E1: min(4, 5, 3) — the empty cell is not 0
    ['sat_max', 5, 2, null],
    ['sat_median', 4, 2, null], // E1: sorted 3 4 5 → 4
    ['sat_p90', 4.8, 2, null], // E1: sorted 3 4 5, rank 0.9·2 = 1.8 → 4 + 0.8·(5−4)
    ['kinds', 2, 1, 0], // E1: 维修, 预防性维护
    ['on_time_rate', 0.5, 0, null], // E1: hits rows 1, 3 of 4 (empty on_time is no hit) = 2/4; E2: 0/1
    ['repair_on_time', 1, 0, null], // E1: R = rows 1, 3, both on time = 2/2; E2: 0/1
    ['preventive_sat', 3, null, null], // E1: R = rows 2, 4 → only 3 is a value; E2: R empty → missing
    ['not_on_time', 1, 1, 0], // E1: only row 2 (false); the empty on_time is not "≠ true"
    ['good_repairs', 1, 0, 0], // E1: 维修 AND satisfaction ≥ 4.5 → row 3 only
    ['install_count', 0, 0, 0], // R empty → 0
    ['install_sum', 0, 0, 0], // R empty → 0
    ['install_kinds', 0, 0, 0], // R empty → 0
    ['install_avg', null, null, null], // R empty → missing
    ['install_ratio', null, null, null], // R empty → missing
    ['valid_complaints', 1, 0, 0], // E1: one of two complaints is valid
  ])('%s: E1 %s, E2 %s, E3 %s', (id, forE1, forE2, forE3) => {
    for (const [values, expected] of [
      [e1, forE1],
      [e2, forE2],
      [e3, forE3],
    ] as const) {
      const actual = values.get(id);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 12);
    }
  });

  it('knows exactly the people with rows', () => {
    expect(aggregator.employees().sort()).toEqual(['E1', 'E2']);
  });

  it('gives a value for every aggregated metric, rows or not', () => {
    expect([...e3.keys()]).toEqual(METRICS.map((m) => m.id));
  });

  it('ignores rows of a source it does not know', () => {
    const other = new MetricAggregator(scheme({ sources: [services], metrics: [metric('rows', 'services', 'count')] }));
    other.add(row(complaints, { employee: 'E9', date: D, valid: true }));
    expect(other.employees()).toEqual([]);
    expect(other.valuesOf('E9').get('rows')).toBe(0);
  });
});
