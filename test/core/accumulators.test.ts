/**
 * The aggregations of SPEC §3, one accumulator at a time: each is fed the rows of R as
 * (field value, hit) pairs. An empty cell (null) is "no value", never 0.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AccumulatorColumn, createAccumulator, emptyResult, percentileInc, percentileOfUnsorted } from '../../src/core/accumulators.js';
import type { Agg, CellValue } from '../../src/core/types.js';

function run(agg: Agg, cells: CellValue[], p?: number, hits: boolean[] = []): number | null {
  const acc = createAccumulator(agg, p);
  cells.forEach((cell, i) => acc.add(cell, hits[i] ?? false));
  return acc.result();
}

describe('createAccumulator', () => {
  it.each<[string, Agg, CellValue[], number | undefined, number | null]>([
    // count: rows of R, whatever their field holds
    ['count of rows', 'count', [5, null, 'x'], undefined, 3], // 3 rows, the empty one included
    ['count, no rows', 'count', [], undefined, 0],

    // sum: non-empty values; none → 0
    ['sum skips empty', 'sum', [1.5, null, 2.5, 4], undefined, 8], // 1.5 + 2.5 + 4
    ['sum of negatives', 'sum', [-2, 5, -1], undefined, 2], // −2 + 5 − 1
    ['sum, no rows', 'sum', [], undefined, 0],
    ['sum, only empty cells', 'sum', [null, null], undefined, 0],

    // avg: over non-empty values; none → missing
    ['avg ignores empty (not 0)', 'avg', [2, null, 4, 9], undefined, 5], // (2+4+9)/3 = 15/3; as 0 it would be 15/4
    ['avg of one', 'avg', [7], undefined, 7],
    ['avg, no rows', 'avg', [], undefined, null],
    ['avg, only empty cells', 'avg', [null, null], undefined, null],

    // min / max: empty is not 0
    ['min ignores empty', 'min', [3, null, 7], undefined, 3], // as 0 it would be 0
    ['min with negatives', 'min', [3, -1, 7], undefined, -1],
    ['max ignores empty', 'max', [-3, null, -7], undefined, -3], // as 0 it would be 0
    ['max', 'max', [4, 9, 2], undefined, 9],
    ['min, no rows', 'min', [], undefined, null],
    ['max, only empty cells', 'max', [null], undefined, null],

    // median = PERCENTILE.INC(·, 0.5)
    ['median, odd count', 'median', [5, 1, 3], undefined, 3], // sorted 1 3 5 → middle 3
    ['median, even count', 'median', [4, 1, 3, 2], undefined, 2.5], // sorted 1 2 3 4: rank 0.5·3 = 1.5 → 2 + 0.5·(3−2)
    ['median ignores empty', 'median', [null, 10, 20], undefined, 15], // 10 20: rank 0.5 → 10 + 0.5·10
    ['median, no rows', 'median', [], undefined, null],

    // percentile p: rank = p/100 · (n−1) on the sorted values, linear between neighbours
    ['p90 of 1..5', 'percentile', [1, 2, 3, 4, 5], 90, 4.6], // rank 0.9·4 = 3.6 → 4 + 0.6·(5−4); Excel gives 4.6
    ['p90 of 1..10', 'percentile', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9.1], // rank 0.9·9 = 8.1 → 9 + 0.1·1
    ['p90 unsorted input', 'percentile', [50, 10, 40, 20, 30], 90, 46], // sorted 10..50, rank 3.6 → 40 + 0.6·10
    ['p40 (Excel doc example)', 'percentile', [15, 20, 35, 40, 50], 40, 29], // rank 0.4·4 = 1.6 → 20 + 0.6·15
    ['p25 on an exact rank', 'percentile', [15, 20, 35, 40, 50], 25, 20], // rank 0.25·4 = 1 → 20
    ['p0 is the minimum', 'percentile', [3, 1, 2], 0, 1],
    ['p100 is the maximum', 'percentile', [3, 1, 2], 100, 3],
    ['p90 of one value', 'percentile', [7], 90, 7], // rank 0 → 7
    ['p90 ignores empty', 'percentile', [null, 0, 10, null], 90, 9], // 0 10: rank 0.9 → 0 + 0.9·10
    ['p90, no rows', 'percentile', [], 90, null],

    // distinct: non-empty values; none → 0
    ['distinct texts', 'distinct', ['a', 'b', 'a', null, 'c'], undefined, 3], // a b c
    ['distinct numbers', 'distinct', [1, 1, 2], undefined, 2],
    ['distinct, no rows', 'distinct', [], undefined, 0],
    ['distinct, only empty cells', 'distinct', [null, null], undefined, 0],
  ])('%s', (_name, agg, cells, p, expected) => {
    const actual = run(agg, cells, p);
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 12);
  });

  it.each<[string, boolean[], number | null]>([
    ['3 of 4 rows hit', [true, false, true, true], 0.75], // 3/4
    ['no row hits', [false, false], 0], // 0/2
    ['every row hits', [true], 1], // 1/1
    ['R empty → missing', [], null],
  ])('ratio: %s', (_name, hits, expected) => {
    // the field value plays no part in a ratio: empty cells still count as rows of R
    expect(run('ratio', hits.map(() => null), undefined, hits)).toBe(expected);
  });
});

describe('AccumulatorColumn: everyone\'s accumulators of one metric, by person', () => {
  it.each<[Agg, number | undefined, [number, CellValue][], (number | null)[]]>([
    // person 0 gets 1 and 3, person 1 gets 10, person 2 nothing
    ['sum', undefined, [[0, 1], [1, 10], [0, 3]], [4, 10, 0]],
    ['max', undefined, [[0, 1], [1, 10], [0, 3]], [3, 10, null]],
    ['median', undefined, [[0, 3], [1, 10], [0, 1]], [2, 10, null]], // person 0: (1+3)/2
    ['percentile', 90, [[1, 5], [0, 10], [0, 20], [1, 7], [0, 30], [0, 40]], [37, 6.8, null]], // 30 + 0.7·10; 5 + 0.9·2
  ])('%s (p %s): rows of several people in any order', (agg, p, rows, expected) => {
    const column = new AccumulatorColumn(agg, p);
    column.reserve(3);
    for (const [person, value] of rows) column.add(person, value, false);
    expected.forEach((value, person) => {
      if (value === null) expect(column.result(person)).toBeNull();
      else expect(column.result(person)).toBeCloseTo(value, 12);
    });
  });

  it('a percentile asked for, then fed more rows, counts them too', () => {
    const column = new AccumulatorColumn('median');
    column.reserve(2);
    column.add(0, 1, false);
    column.add(1, 5, false);
    expect(column.result(0)).toBe(1);
    column.add(0, 3, false); // person 0: 1, 3 → 2
    column.add(0, 8, false); // person 0: 1, 3, 8 → 3
    expect([column.result(0), column.result(1)]).toEqual([3, 5]);
  });
});

describe('emptyResult (someone with no rows)', () => {
  it.each<[Agg, number | null]>([
    ['count', 0],
    ['sum', 0],
    ['distinct', 0],
    ['avg', null],
    ['min', null],
    ['max', null],
    ['median', null],
    ['percentile', null],
    ['ratio', null],
  ])('%s → %s', (agg, expected) => {
    expect(emptyResult(agg)).toBe(expected);
  });
});

describe('percentileInc', () => {
  it.each<[number[], number, number | null]>([
    [[], 50, null],
    [[10, 20, 30, 40], 50, 25], // rank 0.5·3 = 1.5 → 20 + 0.5·10
    [[10, 20, 30, 40], 90, 37], // rank 0.9·3 = 2.7 → 30 + 0.7·10
    [[10, 20, 30, 40], 10, 13], // rank 0.1·3 = 0.3 → 10 + 0.3·10
  ])('%j at p%s → %s', (sorted, p, expected) => {
    const actual = percentileInc(sorted, p);
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 12);
  });
});

/**
 * percentileOfUnsorted finds the two values either side of the rank by selection, in
 * place, instead of sorting: its result must be exactly percentileInc of a sorted copy —
 * the same double (Object.is: -0 and 0 apart), not a close one — for any values and p.
 */
