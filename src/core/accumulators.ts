/**
 * Accumulators for the aggregations of SPEC §3, fed one value at a time so ledger rows are
 * never held in memory. Only `median` and `percentile` keep their values, because they
 * need every one of them.
 *
 * A metric's accumulators for everyone are one column: person p's state sits at index p of
 * a few typed arrays. Adding a row is then one monomorphic call and a switch, with the
 * state of 2,000 people in a few kilobytes, instead of a call through seven different
 * classes on objects scattered over the heap — the difference is most of the time the
 * engine spends per row (measured in bench/run.js).
 */
import type { Agg, CellValue } from './types.js';

export interface Accumulator {
  /** One row of R: `value` is the metric's field (or null), `hit` whether it matches `hit`. */
  add(value: CellValue, hit: boolean): void;
  /** The metric's actual value; null = missing. */
  result(): number | null;
}

/** Excel PERCENTILE.INC: linear interpolation between closest ranks, rank = p·(n−1). */
export function percentileInc(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

/**
 * `percentileInc` from the two values either side of the rank, as a database returns them:
 * `low` at 0-based rank floor(p·(n−1)), `next` at the rank after (null when there is none).
 */
export function percentileOfNeighbours(low: number, next: number | null, n: number, p: number): number {
  const rank = (p / 100) * (n - 1);
  const at = Math.floor(rank);
  const high = at + 1 < n && next !== null ? next : low;
  return low + (rank - at) * (high - low);
}

/**
 * `percentileInc` of values in any order, which it reorders: only the two values at the
 * ranks either side of p·(n−1) are needed, and a selection finds them in linear time
 * where sorting everyone's values took most of the time spent after reading.
 */
export function percentileOfUnsorted(values: Float64Array, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const rank = (p / 100) * (n - 1);
  const low = Math.floor(rank);
  select(values, low);
  let next = values[low];
  if (low + 1 < n) {
    next = values[low + 1];
    for (let i = low + 2; i < n; i++) if (values[i] < next) next = values[i];
  }
  return values[low] + (rank - low) * (next - values[low]);
}

/** Moves the k-th smallest value to index k, smaller or equal ones before it and larger
 *  or equal ones after (Wirth's selection: Hoare's partition, on the side holding k). */
function select(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[k];
    let i = lo;
    let j = hi;
    do {
      while (a[i] < pivot) i++;
      while (pivot < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

const EMPTY: Float64Array = new Float64Array(0);

/** A value as aggregations see numbers: booleans count as 1/0, text and empty as none. */
function numeric(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'boolean' ? (value ? 1 : 0) : null;
}

// The aggregations as small integers: what `add` branches on for every row.
const COUNT = 0;
const RATIO = 1;
const DISTINCT = 2;
const SUM = 3;
const AVG = 4;
const MIN = 5;
const MAX = 6;
const KEPT = 7;
const METHODS = ['count', 'ratio', 'distinct', 'sum', 'avg', 'min', 'max', 'keep'] as const;
const KINDS: Record<Agg, number> = { count: COUNT, ratio: RATIO, distinct: DISTINCT, sum: SUM, avg: AVG, min: MIN, max: MAX, median: KEPT, percentile: KEPT };

/** One metric's accumulators for every person, by person index (0, 1, 2 … as first seen). */
export class AccumulatorColumn {
  private readonly kind: number;
  /** count, sum, avg (with `totals`), min/max (values seen), ratio (rows), percentile (values) */
  private counts: Float64Array = EMPTY;
  /** sum and avg totals, the min/max so far, ratio hits */
  private totals: Float64Array = EMPTY;
  /**
   * median/percentile: every value in arrival order, with whose it is. Rows come in any
   * order, so appending to one array per person would touch a cold cache line per row;
   * appending here is sequential, and `group` sorts each person's values out once.
   */
  private log = new Log();
  /** Each person's values from `starts[p]` (`counts[p]` of them), once asked for; the log
   *  is then let go, and rebuilt from these if more values come. */
  private grouped: { values: Float64Array; starts: Int32Array } | null = null;
  private readonly sets: Set<string | number | boolean>[] = [];
  private readonly p: number;

  constructor(readonly agg: Agg, p = 50) {
    this.kind = KINDS[agg];
    this.p = agg === 'median' ? 50 : p;
  }

  /** Makes room for persons 0 … size − 1. */
  reserve(size: number): void {
    if (size <= this.counts.length) return;
    const capacity = Math.max(size, this.counts.length * 2, 64);
    this.counts = grown(this.counts, capacity);
    this.totals = grown(this.totals, capacity);
    while (this.sets.length < capacity && this.kind === DISTINCT) this.sets.push(new Set());
  }

  /** One row of the metric: `value` is its field's (or null), `hit` whether it is a hit. */
  add(person: number, value: CellValue, hit: boolean): void {
    switch (this.kind) {
      case COUNT:
        return this.count(person);
      case RATIO:
        return this.ratio(person, hit);
      case DISTINCT:
        return this.distinct(person, value);
      case SUM:
        return this.sum(person, value);
      case AVG:
        return this.avg(person, value);
      case MIN:
        return this.min(person, value);
      case MAX:
        return this.max(person, value);
      default:
        return this.keep(person, value);
    }
  }

  /** The method `add` calls for this aggregation, and what it takes: a compiled row step
   *  (./row-step.ts) calls it directly. */
  get method(): { name: 'count' | 'ratio' | 'distinct' | 'sum' | 'avg' | 'min' | 'max' | 'keep'; takes: 'nothing' | 'hit' | 'value' } {
    const name = METHODS[this.kind];
    return { name, takes: name === 'count' ? 'nothing' : name === 'ratio' ? 'hit' : 'value' };
  }

  count(person: number): void {
    this.counts[person]++;
  }

  ratio(person: number, hit: boolean): void {
    this.counts[person]++;
    if (hit) this.totals[person]++;
  }

  distinct(person: number, value: CellValue | undefined): void {
    if (value !== null && value !== undefined) this.sets[person].add(value);
  }

  sum(person: number, value: CellValue | undefined): void {
    const n = numeric(value);
    if (n !== null) this.totals[person] += n;
  }

  avg(person: number, value: CellValue | undefined): void {
    const n = numeric(value);
    if (n === null) return;
    this.totals[person] += n;
    this.counts[person]++;
  }

  min(person: number, value: CellValue | undefined): void {
    const n = numeric(value);
    if (n !== null && (this.counts[person]++ === 0 || n < this.totals[person])) this.totals[person] = n;
  }

  max(person: number, value: CellValue | undefined): void {
    const n = numeric(value);
    if (n !== null && (this.counts[person]++ === 0 || n > this.totals[person])) this.totals[person] = n;
  }

  /** median and percentile: the value is kept (see `log`). */
  keep(person: number, value: CellValue | undefined): void {
    const n = numeric(value);
    if (n === null) return;
    if (this.grouped) this.ungroup();
    this.counts[person]++;
    this.log.append(person, n);
  }

  /** The metric's actual value for one person; null = missing. */
  result(person: number): number | null {
    const n = this.counts[person];
    switch (this.kind) {
      case COUNT:
        return n;
      case SUM:
        return this.totals[person];
      case AVG:
      case RATIO:
        return n === 0 ? null : this.totals[person] / n;
      case MIN:
      case MAX:
        return n === 0 ? null : this.totals[person];
      case DISTINCT:
        return this.sets[person].size;
      default: {
        this.grouped ??= this.group();
        const start = this.grouped.starts[person];
        return percentileOfUnsorted(this.grouped.values.subarray(start, start + n), this.p);
      }
    }
  }

  /** Everyone's values, person by person (a counting sort). */
  private group(): { values: Float64Array; starts: Int32Array } {
    const starts = new Int32Array(this.counts.length);
    for (let p = 1; p < starts.length; p++) starts[p] = starts[p - 1] + this.counts[p - 1];
    const next = starts.slice();
    const values = new Float64Array(this.log.length);
    const { persons, numbers } = this.log;
    for (let i = 0; i < this.log.length; i++) values[next[persons[i]]++] = numbers[i];
    this.log = new Log();
    return { values, starts };
  }

  private ungroup(): void {
    const { values, starts } = this.grouped!;
    for (let p = 0; p < starts.length; p++) {
      for (let i = starts[p]; i < starts[p] + this.counts[p]; i++) this.log.append(p, values[i]);
    }
    this.grouped = null;
  }
}

/** Values with the person each belongs to, appended in order. */
class Log {
  persons = new Int32Array(0);
  numbers: Float64Array = EMPTY;
  length = 0;

  append(person: number, value: number): void {
    if (this.length === this.numbers.length) {
      const capacity = Math.max(1024, this.length * 2);
      const persons = new Int32Array(capacity);
      persons.set(this.persons);
      this.persons = persons;
      this.numbers = grown(this.numbers, capacity);
    }
    this.persons[this.length] = person;
    this.numbers[this.length++] = value;
  }
}

function grown(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}

/** A fresh accumulator for one employee and one metric. */
export function createAccumulator(agg: Agg, p = 50): Accumulator {
  const column = new AccumulatorColumn(agg, p);
  column.reserve(1);
  return { add: (value, hit) => column.add(0, value, hit), result: () => column.result(0) };
}

/** What a metric is worth for someone with no rows at all (SPEC §3, last column). */
export function emptyResult(agg: Agg): number | null {
  return agg === 'count' || agg === 'sum' || agg === 'distinct' ? 0 : null;
}
