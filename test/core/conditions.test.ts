/**
 * Conditions of SPEC §3 (`where`, `hit`, `when`): equality, one-of, the operator map, AND
 * over fields, and NULL semantics — an empty cell matches only `empty: true`. Values reach
 * the core already typed (numbers, booleans, dates as DayNumbers, trimmed text).
 */
import { describe, expect, it } from 'vitest';
import { compileCondition, compileRowFilter } from '../../src/core/conditions.js';
import type { CellValue, Condition, ConditionOps } from '../../src/core/types.js';

const eq = (value: CellValue): Condition => ({ kind: 'eq', value });
const oneOf = (...values: CellValue[]): Condition => ({ kind: 'in', values });
const ops = (o: ConditionOps): Condition => ({ kind: 'ops', ops: o });

const NOV_1 = 20758; // 2026-11-01
const NOV_5 = 20762; // 2026-11-05
const NOV_30 = 20787; // 2026-11-30

describe('compileCondition', () => {
  it.each<[string, Condition, CellValue, boolean]>([
    // equality
    ['text = same text', eq('预防性维护'), '预防性维护', true],
    ['text = other text', eq('预防性维护'), '维修', false],
    ['text is exact (case)', eq('Repair'), 'repair', false],
    ['number = number', eq(3), 3, true],
    ['number = other number', eq(3), 3.5, false],
    ['number vs text of it', eq(3), '3', false], // compares as its type: a number is not text
    ['boolean = true', eq(true), true, true],
    ['boolean true ≠ false', eq(true), false, false],
    ['boolean true is not the number 1', eq(true), 1, false],
    ['date = same day', eq(NOV_5), NOV_5, true],
    ['empty cell never equals', eq('x'), null, false],
    ['empty cell does not equal 0', eq(0), null, false],
    ['empty cell does not equal false', eq(false), null, false],

    // a list means "one of"
    ['one of: in the list', oneOf('a', 'b'), 'b', true],
    ['one of: not in the list', oneOf('a', 'b'), 'c', false],
    ['one of numbers', oneOf(1, 2, 3), 2, true],
    ['one of: empty cell', oneOf('a', 'b'), null, false],

    // eq / ne
    ['eq', ops({ eq: 5 }), 5, true],
    ['eq, other value', ops({ eq: 5 }), 6, false],
    ['eq, empty cell', ops({ eq: 5 }), null, false],
    ['ne, other value', ops({ ne: 5 }), 6, true],
    ['ne, same value', ops({ ne: 5 }), 5, false],
    ['ne, empty cell: NULL is not unequal', ops({ ne: 5 }), null, false],
    ['ne on text', ops({ ne: '维修' }), '安装', true],
    ['ne on text, empty cell', ops({ ne: '维修' }), null, false],
    ['ne on boolean', ops({ ne: true }), false, true],
    ['ne on boolean, empty cell', ops({ ne: true }), null, false],

    // gt gte lt lte on numbers: 10 vs 9 compares as numbers (as text "10" < "9")
    ['gt, above', ops({ gt: 9 }), 10, true],
    ['gt, equal', ops({ gt: 9 }), 9, false],
    ['gt, empty', ops({ gt: -1 }), null, false],
    ['gte, equal', ops({ gte: 1 }), 1, true],
    ['gte, below', ops({ gte: 1 }), 0.99, false],
    ['gte, empty (not 0)', ops({ gte: 0 }), null, false],
    ['lt, below', ops({ lt: 10 }), 9, true],
    ['lt, equal', ops({ lt: 10 }), 10, false],
    ['lt, empty (not 0)', ops({ lt: 10 }), null, false],
    ['lte, equal', ops({ lte: 2 }), 2, true],
    ['lte, above', ops({ lte: 2 }), 2.5, false],
    ['lte, empty', ops({ lte: 2 }), null, false],
    ['gte and lte together (a range)', ops({ gte: 90, lte: 100 }), 95, true],
    ['gte and lte together, outside', ops({ gte: 90, lte: 100 }), 101, false],
    ['negative numbers', ops({ lt: -1 }), -2, true],

    // dates compare as dates (DayNumbers)
    ['date gte first of month', ops({ gte: NOV_1 }), NOV_5, true],
    ['date lt first of month', ops({ lt: NOV_1 }), NOV_5, false],
    ['date within the month', ops({ gte: NOV_1, lte: NOV_30 }), NOV_30, true],
    ['date, empty', ops({ gte: NOV_1 }), null, false],

    // text order is plain and exact
    ['text gt', ops({ gt: 'a' }), 'b', true],
    ['text lt', ops({ lt: 'a' }), 'b', false],

    // in / not_in
    ['in, member', ops({ in: ['a', 'b'] }), 'a', true],
    ['in, not a member', ops({ in: ['a', 'b'] }), 'c', false],
    ['in, empty cell', ops({ in: ['a', 'b'] }), null, false],
    ['not_in, not a member', ops({ not_in: ['a', 'b'] }), 'c', true],
    ['not_in, member', ops({ not_in: ['a', 'b'] }), 'a', false],
    ['not_in, empty cell: NULL is in no list and out of none', ops({ not_in: ['a', 'b'] }), null, false],
    ['not_in numbers', ops({ not_in: [0] }), 3, true],

    // empty
    ['empty: true, empty cell', ops({ empty: true }), null, true],
    ['empty: true, a value', ops({ empty: true }), 'x', false],
    ['empty: true, 0 is a value', ops({ empty: true }), 0, false],
    ['empty: true, false is a value', ops({ empty: true }), false, false],
    ['empty: false, a value', ops({ empty: false }), 'x', true],
    ['empty: false, 0 is a value', ops({ empty: false }), 0, true],
    ['empty: false, empty cell', ops({ empty: false }), null, false],

    // several operators on one field are AND-ed
    ['empty: false and ne', ops({ empty: false, ne: 'a' }), 'b', true],
    ['empty: false and ne, equal', ops({ empty: false, ne: 'a' }), 'a', false],
  ])('%s', (_name, condition, value, expected) => {
    expect(compileCondition(condition)(value)).toBe(expected);
  });
});

