/**
 * The compiled row step (src/core/row-step.ts) against the plain way of aggregating a row:
 * for each metric, its `where` and `hit` compiled as predicates (./conditions.ts) and the
 * accumulator's generic `add`. Over random metrics, conditions and rows both must give the
 * same value for every person and metric, to the bit. And a config value that looks like
 * code is only ever a value: it is passed to the compiled function, never written into it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccumulatorColumn } from '../../src/core/accumulators.js';
import { MetricAggregator } from '../../src/core/aggregate.js';
import { compileRowFilter } from '../../src/core/conditions.js';
import type { Agg, CellValue, Condition, Metric, RowFilter } from '../../src/core/types.js';
import { metric, row, scheme, source } from './factories.js';

const services = source('services', { kind: 'text', hours: 'number', on_time: 'boolean', day: 'date' });
const FIELDS = ['kind', 'hours', 'on_time', 'day'] as const;
const index = (field: string) => services.fields.findIndex((f) => f.id === field);

const KINDS = ['维修', '安装', "x'); throw new Error('injected'); ('", ''];
const cell: Record<(typeof FIELDS)[number], fc.Arbitrary<CellValue>> = {
  kind: fc.option(fc.constantFrom(...KINDS), { nil: null }),
  hours: fc.option(fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double({ min: -10, max: 10, noNaN: true })), { nil: null }),
  on_time: fc.option(fc.boolean(), { nil: null }),
  day: fc.option(fc.integer({ min: 20_390, max: 20_400 }).map((d) => d + (d % 3) / 4), { nil: null }),
};

const conditionOn = (field: (typeof FIELDS)[number]): fc.Arbitrary<Condition> => {
  const value = cell[field].filter((v) => v !== null);
  return fc.oneof(
    value.map((v): Condition => ({ kind: 'eq', value: v })),
    fc.constant<Condition>({ kind: 'eq', value: null }),
    fc.array(value, { maxLength: 3 }).map((values): Condition => ({ kind: 'in', values })),
    fc.record({ gte: fc.option(value, { nil: undefined }), ne: fc.option(value, { nil: undefined }), empty: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] })
      .map((ops): Condition => ({ kind: 'ops', ops: Object.fromEntries(Object.entries(ops).filter(([, v]) => v !== undefined)) })),
    field === 'day' ? value.map((v): Condition => ({ kind: 'eq', value: Math.floor(v as number), byDay: true })) : value.map((v): Condition => ({ kind: 'eq', value: v })),
  );
};

const filter: fc.Arbitrary<RowFilter | undefined> = fc.option(
  fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 2 }).chain((fields) =>
    fc.tuple(...fields.map(conditionOn)).map((conditions) => Object.fromEntries(fields.map((f, i) => [f, conditions[i]])) as RowFilter),
  ),
  { nil: undefined },
);

const AGGS: Agg[] = ['count', 'ratio', 'distinct', 'sum', 'avg', 'min', 'max', 'median', 'percentile'];
const metricArb = (i: number) =>
  fc.record({ agg: fc.constantFrom(...AGGS), where: filter, hit: filter, field: fc.constantFrom(...FIELDS), p: fc.integer({ min: 0, max: 100 }) }).map(({ agg, where, hit, field, p }) =>
    metric(`m${i}`, 'services', agg, {
      ...(where ? { where } : {}),
      ...(agg === 'ratio' && hit ? { hit } : {}),
      ...(agg !== 'count' && agg !== 'ratio' ? { field } : {}),
      ...(agg === 'percentile' ? { p } : {}),
    }),
  );

const rowArb = fc.record({ employee: fc.constantFrom('E1', 'E2', 'E3'), ...cell });

/** What each metric is worth per person, aggregated the plain way. */
function reference(metrics: Metric[], rows: { employee: string }[]): Map<string, Map<string, number | null>> {
  const people = new Map<string, number>();
  const plans = metrics.map((m) => {
    if (m.kind !== 'agg') throw new Error('test bug');
    return {
      id: m.id,
      column: new AccumulatorColumn(m.agg, m.p),
      where: m.where ? compileRowFilter(m.where, index) : null,
      hit: m.agg === 'ratio' ? compileRowFilter(m.hit, index) : null,
      field: m.field ? index(m.field) : -1,
    };
  });
  for (const r of rows) {
    const values = row(services, r as Record<string, CellValue>).values;
    if (!people.has(r.employee)) people.set(r.employee, people.size);
    const person = people.get(r.employee)!;
    for (const plan of plans) {
      plan.column.reserve(people.size);
      if (plan.where && !plan.where(values)) continue;
      plan.column.add(person, plan.field >= 0 ? values[plan.field] : null, plan.hit !== null && plan.hit(values));
    }
  }
  return new Map([...people].map(([id, p]) => [id, new Map(plans.map((plan) => [plan.id, plan.column.result(p)]))]));
}

describe('compiled row step', () => {
  it('aggregates every metric as the plain predicates and `add` do, to the bit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(8), { minLength: 1, maxLength: 6 }).chain((ids) => fc.tuple(fc.tuple(...ids.map((_, i) => metricArb(i))), fc.array(rowArb, { maxLength: 60 }))), ([metrics, rows]) => {
        const aggregator = new MetricAggregator(scheme({ sources: [services], metrics }));
        for (const r of rows) aggregator.add(row(services, r as Record<string, CellValue>));
        const expected = reference(metrics, rows);
        expect(aggregator.employees()).toEqual([...expected.keys()]);
        for (const [id, values] of expected) {
          const got = aggregator.valuesOf(id);
          for (const [metricId, value] of values) expect(Object.is(got.get(metricId), value) || got.get(metricId) === value, `${id} ${metricId}: ${got.get(metricId)} vs ${value}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes a condition value that looks like code as a value', () => {
    const tricky = "x'); throw new Error('injected'); ('";
    const metrics = [metric('tricky', 'services', 'count', { where: { kind: { kind: 'eq', value: tricky } } })];
    const aggregator = new MetricAggregator(scheme({ sources: [services], metrics }));
    aggregator.add(row(services, { employee: 'E1', kind: tricky }));
    aggregator.add(row(services, { employee: 'E1', kind: '维修' }));
    aggregator.add(row(services, { employee: 'E2', kind: 'x' }));
    expect(aggregator.valuesOf('E1').get('tricky')).toBe(1);
    expect(aggregator.valuesOf('E2').get('tricky')).toBe(0);
  });
});
