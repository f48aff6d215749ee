/**
 * The shape of kpi.yaml (SPEC §2), checked with zod. Every object is strict, because an
 * unknown key is almost always a typo. Cross-field rules (references, weight sums, cycles)
 * live in rules.ts; this file only says what each key may hold.
 */
import * as z from 'zod';
import { configText } from '../messages/config.js';

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PERCENT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$/;

/** A number, or a percentage string: `95%` means 0.95 (SPEC §2). */
export const numberish = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const match = typeof value === 'string' ? PERCENT.exec(value) : null;
  // Shift the decimal point in the text (95e-2) so 1.1% is exactly 0.011.
  if (match) return Number(`${match[1]}e-2`);
  ctx.addIssue({ code: 'custom', message: String(configText.expectedNumber()) });
  return z.NEVER;
});

export const id = z.string().regex(ID, { error: 'ids use letters, digits and _ and do not start with a digit' });

const label = z.string().optional();
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** `{field: value}`, `{field: [a, b]}` or `{field: {gte: 3, ...}}`. */
export const operators = z.strictObject({
  eq: scalar.optional(),
  ne: scalar.optional(),
  gt: scalar.optional(),
  gte: scalar.optional(),
  lt: scalar.optional(),
  lte: scalar.optional(),
  in: z.array(scalar).optional(),
  not_in: z.array(scalar).optional(),
  empty: z.boolean().optional(),
});
export const condition = z.union([scalar, z.array(scalar), operators], {
  error: 'expected a value, a list of values, or operators such as { gte: 3 }',
});
export const rowFilter = z.record(z.string(), condition);

const fieldType = z.enum(['text', 'number', 'boolean', 'date', 'seconds', 'minutes', 'hours']);

export const source = z.strictObject({
  sheet: z.string().optional(),
  file: z.string().optional(),
  columns: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])),
  types: z.record(z.string(), fieldType).optional(),
  true_values: z.array(z.union([z.string(), z.number()])).optional(),
  false_values: z.array(z.union([z.string(), z.number()])).optional(),
  date_format: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** A database table or query instead of a ledger file (SPEC §14). */
  sql: z.strictObject({ url: z.string(), table: z.string().optional(), query: z.string().optional() }).optional(),
  /** How a two-part duration `a:b` reads (SPEC §4.6): h:mm (as Excel) unless mm:ss. */
  duration_format: z.enum(['h:mm', 'mm:ss']).optional(),
  /** Fields computed from other fields of the same row (SPEC §3.1). */
  derive: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
});

const isoDay = z.union([z.string(), z.number()]);
export const calendar = z.strictObject({
  holidays: z.array(isoDay).optional(),
  workdays: z.array(isoDay).optional(),
});

export const aggregateMetric = z.strictObject({
  source: z.string(),
  agg: z.enum(['count', 'sum', 'avg', 'min', 'max', 'median', 'percentile', 'distinct', 'ratio']),
  field: z.string().optional(),
  p: numberish.optional(),
  where: rowFilter.optional(),
  hit: rowFilter.optional(),
  label,
  /** false: never projected to the period's end by `kpi score --as-of` (SPEC §11). */
  project: z.boolean().optional(),
});
export const formulaMetric = z.strictObject({ formula: z.string(), label, project: z.boolean().optional() });
export const metric = z.union([aggregateMetric, formulaMetric], {
  error: 'a metric needs either source + agg, or formula',
});

const cap = numberish.optional();
export const standard = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('linear'), target: numberish, zero: numberish, floor: numberish.optional(), cap }),
  z.strictObject({
    method: z.literal('ratio'), target: numberish, better: z.enum(['higher', 'lower']).optional(),
    floor: numberish.optional(), cap,
  }),
  z.strictObject({
    method: z.literal('piecewise'),
    points: z.array(z.strictObject({ at: numberish, score: numberish })).min(2),
    cap,
  }),
  z.strictObject({
    method: z.literal('bands'),
    bands: z.array(z.strictObject({ min: numberish.optional(), max: numberish.optional(), score: numberish })).min(1),
    cap,
  }),
  z.strictObject({ method: z.literal('deduct'), per: numberish, base: numberish.optional(), cap }),
  z.strictObject({ method: z.literal('add'), per: numberish, base: numberish.optional(), cap }),
  z.strictObject({ method: z.literal('threshold'), when: condition, cap }),
  z.strictObject({ method: z.literal('direct'), scale: numberish.optional(), cap }),
], { error: 'method must be one of linear, ratio, piecewise, bands, deduct, add, threshold, direct' });

const missing = z.enum(['exclude', 'zero', 'full', 'error']);

export const indicator = z.strictObject({
  metric: z.string(),
  label,
  weight: numberish,
  standard,
  missing: missing.optional(),
});

export const dimension = z.strictObject({ label, indicators: z.array(indicator).min(1) });
export const role = z.strictObject({ label, weights: z.record(z.string(), numberish) });

export const adjustment = z.strictObject({
  metric: z.string(),
  label,
  per: numberish,
  min: numberish.optional(),
  max: numberish.optional(),
});

export const veto = z.strictObject({
  metric: z.string(),
  label,
  when: condition,
  effect: z.literal('zero').optional(),
  cap: numberish.optional(),
  grade: z.string().optional(),
});

export const grade = z.strictObject({
  grade: z.string(),
  min: numberish.optional(),
  max_share: numberish.optional(),
});

/** When a scheme is in force (SPEC §12): periods, inclusive; `2026` alone is a YAML number. */
const periodText = z.union([z.string(), z.number()]).transform(String);
export const effective = z.strictObject({ from: periodText.optional(), to: periodText.optional() });

export const configSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  title: z.string().optional(),
  effective: effective.optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  period: z.enum(['month', 'quarter', 'half', 'year']).optional(),
  sources: z.record(z.string(), source),
  metrics: z.record(z.string(), metric),
  dimensions: z.record(z.string(), dimension),
  roles: z.record(z.string(), role),
  default_role: z.string().optional(),
  adjustments: z.array(adjustment).optional(),
  veto: z.array(veto).optional(),
  grades: z.array(grade).min(1),
  missing: missing.optional(),
  max_total: numberish.optional(),
  distribution_scope: z.enum(['all', 'role', 'team']).optional(),
  calendar: calendar.optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RawCondition = z.infer<typeof condition>;
export type RawStandard = z.infer<typeof standard>;

/** Every key the config knows, for "did you mean" suggestions. */
export const KNOWN_KEYS = [
  'version', 'title', 'effective', 'from', 'to', 'locale', 'period', 'sources', 'metrics', 'dimensions', 'roles', 'default_role',
  'adjustments', 'veto', 'grades', 'missing', 'max_total', 'distribution_scope', 'sheet', 'file', 'columns',
  'types', 'true_values', 'false_values', 'date_format', 'duration_format', 'source', 'agg', 'field', 'p', 'where', 'hit', 'label',
  'formula', 'method', 'target', 'zero', 'floor', 'cap', 'better', 'points', 'at', 'score', 'bands', 'min', 'max',
  'per', 'base', 'when', 'scale', 'metric', 'weight', 'standard', 'indicators', 'weights', 'effect', 'grade',
  'max_share', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'empty', 'derive', 'calendar', 'holidays', 'workdays', 'project',
  'sql', 'url', 'table', 'query',
];
