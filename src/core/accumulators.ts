/**
 * Accumulators for the aggregations of SPEC §3, fed one value at a time so ledger rows are
 * never held in memory. Only `median` and `percentile` keep their values, because they
 * need every one of them.
 */
import type { Agg, CellValue } from './types.js';

export interface Accumulator {
  /** One row of R: `value` is the metric's field (or null), `hit` whether it matches `hit`. */
  add(value: CellValue, hit: boolean): void;
  /** The metric's actual value; null = missing. */
  result(): number | null;
}

/** Numbers as aggregations see them: booleans count as 1/0, text and empty as no value. */
function numeric(value: CellValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

class Count implements Accumulator {
  private n = 0;
  add(): void {
    this.n++;
  }
  result(): number {
    return this.n;
  }
}

class Sum implements Accumulator {
  private total = 0;
  add(value: CellValue): void {
    const x = numeric(value);
    if (x !== null) this.total += x;
  }
  result(): number {
    return this.total;
  }
}

class Avg implements Accumulator {
  private total = 0;
  private n = 0;
  add(value: CellValue): void {
    const x = numeric(value);
    if (x === null) return;
    this.total += x;
    this.n++;
  }
  result(): number | null {
    return this.n === 0 ? null : this.total / this.n;
  }
}

class Extreme implements Accumulator {
  private best: number | null = null;
  constructor(private readonly wantMax: boolean) {}
  add(value: CellValue): void {
    const x = numeric(value);
    if (x === null) return;
    if (this.best === null || (this.wantMax ? x > this.best : x < this.best)) this.best = x;
  }
  result(): number | null {
    return this.best;
  }
}

/** Excel PERCENTILE.INC: linear interpolation between closest ranks, rank = p·(n−1). */
export function percentileInc(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

class Percentile implements Accumulator {
  private readonly values: number[] = [];
  constructor(private readonly p: number) {}
  add(value: CellValue): void {
    const x = numeric(value);
    if (x !== null) this.values.push(x);
  }
  result(): number | null {
    const sorted = [...this.values].sort((a, b) => a - b);
    return percentileInc(sorted, this.p);
  }
}

class Distinct implements Accumulator {
  private readonly seen = new Set<string | number | boolean>();
  add(value: CellValue): void {
    if (value !== null) this.seen.add(value);
  }
  result(): number {
    return this.seen.size;
  }
}

class Ratio implements Accumulator {
  private rows = 0;
  private hits = 0;
  add(_value: CellValue, hit: boolean): void {
    this.rows++;
    if (hit) this.hits++;
  }
  result(): number | null {
    return this.rows === 0 ? null : this.hits / this.rows;
  }
}

/** A fresh accumulator for one employee and one metric. */
export function createAccumulator(agg: Agg, p = 50): Accumulator {
  switch (agg) {
    case 'count':
      return new Count();
    case 'sum':
      return new Sum();
    case 'avg':
      return new Avg();
    case 'min':
      return new Extreme(false);
    case 'max':
      return new Extreme(true);
    case 'median':
      return new Percentile(50);
    case 'percentile':
      return new Percentile(p);
    case 'distinct':
      return new Distinct();
    case 'ratio':
      return new Ratio();
  }
}

/** What a metric is worth for someone with no rows at all (SPEC §3, last column). */
export function emptyResult(agg: Agg): number | null {
  return agg === 'count' || agg === 'sum' || agg === 'distinct' ? 0 : null;
}
