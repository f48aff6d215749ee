/**
 * Grades and ranks (SPEC §5.5). Grades come from the rounded final score; forced
 * distribution (强制分布) then walks down the grades once, keeping in each grade only those
 * strictly above the first person past its limit, so equal scores never get different grades.
 */
import type { Grade } from './types.js';

export interface Gradable {
  final: number;
  /** The group forced distribution counts over (all, role or team). */
  scope: string;
}

const SHARE_EPSILON = 1e-9;

/** The score-based grade: the first grade (highest first) whose `min` the final reaches. */
export function gradeIndexFor(final: number, grades: readonly Grade[]): number {
  const index = grades.findIndex((g) => g.min === undefined || final >= g.min);
  return index < 0 ? grades.length - 1 : index;
}

/** Assigns a grade index to each person, applying `max_share` per scope. */
export function assignGrades(people: readonly Gradable[], grades: readonly Grade[]): number[] {
  const assigned = people.map((p) => gradeIndexFor(p.final, grades));
  const scopes = new Map<string, number[]>();
  people.forEach((p, i) => {
    const members = scopes.get(p.scope) ?? [];
    members.push(i);
    scopes.set(p.scope, members);
  });
  for (const members of scopes.values()) {
    const n = members.length;
    for (let g = 0; g < grades.length - 1; g++) {
      const share = grades[g].maxShare;
      if (share === undefined) continue;
      const limit = Math.floor(share * n + SHARE_EPSILON);
      const inGrade = members.filter((i) => assigned[i] === g).sort((a, b) => people[b].final - people[a].final);
      if (inGrade.length <= limit) continue;
      const cut = people[inGrade[limit]].final;
      for (const i of inGrade) if (people[i].final <= cut) assigned[i] = g + 1;
    }
  }
  return assigned;
}

/** Standard competition ranking (1, 2, 2, 4) by final score, highest first: each rank is
 *  1 + how many scored strictly higher, found by sorting once. */
export function competitionRanks(finals: readonly number[]): number[] {
  const order = finals.map((_, i) => i).sort((a, b) => finals[b] - finals[a]);
  const ranks = new Array<number>(finals.length);
  order.forEach((i, k) => {
    const previous = order[k - 1];
    ranks[i] = k > 0 && finals[i] === finals[previous] ? ranks[previous] : k + 1;
  });
  return ranks;
}
