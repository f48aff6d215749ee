/**
 * Shared helpers of the config rules: where problems go, and typing a condition's values
 * like the field they test (SPEC §3: a `number`, `boolean` or `date` field compares as that
 * type), using the same cell parsers as the ledger readers so `95%` or `是` mean the same.
 */
import type { CellValue, Condition, ConditionOps, FieldType, Source } from '../core/types.js';
import { parseBooleanCell, parseDateCell, parseNumberCell, Unreadable } from '../read/cells.js';
import { readDuration, type DurationUnit } from '../read/durations.js';
import type { RawCondition } from './schema.js';

export interface RuleContext {
  problem(path: PropertyKey[], message: string, hint?: string, atKey?: boolean): void;
  warn(message: string): void;
  /** Whether an entry was cut out for a shape problem already reported (./cut.ts):
   *  `metrics.x`, `sources.s`, `dimensions.d`, `roles.r`, `indicators.d`, `grades`…;
   *  `roles.` asks whether any role was. */
  cut(key: string): boolean;
}

type Scalar = string | number | boolean;

function typedValue(value: Scalar, type: FieldType, source?: Source, duration?: DurationUnit): CellValue | { error: string } {
  if (type === 'text') return String(value).trim();
  if (duration) {
    // `{ gte: 60 }` in the field's unit, or a duration as the ledger writes it: `{ gte: "0:01:00" }`.
    if (typeof value === 'boolean') return { error: `${value} is not a duration` };
    const read = readDuration(String(value), duration, source?.durationFormat);
    return read instanceof Unreadable || read === null ? { error: `"${value}" is not a duration` } : read;
  }
  if (type === 'number') {
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return { error: `${value} is not a number` };
    const parsed = parseNumberCell(value);
    return parsed.ok && parsed.value !== null ? parsed.value : { error: `"${value}" is not a number` };
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const words = source ? { trueValues: source.trueValues, falseValues: source.falseValues } : undefined;
    const parsed = parseBooleanCell(String(value), words);
    return parsed.ok && parsed.value !== null ? parsed.value : { error: `"${value}" is not a yes/no value` };
  }
  if (typeof value === 'boolean') return { error: `${value} is not a date` };
  const parsed = parseDateCell(String(value), source?.dateFormat);
  return parsed.ok && parsed.value !== null ? parsed.value : { error: `"${value}" is not a date (write it as 2026-11-05)` };
}

const ORDERED = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
const TYPE_WORDS: Record<FieldType, string> = { text: 'a text field', number: 'a number field', boolean: 'a yes/no field', date: 'a date field' };
const TYPE_EXAMPLES: Record<FieldType, string> = { text: '上门维修', number: '4.5 or 95%', boolean: 'true, false, 是 or 否', date: '2026-11-05' };

/** Converts a raw condition to the field's type; reports values that cannot be that type. */
export function typedCondition(
  ctx: RuleContext,
  raw: RawCondition,
  type: FieldType,
  path: PropertyKey[],
  source?: Source,
  duration?: DurationUnit,
): Condition | null {
  let ok = true;
  const field = [...path].reverse().find((p) => typeof p === 'string' && !(ORDERED as readonly string[]).includes(p) && p !== 'in' && p !== 'not_in');
  const subject = field === 'when' || field === undefined ? 'the value tested' : `"${String(field)}"`;
  const convert = (value: Scalar, at: PropertyKey[]): CellValue => {
    const typed = typedValue(value, type, source, duration);
    if (typed !== null && typeof typed === 'object') {
      const [what, example] = duration ? [`a duration field (${duration})`, '60 or "0:01:00"'] : [TYPE_WORDS[type], TYPE_EXAMPLES[type]];
      ctx.problem(at, `${typed.error}, but ${subject} is ${what}`, `e.g. ${example}`);
      ok = false;
      return null;
    }
    return typed;
  };
  let condition: Condition;
  if (Array.isArray(raw)) {
    condition = { kind: 'in', values: raw.map((v, i) => convert(v, [...path, i])) };
  } else if (raw !== null && typeof raw === 'object') {
    const ops: ConditionOps = {};
    for (const op of ORDERED) if (raw[op] !== undefined) ops[op] = convert(raw[op]!, [...path, op]);
    if (raw.in) ops.in = raw.in.map((v, i) => convert(v, [...path, 'in', i]));
    if (raw.not_in) ops.not_in = raw.not_in.map((v, i) => convert(v, [...path, 'not_in', i]));
    if (raw.empty !== undefined) ops.empty = raw.empty;
    if (Object.keys(ops).length === 0) {
      ctx.problem(path, 'the condition is empty', 'e.g. { gte: 1 }');
      ok = false;
    }
    condition = { kind: 'ops', ops };
  } else {
    condition = { kind: 'eq', value: convert(raw, path) };
  }
  if (type === 'date') {
    // Dates written without a time compare with cells by calendar day (SPEC §4.4: dates are
    // calendar dates), so a 14:00 timestamp still "is" 2026-11-05.
    const values = condition.kind === 'eq' ? [condition.value] : condition.kind === 'in' ? condition.values : Object.values(condition.ops).flat();
    condition.byDay = values.every((v) => typeof v !== 'number' || Number.isInteger(v));
  }
  return ok ? condition : null;
}
