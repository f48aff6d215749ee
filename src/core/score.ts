/**
 * One employee's scorecard before grading and ranking (SPEC §5.1–§5.4): indicator scores,
 * the `exclude` redistribution of weights, dimension and base scores, adjustments, the
 * final score and the vetoes it triggers.
 */
import { compileCondition } from './conditions.js';
import type { MetricValues } from './metrics.js';
import { clamp, round2 } from './round.js';
import { scoreIndicator } from './standards.js';
import type { Pace } from './progress.js';
import type { Dimension, Indicator, Role, Scheme, Veto } from './types.js';
import type { TextLike } from '../messages/text.js';

export interface IndicatorResult {
  dimension: string;
  metric: string;
  label: string;
  weight: number;
  actual: number | null;
  score: number | null;
  excluded: boolean;
  indicator: Indicator;
  /** Only for a period in progress (SPEC §11): to date, expected by now, behind pace. */
  pace?: Pace;
}

export interface DimensionResult {
  id: string;
  label: string;
  weight: number;
  score: number | null;
  excluded: boolean;
}

export interface AdjustmentResult {
  metric: string;
  label: string;
  actual: number | null;
  points: number;
}

export interface VetoHit {
  metric: string;
  label: string;
  actual: number;
  effect: 'zero' | 'cap' | 'grade';
  cap?: number;
  grade?: string;
}

export interface EmployeeScore {
  base: number | null;
  adjustment: number | null;
  /** Rounded and clamped, after zero/cap vetoes. */
  final: number | null;
  /** A grade forced by a veto, applied after forced distribution. */
  forcedGrade: string | null;
  vetoes: VetoHit[];
  error: TextLike | null;
  dimensions: DimensionResult[];
  indicators: IndicatorResult[];
  adjustments: AdjustmentResult[];
}

function scoreOne(indicator: Indicator, dimension: string, actual: number | null): IndicatorResult {
  let score: number | null = null;
  if (actual !== null) score = scoreIndicator(indicator.standard, actual);
  else if (indicator.missing === 'zero') score = 0;
  else if (indicator.missing === 'full') score = 100;
  // One literal, not a spread: this runs for every person × indicator.
  return { dimension, metric: indicator.metric, label: indicator.label, weight: indicator.weight, actual, indicator, score, excluded: score === null };
}

/** Σ (wᵢ / Σw) × sᵢ over the items that have a score; null when none has. */
function weightedMean(items: { weight: number; score: number | null }[]): number | null {
  const scored = items.filter((i) => i.score !== null);
  const totalWeight = scored.reduce((sum, i) => sum + i.weight, 0);
  if (scored.length === 0 || totalWeight <= 0) return null;
  return scored.reduce((sum, i) => sum + (i.weight / totalWeight) * i.score!, 0);
}

function dimensionsOf(scheme: Scheme, role: Role): { dimension: Dimension; weight: number }[] {
  return role.weights.map((w) => ({ dimension: scheme.dimensions.find((d) => d.id === w.dimension)!, weight: w.weight }));
}

function checkVetoes(vetoes: readonly Veto[], values: MetricValues): VetoHit[] {
  const hits: VetoHit[] = [];
  for (const veto of vetoes) {
    const actual = values.get(veto.metric) ?? null;
    // A missing veto metric does not trigger (SPEC §5.4).
    if (actual === null || !compileCondition(veto.when)(actual)) continue;
    const hit: VetoHit = { metric: veto.metric, label: veto.label, actual, effect: veto.effect };
    if (veto.effect === 'cap') hit.cap = veto.cap;
    if (veto.effect === 'grade') hit.grade = veto.grade;
    hits.push(hit);
  }
  return hits;
}

/** Scores one employee under their role. */
export function scoreEmployee(scheme: Scheme, role: Role, values: MetricValues): EmployeeScore {
  const indicators: IndicatorResult[] = [];
  const dimensions: DimensionResult[] = [];
  for (const { dimension, weight } of dimensionsOf(scheme, role)) {
    const results = dimension.indicators.map((ind) => scoreOne(ind, dimension.id, values.get(ind.metric) ?? null));
    indicators.push(...results);
    const score = weightedMean(results);
    dimensions.push({ id: dimension.id, label: dimension.label, weight, score, excluded: score === null });
  }

  const adjustments = scheme.adjustments.map((adj): AdjustmentResult => {
    const actual = values.get(adj.metric) ?? null;
    const points = actual === null ? 0 : clamp(adj.per * actual, adj.min ?? -Infinity, adj.max ?? Infinity);
    return { metric: adj.metric, label: adj.label, actual, points };
  });
  const vetoes = checkVetoes(scheme.vetoes, values);

  const failed = indicators.find((i) => i.actual === null && i.indicator.missing === 'error');
  if (failed) {
    const error = `no data for ${failed.label} (${failed.metric}), and its missing policy is "error"`;
    return { base: null, adjustment: null, final: null, forcedGrade: null, vetoes, error, dimensions, indicators, adjustments };
  }

  // With nothing scored at all there is nothing to weight: the base is 0, not a guess.
  const base = weightedMean(dimensions) ?? 0;
  const adjustment = adjustments.reduce((sum, a) => sum + a.points, 0);
  let final = round2(clamp(base + adjustment, 0, scheme.maxTotal ?? Infinity));
  let forcedGrade: string | null = null;
  for (const hit of vetoes) {
    if (hit.effect === 'zero') final = 0;
    if (hit.effect === 'cap') final = Math.min(final, hit.cap!);
  }
  const gradeOrder = scheme.grades.map((g) => g.grade);
  for (const hit of vetoes) {
    // Several grade vetoes: the lowest grade wins.
    if (hit.effect === 'grade' && (forcedGrade === null || gradeOrder.indexOf(hit.grade!) > gradeOrder.indexOf(forcedGrade))) {
      forcedGrade = hit.grade!;
    }
  }
  return { base, adjustment, final, forcedGrade, vetoes, error: null, dimensions, indicators, adjustments };
}
