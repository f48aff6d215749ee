/**
 * The scoring half of the config rules: standards that make sense, indicator and role
 * weights summing to 100 (SPEC §5.2), references between dimensions, roles, metrics and
 * grades, vetoes with exactly one effect, grades descending, and max_share totals (§7).
 */
import type { Adjustment, Dimension, Grade, Role, Scheme, Source, Standard, Veto } from '../core/types.js';
import type { RawConfig, RawStandard } from './schema.js';
import { typedCondition, type RuleContext } from './rules-context.js';
import { didYouMean } from './suggest.js';

const WEIGHT_TOLERANCE = 1e-9;

type Scoring = Pick<Scheme, 'dimensions' | 'roles' | 'defaultRole' | 'adjustments' | 'vetoes' | 'grades' | 'maxTotal' | 'distributionScope'>;

function checkSum(ctx: RuleContext, weights: number[], path: PropertyKey[], what: string): void {
  const total = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    ctx.problem(path, `${what} sum to ${+total.toFixed(6)}, not 100`, `adjust them by ${+(100 - total).toFixed(6)}`);
  }
}

function buildStandard(ctx: RuleContext, raw: RawStandard, path: PropertyKey[]): Standard | null {
  const cap = raw.cap ?? 100;
  if (cap <= 0) ctx.problem([...path, 'cap'], 'cap must be above 0');
  switch (raw.method) {
    case 'linear':
      if (raw.target === raw.zero) ctx.problem(path, 'target and zero are equal, so the score cannot be computed', 'zero is the value that scores 0, target the one that scores 100');
      return { method: 'linear', target: raw.target, zero: raw.zero, floor: raw.floor, cap };
    case 'ratio':
      if (raw.target <= 0) ctx.problem([...path, 'target'], 'the target of a ratio standard must be above 0');
      return { method: 'ratio', target: raw.target, better: raw.better ?? 'higher', floor: raw.floor, cap };
    case 'piecewise': {
      const at = raw.points.map((p) => p.at);
      const up = at.every((x, i) => i === 0 || x > at[i - 1]);
      const down = at.every((x, i) => i === 0 || x < at[i - 1]);
      if (!up && !down) ctx.problem([...path, 'points'], 'the "at" values of the points must be strictly ascending or strictly descending');
      return { method: 'piecewise', points: raw.points, cap };
    }
    case 'bands':
      raw.bands.forEach((band, i) => {
        if (band.min !== undefined && band.max !== undefined && band.min >= band.max) {
          ctx.problem([...path, 'bands', i], `this band can never match: min ${band.min} is not below max ${band.max}`);
          return;
        }
        const shadow = raw.bands.slice(0, i).findIndex((b) =>
          (b.min === undefined || (band.min !== undefined && b.min <= band.min)) &&
          (b.max === undefined || (band.max !== undefined && b.max >= band.max)));
        if (shadow >= 0) ctx.problem([...path, 'bands', i], `this band can never match: band ${shadow + 1} above it already covers its whole range`, 'bands are tried in order; put narrower bands first');
      });
      return { method: 'bands', bands: raw.bands, cap };
    case 'deduct':
      return { method: 'deduct', per: raw.per, base: raw.base ?? 100, cap };
    case 'add':
      return { method: 'add', per: raw.per, base: raw.base ?? 0, cap };
    case 'threshold': {
      const when = typedCondition(ctx, raw.when, 'number', [...path, 'when']);
      return when ? { method: 'threshold', when, cap } : null;
    }
    case 'direct':
      return { method: 'direct', scale: raw.scale ?? 1, cap };
  }
}

function buildDimensions(raw: RawConfig, ctx: RuleContext): Dimension[] {
  const metricIds = Object.keys(raw.metrics);
  return Object.entries(raw.dimensions).map(([id, d]) => {
    const path = ['dimensions', id];
    const indicators = d.indicators.flatMap((ind, i) => {
      const at = [...path, 'indicators', i];
      if (!raw.metrics[ind.metric] && !ctx.cut(`metrics.${ind.metric}`)) ctx.problem([...at, 'metric'], `metric "${ind.metric}" is not defined`, didYouMean(ind.metric, metricIds) || 'define it under metrics:');
      if (!(ind.weight > 0)) ctx.problem([...at, 'weight'], 'an indicator weight must be above 0');
      const standard = buildStandard(ctx, ind.standard, [...at, 'standard']);
      if (!standard) return [];
      return [{ metric: ind.metric, label: ind.label ?? ind.metric, weight: ind.weight, standard, missing: ind.missing ?? raw.missing ?? 'exclude' }];
    });
    // A dimension that lost an indicator to a shape problem cannot be summed yet.
    if (!ctx.cut(`indicators.${id}`)) checkSum(ctx, d.indicators.map((i) => i.weight), [...path, 'indicators'], `the indicator weights of dimension "${id}"`);
    return { id, label: d.label ?? id, indicators };
  });
}

function buildRoles(raw: RawConfig, ctx: RuleContext): Role[] {
  const dimensionIds = Object.keys(raw.dimensions);
  return Object.entries(raw.roles).map(([id, r]) => {
    const weights = Object.entries(r.weights).map(([dimension, weight]) => {
      if (!raw.dimensions[dimension] && !ctx.cut(`dimensions.${dimension}`)) ctx.problem(['roles', id, 'weights', dimension], `dimension "${dimension}" is not defined`, didYouMean(dimension, dimensionIds) || `dimensions: ${dimensionIds.join(', ')}`, true);
      if (!(weight > 0)) ctx.problem(['roles', id, 'weights', dimension], 'a dimension weight must be above 0');
      return { dimension, weight };
    });
    checkSum(ctx, weights.map((w) => w.weight), ['roles', id, 'weights'], `the dimension weights of role "${id}"`);
    return { id, label: r.label ?? id, weights };
  });
}

