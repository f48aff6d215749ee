/**
 * Standards from experience (SPEC §9): the distribution of an indicator's actual values
 * over people and periods, the share the current standard already scores at 100 or more,
 * and a suggested standard set above the median — `linear`: zero at P10, target at P75;
 * `piecewise`: 60 at P25, 100 at P75, 120 at P90; lower-is-better standards mirrored.
 */
import { percentileInc } from './accumulators.js';
import { scoreIndicator } from './standards.js';
import type { Condition, Standard } from './types.js';

export interface Distribution {
  n: number;
  min: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const p = (q: number) => percentileInc(sorted, q)!;
  return { n: sorted.length, min: sorted[0], p10: p(10), p25: p(25), median: p(50), p75: p(75), p90: p(90), max: sorted[sorted.length - 1] };
}

/** The share of values the standard scores at 100 or more (0–1), or null with no values. */
export function shareAtTarget(standard: Standard, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.filter((v) => scoreIndicator(standard, v) >= 100 - 1e-9).length / values.length;
}

/** Whether a lower actual value is the better one under this standard. */
export function lowerIsBetter(standard: Standard): boolean {
  switch (standard.method) {
    case 'linear':
      return standard.zero > standard.target;
    case 'ratio':
      return standard.better === 'lower';
    case 'piecewise':
      return standard.points.length > 1 && standard.points[1].at < standard.points[0].at;
    case 'bands':
      return standard.bands.every((b) => b.min === undefined && b.max !== undefined);
    case 'threshold': {
      const c = standard.when;
      return c.kind === 'ops' && (c.ops.lt !== undefined || c.ops.lte !== undefined) && c.ops.gt === undefined && c.ops.gte === undefined;
    }
    default:
      return false;
  }
}

/** Four significant digits: a standard people read and type, not a float. */
function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}

const strictlyMonotone = (xs: number[]) => xs.every((x, i) => i === 0 || x !== xs[i - 1]);

/**
 * A standard of the same method set from the distribution, or null when the method is a
 * rule rather than a level (deduct, add, direct) or the values are too alike to set one.
 */
export function suggestStandard(standard: Standard, d: Distribution): Standard | null {
  const lower = lowerIsBetter(standard);
  switch (standard.method) {
    case 'linear': {
      const [zero, target] = lower ? [tidy(d.p90), tidy(d.p25)] : [tidy(d.p10), tidy(d.p75)];
      return zero === target ? null : { ...standard, zero, target };
    }
    case 'ratio': {
      const target = tidy(lower ? d.p25 : d.p75);
      return target > 0 ? { ...standard, target } : null;
    }
    case 'piecewise': {
      const at = lower ? [d.p75, d.p25, d.p10].map(tidy) : [d.p25, d.p75, d.p90].map(tidy);
      if (!strictlyMonotone(at)) return null;
      return { method: 'piecewise', points: [{ at: at[0], score: 60 }, { at: at[1], score: 100 }, { at: at[2], score: 120 }], cap: Math.max(standard.cap, 120) };
    }
    case 'bands': {
      // Bands keep their scores, best first; their edges move to the quartiles.
      const levels = (lower ? [d.p25, d.median, d.p75, d.p90] : [d.p75, d.median, d.p25, d.p10]).map(tidy);
      const ordered = [...standard.bands].sort((a, b) => b.score - a.score);
      const edges = levels.slice(0, Math.min(ordered.length, levels.length));
      if (!strictlyMonotone(edges)) return null;
      const bands = ordered.map((band, i) => {
        if (i >= edges.length) return band;
        return lower ? { max: edges[i], score: band.score } : { min: edges[i], score: band.score };
      });
      return { method: 'bands', bands, cap: standard.cap };
    }
    case 'threshold': {
      const when: Condition = lower ? { kind: 'ops', ops: { lte: tidy(d.p25) } } : { kind: 'ops', ops: { gte: tidy(d.p75) } };
      return { method: 'threshold', when, cap: standard.cap };
    }
    default:
      return null;
  }
}
