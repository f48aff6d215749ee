/**
 * Aggregation of ledger rows into each employee's actual values (SPEC §3). Conditions are
 * compiled once per metric; each row then costs one map look-up and a few comparisons per
 * metric of its source. Memory grows with people × metrics, not with rows.
 */
import { AccumulatorColumn, emptyResult } from './accumulators.js';
import { compileRowFilter, type RowPredicate } from './conditions.js';
import type { CellValue, LedgerRow, Metric, Scheme, Source } from './types.js';

type AggMetric = Extract<Metric, { kind: 'agg' }>;

interface MetricPlan {
  metric: AggMetric;
  /** Everyone's accumulators of the metric. */
  column: AccumulatorColumn;
  /** null: every row of the source counts. */
  where: RowPredicate | null;
  /** Only for ratios: whether a row is a hit. */
  hit: RowPredicate | null;
  fieldIndex: number;
}

interface SourcePlan {
  employeeIndex: number;
  /** The metrics computed from this source. */
  metrics: MetricPlan[];
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
  /** Each employee's index in the accumulator columns, in the order first seen. */
  private readonly people = new Map<string, number>();

  constructor(scheme: Scheme) {
    for (const source of scheme.sources) {
      const index = fieldIndexer(source);
      this.sources.set(source.id, { employeeIndex: index('employee'), metrics: [] });
    }
    for (const metric of scheme.metrics) {
      if (metric.kind !== 'agg') continue;
      const source = scheme.sources.find((s) => s.id === metric.source)!;
      const index = fieldIndexer(source);
      const plan: MetricPlan = {
        metric,
        column: new AccumulatorColumn(metric.agg, metric.p),
        where: metric.where ? compileRowFilter(metric.where, index) : null,
        hit: metric.agg === 'ratio' ? compileRowFilter(metric.hit, index) : null,
        fieldIndex: metric.field ? index(metric.field) : -1,
      };
      this.plans.push(plan);
      this.sources.get(source.id)!.metrics.push(plan);
    }
  }

  /** The plan of the source last added to (a ledger's rows come from one source). */
  private lastSource = '';
  private lastPlan: SourcePlan | undefined = undefined;

  /** Counts one accepted row towards its employee's metrics. */
  add(row: LedgerRow): void {
    this.addValues(row.source, row.values);
  }

  /** `add` for a row given by its source and values, with no row object to make. */
  addValues(sourceId: string, values: readonly CellValue[]): void {
    if (sourceId !== this.lastSource) {
      this.lastSource = sourceId;
      this.lastPlan = this.sources.get(sourceId);
    }
    const source = this.lastPlan;
    if (!source) return;
    const person = this.personOf(values[source.employeeIndex] as string);
    const plans = source.metrics;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      if (plan.where !== null && !plan.where(values)) continue;
      const value = plan.fieldIndex >= 0 ? values[plan.fieldIndex] : null;
      plan.column.add(person, value, plan.hit !== null && plan.hit(values));
    }
  }

  /** Everyone who has at least one accepted row. */
  employees(): string[] {
    return [...this.people.keys()];
  }

  /** Actual values of every aggregated metric for one employee (rows or not). */
  valuesOf(employee: string): Map<string, number | null> {
    const person = this.people.get(employee);
    const values = new Map<string, number | null>();
    for (const plan of this.plans) {
      values.set(plan.metric.id, person === undefined ? emptyResult(plan.metric.agg) : plan.column.result(person));
    }
    return values;
  }

  private personOf(employee: string): number {
    let person = this.people.get(employee);
    if (person === undefined) {
      person = this.people.size;
      this.people.set(employee, person);
      for (const plan of this.plans) plan.column.reserve(person + 1);
    }
    return person;
  }
}
