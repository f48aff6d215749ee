/**
 * scorePeople end to end (SPEC §5.4–§5.5): the rounded final is what is graded, forced
 * distribution over a scope, vetoes after it, competition ranks overall and per team, and
 * the output order. One dimension with one `direct` indicator makes each person's base
 * equal their `rating`.
 */
import { describe, expect, it } from 'vitest';
import { scorePeople, type EmployeeResult } from '../../src/core/result.js';
import type { Person } from '../../src/core/people.js';
import type { Adjustment, Grade, MissingPolicy, Role, Scheme, Veto } from '../../src/core/types.js';
import { dimension, GRADES, indicator, person, role, scheme, values } from './factories.js';

const ENGINEER = role('engineer', { d: 100 });
const MANAGER = role('manager', { d: 100 });

const TOP_20: Grade[] = [{ ...GRADES[0], maxShare: 0.2 }, GRADES[1], GRADES[2], GRADES[3]];
const CASCADE: Grade[] = [{ ...GRADES[0], maxShare: 0.2 }, { ...GRADES[1], maxShare: 0.3 }, GRADES[2], GRADES[3]];

const VETOES: Veto[] = [
  { metric: 'major', label: '重大服务事故', when: { kind: 'ops', ops: { gte: 1 } }, effect: 'zero' },
  { metric: 'safety', label: '安全违规', when: { kind: 'ops', ops: { gte: 1 } }, effect: 'grade', grade: '不合格' },
];

function schemeWith(parts: Partial<Scheme> & { missing?: MissingPolicy } = {}): Scheme {
  const { missing, ...rest } = parts;
  return scheme({
    dimensions: [dimension('d', [indicator('rating', 100, undefined, missing ?? 'exclude')])],
    roles: [ENGINEER, MANAGER],
    vetoes: VETOES,
    ...rest,
  });
}

type Row = { person: Person; metrics: Record<string, number | null> };

/** Scores people with their metric values. */
function run(s: Scheme, rows: Row[]): EmployeeResult[] {
  const byId = new Map(rows.map((r) => [r.person.id, r.metrics]));
  return scorePeople(s, rows.map((r) => r.person), (id) => values(byId.get(id) ?? {}));
}

const at = (id: string, rating: number | null, more: Record<string, number | null> = {}, team: string | null = null): Row => ({
  person: person(id, ENGINEER, team),
  metrics: { rating, ...more },
});

/** Ten engineers E01…E10 with the given ratings. */
const ten = (ratings: number[]): Row[] => ratings.map((r, i) => at(`E${String(i + 1).padStart(2, '0')}`, r));

const gradeOf = (results: EmployeeResult[]) => Object.fromEntries(results.map((r) => [r.id, r.grade]));

describe('the rounded final is what is graded', () => {
  it.each<[string, number, Adjustment[], number, string]>([
    // name, rating (= base), adjustments, final, grade
    ['a base of 89.995 → 90.00 → 优秀', 89.995, [], 90, '优秀'],
    ['a base of 89.99 + 0.005 (= 89.99499999…) → 90.00 → 优秀', 89.99 + 0.005, [], 90, '优秀'],
    ['89.99 plus a 0.005 adjustment (= 89.99499999…) → 90.00 → 优秀', 89.99, [{ metric: 'bonus', label: 'b', per: 0.005 }], 90, '优秀'],
    ['a base of 89.9949 → 89.99 → 良好', 89.9949, [], 89.99, '良好'],
    ['a base of 79.995 → 80.00 → 良好', 79.995, [], 80, '良好'],
  ])('%s', (_name, rating, adjustments, final, grade) => {
    const [result] = run(schemeWith({ adjustments }), [at('E1', rating, { bonus: 1 })]);
    expect(result.base).toBe(rating); // one indicator of weight 100 in one dimension of weight 100
    expect(result.final).toBe(final);
    expect(result.grade).toBe(grade);
  });
});

