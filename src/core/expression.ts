/**
 * The small expression language shared by formula metrics (SPEC §3) and derived fields
 * (§3.1): a tokenizer and recursive-descent parser that turn text such as
 * `if(hours(reported, responded) > 2, 1, 0)` into an `Expr` tree, plus the walks the
 * config checker needs (names and functions used, reference cycles). Text is parsed,
 * never run as JavaScript. Errors are `ExpressionError`s carrying the 0-based offset of
 * the problem and a message that names its 1-based column. Evaluation lives in
 * expression-eval.ts and is re-exported here.
 *
 * Precedence, low to high: `or`; `and`; `not`; `> >= < <= == !=` (not chainable);
 * `+ -`; `* /`; unary `-`; numbers (`12`, `3.5`, `.5`, `95%` = 0.95), names, calls, `( )`.
 */
import type { BinaryOp, Expr, ExprFunction } from './types.js';

export { evaluate, weekdaysBetween } from './expression-eval.js';
export type { EvalContext, ExprValue } from './expression-eval.js';

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** 0-based index into the expression text where the problem is. */
    public offset: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Every function, with its argument counts (max `Infinity` = any number). */
export const EXPR_FUNCTIONS: Readonly<Record<ExprFunction, { min: number; max: number }>> = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  if: { min: 3, max: 3 },
  round: { min: 1, max: 2 },
  days: { min: 2, max: 2 },
  hours: { min: 2, max: 2 },
  minutes: { min: 2, max: 2 },
  workdays: { min: 2, max: 2 },
};

const KEYWORDS = new Set(['and', 'or', 'not']);
const COMPARISONS = new Set(['>', '>=', '<', '<=', '==', '!=']);
const OPERATORS = ['>=', '<=', '==', '!=', '>', '<', '+', '-', '*', '/', '(', ')', ','];
/** Beyond this nesting depth the text is rejected rather than overflowing the stack. */
const MAX_DEPTH = 100;

type Token =
  | { kind: 'num'; value: number; text: string; offset: number }
  | { kind: 'id'; text: string; offset: number }
  | { kind: 'op'; text: string; offset: number }
  | { kind: 'end'; text: ''; offset: number };

const col = (offset: number): string => `column ${offset + 1}`;

const CHAR_HINTS: Record<string, string> = {
  '=': 'use "==" to compare',
  '!': 'use "not", or "!=" to compare',
  '&': 'use "and"',
  '|': 'use "or"',
  '%': '"%" may only follow a number, as in 95%',
  '^': 'there is no power operator',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9.]/.test(c)) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)/.exec(text.slice(i));
      if (!m) throw new ExpressionError(`unexpected "." at ${col(i)}`, i);
      i += m[0].length;
      let value = Number(m[0]);
      if (text[i] === '%') {
        i++;
        value /= 100;
      }
      if (!Number.isFinite(value)) throw new ExpressionError(`number too large at ${col(start)}`, start);
      tokens.push({ kind: 'num', value, text: text.slice(start, i), offset: start });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'id', text: m[0], offset: start });
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) {
        const hint = CHAR_HINTS[c] ?? (c.charCodeAt(0) > 0x7f ? 'names and operators must be plain ASCII' : '');
        throw new ExpressionError(`unexpected "${c}" at ${col(i)}${hint ? ` (${hint})` : ''}`, i);
      }
      i += op.length;
      tokens.push({ kind: 'op', text: op, offset: start });
    }
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

