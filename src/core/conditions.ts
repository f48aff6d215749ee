/**
 * Conditions of SPEC §3 (`where`, `hit`, `when`), compiled once into plain predicates so the
 * per-row work is a few comparisons. Values arrive already typed by the config loader (a
 * `number` field's condition holds numbers, a `date` field's holds DayNumbers). An empty
 * cell behaves as SQL NULL: it matches only `empty: true`.
 */
import type { CellValue, Condition, ConditionOps, RowFilter } from './types.js';

export type ValuePredicate = (value: CellValue) => boolean;
export type RowPredicate = (values: readonly CellValue[]) => boolean;

function compare(a: CellValue, b: CellValue): number | null {
  if (a === null || b === null || typeof a !== typeof b) return null;
  if (a === b) return 0;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

function opsPredicate(ops: ConditionOps): ValuePredicate {
  const checks: ValuePredicate[] = [];
  if (ops.empty !== undefined) {
    const wantEmpty = ops.empty;
    checks.push((v) => (v === null) === wantEmpty);
  }
  const ordered = (test: (c: number) => boolean, b: CellValue): ValuePredicate => (v) => {
    const c = compare(v, b);
    return c !== null && test(c);
  };
  if (ops.eq !== undefined) checks.push(ordered((c) => c === 0, ops.eq));
  if (ops.ne !== undefined) checks.push(ordered((c) => c !== 0, ops.ne));
  if (ops.gt !== undefined) checks.push(ordered((c) => c > 0, ops.gt));
  if (ops.gte !== undefined) checks.push(ordered((c) => c >= 0, ops.gte));
  if (ops.lt !== undefined) checks.push(ordered((c) => c < 0, ops.lt));
  if (ops.lte !== undefined) checks.push(ordered((c) => c <= 0, ops.lte));
  if (ops.in !== undefined) checks.push(oneOf(ops.in));
  if (ops.not_in !== undefined) {
    const inList = oneOf(ops.not_in);
    checks.push((v) => v !== null && !inList(v));
  }
  return (v) => checks.every((check) => check(v));
}

function oneOf(values: CellValue[]): ValuePredicate {
  const set = new Set(values.filter((v) => v !== null));
  return (v) => v !== null && set.has(v);
}

/** Compiles one condition on a single value. */
export function compileCondition(condition: Condition): ValuePredicate {
  if (condition.byDay) {
    const test = compileCondition({ ...condition, byDay: false });
    return (v) => test(typeof v === 'number' ? Math.floor(v) : v);
  }
  switch (condition.kind) {
    case 'eq': {
      const expected = condition.value;
      return (v) => v !== null && v === expected;
    }
    case 'in':
      return oneOf(condition.values);
    case 'ops':
      return opsPredicate(condition.ops);
  }
}

/** Compiles AND-ed conditions over a row; `fieldIndex` maps a field id to its column. */
export function compileRowFilter(
  filter: RowFilter | undefined,
  fieldIndex: (field: string) => number,
): RowPredicate {
  if (!filter) return () => true;
  const parts = Object.entries(filter).map(([field, condition]) => {
    const index = fieldIndex(field);
    const test = compileCondition(condition);
    return (values: readonly CellValue[]) => test(values[index] ?? null);
  });
  if (parts.length === 1) return parts[0];
  return (values) => parts.every((part) => part(values));
}
