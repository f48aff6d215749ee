/**
 * Averages the pictures show beside a person or a team (SPEC §13): each dimension's average
 * over everyone scored with the same role — what the workbook's scorecard chart and the
 * HTML profiles compare a person with; and the rows of the per-team charts.
 */
import type { ScoreReport } from '../core/report.js';
import { pictureText } from '../messages/pictures.js';
import { say } from '../messages/text.js';
import type { Locale } from './labels.js';

/** Averages per role label and dimension, over the people scored (as the Summary lists them). */
export function roleAverages(results: readonly { error: string | null; roleLabel: string | null; dimensions: readonly { id: string; score: number | null }[] }[]): Map<string, Map<string, number | null>> {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const r of results) {
    if (r.error !== null || r.roleLabel === null) continue;
    let byDim = sums.get(r.roleLabel);
    if (!byDim) sums.set(r.roleLabel, (byDim = new Map()));
    for (const d of r.dimensions) {
      const entry = byDim.get(d.id) ?? { sum: 0, n: 0 };
      if (d.score !== null) {
        entry.sum += d.score;
        entry.n++;
      }
      byDim.set(d.id, entry);
    }
  }
  return new Map([...sums].map(([role, byDim]) => [role, new Map([...byDim].map(([id, e]) => [id, e.n ? e.sum / e.n : null]))]));
}


export interface TeamRow {
  label: string;
  kind: 'team' | 'none' | 'all';
  matches(team: string | null): boolean;
}

/** One row per team (in code-point order, as the same input must give the same bytes),
 *  "(no team)" when some have none and others do, and everyone last. */
export function teamRows(report: ScoreReport, locale: Locale): TeamRow[] {
  const scored = report.employees.filter((e) => e.error === null);
  const teams = [...new Set(scored.map((e) => e.team).filter((x): x is string => x !== null && x !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: TeamRow[] = teams.map((team) => ({ label: team, kind: 'team', matches: (x) => x === team }));
  if (teams.length > 0 && scored.some((e) => e.team === null || e.team === '')) rows.push({ label: say(pictureText.noTeam(), locale), kind: 'none', matches: (x) => x === null || x === '' });
  rows.push({ label: say(pictureText.allTeams(), locale), kind: 'all', matches: () => true });
  return rows;
}
