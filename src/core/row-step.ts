/**
 * What one accepted row of a source does to every metric computed from it, compiled once
 * per source into a single function: for each metric, its `where`, then the call that
 * counts the row into the metric's accumulators (with the field's value, or whether the
 * row is a hit).
 *
 * Why compiled: per row and metric, a loop calling each metric's condition and
 * accumulator through shared call sites cost ~25 ns — most of the time the engine spent
 * on a row — because a call site that calls many different functions is one the compiler
 * cannot inline. Here every metric has call sites of its own, so each calls one function
 * and is inlined, and a condition of one field equal to one value (`kind: 上门维修`,
 * `on_time: true`: nearly all of them) is a comparison in place.
 *
 * Only names made here and field positions (integers) go into the code; every value from
 * the config (a condition's value, a predicate, an accumulator column) is passed in as an
 * argument, never written into the source text.
 */
import type { AccumulatorColumn } from './accumulators.js';
import { compileRowFilter } from './conditions.js';
import type { CellValue, RowFilter } from './types.js';

export type RowStep = (values: readonly CellValue[], person: number) => void;

export interface MetricOfSource {
  column: AccumulatorColumn;
  where: RowFilter | undefined;
  /** Ratios only (SPEC §3): the hit condition; a ratio without one counts every row. */
  hit: RowFilter | undefined;
  /** The field aggregated, or -1. */
  field: number;
}

/** The JavaScript condition for a row filter; what it refers to is added to `args`. */
function condition(filter: RowFilter | undefined, fieldIndex: (field: string) => number, args: Map<string, unknown>): string {
  if (!filter) return 'true';
  const entries = Object.entries(filter);
  if (entries.length === 1) {
    const [field, test] = entries[0];
    // `eq` is `v !== null && v === value` (./conditions.ts): for a value that is not null,
    // that is `===`, and an empty cell (null) never equals it.
    if (test.kind === 'eq' && !test.byDay && test.value !== null) {
      const name = `k${args.size}`;
      args.set(name, test.value);
      return `values[${Number(fieldIndex(field))}] === ${name}`;
    }
  }
  const name = `p${args.size}`;
  args.set(name, compileRowFilter(filter, fieldIndex));
  return `${name}(values)`;
}

export function compileRowStep(metrics: readonly MetricOfSource[], fieldIndex: (field: string) => number): RowStep {
  const args = new Map<string, unknown>();
  const lines = metrics.map((metric, i) => {
    const column = `c${i}`;
    args.set(column, metric.column);
    const { name, takes } = metric.column.method;
    const argument = takes === 'nothing' ? '' : takes === 'hit' ? `, ${condition(metric.hit, fieldIndex, args)}` : `, ${metric.field >= 0 ? `values[${Number(metric.field)}]` : 'null'}`;
    const call = `${column}.${name}(person${argument});`;
    return metric.where ? `  if (${condition(metric.where, fieldIndex, args)}) ${call}` : `  ${call}`;
  });
  const source = `"use strict";\nreturn function rowStep(values, person) {\n${lines.join('\n')}\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the header: names and integers only
  return new Function(...args.keys(), source)(...args.values()) as RowStep;
}
