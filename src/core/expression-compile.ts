/**
 * Expressions compiled once into closures, for derived fields: the per-row cost of a
 * ledger with a million rows. The semantics are exactly those of `evaluate` (a test
 * compares the two on random rows): NULL in, NULL out; division by zero NULL; booleans
 * count as 1/0 in arithmetic; numbers as ≠0 in logic; results finite or NULL.
 */
import { finite, MS_PER_DAY, MS_PER_UNIT, roundHalfAwayFromZero, toNumber, truthy, weekdaysBetween, type ExprValue } from './expression-eval.js';
import type { Expr } from './types.js';

export type Compiled = (row: readonly unknown[]) => ExprValue;

export interface CompileContext {
  /** The column a name reads. */
  indexOf(name: string): number;
  workdays?(from: number, to: number): number;
}

export function compileExpression(expr: Expr, ctx: CompileContext): Compiled {
  switch (expr.type) {
    case 'num': {
      const value = expr.value;
      return () => value;
    }
    case 'ref': {
      const index = ctx.indexOf(expr.name);
      return (row) => {
        const v = row[index];
        return typeof v === 'number' ? finite(v) : typeof v === 'boolean' ? v : null;
      };
    }
    case 'neg': {
      const arg = compileExpression(expr.arg, ctx);
      return (row) => {
        const v = arg(row);
        return v === null ? null : finite(-toNumber(v));
      };
    }
    case 'not': {
      const arg = compileExpression(expr.arg, ctx);
      return (row) => {
        const v = arg(row);
        return v === null ? null : !truthy(v);
      };
    }
    case 'bin': {
      const left = compileExpression(expr.left, ctx);
      const right = compileExpression(expr.right, ctx);
      const op = binary(expr.op);
      return (row) => {
        const l = left(row);
        const r = right(row);
        return l === null || r === null ? null : op(l, r);
      };
    }
    case 'call':
      return compileCall(expr, ctx);
  }
}

function binary(op: Extract<Expr, { type: 'bin' }>['op']): (l: number | boolean, r: number | boolean) => ExprValue {
  switch (op) {
    case 'and': return (l, r) => truthy(l) && truthy(r);
    case 'or': return (l, r) => truthy(l) || truthy(r);
    case '+': return (l, r) => finite(toNumber(l) + toNumber(r));
    case '-': return (l, r) => finite(toNumber(l) - toNumber(r));
    case '*': return (l, r) => finite(toNumber(l) * toNumber(r));
    case '/': return (l, r) => (toNumber(r) === 0 ? null : finite(toNumber(l) / toNumber(r)));
    case '>': return (l, r) => toNumber(l) > toNumber(r);
    case '>=': return (l, r) => toNumber(l) >= toNumber(r);
    case '<': return (l, r) => toNumber(l) < toNumber(r);
    case '<=': return (l, r) => toNumber(l) <= toNumber(r);
    case '==': return (l, r) => toNumber(l) === toNumber(r);
    case '!=': return (l, r) => toNumber(l) !== toNumber(r);
  }
}

function compileCall(expr: Extract<Expr, { type: 'call' }>, ctx: CompileContext): Compiled {
  const args = expr.args.map((a) => compileExpression(a, ctx));
  const { fn } = expr;
  if (fn === 'if') {
    const [cond, yes, no] = args;
    return (row) => {
      const c = cond(row);
      return c === null ? null : truthy(c) ? yes(row) : no(row);
    };
  }
  const numbers = (row: readonly unknown[]): number[] | null => {
    const out: number[] = [];
    for (const arg of args) {
      const v = arg(row);
      if (v === null) return null;
      out.push(toNumber(v));
    }
    return out;
  };
  const workdays = ctx.workdays;
  const apply = (v: number[]): ExprValue => {
    const [a, b] = v;
    switch (fn) {
      case 'min': return finite(v.reduce((m, x) => (x < m ? x : m)));
      case 'max': return finite(v.reduce((m, x) => (x > m ? x : m)));
      case 'abs': return finite(Math.abs(a));
      case 'round': return finite(roundHalfAwayFromZero(a, b ?? 0));
      case 'days':
      case 'hours':
      case 'minutes': return finite(Math.round((b - a) * MS_PER_DAY) / MS_PER_UNIT[fn]);
      case 'workdays': return finite(workdays ? workdays(Math.floor(a), Math.floor(b)) : weekdaysBetween(a, b));
    }
  };
  return (row) => {
    const v = numbers(row);
    return v === null ? null : apply(v);
  };
}
