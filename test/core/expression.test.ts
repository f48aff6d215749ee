import { describe, expect, it, vi } from 'vitest';
import {
  evaluate,
  ExpressionError,
  findCycle,
  parseExpression,
  referencedNames,
  usedFunctions,
  weekdaysBetween,
  type ExprValue,
} from '../../src/core/expression.js';

// Day numbers (days since 1970-01-01; 1970-01-01 was a Thursday).
const THU = 20762; // 2026-11-05
const FRI = 20763; // 2026-11-06
const SAT = 20764;
const SUN = 20765;
const MON = 20766; // 2026-11-09
const NEXT_FRI = 20770; // 2026-11-13
const NEXT_MON = 20773; // 2026-11-16

const refs: Record<string, ExprValue> = {
  a: 2, b: 3, c: 4, n: null, yes: true, no: false,
  big: 1e308, inf: Infinity, nan: NaN,
  fri_17h: FRI + 17 / 24, mon_9h: MON + 9 / 24,
  t0800: THU + 8 / 24, t0845: THU + 8.75 / 24, t1000: THU + 10 / 24,
};
const ctx = {
  ref: (name: string): ExprValue => {
    if (!(name in refs)) throw new Error(`no ref ${name}`);
    return refs[name];
  },
};
const run = (text: string): ExprValue => evaluate(parseExpression(text), ctx);

describe('parseExpression', () => {
  it('builds the tree with offsets', () => {
    expect(parseExpression('a + min(b, 95%)')).toEqual({
      type: 'bin', op: '+',
      left: { type: 'ref', name: 'a', offset: 0 },
      right: { type: 'call', fn: 'min', offset: 4, args: [
        { type: 'ref', name: 'b', offset: 8 },
        { type: 'num', value: 0.95 },
      ] },
    });
  });

  it('reads a function name without "(" as a name', () => {
    expect(parseExpression('days')).toEqual({ type: 'ref', name: 'days', offset: 0 });
  });

  it.each([
    ['', 0, 'empty expression'],
    ['   ', 3, 'empty expression'],
    ['1 + ', 4, 'unexpected end of expression after "+"'],
    ['(a + b', 6, 'missing ")" to close the "(" at column 1'],
    ['min(a, b', 8, 'missing ")" to close the "(" at column 4'],
    ['a + b)', 5, 'unexpected ")" at column 6 (no "(" to close)'],
    ['()', 1, 'unexpected ")" at column 2'],
    ['min(1,)', 6, 'unexpected ")" at column 7'],
    ['a b', 2, 'unexpected "b" at column 3 (an operator is missing before it)'],
    ['(a b)', 3, 'unexpected "b" at column 4 (expected ")")'],
    ['min(a b)', 6, 'unexpected "b" at column 7 (expected "," or ")")'],
    ['2 * * 3', 4, 'unexpected "*" at column 5'],
    ['a = b', 2, 'unexpected "=" at column 3 (use "==" to compare)'],
    ['a && b', 2, 'unexpected "&" at column 3 (use "and")'],
    ['a % 2', 2, 'unexpected "%" at column 3 ("%" may only follow a number, as in 95%)'],
    ['a AND b', 2, 'unexpected "AND" at column 3 (keywords are lowercase: "and")'],
    ['and', 0, 'unexpected "and" at column 1'],
    ['1 +（2)', 3, 'unexpected "（" at column 4 (names and operators must be plain ASCII)'],
    ['.', 0, 'unexpected "." at column 1'],
    ['1..2', 2, 'unexpected ".2" at column 3 (an operator is missing before it)'],
    ['a < b < c', 6, 'comparisons cannot be chained: "<" at column 7 (join them with "and")'],
    ['1 == 1 != 0', 7, 'comparisons cannot be chained: "!=" at column 8 (join them with "and")'],
    ['sqrt(4)', 0, 'unknown function "sqrt" at column 1 (available: min, max, abs, if, round, days, hours, minutes, workdays)'],
    ['1 + Min(2)', 4, 'unknown function "Min" at column 5'],
    ['min()', 0, '"min" takes at least 1 argument, got 0 (at column 1)'],
    ['x + if(a, b)', 4, '"if" takes 3 arguments, got 2 (at column 5)'],
    ['abs(1, 2)', 0, '"abs" takes 1 argument, got 2'],
    ['round(1, 2, 3)', 0, '"round" takes 1 or 2 arguments, got 3'],
    ['hours(a)', 0, '"hours" takes 2 arguments, got 1'],
  ])('rejects %j at offset %i', (text, offset, message) => {
    let error: unknown;
    try {
      parseExpression(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).offset).toBe(offset);
    expect((error as ExpressionError).message).toContain(message);
  });

  it('rejects very deep nesting with an ExpressionError, not a stack overflow', () => {
    const text = '('.repeat(500) + '1' + ')'.repeat(500);
    expect(() => parseExpression(text)).toThrow(/nested too deeply/);
  });
});

