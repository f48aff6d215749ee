/**
 * From what was read to the report: resolve who is assessed, compute each person's metric
 * values (dated sources from the scored period, undated ones from all rows), score, grade
 * and rank (all in core), and gather warnings. Shared by `score` and `batch`.
 */
import { computeFormulas, type MetricValues } from './core/metrics.js';
import { resolvePeople } from './core/people.js';
import { attachPace, projectValues, type ProgressInfo } from './core/progress.js';
import { buildReport, type ScoreReport } from './core/report.js';
import { scorePeople, type EmployeeResult } from './core/result.js';
import type { Scheme } from './core/types.js';
import type { Ingested } from './read/ingest.js';
import { provenanceOf, type SchemeVersion } from './config/versions.js';
import type { TextLike } from './messages/text.js';
import { readText } from './messages/read.js';

export interface ScoredRun {
  report: ScoreReport;
  results: EmployeeResult[];
  notInRoster: string[];
}

/** One team's run (batch --by team): only its people, graded and ranked among themselves. */
export interface TeamFilter {
  team: string | null;
}

/** The teams of everyone who would be assessed in this period, in code-point order. */
export function teamsOf(scheme: Scheme, ingested: Ingested): (string | null)[] {
  const people = resolvePeople(scheme, ingested.roster, ingested.book.seen).people;
  return [...new Set(people.map((p) => p.team))].sort((a, b) => (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
}

/**
 * @param progress the period in progress (`kpi score --as-of`, SPEC §11): actuals are
 *   projected to the period's end before scoring, and each indicator gets its pace.
 */
export function scoreIngested(scheme: Scheme, ingested: Ingested, configFile: string, configWarnings: readonly TextLike[], only?: TeamFilter, progress?: ProgressInfo): ScoredRun {
  const { book } = ingested;
  const everyone = resolvePeople(scheme, ingested.roster, book.seen);
  const people = only ? { ...everyone, people: everyone.people.filter((p) => p.team === only.team) } : everyone;
  const members = new Set(people.people.map((p) => p.id));
  // A team's report keeps its own rejected rows, and those whose owner could not be read
  // (an empty id belongs to no team, so every team sees it).
  const rejected = only ? book.rejected.filter((r) => r.employee === undefined || members.has(r.employee)) : book.rejected;
  const undatedMetrics = new Set(
    scheme.metrics.filter((m) => m.kind === 'agg' && !scheme.sources.find((s) => s.id === m.source)!.dated).map((m) => m.id),
  );
  const toDates = new Map<string, MetricValues>();
  const valuesOf = (id: string): MetricValues => {
    const dated = book.inPeriod.valuesOf(id);
    const undated = book.undated.valuesOf(id);
    const merged: MetricValues = new Map();
    for (const [metric, value] of dated) merged.set(metric, undatedMetrics.has(metric) ? undated.get(metric)! : value);
    if (!progress) return computeFormulas(scheme.metrics, merged);
    const { toDate, projected } = projectValues(scheme, merged, progress);
    toDates.set(id, toDate);
    return projected;
  };
  const results = scorePeople(scheme, people.people, valuesOf);
  if (progress) attachPace(scheme, results, (id) => toDates.get(id), progress);
  const errors = results.filter((r) => r.error !== null).map((r) => readText.notScored({ id: r.id, error: r.error! }));
  const report = buildReport(scheme, {
    period: book.period?.key ?? null,
    config: configFile,
    progress: progress ?? null,
    results,
    rejected,
    warnings: [...configWarnings, ...ingested.warnings, ...people.warnings, ...errors],
    stats: book.stats,
  });
  return { report, results, notInRoster: people.notInRoster };
}

/** A run scored by one version of the scheme, its provenance in the report (SPEC §12). */
export function scoreVersion(version: SchemeVersion, ingested: Ingested, only?: TeamFilter, progress?: ProgressInfo): ScoredRun {
  const run = scoreIngested(version.scheme, ingested, version.file, version.warnings, only, progress);
  run.report.scheme = provenanceOf(version);
  return run;
}
