/**
 * Standards (考核标准, SPEC §5.1): an indicator's score from its actual value. Every method's
 * score is clamped to [0, cap]. A missing actual value never reaches here (§5.3 decides it).
 */
import { compileCondition } from './conditions.js';
import { clamp } from './round.js';
import type { Standard } from './types.js';

function linear(a: number, zero: number, target: number, floor: number | undefined): number {
  const higherIsBetter = target > zero;
  if (floor !== undefined && (higherIsBetter ? a < floor : a > floor)) return 0;
  return (100 * (a - zero)) / (target - zero);
}

function ratio(a: number, target: number, better: 'higher' | 'lower', cap: number, floor?: number): number {
  if (better === 'higher') {
    if (floor !== undefined && a < floor) return 0;
    return (100 * a) / target;
  }
  if (floor !== undefined && a > floor) return 0;
  return a === 0 ? cap : (100 * target) / a;
}

/** Linear between neighbouring points; before the first point 0; past the last, its score. */
function piecewise(a: number, points: { at: number; score: number }[]): number {
  const ascending = points.length < 2 || points[1].at > points[0].at;
  const before = (x: number, y: number) => (ascending ? x < y : x > y);
  if (before(a, points[0].at)) return 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i];
    const q = points[i + 1];
    if (!before(q.at, a)) {
      return p.score + ((a - p.at) / (q.at - p.at)) * (q.score - p.score);
    }
  }
  return points[points.length - 1].score;
}

function bands(a: number, list: { min?: number; max?: number; score: number }[]): number {
  for (const band of list) {
    if ((band.min === undefined || band.min <= a) && (band.max === undefined || a < band.max)) {
      return band.score;
    }
  }
  return 0;
}

function rawScore(standard: Standard, a: number): number {
  switch (standard.method) {
    case 'linear':
      return linear(a, standard.zero, standard.target, standard.floor);
    case 'ratio':
      return ratio(a, standard.target, standard.better, standard.cap, standard.floor);
    case 'piecewise':
      return piecewise(a, standard.points);
    case 'bands':
      return bands(a, standard.bands);
    case 'deduct':
      return standard.base - standard.per * a;
    case 'add':
      return standard.base + standard.per * a;
    case 'threshold':
      return compileCondition(standard.when)(a) ? 100 : 0;
    case 'direct':
      return a * standard.scale;
  }
}

/** The indicator score for actual value `a`, clamped to [0, cap]. */
export function scoreIndicator(standard: Standard, a: number): number {
  const score = rawScore(standard, a);
  // A non-finite score (it cannot arise from a validated scheme) must never reach a report.
  if (!Number.isFinite(score)) return 0;
  return clamp(score, 0, standard.cap);
}