describe('evaluate: operators', () => {
  it.each<[string, ExprValue]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['24 / 4 / 2', 3],
    ['2 * 3 + 4 * 5', 26],
    ['a * b - c', 2],
    ['-2 * 3', -6],
    ['-(2 + 3)', -5],
    ['2 - -3', 5],
    ['- -4', 4],
    ['-a * b', -6],
    ['-2 + 5', 3],
    ['95%', 0.95],
    ['12.5% * 8', 1],
    ['50% + 25%', 0.75],
    ['.5 + 3.5', 4],
    ['1 + 2 > 2', true],
    ['a * b >= 6', true],
    ['a != 2', false],
    ['1 < 2 and 3 < 2', false],
    ['1 < 2 or 3 < 2 and 0 > 1', true],
    ['(1 < 2 or 3 < 2) and 0 > 1', false],
    ['not 1 > 2', true],
    ['not a == 2', false],
    ['not not 1', true],
    ['a == 2 and b != 3', false],
  ])('%s = %j', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each<[string, ExprValue]>([
    ['yes + yes', 2],
    ['no * 5', 0],
    ['-yes', -1],
    ['(1 < 2) + (2 < 3)', 2],
    ['yes == 1', true],
    ['min(yes, 5)', 1],
    ['5 and 0', false],
    ['5 and 2', true],
    ['0 or no', false],
    ['not 0', true],
    ['if(2, 10, 20)', 10],
  ])('coerces booleans and numbers: %s = %j', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    'a / 0', 'a / (b - 3)', '0 / 0', 'a / 0 * 0', 'big * 10', 'big + big', '-big - big',
    'inf', 'nan + 1',
    'n + 1', '1 - n', 'n * 0', 'n / 1', '-n', 'n > 1', 'n == n', 'n != 1',
    'n and 0', '0 and n', '1 or n', 'not n',
    'min(1, n)', 'max(n)', 'abs(n)', 'round(n, 2)', 'round(1.5, n)',
    'days(n, 1)', 'hours(1, n)', 'minutes(n, n)', `workdays(n, ${FRI})`,
    'if(n, 1, 2)', 'if(1, n, 3)',
  ])('%s is null', (text) => {
    expect(run(text)).toBeNull();
  });
});

