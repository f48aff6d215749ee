/**
 * Conditions (SPEC §3) and derived-field expressions (§3.1) as SQL, with the semantics of
 * src/core/conditions.ts and src/core/expression-eval.ts: an empty value matches only
 * `empty: true`; NULL in, NULL out (`and`/`or` included: no three-valued logic); division
 * by zero is NULL; `round` half away from zero with float noise absorbed; `days/hours/
 * minutes` on whole milliseconds; `workdays` through the calendar the query carries.
 * Every value of the config goes in as a parameter.
 */
import type { Calendar } from '../../core/calendar.js';
import type { CellValue, Condition, Expr, RowFilter } from '../../core/types.js';
import { double, type Dialect } from './dialect.js';
import type { Params } from './params.js';

/** Why an expression cannot be computed in the database. */
export class NotCompilable extends Error {}

const orFalse = (x: string): string => `COALESCE(${x}, FALSE)`;

/** A word that a trimmed text can equal: not empty, no white space at either end. */
const plainWord = (x: CellValue): x is string => typeof x === 'string' && x !== '' && x.trim() === x;

/**
 * Whether the trimmed text `value` is one of `words`, tested first on `stored`, the column
 * as stored: a cell equals a word as it is, or is longer and trims to it. The trim, which
 * costs the database several comparisons, is then left to the rare longer cells.
 */
function storedTextIn(stored: StoredText, value: string, words: string[], params: Params): string {
  const placeholders = words.map((w) => params.text(w));
  const list = placeholders.join(', ');
  const shortest = placeholders.length === 1 ? stored.bytes(placeholders[0]) : `LEAST(${placeholders.map(stored.bytes).join(', ')})`;
  return orFalse(`${stored.column} IN (${list}) OR (${stored.bytes(stored.column)} > ${shortest} AND ${value} IN (${list}))`);
}

/** A text field's column as stored, and the dialect's length in bytes of a text. */
export interface StoredText {
  column: string;
  bytes: (text: string) => string;
}

/** The SQL of one condition on `value` (an SQL expression of the field's type); `stored`:
 *  for a text field, its column as stored (see storedTextIn). */
export function conditionSql(value: string, condition: Condition, params: Params, stored?: StoredText): string {
  const v = condition.byDay ? `floor(${value})` : value;
  const p = (x: CellValue) => params.value(x as string | number | boolean);
  switch (condition.kind) {
    case 'eq':
      if (condition.value === null) return 'FALSE';
      if (stored && plainWord(condition.value)) return storedTextIn(stored, value, [condition.value], params);
      return orFalse(`${v} = ${p(condition.value)}`);
    case 'in': {
      const values = condition.values.filter((x) => x !== null);
      if (values.length === 0) return 'FALSE';
      if (stored && values.every(plainWord)) return storedTextIn(stored, value, values as string[], params);
      return orFalse(`${v} IN (${values.map(p).join(', ')})`);
    }
    case 'ops': {
      const { ops } = condition;
      const checks: string[] = [];
      if (ops.empty !== undefined) checks.push(ops.empty ? `${value} IS NULL` : `${value} IS NOT NULL`);
      const compare = (op: string, x: CellValue | undefined) => {
        if (x === undefined) return;
        checks.push(x === null ? 'FALSE' : orFalse(`${v} ${op} ${p(x)}`));
      };
      compare('=', ops.eq);
      compare('<>', ops.ne);
      compare('>', ops.gt);
      compare('>=', ops.gte);
      compare('<', ops.lt);
      compare('<=', ops.lte);
      if (ops.in) checks.push(conditionSql(value, { kind: 'in', values: ops.in, byDay: condition.byDay }, params));
      if (ops.not_in) {
        const values = ops.not_in.filter((x) => x !== null);
        checks.push(values.length === 0 ? `${value} IS NOT NULL` : `(${value} IS NOT NULL AND NOT ${orFalse(`${v} IN (${values.map(p).join(', ')})`)})`);
      }
      return checks.length === 0 ? 'TRUE' : `(${checks.join(' AND ')})`;
    }
  }
}

/** AND-ed conditions over fields; `valueOf` gives a field's SQL value, `storedOf` a text
 *  field's column as stored (when it has one). */
