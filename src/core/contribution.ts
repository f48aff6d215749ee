/**
 * How much each indicator and dimension adds to the base score (SPEC §5.2), for
 * explanations: contribution = (wᵢ/Σw) × sᵢ × (W_d/ΣW), the sums over what was scored. The
 * contributions of a person add up to their base score.
 */
import type { DimensionResult, IndicatorResult } from './score.js';

export interface Contributions {
  indicators: (number | null)[];
  dimensions: (number | null)[];
}

export function contributions(dimensions: readonly DimensionResult[], indicators: readonly IndicatorResult[]): Contributions {
  const scoredWeight = dimensions.filter((d) => d.score !== null).reduce((sum, d) => sum + d.weight, 0);
  const share = new Map(dimensions.map((d) => [d.id, d.score === null || scoredWeight === 0 ? null : d.weight / scoredWeight]));
  const indicatorWeight = new Map<string, number>();
  for (const i of indicators) if (i.score !== null) indicatorWeight.set(i.dimension, (indicatorWeight.get(i.dimension) ?? 0) + i.weight);
  return {
    indicators: indicators.map((i) => {
      const dimensionShare = share.get(i.dimension) ?? null;
      if (i.score === null || dimensionShare === null) return null;
      return (i.weight / indicatorWeight.get(i.dimension)!) * i.score * dimensionShare;
    }),
    dimensions: dimensions.map((d) => (d.score === null ? null : d.score * share.get(d.id)!)),
  };
}