/** Parses an expression; throws `ExpressionError` on any syntax error or unknown function. */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const isOp = (t: Token, op: string): boolean => t.kind === 'op' && t.text === op;
  const isWord = (t: Token, word: string): boolean => t.kind === 'id' && t.text === word;

  const unexpected = (t: Token, hint = ''): ExpressionError => {
    if (t.kind === 'end') {
      const prev = tokens[pos - 1];
      const after = prev && prev.kind !== 'end' ? ` after "${prev.text}"` : '';
      return new ExpressionError(tokens.length === 1 ? 'empty expression' : `unexpected end of expression${after}`, t.offset);
    }
    if (t.kind === 'id' && KEYWORDS.has(t.text.toLowerCase()) && !KEYWORDS.has(t.text)) {
      hint = `keywords are lowercase: "${t.text.toLowerCase()}"`;
    }
    return new ExpressionError(`unexpected "${t.text}" at ${col(t.offset)}${hint ? ` (${hint})` : ''}`, t.offset);
  };

  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError(`expression nested too deeply at ${col(peek().offset)}`, peek().offset);
    const result = parse();
    depth--;
    return result;
  };

  /** Consumes the `)` closing the `(` at `open`, or explains why it is not there. */
  const close = (open: number, expected: string): void => {
    const t = next();
    if (isOp(t, ')')) return;
    if (t.kind === 'end') {
      throw new ExpressionError(`missing ")" to close the "(" at ${col(open)}`, t.offset);
    }
    throw unexpected(t, `expected ${expected}`);
  };

  const binaryLevel = (ops: readonly string[], operand: () => Expr): Expr => {
    let left = operand();
    for (let t = peek(); t.kind !== 'num' && ops.includes(t.text); t = peek()) {
      next();
      left = { type: 'bin', op: t.text as BinaryOp, left, right: operand() };
    }
    return left;
  };

  const parseOr = (): Expr => binaryLevel(['or'], parseAnd);
  const parseAnd = (): Expr => binaryLevel(['and'], parseNot);

  const parseNot = (): Expr => {
    if (isWord(peek(), 'not')) {
      next();
      return { type: 'not', arg: nested(parseNot) };
    }
    return parseComparison();
  };

  const parseComparison = (): Expr => {
    const left = parseAdditive();
    const t = peek();
    if (t.kind !== 'op' || !COMPARISONS.has(t.text)) return left;
    next();
    const right = parseAdditive();
    const again = peek();
    if (again.kind === 'op' && COMPARISONS.has(again.text)) {
      throw new ExpressionError(
        `comparisons cannot be chained: "${again.text}" at ${col(again.offset)} (join them with "and")`,
        again.offset,
      );
    }
    return { type: 'bin', op: t.text as BinaryOp, left, right };
  };

  const parseAdditive = (): Expr => binaryLevel(['+', '-'], parseMultiplicative);
  const parseMultiplicative = (): Expr => binaryLevel(['*', '/'], parseUnary);

  const parseUnary = (): Expr => {
    if (isOp(peek(), '-')) {
      next();
      return { type: 'neg', arg: nested(parseUnary) };
    }
    return parsePrimary();
  };

  const parseCall = (fn: ExprFunction, offset: number, open: number): Expr => {
    const args: Expr[] = [];
    if (isOp(peek(), ')')) next();
    else {
      for (;;) {
        args.push(parseOr());
        if (isOp(peek(), ',')) next();
        else {
          close(open, '"," or ")"');
          break;
        }
      }
    }
    const { min, max } = EXPR_FUNCTIONS[fn];
    if (args.length < min || args.length > max) {
      const wanted =
        max === Infinity ? `at least ${min} argument${min === 1 ? '' : 's'}`
        : min === max ? `${min} argument${min === 1 ? '' : 's'}`
        : `${min} or ${max} arguments`;
      throw new ExpressionError(`"${fn}" takes ${wanted}, got ${args.length} (at ${col(offset)})`, offset);
    }
    return { type: 'call', fn, args, offset };
  };

  const parsePrimary = (): Expr => {
    const t = next();
    if (t.kind === 'num') return { type: 'num', value: t.value };
    if (t.kind === 'id' && !KEYWORDS.has(t.text)) {
      if (!isOp(peek(), '(')) return { type: 'ref', name: t.text, offset: t.offset };
      if (!Object.hasOwn(EXPR_FUNCTIONS, t.text)) {
        const available = Object.keys(EXPR_FUNCTIONS).join(', ');
        throw new ExpressionError(`unknown function "${t.text}" at ${col(t.offset)} (available: ${available})`, t.offset);
      }
      const open = next().offset;
      return nested(() => parseCall(t.text as ExprFunction, t.offset, open));
    }
    if (isOp(t, '(')) {
      const inner = nested(parseOr);
      close(t.offset, '")"');
      return inner;
    }
    pos--; // so an "end" error can name the token before it
    const err = unexpected(t);
    pos++;
    throw err;
  };

  const expr = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') {
    const hint = isOp(rest, ')') ? 'no "(" to close' : 'an operator is missing before it';
    throw unexpected(rest, hint);
  }
  return expr;
}

function walk(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  switch (expr.type) {
    case 'neg':
    case 'not':
      walk(expr.arg, visit);
      break;
    case 'bin':
      walk(expr.left, visit);
      walk(expr.right, visit);
      break;
    case 'call':
      for (const arg of expr.args) walk(arg, visit);
      break;
  }
}

/** Distinct referenced names, in order of first appearance (left to right in the text). */
export function referencedNames(expr: Expr): string[] {
  const names = new Set<string>();
  walk(expr, (e) => {
    if (e.type === 'ref') names.add(e.name);
  });
  return [...names];
}

/** Distinct functions called, in order of first appearance. */
export function usedFunctions(expr: Expr): ExprFunction[] {
  const fns = new Set<ExprFunction>();
  walk(expr, (e) => {
    if (e.type === 'call') fns.add(e.fn);
  });
  return [...fns];
}

export { findCycle } from './graph.js';
