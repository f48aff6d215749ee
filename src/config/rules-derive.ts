/**
 * Derived fields and the calendar (SPEC §3.1), checked like the rest of the config: each
 * expression parsed, every name known (a column or an earlier-or-later derived field, with
 * no cycle), and its types consistent — `hours()` of a number field, or a date minus a date,
 * is a mistake said at `kpi.yaml:line:column`, not a wrong number at month end.
 */
import { ExpressionError, findCycle, parseExpression, referencedNames } from '../core/expression.js';
import type { Expr, Field, FieldType } from '../core/types.js';
import { parseDateCell } from '../read/cells.js';
import type { RuleContext } from './rules-context.js';
import { didYouMean } from './suggest.js';
import { configText } from '../messages/config.js';
import { joinText } from '../messages/text.js';

type Check = (message: string, offset: number) => void;

const DATE_FUNCTIONS = new Set(['days', 'hours', 'minutes', 'workdays']);

/** The type of an expression, or null after reporting why it has none. */
function typeOf(expr: Expr, field: (name: string) => FieldType | undefined, report: Check, at = 0): FieldType | null {
  const need = (e: Expr, wanted: FieldType, what: string, offset: number): boolean => {
    const t = typeOf(e, field, report, offset);
    if (t === null) return false;
    if (t !== wanted) report(`${what} needs ${wanted === 'date' ? 'a date' : wanted === 'boolean' ? 'a yes/no value' : 'a number'}, but gets ${t === 'date' ? 'a date' : t === 'boolean' ? 'a yes/no value' : t === 'text' ? 'text' : 'a number'}`, offset);
    return t === wanted;
  };
  switch (expr.type) {
    case 'num':
      return 'number';
    case 'ref': {
      const t = field(expr.name) ?? null;
      if (t === 'text') report(`"${expr.name}" is a text field; expressions use numbers, dates and yes/no fields (filter text with where:)`, expr.offset);
      return t === 'text' ? null : t;
    }
    case 'neg':
      return need(expr.arg, 'number', 'minus', at) ? 'number' : null;
    case 'not':
      return need(expr.arg, 'boolean', '"not"', at) ? 'boolean' : null;
    case 'bin': {
      const { op } = expr;
      if (op === 'and' || op === 'or') return need(expr.left, 'boolean', `"${op}"`, at) && need(expr.right, 'boolean', `"${op}"`, at) ? 'boolean' : null;
      const left = typeOf(expr.left, field, report, at);
      const right = typeOf(expr.right, field, report, at);
      if (left === null || right === null) return null;
      if (op === '==' || op === '!=') {
        if (left !== right) report(`"${op}" compares ${left} with ${right}`, at);
        return left === right ? 'boolean' : null;
      }
      if (['>', '>=', '<', '<='].includes(op)) {
        const ok = left === right && (left === 'number' || left === 'date');
        if (!ok) report(`"${op}" needs two numbers or two dates, but gets ${left} and ${right}`, at);
        return ok ? 'boolean' : null;
      }
      if (left === 'date' || right === 'date') {
        report(`dates cannot be used with "${op}"; use days(a, b), hours(a, b), minutes(a, b) or workdays(a, b)`, at);
        return null;
      }
      return need(expr.left, 'number', `"${op}"`, at) && need(expr.right, 'number', `"${op}"`, at) ? 'number' : null;
    }
    case 'call': {
      const { fn, args, offset } = expr;
      if (DATE_FUNCTIONS.has(fn)) return args.every((a) => need(a, 'date', `${fn}()`, offset)) ? 'number' : null;
      if (fn === 'if') {
        if (!need(args[0], 'boolean', 'the condition of if()', offset)) return null;
        const [a, b] = [typeOf(args[1], field, report, offset), typeOf(args[2], field, report, offset)];
        if (a && b && a !== b) report(`if() gives ${a} in one case and ${b} in the other`, offset);
        return a && a === b ? a : null;
      }
      return args.every((a) => need(a, 'number', `${fn}()`, offset)) ? 'number' : null;
    }
  }
}

/** Derived fields of one source, appended to its fields in an order that computes. */
export function buildDerived(ctx: RuleContext, sourceId: string, columns: Field[], derive: Record<string, string> | undefined): Field[] {
  if (!derive) return [];
  const path = (name: string) => ['sources', sourceId, 'derive', name];
  const parsed = new Map<string, Expr>();
  for (const [name, text] of Object.entries(derive)) {
    if (columns.some((f) => f.id === name)) ctx.problem(path(name), configText.alreadyAColumn({ name, source: sourceId }), undefined, true);
    try {
      parsed.set(name, parseExpression(text));
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      ctx.problem(path(name), configText.quotedError({ text, message: error.message }));
    }
  }
  const known = [...columns.map((f) => f.id), ...Object.keys(derive)];
  const graph = new Map<string, string[]>();
  for (const [name, expr] of parsed) {
    const refs = referencedNames(expr);
    graph.set(name, refs.filter((r) => parsed.has(r)));
    for (const ref of refs) {
      if (!known.includes(ref)) ctx.problem(path(name), configText.notAField({ field: ref, source: sourceId }), didYouMean(ref, known) || configText.fields({ list: known.join(', ') }));
    }
  }
  const cycle = findCycle(graph);
  if (cycle) {
    ctx.problem(path(cycle[0]), configText.derivedCycle({ cycle: cycle.join(' → ') }));
    return [];
  }
  // Order: each derived field after the ones it uses.
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name) || !parsed.has(name)) return;
    for (const dep of graph.get(name) ?? []) visit(dep);
    ordered.push(name);
  };
  for (const name of parsed.keys()) visit(name);
  const types = new Map(columns.map((f) => [f.id, f.type]));
  const fields: Field[] = [];
  for (const name of ordered) {
    const text = derive[name];
    const type = typeOf(parsed.get(name)!, (n) => types.get(n), (message, offset) => ctx.problem(path(name), configText.quotedError({ text, message: joinText([message, offset ? configText.atColumn({ column: offset + 1 }) : '']) })));
    if (type === null) continue;
    types.set(name, type);
    fields.push({ id: name, type, headers: [], derive: parsed.get(name)!, deriveText: text });
  }
  return fields;
}

/** The calendar's dates as whole day numbers; a date that does not parse is a problem. */
export function buildCalendar(ctx: RuleContext, raw: { holidays?: (string | number)[]; workdays?: (string | number)[] } | undefined) {
  const days = (list: (string | number)[] | undefined, key: string) => new Set((list ?? []).flatMap((value, i) => {
    const parsed = parseDateCell(String(value));
    if (parsed.ok && parsed.value !== null) return [Math.floor(parsed.value)];
    ctx.problem(['calendar', key, i], configText.notADate({ value: String(value) }), configText.writeDates());
    return [];
  }));
  return { holidays: days(raw?.holidays, 'holidays'), workdays: days(raw?.workdays, 'workdays') };
}