describe('evaluate: functions', () => {
  it.each<[string, ExprValue]>([
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['min(5)', 5],
    ['max(-1, -7)', -1],
    ['abs(-2.5)', 2.5],
    ['abs(3)', 3],
    ['if(a > b, 10, 20)', 20],
    ['if(0, 10, 20)', 20],
    ['if(a < b, a < c, 0)', true],
    ['if(1, 2, n)', 2],
    ['if(0, n, 3)', 3],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round(-0.4)', 0],
    ['round(1.005, 2)', 1.01],
    ['round(-1.005, 2)', -1.01],
    ['round(0.125, 2)', 0.13],
    ['round(3.14159, 3)', 3.142],
    ['round(1234.5, -2)', 1200],
    ['round(1250, -2)', 1300],
    ['round(1.2, 12)', 1.2],
    ['hours(t0800, t1000)', 2],
    ['hours(t0800, t1000) > 2', false],
    ['hours(t1000, t0800)', -2],
    ['minutes(t0800, t0845)', 45],
    ['hours(t0800, t0845)', 0.75],
    [`days(${THU}.5, ${SUN}.25)`, 2.75],
    [`days(${FRI}, ${FRI})`, 0],
    [`days(${MON}, ${FRI})`, -3],
  ])('%s = %j', (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe('workdays (default Monday–Friday)', () => {
  it.each<[number | string, number | string, number, string]>([
    [FRI, MON, 1, 'Fri → Mon'],
    [FRI + 0.2, FRI + 0.9, 0, 'same day'],
    [MON, FRI, -1, 'Mon → Fri, reversed'],
    ['fri_17h', 'mon_9h', 1, 'Fri 17:00 → Mon 09:00'],
    [SAT, SUN, 0, 'Sat → Sun'],
    [FRI, SAT, 0, 'Fri → Sat'],
    [SAT, MON, 1, 'Sat → Mon'],
    [THU, FRI, 1, 'Thu → Fri'],
    [MON, NEXT_MON, 5, 'Mon → next Mon'],
    [FRI, NEXT_FRI, 5, 'Fri → next Fri'],
    [MON, NEXT_MON + 7, 10, 'two weeks'],
    [NEXT_MON, THU, -7, 'Mon 16th → Thu 5th, reversed'],
    [-1, 0, 1, '1969-12-31 Wed → 1970-01-01 Thu'],
    [-1.5, 0, 2, '1969-12-30 Tue 12:00 → Thu (whole part is the floor)'],
    [1, 4, 1, '1970-01-02 Fri → 1970-01-05 Mon'],
  ])('workdays(%s, %s) = %i (%s)', (from, to, expected) => {
    expect(run(`workdays(${from}, ${to})`)).toBe(expected);
  });

  it('agrees with counting day by day', () => {
    const isWeekday = (d: number): boolean => ((d % 7) + 7 + 3) % 7 < 5; // Mon = 0
    for (let a = -20; a <= 20; a++) {
      for (let b = -20; b <= 20; b++) {
        let count = 0;
        for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (isWeekday(d)) count++;
        expect(weekdaysBetween(a, b)).toBe(b >= a ? count : 0 - count);
      }
    }
  });

  it("uses the caller's calendar with whole day numbers", () => {
    const workdays = vi.fn(() => 42);
    const value = evaluate(parseExpression('workdays(fri_17h, mon_9h)'), { ...ctx, workdays });
    expect(value).toBe(42);
    expect(workdays).toHaveBeenCalledWith(FRI, MON);
  });
});

describe('referencedNames and usedFunctions', () => {
  it.each([
    ['b + a * b - min(c, a)', ['b', 'a', 'c']],
    ['if(x > 1, y, x)', ['x', 'y']],
    ['days + days(a, b)', ['days', 'a', 'b']],
    ['1 + 2', []],
  ])('names in %s', (text, names) => {
    expect(referencedNames(parseExpression(text))).toEqual(names);
  });

  it.each([
    ['max(min(a, 1), min(b, 2)) + abs(c)', ['max', 'min', 'abs']],
    ['if(late, round(x), 0)', ['if', 'round']],
    ['a + b', []],
  ])('functions in %s', (text, fns) => {
    expect(usedFunctions(parseExpression(text))).toEqual(fns);
  });
});

describe('findCycle', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
  it.each([
    ['none', { a: ['b', 'c'], b: ['c'], c: [] }, null],
    ['diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, null],
    ['unknown target is a leaf', { a: ['zzz'] }, null],
    ['empty', {}, null],
    ['self-loop', { a: ['a'] }, ['a', 'a']],
    ['3-cycle', { a: ['b'], b: ['c'], c: ['a'] }, ['a', 'b', 'c', 'a']],
    ['cycle below the root', { x: ['a'], a: ['b'], b: ['a'] }, ['a', 'b', 'a']],
    ['cycle in a later component', { a: ['b'], b: [], d: ['e'], e: ['d'] }, ['d', 'e', 'd']],
  ])('%s', (_name, edges, expected) => {
    expect(findCycle(graph(edges))).toEqual(expected);
  });
});
