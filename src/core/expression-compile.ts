/**
 * Expressions compiled once into a JavaScript function, for derived fields: the per-row
 * cost of a ledger with a million rows. The semantics are exactly those of `evaluate` (a
 * test compares the two on random rows): NULL in, NULL out; division by zero NULL;
 * booleans count as 1/0 in arithmetic; numbers as ≠0 in logic; results finite or NULL.
 *
 * Why generated code rather than a tree of closures: each node of such a tree calls its
 * children through call sites shared by every expression, which the compiler cannot
 * inline; a derived field then cost ~85 ns a row (measured on the benchmark ledger,
 * bench/run.js), most of it calls. Here an expression is one function whose operators are
 * written out, with small helpers it calls from call sites of its own.
 *
 * Only names made here, field positions (integers) and operators go into the code; every
 * number from the config, and every helper, is passed in as an argument.
 */
import { finite, MS_PER_DAY, MS_PER_UNIT, roundHalfAwayFromZero, toNumber, truthy, weekdaysBetween, type ExprValue } from './expression-eval.js';
import type { BinaryOp, Expr } from './types.js';

export type Compiled = (row: readonly unknown[]) => ExprValue;

export interface CompileContext {
  /** The column a name reads. */
  indexOf(name: string): number;
  workdays?(from: number, to: number): number;
}

/** `values.reduce((m, v) => (v < m ? v : m))` two at a time, in the same order. */
const lower = (m: number, v: number): number => (v < m ? v : m);
const higher = (m: number, v: number): number => (v > m ? v : m);

const HELPERS = {
  fin: finite, num: toNumber, truthy, lower, higher, round: roundHalfAwayFromZero, weekdays: weekdaysBetween,
  MS_PER_DAY, MS_PER_HOUR: MS_PER_UNIT.hours, MS_PER_MINUTE: MS_PER_UNIT.minutes,
};

const OPERATORS: Record<Exclude<BinaryOp, 'and' | 'or' | '/'>, string> = {
  '+': '+', '-': '-', '*': '*', '>': '>', '>=': '>=', '<': '<', '<=': '<=', '==': '===', '!=': '!==',
};

/**
 * Writes expressions as JavaScript: `code(expr)` gives an expression of the function's
 * body, reading the row from `row`; `build(body)` makes the function, with the
 * temporaries and arguments the code used.
 */
class ExpressionWriter {
  private readonly args = new Map<string, unknown>(Object.entries(HELPERS));
  private temps = 0;

  constructor(private readonly ctx: CompileContext) {
    this.args.set('workdays', ctx.workdays ?? null);
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  private constant(value: number): string {
    const name = `k${this.args.size}`;
    this.args.set(name, value);
    return name;
  }

  /** The code of `e`, an expression giving its ExprValue. */
  code(e: Expr): string {
    switch (e.type) {
      case 'num':
        return this.constant(e.value);
      case 'ref': {
        const t = this.temp();
        return `(typeof (${t} = row[${Number(this.ctx.indexOf(e.name))}]) === 'number' ? fin(${t}) : typeof ${t} === 'boolean' ? ${t} : null)`;
      }
      case 'neg': {
        const t = this.temp();
        return `((${t} = ${this.code(e.arg)}) === null ? null : fin(-num(${t})))`;
      }
      case 'not': {
        const t = this.temp();
        return `((${t} = ${this.code(e.arg)}) === null ? null : !truthy(${t}))`;
      }
      case 'bin': {
        const [l, r] = [this.temp(), this.temp()];
        return `((${l} = ${this.code(e.left)}) === null || (${r} = ${this.code(e.right)}) === null ? null : ${binary(e.op, l, r)})`;
      }
      case 'call':
        return this.call(e);
    }
  }

  private call(e: Extract<Expr, { type: 'call' }>): string {
    if (e.fn === 'if') {
      const c = this.temp();
      return `((${c} = ${this.code(e.args[0])}) === null ? null : truthy(${c}) ? ${this.code(e.args[1])} : ${this.code(e.args[2])})`;
    }
    // Every argument, in order; any empty one makes the call empty.
    const names = e.args.map(() => this.temp());
    const taken = e.args.map((arg, i) => `(${names[i]} = ${this.code(arg)}) === null`).join(' || ');
    const n = names.map((name) => `num(${name})`);
    let body: string;
    switch (e.fn) {
      case 'min':
      case 'max':
        body = `fin(${n.slice(1).reduce((acc, x) => `${e.fn === 'min' ? 'lower' : 'higher'}(${acc}, ${x})`, n[0])})`;
        break;
      case 'abs':
        body = `fin(Math.abs(${n[0]}))`;
        break;
      case 'round':
        body = `fin(round(${n[0]}, ${n[1] ?? '0'}))`;
        break;
      case 'days':
      case 'hours':
      case 'minutes':
        body = `fin(Math.round((${n[1]} - ${n[0]}) * MS_PER_DAY) / ${e.fn === 'days' ? 'MS_PER_DAY' : e.fn === 'hours' ? 'MS_PER_HOUR' : 'MS_PER_MINUTE'})`;
        break;
      case 'workdays':
        body = `fin(workdays !== null ? workdays(Math.floor(${n[0]}), Math.floor(${n[1]})) : weekdays(${n[0]}, ${n[1]}))`;
        break;
    }
    return `(${taken} ? null : ${body})`;
  }

  /** A function of `row` whose body is `statements` (which may `return`). */
  build<T>(statements: string): (row: T) => unknown {
    const declared = this.temps > 0 ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};\n  ` : '';
    const source = `"use strict";\nreturn function compiled(row) {\n  ${declared}${statements}\n};`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see the header: names, integers and operators only
    return new Function(...this.args.keys(), source)(...this.args.values()) as (row: T) => unknown;
  }
}

export function compileExpression(expr: Expr, ctx: CompileContext): Compiled {
  const writer = new ExpressionWriter(ctx);
  return writer.build(`return ${writer.code(expr)};`) as Compiled;
}

/** What a derived field (SPEC §3.1) is: its position in the row, its expression, whether
 *  it is a boolean field. */
export interface Derivation {
  index: number;
  expr: Expr;
  boolean: boolean;
}

/**
 * One function filling every derived field of a row in place, in the order given (where
 * what each uses is already there). The config check gave each field one type; the value
 * is kept in it: a boolean field's number counts as ≠ 0, a number field's boolean as 1/0.
 */
export function compileDerivationsOfRow(derivations: readonly Derivation[], ctx: CompileContext): (row: unknown[]) => void {
  const writer = new ExpressionWriter(ctx);
  const statements = derivations.map(({ index, expr, boolean }) => {
    const keep = boolean ? 'Boolean(v)' : "typeof v === 'boolean' ? (v ? 1 : 0) : v";
    return `v = ${writer.code(expr)};\n  row[${Number(index)}] = v === null ? null : ${keep};`;
  });
  return writer.build<unknown[]>(`let v;\n  ${statements.join('\n  ')}`) as (row: unknown[]) => void;
}

function binary(op: BinaryOp, l: string, r: string): string {
  switch (op) {
    case 'and':
      return `truthy(${l}) && truthy(${r})`;
    case 'or':
      return `truthy(${l}) || truthy(${r})`;
    case '/':
      return `(num(${r}) === 0 ? null : fin(num(${l}) / num(${r})))`;
    case '+':
    case '-':
    case '*':
      return `fin(num(${l}) ${OPERATORS[op]} num(${r}))`;
    default:
      return `num(${l}) ${OPERATORS[op]} num(${r})`;
  }
}
