/**
 * Small factories for core tests: a validated Scheme, Sources and LedgerRows built by hand,
 * with defaults for everything a test does not care about, so each table row states only
 * what it is about.
 */
import type { MetricValues } from '../../src/core/metrics.js';
import type { Person } from '../../src/core/people.js';
import type {
  CellValue,
  Dimension,
  FieldType,
  Grade,
  Indicator,
  LedgerRow,
  Metric,
  MissingPolicy,
  Role,
  Scheme,
  Source,
  Standard,
} from '../../src/core/types.js';

/** A source whose fields are given as `{ id: type }`, in order; `employee` comes first. */
export function source(id: string, fields: Record<string, FieldType> = {}): Source {
  const all: Record<string, FieldType> = { employee: 'text', ...fields };
  return {
    id,
    fields: Object.entries(all).map(([fieldId, type]) => ({ id: fieldId, type, headers: [fieldId] })),
    dated: 'date' in all,
    trueValues: [],
    falseValues: [],
  };
}

let rowNumber = 1;

/** A typed row of `src`: cells by field id; absent fields are empty (null). */
export function row(src: Source, cells: Record<string, CellValue>): LedgerRow {
  for (const key of Object.keys(cells)) {
    if (!src.fields.some((f) => f.id === key)) throw new Error(`test bug: ${key} is not a field of ${src.id}`);
  }
  return {
    source: src.id,
    values: src.fields.map((f) => (f.id in cells ? cells[f.id] : null)),
    origin: { file: `${src.id}.csv`, sheet: null, row: ++rowNumber },
  };
}

type AggMetric = Extract<Metric, { kind: 'agg' }>;

/** An aggregated metric. */
export function metric(id: string, src: string, agg: AggMetric['agg'], extra: Partial<AggMetric> = {}): AggMetric {
  return { id, kind: 'agg', source: src, agg, ...extra };
}

/** Standards with the default cap of 100 unless given. */
export const std = {
  direct: (scale = 1, cap = 100): Standard => ({ method: 'direct', scale, cap }),
};

export function indicator(
  metricId: string,
  weight: number,
  standard: Standard = std.direct(),
  missing: MissingPolicy = 'exclude',
): Indicator {
  return { metric: metricId, label: metricId, weight, standard, missing };
}

export function dimension(id: string, indicators: Indicator[]): Dimension {
  return { id, label: id, indicators };
}

/** A role with dimension weights `{ dimension: weight }`, in order. */
export function role(id: string, weights: Record<string, number>): Role {
  return { id, label: id, weights: Object.entries(weights).map(([d, weight]) => ({ dimension: d, weight })) };
}

export const GRADES: Grade[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格' },
];

/** A scheme with empty defaults; pass only what the test is about. */
export function scheme(parts: Partial<Scheme> = {}): Scheme {
  return {
    title: 'test',
    locale: 'en',
    period: 'month',
    sources: [],
    metrics: [],
    dimensions: [],
    roles: [],
    adjustments: [],
    vetoes: [],
    grades: GRADES,
    distributionScope: 'all',
    calendar: { holidays: new Set(), workdays: new Set() },
    ...parts,
  };
}

/** Metric values from a plain object; a metric not named here is missing, like null. */
export function values(obj: Record<string, number | null>): MetricValues {
  return new Map(Object.entries(obj));
}

/** A person to score: in the roster, with a role, no error. */
export function person(id: string, r: Role | null, team: string | null = null, error: string | null = null): Person {
  return { id, name: null, team, role: r, error, inRoster: true };
}
