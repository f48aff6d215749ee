/**
 * The numbers a scorecard's formulas stand on, per person: the engine's contribution of
 * each indicator to the base (core/contribution.ts: (wᵢ/Σw) × sᵢ × (W_d/ΣW)), each
 * dimension's share of the base (W_d/ΣW) and the weight of the scored dimensions (ΣW).
 * The scorecard caches them next to its live formulas and the Details sheet lists them.
 */
import { contributions } from '../../core/contribution.js';
import type { EmployeeResult } from '../../core/result.js';
import type { IndicatorResult } from '../../core/score.js';

export interface Weighting {
  /** The sum of the weights of the scored dimensions (ΣW). */
  scoredDimensionWeight: number;
  /** W_d / ΣW for a scored dimension, else 0. */
  share(dimension: string): number;
  /** The indicator's contribution to the base, or null when it is excluded. */
  contribution(indicator: IndicatorResult): number | null;
}

export function weightingOf(result: EmployeeResult): Weighting {
  const computed = contributions(result.dimensions, result.indicators);
  const byIndicator = new Map(result.indicators.map((indicator, n) => [indicator, computed.indicators[n]]));
  const scoredDimensionWeight = result.dimensions.reduce((sum, d) => sum + (d.score === null ? 0 : d.weight), 0);
  return {
    scoredDimensionWeight,
    share: (dimension) => {
      const d = result.dimensions.find((x) => x.id === dimension);
      return d && d.score !== null && scoredDimensionWeight > 0 ? d.weight / scoredDimensionWeight : 0;
    },
    contribution: (indicator) => byIndicator.get(indicator) ?? null,
  };
}