describe('compileRowFilter', () => {
  // a row: [kind, satisfaction, on_time]
  const FIELDS = ['kind', 'satisfaction', 'on_time'];
  const index = (field: string) => FIELDS.indexOf(field);

  it.each<[string, Record<string, Condition> | undefined, CellValue[], boolean]>([
    ['no filter matches every row', undefined, [null, null, null], true],
    ['one field', { kind: eq('维修') }, ['维修', 3, true], true],
    ['two fields, both hold', { kind: eq('维修'), satisfaction: ops({ gte: 4 }) }, ['维修', 4.5, true], true],
    ['two fields, the second fails', { kind: eq('维修'), satisfaction: ops({ gte: 4 }) }, ['维修', 3, true], false],
    ['two fields, the first fails', { kind: eq('维修'), satisfaction: ops({ gte: 4 }) }, ['安装', 5, true], false],
    ['two fields, one cell empty', { kind: eq('维修'), satisfaction: ops({ gte: 4 }) }, ['维修', null, true], false],
    ['three fields', { kind: oneOf('维修', '安装'), satisfaction: ops({ lt: 3 }), on_time: eq(false) }, ['安装', 2, false], true],
    ['empty: true on one field, value on another', { satisfaction: ops({ empty: true }), on_time: eq(true) }, ['x', null, true], true],
  ])('%s', (_name, filter, cells, expected) => {
    expect(compileRowFilter(filter, index)(cells)).toBe(expected);
  });
});

describe('date conditions written as calendar days', () => {
  // 2026-11-05 = day 20762; 14:00 is 20762 + 14/24.
  const afternoon = 20762 + 14 / 24;
  it.each([
    [{ kind: 'eq', value: 20762, byDay: true }, true],
    [{ kind: 'ops', ops: { lte: 20762 }, byDay: true }, true],
    [{ kind: 'ops', ops: { lt: 20762 }, byDay: true }, false],
    [{ kind: 'ops', ops: { lte: 20762 } }, false], // a condition with a time compares exactly
  ] as [Condition, boolean][])('%j on 2026-11-05 14:00 → %s', (condition, expected) => {
    expect(compileCondition(condition)(afternoon)).toBe(expected);
  });
});
