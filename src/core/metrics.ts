/**
 * An employee's actual values for every metric: the aggregated ones as accumulated, then the
 * formula metrics (SPEC §3) computed from them. A formula is missing if any operand is
 * missing or it divides by zero; cycles were rejected when the config was loaded.
 */
import { evaluate } from './expression.js';
import type { Metric } from './types.js';

export type MetricValues = Map<string, number | null>;

export function computeFormulas(metrics: readonly Metric[], aggregated: MetricValues): MetricValues {
  const values: MetricValues = new Map(aggregated);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const visiting = new Set<string>();

  const valueOf = (id: string): number | null => {
    if (values.has(id)) return values.get(id)!;
    const metric = byId.get(id);
    if (!metric || metric.kind !== 'formula' || visiting.has(id)) return null;
    visiting.add(id);
    const result = evaluate(metric.formula, { ref: valueOf });
    visiting.delete(id);
    const value = typeof result === 'boolean' ? (result ? 1 : 0) : result;
    values.set(id, value);
    return value;
  };

  for (const metric of metrics) valueOf(metric.id);
  return values;
}