function buildGrades(raw: RawConfig, ctx: RuleContext): Grade[] {
  const grades = raw.grades.map((g) => ({ grade: g.grade, min: g.min, maxShare: g.max_share }));
  grades.forEach((g, i) => {
    const last = i === grades.length - 1;
    if (!last && g.min === undefined) ctx.problem(['grades', i], `grade "${g.grade}" needs a min (only the last grade catches the rest)`);
    const previous = grades.slice(0, i).reverse().find((p) => p.min !== undefined);
    if (g.min !== undefined && previous && g.min >= previous.min!) ctx.problem(['grades', i, 'min'], `grades must go from highest to lowest: ${g.min} is not below ${previous.min} of "${previous.grade}"`);
    if (g.maxShare !== undefined && (g.maxShare < 0 || g.maxShare > 1)) ctx.problem(['grades', i, 'max_share'], 'max_share must be between 0% and 100%');
    if (grades.findIndex((o) => o.grade === g.grade) !== i) ctx.problem(['grades', i, 'grade'], `grade "${g.grade}" is listed twice`);
  });
  const shares = grades.reduce((sum, g) => sum + (g.maxShare ?? 0), 0);
  if (shares > 1 + WEIGHT_TOLERANCE) ctx.problem(['grades'], `the max_share values add up to ${+(shares * 100).toFixed(4)}%, more than 100%`);
  return grades;
}

function buildVetoes(raw: RawConfig, ctx: RuleContext, grades: Grade[]): Veto[] {
  return (raw.veto ?? []).flatMap((v, i): Veto[] => {
    const path = ['veto', i];
    if (!raw.metrics[v.metric] && !ctx.cut(`metrics.${v.metric}`)) ctx.problem([...path, 'metric'], `metric "${v.metric}" is not defined`, didYouMean(v.metric, Object.keys(raw.metrics)) || 'define it under metrics:');
    const effects = [v.effect !== undefined, v.cap !== undefined, v.grade !== undefined].filter(Boolean).length;
    if (effects !== 1) {
      ctx.problem(path, `a veto needs exactly one of effect: zero, cap: N or grade: G (it has ${effects})`);
      return [];
    }
    if (v.grade !== undefined && !grades.some((g) => g.grade === v.grade) && !ctx.cut('grades')) ctx.problem([...path, 'grade'], `grade "${v.grade}" is not one of the grades`, `grades: ${grades.map((g) => g.grade).join(', ')}`);
    const when = typedCondition(ctx, v.when, 'number', [...path, 'when']);
    if (!when) return [];
    const base = { metric: v.metric, label: v.label ?? v.metric, when };
    if (v.cap !== undefined) return [{ ...base, effect: 'cap', cap: v.cap }];
    if (v.grade !== undefined) return [{ ...base, effect: 'grade', grade: v.grade }];
    return [{ ...base, effect: 'zero' }];
  });
}

function buildAdjustments(raw: RawConfig, ctx: RuleContext): Adjustment[] {
  return (raw.adjustments ?? []).map((a, i) => {
    if (!raw.metrics[a.metric] && !ctx.cut(`metrics.${a.metric}`)) ctx.problem(['adjustments', i, 'metric'], `metric "${a.metric}" is not defined`, didYouMean(a.metric, Object.keys(raw.metrics)) || 'define it under metrics:');
    if (a.min !== undefined && a.max !== undefined && a.min > a.max) ctx.problem(['adjustments', i], `min ${a.min} is above max ${a.max}`);
    return { metric: a.metric, label: a.label ?? a.metric, per: a.per, min: a.min, max: a.max };
  });
}

export function buildScoring(raw: RawConfig, ctx: RuleContext, sources: Source[]): Scoring {
  const dimensions = buildDimensions(raw, ctx);
  const roles = buildRoles(raw, ctx);
  if (roles.length === 0 && !ctx.cut('roles.')) ctx.problem(['roles'], 'at least one role is needed');
  if (raw.default_role !== undefined && !raw.roles[raw.default_role] && !ctx.cut(`roles.${raw.default_role}`)) {
    ctx.problem(['default_role'], `role "${raw.default_role}" is not defined`, didYouMean(raw.default_role, Object.keys(raw.roles)) || undefined);
  }
  const hasRoster = sources.some((s) => s.id === 'roster') || ctx.cut('sources.roster');
  if (!hasRoster && raw.default_role === undefined && roles.length > 1) {
    ctx.problem(['roles'], 'without a roster source, default_role is needed to know whom to score under which role', 'add default_role: <role id>', true);
  }
  if (raw.max_total !== undefined && !(raw.max_total > 0)) ctx.problem(['max_total'], 'max_total must be above 0');
  const grades = buildGrades(raw, ctx);
  return {
    dimensions, roles, defaultRole: raw.default_role,
    adjustments: buildAdjustments(raw, ctx),
    vetoes: buildVetoes(raw, ctx, grades),
    grades,
    maxTotal: raw.max_total,
    distributionScope: raw.distribution_scope ?? 'all',
  };
}
