/**
 * Grades and ranks (SPEC §5.5): the first grade whose `min` the final reaches; forced
 * distribution by `max_share`, once down the grades, ties kept together, moved people
 * counting towards the next grade's limit, the last grade never moving; competition ranks.
 */
import { describe, expect, it } from 'vitest';
import { assignGrades, competitionRanks, gradeIndexFor } from '../../src/core/grades.js';
import type { Grade } from '../../src/core/types.js';
import { GRADES } from './factories.js';

// GRADES: 0 优秀 ≥ 90, 1 良好 ≥ 80, 2 合格 ≥ 60, 3 不合格
const TOP_20: Grade[] = [{ ...GRADES[0], maxShare: 0.2 }, GRADES[1], GRADES[2], GRADES[3]];
const CASCADE: Grade[] = [{ ...GRADES[0], maxShare: 0.2 }, { ...GRADES[1], maxShare: 0.3 }, GRADES[2], GRADES[3]];

const all = (finals: number[]) => finals.map((final) => ({ final, scope: 'all' }));

describe('gradeIndexFor', () => {
  it.each<[number, number]>([
    [100, 0],
    [90, 0], // min is inclusive
    [89.99, 1],
    [80, 1],
    [79.99, 2],
    [60, 2],
    [59.99, 3],
    [0, 3],
  ])('%s → grade %s', (final, index) => {
    expect(gradeIndexFor(final, GRADES)).toBe(index);
  });

  it('the first grade reached wins, in config order', () => {
    // a grade with a lower min listed first catches everyone above it
    expect(gradeIndexFor(95, [{ grade: 'A', min: 50 }, { grade: 'B', min: 90 }, { grade: 'C' }])).toBe(0);
  });
});

describe('assignGrades', () => {
  it.each<[string, Grade[], number[], number[]]>([
    [
      // limit floor(0.2·10) = 2; five reach 90; the first past the limit has 97 → keep > 97
      'max_share 20% of 10 people: 2 keep the top grade',
      TOP_20,
      [99, 98, 97, 96, 95, 85, 84, 83, 82, 50],
      [0, 0, 1, 1, 1, 1, 1, 1, 1, 3],
    ],
    [
      'under the limit nobody moves',
      TOP_20,
      [99, 85, 84, 83, 82, 81, 70, 65, 60, 50], // one ≥ 90, limit 2
      [0, 1, 1, 1, 1, 1, 2, 2, 2, 3],
    ],
    [
      // limit 2; 99, 95, 95, 95 reach 90; the first past the limit (3rd) has 95 → keep > 95:
      // only 99; the three tied at the boundary move down together
      'a tie at the cut moves down together',
      TOP_20,
      [99, 95, 95, 95, 85, 84, 83, 82, 81, 50],
      [0, 1, 1, 1, 1, 1, 1, 1, 1, 3],
    ],
    [
      'a tie at the top above the limit: nobody keeps the grade',
      TOP_20,
      [95, 95, 95, 85, 84, 83, 82, 81, 70, 50], // limit 2, cut at the 3rd = 95 → keep > 95: none
      [1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
    ],
    [
      'a tie just inside the limit is kept',
      TOP_20,
      [99, 99, 95, 85, 84, 83, 82, 81, 70, 50], // limit 2, cut at 95 → keep 99, 99
      [0, 0, 1, 1, 1, 1, 1, 1, 2, 3],
    ],
    [
      // 优秀 limit 2: keep 99, 98; 97 96 95 → 良好. 良好 now holds 97 96 95 88 87 = 5 > limit
      // floor(0.3·10) = 3; cut at the 4th = 88 → keep 97 96 95; 88 87 → 合格. Without counting
      // the moved people, 良好 would hold 2 ≤ 3 and 88 87 would stay.
      'moved people count towards the next grade (cascade)',
      CASCADE,
      [99, 98, 97, 96, 95, 88, 87, 70, 65, 50],
      [0, 0, 1, 1, 1, 2, 2, 2, 2, 3],
    ],
    [
      // limit floor(0.1·10) = 1; 98 and 97 move exactly one grade (to 良好, though ≥ 90)
      'moved down exactly one grade',
      [{ ...GRADES[0], maxShare: 0.1 }, GRADES[1], GRADES[2], GRADES[3]],
      [99, 98, 97, 10, 10, 10, 10, 10, 10, 10],
      [0, 1, 1, 3, 3, 3, 3, 3, 3, 3],
    ],
    [
      'the last grade never moves (even with a max_share)',
      [{ grade: 'A', min: 90, maxShare: 0.1 }, { grade: 'B', maxShare: 0.1 }],
      [99, 98, 50, 50, 50, 50, 50, 50, 50, 50], // A: limit 1 → 98 to B; B holds 9 > 1 but is last
      [0, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    ],
    [
      'limit 0 (20% of 4 = 0.8): everyone moves',
      TOP_20,
      [99, 95, 85, 50],
      [1, 1, 1, 3],
    ],
    [
      'input order does not matter',
      TOP_20,
      [50, 95, 82, 97, 83, 99, 84, 98, 85, 96], // the first case, shuffled
      [3, 1, 1, 1, 1, 0, 1, 0, 1, 1],
    ],
  ])('%s', (_name, grades, finals, expected) => {
    expect(assignGrades(all(finals), grades)).toEqual(expected);
  });

  it('floor(share × N) survives binary floating point: 29% of 100 is 29', () => {
    // 0.29 · 100 = 28.999999999999996 in binary; the limit is still 29
    const finals = Array.from({ length: 100 }, (_, i) => 100 - i * 0.05); // 100, 99.95, … 95.05: all ≥ 90
    const grades = assignGrades(all(finals), [{ grade: 'A', min: 90, maxShare: 0.29 }, { grade: 'B' }]);
    expect(grades.filter((g) => g === 0)).toHaveLength(29);
  });

  it('max_share counts per scope', () => {
    // scope a: 5 people, limit floor(0.2·5) = 1: 99 98 97 reach 90 → keep 99
    // scope b: 5 people, limit 1: 96 95 reach 90 → keep 96
    // (over all 10 the limit would be 2: 99 98 keep it, 96 would not)
    const people = [
      ...[99, 98, 97, 60, 50].map((final) => ({ final, scope: 'a' })),
      ...[96, 95, 70, 60, 50].map((final) => ({ final, scope: 'b' })),
    ];
    expect(assignGrades(people, TOP_20)).toEqual([0, 1, 1, 2, 3, 0, 1, 2, 2, 3]);
  });
});

describe('competitionRanks', () => {
  it.each<[number[], number[]]>([
    [[90, 80, 80, 70], [1, 2, 2, 4]],
    [[70, 80, 90, 80], [4, 2, 1, 2]],
    [[50, 50, 50], [1, 1, 1]],
    [[100, 99.99], [1, 2]],
    [[], []],
  ])('%j → %j', (finals, ranks) => {
    expect(competitionRanks(finals)).toEqual(ranks);
  });
});
