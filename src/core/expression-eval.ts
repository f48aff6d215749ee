/**
 * Evaluation of parsed expressions (expression.ts) for formula metrics (SPEC §3) and
 * derived fields (§3.1). Pure: names are resolved and working days counted by the caller.
 *
 * Semantics:
 * - NULL (an empty value) propagates: any operator or function with a null operand gives
 *   null, `and`/`or`/`not` included (null in → null out, no three-valued logic);
 *   `if(null, a, b)` is null; `if` evaluates only the branch it takes.
 * - Division by zero, and any result that is not finite, gives null (never NaN/Infinity);
 *   -0 is returned as 0.
 * - Types were checked with the config; at run time booleans count as 1/0 in arithmetic,
 *   comparisons and functions, and numbers count as true when ≠ 0 in `and`/`or`/`not`/`if`.
 *   Comparisons are exact and give booleans.
 * - Dates are day numbers (days since 1970-01-01, the fraction is the time of day).
 *   `days/hours/minutes(a, b)` are b − a, computed on whole milliseconds so that
 *   08:00 → 10:00 is exactly 2 hours. `workdays(a, b)` counts working days d with
 *   a's date < d ≤ b's date (negative if b is earlier), via `ctx.workdays` or Mon–Fri.
 * - `round(x, digits)` rounds half away from zero (digits default 0, may be negative);
 *   a value within float noise of a half counts as the half (1.005 → 1.01).
 */
import type { Expr, ExprFunction } from './types.js';

/** A value during evaluation; null is empty (SQL NULL). */
export type ExprValue = number | boolean | null;

export interface EvalContext {
  /** The value of a metric or field; dates are day numbers. */
  ref(name: string): ExprValue;
  /**
   * Calendar-aware working days for `workdays(a, b)`: receives the whole day numbers
   * (`Math.floor` of a and b) and returns the signed count of working days d with
   * from < d ≤ to (or minus the count with to < d ≤ from). Mon–Fri when absent.
   */
  workdays?(from: number, to: number): number;
}

export const MS_PER_DAY = 86_400_000;
export const MS_PER_UNIT = { days: MS_PER_DAY, hours: 3_600_000, minutes: 60_000 } as const;

/** A finite number, or null; -0 becomes 0. */
export function finite(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

export const toNumber = (v: number | boolean): number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
export const truthy = (v: number | boolean): boolean => (typeof v === 'boolean' ? v : v !== 0);

/** Weekdays (Mon–Fri) d up to day x, offset so that differences count (a, b]. */
function weekdaysThrough(x: number): number {
  const k = x + 3; // 1970-01-01 (day 0) was a Thursday: k ≡ 0 on Mondays
  const dayOfWeek = ((k % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
  return Math.floor(k / 7) * 5 + Math.min(dayOfWeek + 1, 5);
}

/**
 * Monday–Friday days d with from's date < d ≤ to's date; negative (counted the same way)
 * if `to` is earlier; 0 on the same day. Uses the whole part (floor) of the day numbers.
 */
export function weekdaysBetween(from: number, to: number): number {
  return weekdaysThrough(Math.floor(to)) - weekdaysThrough(Math.floor(from));
}

/** Rounds half away from zero to `digits` decimals (negative: to tens, hundreds, …). */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  const d = Math.max(-308, Math.min(308, Math.trunc(digits)));
  const factor = 10 ** Math.abs(d);
  const scaled = d >= 0 ? Math.abs(x) * factor : Math.abs(x) / factor;
  if (!Number.isFinite(scaled)) return x; // more digits than a double holds
  // 15 significant digits absorb float noise: 1.005 * 100 = 100.49999999999999 → 100.5.
  const whole = Math.floor(Number(scaled.toPrecision(15)) + 0.5);
  const back = d >= 0 ? whole / factor : whole * factor;
  return x < 0 ? -back : back;
}

/** Evaluates a parsed expression. Never throws for data; `ctx.ref` may throw for names. */
export function evaluate(expr: Expr, ctx: EvalContext): ExprValue {
  switch (expr.type) {
    case 'num':
      return expr.value;
    case 'ref': {
      const v = ctx.ref(expr.name) ?? null;
      return typeof v === 'number' ? finite(v) : v;
    }
    case 'neg': {
      const v = evaluate(expr.arg, ctx);
      return v === null ? null : finite(-toNumber(v));
    }
    case 'not': {
      const v = evaluate(expr.arg, ctx);
      return v === null ? null : !truthy(v);
    }
    case 'bin': {
      const l = evaluate(expr.left, ctx);
      const r = evaluate(expr.right, ctx);
      if (l === null || r === null) return null;
      if (expr.op === 'and') return truthy(l) && truthy(r);
      if (expr.op === 'or') return truthy(l) || truthy(r);
      const a = toNumber(l);
      const b = toNumber(r);
      switch (expr.op) {
        case '+': return finite(a + b);
        case '-': return finite(a - b);
        case '*': return finite(a * b);
        case '/': return b === 0 ? null : finite(a / b);
        case '>': return a > b;
        case '>=': return a >= b;
        case '<': return a < b;
        case '<=': return a <= b;
        case '==': return a === b;
        case '!=': return a !== b;
      }
      return null;
    }
    case 'call':
      return call(expr.fn, expr.args, ctx);
  }
}

function call(fn: ExprFunction, args: Expr[], ctx: EvalContext): ExprValue {
  if (fn === 'if') {
    const cond = evaluate(args[0], ctx);
    if (cond === null) return null;
    return evaluate(truthy(cond) ? args[1] : args[2], ctx);
  }
  const values: number[] = [];
  for (const arg of args) {
    const v = evaluate(arg, ctx);
    if (v === null) return null;
    values.push(toNumber(v));
  }
  const [a, b] = values;
  switch (fn) {
    case 'min':
      return finite(values.reduce((m, v) => (v < m ? v : m)));
    case 'max':
      return finite(values.reduce((m, v) => (v > m ? v : m)));
    case 'abs':
      return finite(Math.abs(a));
    case 'round':
      return finite(roundHalfAwayFromZero(a, b ?? 0));
    case 'days':
    case 'hours':
    case 'minutes':
      return finite(Math.round((b - a) * MS_PER_DAY) / MS_PER_UNIT[fn]);
    case 'workdays':
      return finite(ctx.workdays ? ctx.workdays(Math.floor(a), Math.floor(b)) : weekdaysBetween(a, b));
  }
}
