/**
 * Aggregation of ledger rows into each employee's actual values (SPEC §3). Conditions are
 * compiled once per metric; each row then costs one map look-up and a few comparisons per
 * metric of its source. Memory grows with people × metrics, not with rows.
 */
import { AccumulatorColumn, emptyResult } from './accumulators.js';
import { DenseMap } from './dense-map.js';
import { compileRowStep, type MetricOfSource, type RowStep } from './row-step.js';
import type { CellValue, LedgerRow, Metric, Scheme, Source } from './types.js';

type AggMetric = Extract<Metric, { kind: 'agg' }>;

interface MetricPlan {
  metric: AggMetric;
  /** Everyone's accumulators of the metric. */
  column: AccumulatorColumn;
  /** A database source's metric: each person's value as the database computed it
   *  (SPEC §14), by person index, instead of accumulators. */
  given?: Map<number, number | null>;
}

interface SourcePlan {
  employeeIndex: number;
  /** What a row does to the metrics computed from this source. */
  step: RowStep;
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
  /** The same by the reader's key for the employee (see `addValues`). */
  private readonly byKey = new DenseMap();

  constructor(scheme: Scheme) {
    for (const source of scheme.sources) {
      const index = fieldIndexer(source);
      const metrics: MetricOfSource[] = [];
      for (const metric of scheme.metrics) {
        if (metric.kind !== 'agg' || metric.source !== source.id) continue;
        const column = new AccumulatorColumn(metric.agg, metric.p);
        this.plans.push({ metric, column });
        metrics.push({ column, where: metric.where, hit: metric.agg === 'ratio' ? metric.hit : undefined, field: metric.field ? index(metric.field) : -1 });
      }
      this.sources.set(source.id, { employeeIndex: index('employee'), step: compileRowStep(metrics, index) });
    }
    // Metrics in the scheme's order (valuesOf lists them so), whatever their sources' order.
    const order = new Map(scheme.metrics.map((m, i) => [m.id, i]));
    this.plans.sort((a, b) => order.get(a.metric.id)! - order.get(b.metric.id)!);
  }

  /** The plan of the source last added to (a ledger's rows come from one source). */
  private lastSource = '';
  private lastPlan: SourcePlan | undefined = undefined;

  /** Counts one accepted row towards its employee's metrics. */
  add(row: LedgerRow): void {
    this.addValues(row.source, row.values);
  }

  /**
   * `add` for a row given by its source and values, with no row object to make. `key`, if
   * not -1, is a small number the reader gives this row's employee and no one else, in
   * every row: the person is then found in an array rather than a Map.
   */
  addValues(sourceId: string, values: readonly CellValue[], key = -1): void {
    if (sourceId !== this.lastSource) {
      this.lastSource = sourceId;
      this.lastPlan = this.sources.get(sourceId);
    }
    const source = this.lastPlan;
    if (!source) return;
    const employee = values[source.employeeIndex] as string;
    const known = key >= 0 ? this.byKey.get(key) : -1;
    const person = known >= 0 ? known : this.personOfKey(employee, key);
    source.step(values, person);
  }

  /**
   * One person's values of a database source's metrics, aggregated by the database
   * (SPEC §14): they replace the accumulators of those metrics for that person.
   */
  addResults(sourceId: string, employee: string, results: ReadonlyMap<string, number | null>): void {
    const person = this.personOf(employee);
    for (const plan of this.plans) {
      if (plan.metric.source !== sourceId || !results.has(plan.metric.id)) continue;
      plan.given ??= new Map();
      plan.given.set(person, results.get(plan.metric.id)!);
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
      const given = plan.given?.get(person ?? -1);
      values.set(plan.metric.id, person === undefined ? emptyResult(plan.metric.agg) : given !== undefined ? given : plan.column.result(person));
    }
    return values;
  }

  private personOfKey(employee: string, key: number): number {
    const person = this.personOf(employee);
    if (key >= 0) this.byKey.set(key, person);
    return person;
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
