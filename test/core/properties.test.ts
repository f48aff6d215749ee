/**
 * Properties of the scoring engine, checked over generated inputs (fast-check):
 * - every indicator score lies in [0, cap], whatever the finite actual value and standard;
 * - the order of ledger rows changes no metric value;
 * - scaling every indicator weight of a dimension by one positive factor changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricAggregator } from '../../src/core/aggregate.js';
import { scoreEmployee } from '../../src/core/score.js';
import { scoreIndicator } from '../../src/core/standards.js';
import type { Condition, LedgerRow, Metric, Standard } from '../../src/core/types.js';
import { dimension, indicator, metric, role, row, scheme, source, std, values } from './factories.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const cap = fc.double({ min: 1, max: 200, noNaN: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const condition: fc.Arbitrary<Condition> = fc.oneof(
  finite.map((value): Condition => ({ kind: 'eq', value })),
  fc.array(finite, { maxLength: 4 }).map((list): Condition => ({ kind: 'in', values: list })),
  fc.record({ gte: maybe(finite), lt: maybe(finite), ne: maybe(finite) }).map(
    (ops): Condition => ({ kind: 'ops', ops: Object.fromEntries(Object.entries(ops).filter(([, v]) => v !== undefined)) }),
  ),
);

/** Points with strictly monotone `at`, ascending or descending. */
const points = fc
  .tuple(fc.uniqueArray(finite, { minLength: 1, maxLength: 6 }), fc.boolean())
  .chain(([ats, ascending]) => {
    const sorted = [...ats].sort((a, b) => (ascending ? a - b : b - a));
    return fc.array(finite, { minLength: sorted.length, maxLength: sorted.length }).map((scores) =>
      sorted.map((at, i) => ({ at, score: scores[i] })),
    );
  });

const standard: fc.Arbitrary<Standard> = fc.oneof(
  fc.record({ target: finite, zero: finite, floor: maybe(finite), cap }).map((s): Standard => ({ method: 'linear', ...s })),
  fc.record({ target: finite, better: fc.constantFrom('higher' as const, 'lower' as const), floor: maybe(finite), cap })
    .map((s): Standard => ({ method: 'ratio', ...s })),
  fc.record({ points, cap }).map((s): Standard => ({ method: 'piecewise', ...s })),
  fc.record({
    bands: fc.array(fc.record({ min: maybe(finite), max: maybe(finite), score: finite }), { maxLength: 5 }),
    cap,
  }).map((s): Standard => ({ method: 'bands', ...s })),
  fc.record({ per: finite, base: finite, cap }).map((s): Standard => ({ method: 'deduct', ...s })),
  fc.record({ per: finite, base: finite, cap }).map((s): Standard => ({ method: 'add', ...s })),
  fc.record({ when: condition, cap }).map((s): Standard => ({ method: 'threshold', ...s })),
  fc.record({ scale: finite, cap }).map((s): Standard => ({ method: 'direct', ...s })),
);

describe('scoreIndicator', () => {
  it('always lies in [0, cap] for finite actual values', () => {
    fc.assert(
      fc.property(standard, finite, (s, a) => {
        const score = scoreIndicator(s, a);
        expect(Number.isFinite(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(s.cap);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('MetricAggregator', () => {
  const services = source('services', { kind: 'text', x: 'number', flag: 'boolean' });
  const eqCondition = (value: string | boolean): Condition => ({ kind: 'eq', value });
  const METRICS: Metric[] = [
    metric('count', 'services', 'count'),
    metric('count_a', 'services', 'count', { where: { kind: eqCondition('a') } }),
    metric('sum', 'services', 'sum', { field: 'x' }),
    metric('avg', 'services', 'avg', { field: 'x' }),
    metric('min', 'services', 'min', { field: 'x' }),
    metric('max', 'services', 'max', { field: 'x' }),
    metric('median', 'services', 'median', { field: 'x' }),
    metric('p90', 'services', 'percentile', { field: 'x', p: 90 }),
    metric('distinct_kind', 'services', 'distinct', { field: 'kind' }),
    metric('distinct_x', 'services', 'distinct', { field: 'x' }),
    metric('ratio', 'services', 'ratio', { hit: { flag: eqCondition(true) } }),
    metric('ratio_b', 'services', 'ratio', { where: { kind: eqCondition('b') }, hit: { x: { kind: 'ops', ops: { gte: 0 } } } }),
  ];
  /** Sums (and means) depend on the order of float additions; the rest must match exactly. */
  const SUMMED = new Set(['sum', 'avg']);
  const EMPLOYEES = ['E1', 'E2', 'E3'];
  const X = services.fields.findIndex((f) => f.id === 'x');

  const ledgerRow = fc
    .record({
      employee: fc.constantFrom(...EMPLOYEES),
      kind: fc.constantFrom('a', 'b', 'c', null),
      // −0 becomes 0: min/max of 0 and −0 would otherwise legitimately depend on the order
      x: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { nil: null }),
      flag: fc.option(fc.boolean(), { nil: null }),
    })
    .map((cells) => row(services, cells));

  const rowsAndShuffle = fc
    .array(ledgerRow, { maxLength: 40 })
    .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));

  function valuesAfter(rows: LedgerRow[]) {
    const aggregator = new MetricAggregator(scheme({ sources: [services], metrics: METRICS }));
    for (const r of rows) aggregator.add(r);
    return new Map(EMPLOYEES.map((e) => [e, aggregator.valuesOf(e)]));
  }

  it('gives the same metric values whatever the order of the rows', () => {
    fc.assert(
      fc.property(rowsAndShuffle, ([rows, shuffled]) => {
        const before = valuesAfter(rows);
        const after = valuesAfter(shuffled);
        for (const employee of EMPLOYEES) {
          // the float error of a sum is bounded by the sum of magnitudes, hence the tolerance
          const xs = rows.filter((r) => r.values[0] === employee).map((r) => r.values[X]).filter((x) => x !== null) as number[];
          const magnitude = xs.reduce((sum, x) => sum + Math.abs(x), 0);
          for (const m of METRICS) {
            const a = before.get(employee)!.get(m.id)!;
            const b = after.get(employee)!.get(m.id)!;
            if (SUMMED.has(m.id) && a !== null && b !== null) {
              const scale = m.id === 'avg' ? magnitude / xs.length : magnitude;
              expect(Math.abs(a - b), `${employee} ${m.id}`).toBeLessThanOrEqual(1e-9 * scale);
            } else {
              expect(b, `${employee} ${m.id}`).toBe(a);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('dimension weights', () => {
  const item = fc.record({
    weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    actual: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  });
  const factor = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

  function dimensionScore(items: { weight: number; actual: number | null }[], k: number): number | null {
    const s = scheme({
      dimensions: [dimension('d', items.map((it, i) => indicator(`m${i}`, it.weight * k, std.direct())))],
      roles: [role('r', { d: 100 })],
    });
    const vals = values(Object.fromEntries(items.map((it, i) => [`m${i}`, it.actual])));
    return scoreEmployee(s, s.roles[0], vals).dimensions[0].score;
  }

  it('scaling every indicator weight by the same factor changes no dimension score', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), factor, (items, k) => {
        const original = dimensionScore(items, 1);
        const scaled = dimensionScore(items, k);
        if (original === null) expect(scaled).toBeNull();
        else expect(Math.abs(scaled! - original)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 500 },
    );
  });
});