describe('percentileOfUnsorted = percentileInc of the sorted values, exactly', () => {
  const PS = [0, 10, 25, 50, 90, 99.5, 100];

  /** Both results for `values` (copied: the selection reorders its input). */
  function both(values: readonly number[], p: number): { selected: number | null; sorted: number | null } {
    const sorted = Float64Array.from(values).sort();
    return { selected: percentileOfUnsorted(Float64Array.from(values), p), sorted: percentileInc(sorted, p) };
  }

  function expectSame(values: readonly number[], p: number): void {
    const { selected, sorted } = both(values, p);
    if (!Object.is(selected, sorted)) expect.fail(`p${p} of [${values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(', ')}]: got ${Object.is(selected, -0) ? '-0' : selected}, sorted gives ${Object.is(sorted, -0) ? '-0' : sorted}`);
  }

  const CASES: [string, number[]][] = [
    ['empty', []],
    ['one value', [7]],
    ['two values', [9, 3]],
    ['many duplicates', [3, 1, 3, 3, 2, 1, 3, 2, 2, 3, 1, 3]],
    ['already sorted', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['reverse sorted', [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
    ['all equal', [4.5, 4.5, 4.5, 4.5, 4.5]],
    ['negative numbers', [-0.5, -12, -3.25, -7, -100, -1e-9]],
    ['mixed signs and fractions', [0.1, -0.2, 0.3, 1e6, -1e6, 0.30000000000000004, 2.5]],
    ['zeros of both signs', [0, -0, 0, -0]],
  ];

  it.each(CASES)('%s', (_, values) => {
    for (const p of PS) expectSame(values, p);
  });

  it('hand-checked values', () => {
    expect(percentileOfUnsorted(new Float64Array([]), 50)).toBeNull();
    expect(percentileOfUnsorted(new Float64Array([7]), 90)).toBe(7);
    // [10, 20, 30, 40] shuffled: rank 0.5·3 = 1.5 → 20 + 0.5·10; p0 → min, p100 → max.
    expect(percentileOfUnsorted(new Float64Array([40, 10, 30, 20]), 50)).toBe(25);
    expect(percentileOfUnsorted(new Float64Array([40, 10, 30, 20]), 0)).toBe(10);
    expect(percentileOfUnsorted(new Float64Array([40, 10, 30, 20]), 100)).toBe(40);
    // Median of an odd count: the middle value; duplicates count each.
    expect(percentileOfUnsorted(new Float64Array([5, 1, 9, 1, 7]), 50)).toBe(5);
    expect(percentileOfUnsorted(new Float64Array([3, 3, 1, 3]), 25)).toBe(2.5); // sorted 1 3 3 3: rank 0.75 → 1 + 0.75·2
  });

  it('large arrays, reorderings of the same values, and every p', () => {
    const values = Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 1001) / 8 - 40);
    for (let p = 0; p <= 100; p += 0.5) expectSame(values, p);
    expectSame([...values].sort((a, b) => a - b), 37.3);
    expectSame([...values].sort((a, b) => b - a), 62.7);
  });

  it('any doubles, any p (property)', () => {
    const value = fc.oneof(
      { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
      { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, -1, 0.5) },
      { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
    );
    const p = fc.oneof(fc.constantFrom(...PS), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(fc.property(fc.array(value, { maxLength: 60 }), p, (values, p) => {
      expectSame(values, p);
    }), { numRuns: 5000 });
  });
});
