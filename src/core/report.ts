/**
 * The score report: one neutral result of a run, which every renderer consumes (SPEC §6).
 * Its JSON form is the stable contract of §6.2, so the shape here mirrors it key for key.
 */
import type { BookStats } from './ledger-book.js';
import type { ProgressInfo } from './progress.js';
import type { EmployeeResult } from './result.js';
import type { VetoHit } from './score.js';
import type { RejectedRow, Scheme } from './types.js';
import type { TextLike } from '../messages/text.js';

export interface ReportIndicator {
  dimension: string;
  metric: string;
  weight: number;
  actual: number | null;
  score: number | null;
  excluded: boolean;
  /** Only in progress (SPEC §11): the value so far, expected by now, and behind pace.
   *  `actual` stays the projected value the score was computed from. */
  toDate?: number | null;
  expectedToDate?: number | null;
  behind?: boolean;
}

export interface ReportEmployee {
  id: string;
  name: string | null;
  role: string | null;
  team: string | null;
  base: number | null;
  adjustment: number | null;
  final: number | null;
  grade: string | null;
  rank: number | null;
  teamRank: number | null;
  vetoes: VetoHit[];
  error: TextLike | null;
  dimensions: { id: string; weight: number; score: number | null; excluded: boolean }[];
  indicators: ReportIndicator[];
  /** Only with --compare (SPEC §9.1): the earlier period's final and rank, null if new. */
  previous?: { final: number; rank: number; config?: string } | null;
}

/** Which scheme scored the report (SPEC §12): its file, title, range and the file's sha256. */
export interface ReportScheme {
  file: string;
  title: string;
  effective: { from: string | null; to: string | null } | null;
  sha256: string;
}

export interface ScoreReport {
  title: string;
  period: string | null;
  config: string;
  /** The period in progress (`--as-of`, SPEC §11), or null: always present in the JSON. */
  progress: ProgressInfo | null;
  employees: ReportEmployee[];
  rejected: RejectedRow[];
  warnings: TextLike[];
  stats: BookStats;
  /** Set by the command that knows the file (after the other keys, so their bytes stay). */
  scheme?: ReportScheme;
}

export function toReportEmployee(r: EmployeeResult): ReportEmployee {
  return {
    id: r.id, name: r.name, role: r.role, team: r.team,
    base: r.base, adjustment: r.adjustment, final: r.final, grade: r.grade,
    rank: r.rank, teamRank: r.teamRank, vetoes: r.vetoes, error: r.error,
    dimensions: r.dimensions.map((d) => ({ id: d.id, weight: d.weight, score: d.score, excluded: d.excluded })),
    indicators: r.indicators.map((i): ReportIndicator => {
      const shown: ReportIndicator = { dimension: i.dimension, metric: i.metric, weight: i.weight, actual: i.actual, score: i.score, excluded: i.excluded };
      if (i.pace) Object.assign(shown, { toDate: i.pace.toDate, expectedToDate: i.pace.expectedToDate, behind: i.pace.behind });
      return shown;
    }),
  };
}

export function buildReport(
  scheme: Scheme,
  input: { period: string | null; config: string; progress: ProgressInfo | null; results: EmployeeResult[]; rejected: RejectedRow[]; warnings: TextLike[]; stats: BookStats },
): ScoreReport {
  return {
    title: scheme.title,
    period: input.period,
    config: input.config,
    progress: input.progress,
    employees: input.results.map(toReportEmployee),
    // Exactly the §6.2 fields, in order: what a row was, not whose.
    rejected: input.rejected.map(({ file, sheet, row, column, value, reason, rows }) => ({ file, sheet, row, column, value, reason, ...(rows === undefined ? {} : { rows }) })),
    warnings: input.warnings,
    stats: input.stats,
  };
}