describe('forced distribution through scorePeople', () => {
  it.each<[string, Grade[], number[], string[]]>([
    [
      // limit floor(0.2·10) = 2; 99 98 97 96 95 reach 90; cut at the 3rd (97) → keep 99 98
      'max_share 20% of 10: 2 keep the top grade',
      TOP_20,
      [99, 98, 97, 96, 95, 85, 84, 83, 82, 50],
      ['优秀', '优秀', '良好', '良好', '良好', '良好', '良好', '良好', '良好', '不合格'],
    ],
    [
      // limit 2; cut at the 3rd = 95 → keep > 95: only 99; the three 95s move together
      '3 tied at the limit boundary move down together',
      TOP_20,
      [99, 95, 95, 95, 85, 84, 83, 82, 81, 50],
      ['优秀', '良好', '良好', '良好', '良好', '良好', '良好', '良好', '良好', '不合格'],
    ],
    [
      // 优秀: keep 99 98, move 97 96 95; 良好 then holds 97 96 95 88 87 (5) > floor(0.3·10) = 3;
      // cut at the 4th (88) → keep 97 96 95, move 88 87 to 合格
      'moved people count towards the next limit (cascade)',
      CASCADE,
      [99, 98, 97, 96, 95, 88, 87, 70, 65, 50],
      ['优秀', '优秀', '良好', '良好', '良好', '合格', '合格', '合格', '合格', '不合格'],
    ],
  ])('%s', (_name, grades, ratings, expected) => {
    const results = run(schemeWith({ grades }), ten(ratings));
    expect(ten(ratings).map((r) => gradeOf(results)[r.person.id])).toEqual(expected);
  });

  it('N counts only people scored: 9 scored + 1 error → limit floor(0.2·9) = 1', () => {
    // with N = 10 the limit would be 2 and E02 (98) would keep 优秀
    const rows = [...ten([99, 98, 97, 50, 50, 50, 50, 50, 50]), at('X', null)];
    const results = run(schemeWith({ grades: TOP_20, missing: 'error' }), rows);
    const grades = gradeOf(results);
    expect(grades.X).toBeNull();
    expect([grades.E01, grades.E02, grades.E03]).toEqual(['优秀', '良好', '良好']);
  });

  // engineers A1–A5, managers B1–B5, teams T1/T2 across roles:
  //   A1 T1 99, A2 T1 98, A3 T2 97, A4 T2 60, A5 T2 50, B1 T1 96, B2 T1 95, B3 T2 70, B4 T1 60, B5 T1 50
  const member = (id: string, r: Role, team: string, rating: number): Row => ({ person: person(id, r, team), metrics: { rating } });
  const MIXED: Row[] = [
    member('A1', ENGINEER, 'T1', 99), member('A2', ENGINEER, 'T1', 98), member('A3', ENGINEER, 'T2', 97),
    member('A4', ENGINEER, 'T2', 60), member('A5', ENGINEER, 'T2', 50),
    member('B1', MANAGER, 'T1', 96), member('B2', MANAGER, 'T1', 95), member('B3', MANAGER, 'T2', 70),
    member('B4', MANAGER, 'T1', 60), member('B5', MANAGER, 'T1', 50),
  ];

  it.each<[Scheme['distributionScope'], string[]]>([
    // all: N 10, limit 2; 99 98 97 96 95 reach 90 → cut 97 → A1 A2
    ['all', ['A1', 'A2']],
    // role: engineers N 5, limit 1: 99 98 97 → A1; managers N 5, limit 1: 96 95 → B1
    ['role', ['A1', 'B1']],
    // team: T1 = A1 A2 B1 B2 B4 B5, N 6, limit floor(1.2) = 1: 99 98 96 95 → A1;
    //       T2 = A3 A4 A5 B3, N 4, limit floor(0.8) = 0: A3 (97) moves
    ['team', ['A1']],
  ])('distribution_scope %s: 优秀 goes to %j', (scope, top) => {
    const results = run(schemeWith({ grades: TOP_20, distributionScope: scope }), MIXED);
    expect(results.filter((r) => r.grade === '优秀').map((r) => r.id).sort()).toEqual(top);
  });
});

