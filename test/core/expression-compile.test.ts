/**
 * Compiled expressions (derived fields) must mean exactly what `evaluate` means: the two
 * are compared on random rows — numbers, booleans, empties, zeros, dates — for expressions
 * using every operator and function.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/core/expression-compile.js';
import { evaluate, parseExpression } from '../../src/core/expression.js';
import type { BinaryOp, Expr, ExprFunction } from '../../src/core/types.js';

const NAMES = ['a', 'b', 'c'];
const EXPRESSIONS = [
  'a + b * c - 1', 'a / b', '-a', 'not (a > b)', 'a >= b and b <= c or a == c', 'a != b',
  'if(a > 2, b, c)', 'min(a, b, c)', 'max(a, 3.5%)', 'abs(a - b)', 'round(a / 3, 2)', 'round(a, -1)',
  'days(a, b)', 'hours(a, b) > 2', 'minutes(b, a)', 'workdays(a, b)', 'a and b', 'a * 2 + if(b, 1, 0)',
];
const value = fc.oneof(
  fc.constant(null), fc.constant(0), fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: 20000, max: 21000 }).map((d) => d + 0.25),
);

describe('compileExpression', () => {
  it.each(EXPRESSIONS)('%s gives what evaluate gives', (text) => {
    const expr = parseExpression(text);
    const compiled = compileExpression(expr, { indexOf: (name) => NAMES.indexOf(name) });
    fc.assert(fc.property(fc.tuple(value, value, value), (row) => {
      const expected = evaluate(expr, { ref: (name) => row[NAMES.indexOf(name)] });
      expect(compiled(row)).toStrictEqual(expected);
    }), { numRuns: 300 });
  });

  it('uses the calendar given for workdays', () => {
    const compiled = compileExpression(parseExpression('workdays(a, b)'), { indexOf: (n) => NAMES.indexOf(n), workdays: (from, to) => to - from + 100 });
    expect(compiled([10.5, 12.9])).toBe(102);
  });
});

/** Random expressions of every node kind, a few levels deep, over the names a, b, c. */
const expression: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -100, max: 100 }).map((value): Expr => ({ type: 'num', value })),
    fc.constantFrom(...NAMES).map((name): Expr => ({ type: 'ref', name, offset: 0 })),
    tie('e').map((arg): Expr => ({ type: 'neg', arg })),
    tie('e').map((arg): Expr => ({ type: 'not', arg })),
    fc.tuple(fc.constantFrom<BinaryOp>('+', '-', '*', '/', '>', '>=', '<', '<=', '==', '!=', 'and', 'or'), tie('e'), tie('e')).map(([op, left, right]): Expr => ({ type: 'bin', op, left, right })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map((args): Expr => ({ type: 'call', fn: 'if', args, offset: 0 })),
    fc.tuple(fc.constantFrom<ExprFunction>('min', 'max'), fc.array(tie('e'), { minLength: 1, maxLength: 3 })).map(([fn, args]): Expr => ({ type: 'call', fn, args, offset: 0 })),
    fc.tuple(fc.constantFrom<ExprFunction>('abs', 'round'), tie('e')).map(([fn, arg]): Expr => ({ type: 'call', fn, args: [arg], offset: 0 })),
    fc.tuple(fc.constantFrom<ExprFunction>('round', 'days', 'hours', 'minutes', 'workdays'), tie('e'), tie('e')).map(([fn, a, b]): Expr => ({ type: 'call', fn, args: [a, b], offset: 0 })),
  ),
})).e;

describe('compileExpression on random expressions', () => {
  it('gives what evaluate gives, for any expression and row', () => {
    fc.assert(fc.property(expression, fc.tuple(value, value, value), (expr, row) => {
      const compiled = compileExpression(expr, { indexOf: (name) => NAMES.indexOf(name) });
      const expected = evaluate(expr, { ref: (name) => row[NAMES.indexOf(name)] });
      expect(compiled(row)).toStrictEqual(expected);
    }), { numRuns: 2000 });
  });
});