export function filterSql(filter: RowFilter | undefined, valueOf: (field: string) => string, params: Params, storedOf: (field: string) => StoredText | undefined = () => undefined): string {
  if (!filter) return 'TRUE';
  const parts = Object.entries(filter).map(([field, condition]) => conditionSql(valueOf(field), condition, params, storedOf(field)));
  return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** Weekdays (Mon–Fri) up to whole day x, so that differences count (a, b] (expression-eval). */
function weekdaysThrough(x: string): string {
  const k = `(${x} + 3)`;
  const dow = `(${k} - 7 * floor(${k} / 7))`;
  return `(floor(${k} / 7) * 5 + LEAST(${dow} + 1, 5))`;
}

const ifAllPresent = (args: string[], body: string): string => `(CASE WHEN ${args.map((a) => `${a} IS NULL`).join(' OR ')} THEN NULL ELSE ${body} END)`;

export interface ExpressionContext {
  dialect: Dialect;
  params: Params;
  /** The SQL value of a field (typed or derived). */
  ref(name: string): string;
  calendar: Calendar;
}

/** The SQL of a derived field's expression. */
export function expressionSql(e: Expr, ctx: ExpressionContext): string {
  const sql = (x: Expr) => expressionSql(x, ctx);
  switch (e.type) {
    case 'num':
      return ctx.params.number(e.value);
    case 'ref':
      return ctx.ref(e.name);
    case 'neg':
      return `(-${sql(e.arg)})`;
    case 'not':
      return `(NOT ${sql(e.arg)})`;
    case 'bin': {
      const [a, b] = [sql(e.left), sql(e.right)];
      switch (e.op) {
        case 'and':
        case 'or':
          return ifAllPresent([a, b], `(${a} ${e.op.toUpperCase()} ${b})`);
        case '/':
          return `(${a} / NULLIF(${b}, 0))`;
        case '==':
          return `(${a} = ${b})`;
        case '!=':
          return `(${a} <> ${b})`;
        default:
          return `(${a} ${e.op} ${b})`;
      }
    }
    case 'call':
      return callSql(e, ctx);
  }
}

function callSql(e: Extract<Expr, { type: 'call' }>, ctx: ExpressionContext): string {
  // round()'s digits are not an operand: they make a parameter of their own.
  const args = (e.fn === 'round' ? e.args.slice(0, 1) : e.args).map((x) => expressionSql(x, ctx));
  const [a, b] = args;
  switch (e.fn) {
    case 'if':
      return `(CASE WHEN ${a} THEN ${b} WHEN NOT ${a} THEN ${args[2]} END)`;
    case 'min':
    case 'max':
      return args.length === 1 ? a : ifAllPresent(args, `${e.fn === 'min' ? 'LEAST' : 'GREATEST'}(${args.join(', ')})`);
    case 'abs':
      return `abs(${a})`;
    case 'round':
      return roundSql(e.args[1], a, ctx);
    case 'days':
    case 'hours':
    case 'minutes': {
      const unit = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 }[e.fn];
      return `(floor((${b} - ${a}) * ${double(86_400_000)} + 0.5) / ${double(unit)})`;
    }
    case 'workdays':
      return workdaysSql(a, b, ctx);
  }
}

/** The digits of round() must be a number written in the config: the factor 10^digits is
 *  then a parameter, as in roundHalfAwayFromZero. */
function roundSql(digitsExpr: Expr | undefined, x: string, ctx: ExpressionContext): string {
  let digits = 0;
  if (digitsExpr?.type === 'num') digits = digitsExpr.value;
  else if (digitsExpr?.type === 'neg' && digitsExpr.arg.type === 'num') digits = -digitsExpr.arg.value;
  else if (digitsExpr) throw new NotCompilable('round() in the database needs its digits written as a number, e.g. round(x, 1)');
  const d = Math.max(-308, Math.min(308, Math.trunc(digits)));
  const factor = ctx.params.number(10 ** Math.abs(d));
  const scaled = d >= 0 ? `(abs(${x}) * ${factor})` : `(abs(${x}) / ${factor})`;
  const whole = `floor(${ctx.dialect.fifteenDigits(scaled)} + 0.5)`;
  const back = d >= 0 ? `(${whole} / ${factor})` : `(${whole} * ${factor})`;
  return `(CASE WHEN ${x} < 0 THEN -${back} WHEN ${x} IS NOT NULL THEN ${back} + 0 END)`;
}

/** workdays(a, b): Mon–Fri between the two days, minus the calendar's holidays on weekdays,
 *  plus its make-up working days on weekends, signed. The calendar's days are parameters. */
function workdaysSql(a: string, b: string, ctx: ExpressionContext): string {
  const [fa, fb] = [`floor(${a})`, `floor(${b})`];
  const [low, high] = [`LEAST(${fa}, ${fb})`, `GREATEST(${fa}, ${fb})`];
  const weekday = (day: number) => ((((day + 4) % 7) + 7) % 7) % 6 !== 0;
  const within = (day: number) => `(CASE WHEN ${ctx.params.number(day)} > ${low} AND ${ctx.params.number(day)} <= ${high} THEN 1 ELSE 0 END)`;
  const holidays = [...ctx.calendar.holidays].filter(weekday).map(within);
  const makeUp = [...ctx.calendar.workdays].filter((day) => !weekday(day)).map(within);
  const count = [`${weekdaysThrough(high)} - ${weekdaysThrough(low)}`, ...holidays.map((h) => `- ${h}`), ...makeUp.map((w) => `+ ${w}`)].join(' ');
  return ifAllPresent([a, b], `(sign(${fb} - ${fa}) * (${count}))`);
}