describe('vetoes around the forced distribution', () => {
  // E01 99 with a grade veto, E04 96 with a zero veto. Finals 99 98 97 0 95 85 84 83 82 50.
  // 优秀 by score: E01 E02 E03 E05 (E04 is 0 now); limit 2, cut at the 3rd (97) → keep E01 E02.
  // Then E01's veto forces 不合格 — E01 still used one of the two places, so E03 does not get it.
  const rows = ten([99, 98, 97, 96, 95, 85, 84, 83, 82, 50]);
  rows[0].metrics.safety = 1;
  rows[3].metrics.major = 1;
  const results = run(schemeWith({ grades: TOP_20 }), rows);
  const byId = Object.fromEntries(results.map((r) => [r.id, r]));

  it.each<[string, number, string, number]>([
    // id, final, grade, rank
    ['E01', 99, '不合格', 1], // forced after distribution; the final and rank are unchanged
    ['E02', 98, '优秀', 2],
    ['E03', 97, '良好', 3], // moved down: E01 counted in 优秀
    ['E04', 0, '不合格', 10], // zero veto: final 0, graded and ranked on it
    ['E05', 95, '良好', 4],
    ['E10', 50, '不合格', 9],
  ])('%s: final %s, grade %s, rank %s', (id, final, grade, rank) => {
    expect(byId[id]).toMatchObject({ final, grade, rank });
  });

  it('lists the vetoes', () => {
    expect(byId.E01.vetoes.map((v) => v.effect)).toEqual(['grade']);
    expect(byId.E04.vetoes.map((v) => v.effect)).toEqual(['zero']);
  });

  it('orders by the vetoed final', () => {
    expect(results.map((r) => r.id)).toEqual(['E01', 'E02', 'E03', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E04']);
  });
});

describe('ranks and output order', () => {
  // finals: B 90 (T2), A 80 (T1), C 80 (T1), E 80 (T2), D 70 (no team); Y has no rating under
  // missing: error; Z's roster role is unknown. Given shuffled.
  const rows: Row[] = [
    at('C', 80, {}, 'T1'),
    { person: person('Z', null, 'T1', 'role "x" is not in the config'), metrics: { rating: 95 } },
    at('A', 80, {}, 'T1'),
    at('B', 90, {}, 'T2'),
    at('Y', null, {}, 'T2'),
    at('D', 70),
    at('E', 80, {}, 'T2'),
  ];
  const results = run(schemeWith({ missing: 'error' }), rows);

  it('orders by rank, then id; people not scored last, by id', () => {
    expect(results.map((r) => r.id)).toEqual(['B', 'A', 'C', 'E', 'D', 'Y', 'Z']);
  });

  it.each<[string, number | null, number | null, number | null, string | null]>([
    // id, final, rank, teamRank, grade
    ['B', 90, 1, 1, '优秀'], // T2: B 90, E 80
    ['A', 80, 2, 1, '良好'], // competition ranking: 90, 80, 80, 80, 70 → 1, 2, 2, 2, 5
    ['C', 80, 2, 1, '良好'], // T1: A 80, C 80 → 1, 1 (Z is not scored, so not ranked)
    ['E', 80, 2, 2, '良好'],
    ['D', 70, 5, null, '合格'], // no team → teamRank null
    ['Y', null, null, null, null],
    ['Z', null, null, null, null],
  ])('%s: final %s, rank %s, teamRank %s, grade %s', (id, final, rank, teamRank, grade) => {
    expect(results.find((r) => r.id === id)).toMatchObject({ final, rank, teamRank, grade });
  });

  it('people not scored carry their error', () => {
    expect(results.find((r) => r.id === 'Y')!.error).toContain('rating');
    expect(results.find((r) => r.id === 'Z')!.error).toBe('role "x" is not in the config');
  });
});
