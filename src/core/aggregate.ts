/**
 * Aggregation of ledger rows into each employee's actual values (SPEC §3). Conditions are
 * compiled once per metric; each row then costs one map look-up and a few comparisons per
 * metric of its source. Memory grows with people × metrics, not with rows.
 */
import { createAccumulator, emptyResult, type Accumulator } from './accumulators.js';
import { compileRowFilter, type RowPredicate } from './conditions.js';
import type { CellValue, LedgerRow, Metric, Scheme, Source } from './types.js';

type AggMetric = Extract<Metric, { kind: 'agg' }>;

interface MetricPlan {
  metric: AggMetric;
  where: RowPredicate;
  hit: RowPredicate;
  fieldIndex: number;
}

interface SourcePlan {
  employeeIndex: number;
  /** Indexes into `plans` of the metrics computed from this source. */
  metrics: number[];
}

export function fieldIndexer(source: Source): (field: string) => number {
  return (field) => {
    const index = source.fields.findIndex((f) => f.id === field);
    if (index < 0) throw new Error(`field ${field} is not in source ${source.id}`);
    return index;
  };
}

/** Accumulates rows of any source into per-employee metric values. */
export class MetricAggregator {
  private readonly plans: MetricPlan[] = [];
  private readonly sources = new Map<string, SourcePlan>();
  private readonly people = new Map<string, Accumulator[]>();

  constructor(scheme: Scheme) {
    for (const source of scheme.sources) {
      const index = fieldIndexer(source);
      this.sources.set(source.id, { employeeIndex: index('employee'), metrics: [] });
    }
    for (const metric of scheme.metrics) {
      if (metric.kind !== 'agg') continue;
      const source = scheme.sources.find((s) => s.id === metric.source)!;
      const index = fieldIndexer(source);
      this.sources.get(source.id)!.metrics.push(this.plans.length);
      this.plans.push({
        metric,
        where: compileRowFilter(metric.where, index),
        hit: compileRowFilter(metric.hit, index),
        fieldIndex: metric.field ? index(metric.field) : -1,
      });
    }
  }

  /** Counts one accepted row towards its employee's metrics. */
  add(row: LedgerRow): void {
    const source = this.sources.get(row.source);
    if (!source) return;
    const employee = row.values[source.employeeIndex] as string;
    const accumulators = this.accumulatorsOf(employee);
    const values: readonly CellValue[] = row.values;
    for (const planIndex of source.metrics) {
      const plan = this.plans[planIndex];
      if (!plan.where(values)) continue;
      const value = plan.fieldIndex >= 0 ? values[plan.fieldIndex] : null;
      accumulators[planIndex].add(value, plan.metric.agg === 'ratio' && plan.hit(values));
    }
  }

  /** Everyone who has at least one accepted row. */
  employees(): string[] {
    return [...this.people.keys()];
  }

  /** Actual values of every aggregated metric for one employee (rows or not). */
  valuesOf(employee: string): Map<string, number | null> {
    const accumulators = this.people.get(employee);
    const values = new Map<string, number | null>();
    this.plans.forEach((plan, i) => {
      values.set(plan.metric.id, accumulators ? accumulators[i].result() : emptyResult(plan.metric.agg));
    });
    return values;
  }

  private accumulatorsOf(employee: string): Accumulator[] {
    let accumulators = this.people.get(employee);
    if (!accumulators) {
      accumulators = this.plans.map((plan) => createAccumulator(plan.metric.agg, plan.metric.p));
      this.people.set(employee, accumulators);
    }
    return accumulators;
  }
}
