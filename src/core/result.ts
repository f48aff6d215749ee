/**
 * Scoring a whole period: every assessed person scored, graded (with forced distribution)
 * and ranked, in the output order of SPEC §5.5 — rank, then employee id; people who could
 * not be scored last.
 */
import { assignGrades, competitionRanks } from './grades.js';
import type { MetricValues } from './metrics.js';
import type { Person } from './people.js';
import { scoreEmployee, type EmployeeScore } from './score.js';
import type { Scheme } from './types.js';
import { peopleText } from '../messages/people.js';

export interface EmployeeResult extends EmployeeScore {
  id: string;
  name: string | null;
  /** Role id, or null when no role could be resolved. */
  role: string | null;
  roleLabel: string | null;
  team: string | null;
  grade: string | null;
  rank: number | null;
  teamRank: number | null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function scopeOf(scheme: Scheme, r: EmployeeResult): string {
  if (scheme.distributionScope === 'role') return `role:${r.role}`;
  if (scheme.distributionScope === 'team') return `team:${r.team ?? ''}`;
  return 'all';
}

export function scorePeople(
  scheme: Scheme,
  people: readonly Person[],
  valuesOf: (id: string) => MetricValues,
): EmployeeResult[] {
  const results: EmployeeResult[] = people.map((person) => {
    const score: EmployeeScore = !person.role || person.error
      ? {
        base: null, adjustment: null, final: null, forcedGrade: null, vetoes: [],
        error: person.error ?? peopleText.noRole(), dimensions: [], indicators: [], adjustments: [],
      }
      : scoreEmployee(scheme, person.role, valuesOf(person.id));
    // One literal, not spreads: this runs for every person.
    return {
      id: person.id, name: person.name, team: person.team, grade: null, rank: null, teamRank: null,
      role: person.role?.id ?? null, roleLabel: person.role?.label ?? null,
      base: score.base, adjustment: score.adjustment, final: score.final, forcedGrade: score.forcedGrade, vetoes: score.vetoes,
      error: score.error, dimensions: score.dimensions, indicators: score.indicators, adjustments: score.adjustments,
    };
  });

  const scored = results.filter((r) => r.error === null);
  const gradeIndex = assignGrades(
    scored.map((r) => ({ final: r.final!, scope: scopeOf(scheme, r) })),
    scheme.grades,
  );
  scored.forEach((r, i) => {
    r.grade = r.forcedGrade ?? scheme.grades[gradeIndex[i]].grade;
  });

  const ranks = competitionRanks(scored.map((r) => r.final!));
  scored.forEach((r, i) => (r.rank = ranks[i]));
  const teams = new Map<string, EmployeeResult[]>();
  for (const r of scored) {
    if (r.team === null) continue;
    const members = teams.get(r.team);
    if (members) members.push(r);
    else teams.set(r.team, [r]);
  }
  for (const members of teams.values()) {
    const teamRanks = competitionRanks(members.map((r) => r.final!));
    members.forEach((r, i) => (r.teamRank = teamRanks[i]));
  }

  const failed = results.filter((r) => r.error !== null).sort(byId);
  scored.sort((a, b) => a.rank! - b.rank! || byId(a, b));
  return [...scored, ...failed];
}
