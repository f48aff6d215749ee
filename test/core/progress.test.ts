/**
 * The period in progress (SPEC §11): working days elapsed and in total, the projection of
 * actuals to the period's end, and the behind-pace rule — each worked out by hand.
 * December 2026 starts on a Tuesday and has 23 working days; 2026-12-09 is its 7th.
 */
import { describe, expect, it } from 'vitest';
import { isoDay, paceOf, projectValues, targetOf, workdaysOf, type ProgressInfo } from '../../src/core/progress.js';
import { parsePeriod } from '../../src/core/period.js';
import { scoreEmployee } from '../../src/core/score.js';
import type { Metric, Standard } from '../../src/core/types.js';
import { dimension, indicator, metric, role, scheme, source, values } from './factories.js';

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const PLAIN = { holidays: new Set<number>(), workdays: new Set<number>() };
// China, October 2026: holidays Thu 1, Fri 2 and Mon 5; Saturday the 10th is a make-up working day (调休).
const GOLDEN_WEEK = { holidays: new Set([day('2026-10-01'), day('2026-10-02'), day('2026-10-05')]), workdays: new Set([day('2026-09-27'), day('2026-10-10')]) };

describe('workdaysOf', () => {
  it.each([
    ['the spec example: as of Wed 2026-12-09', PLAIN, '2026-12', '2026-12-09', 7, 23],
    ['the first day, a Tuesday', PLAIN, '2026-12', '2026-12-01', 1, 23],
    ['as of a Saturday: the week counts, the weekend not', PLAIN, '2026-12', '2026-12-12', 9, 23],
    ['as of a Sunday', PLAIN, '2026-12', '2026-12-13', 9, 23],
    ['the last day: elapsed = total', PLAIN, '2026-12', '2026-12-31', 23, 23],
    // 22 weekdays, minus three holidays, plus the make-up Saturday (09-27 is in September).
    ['October with its holidays: none elapsed by Sunday the 4th', GOLDEN_WEEK, '2026-10', '2026-10-04', 0, 20],
    ['as of a holiday (Mon 10-05): still none', GOLDEN_WEEK, '2026-10', '2026-10-05', 0, 20],
    ['the first working day after the holidays', GOLDEN_WEEK, '2026-10', '2026-10-06', 1, 20],
    ['as of the make-up Saturday: Tue–Fri and Sat', GOLDEN_WEEK, '2026-10', '2026-10-10', 5, 20],
    ['as of the Sunday after it', GOLDEN_WEEK, '2026-10', '2026-10-11', 5, 20],
    ['without the calendar, October has 22', PLAIN, '2026-10', '2026-10-04', 2, 22],
    ['a quarter: Q4 as of 2026-10-06 (Thu 1, Fri 2, Mon 5, Tue 6)', PLAIN, '2026-Q4', '2026-10-06', 4, 22 + 21 + 23],
  ])('%s', (_, calendar, period, asOf, elapsed, total) => {
    expect(workdaysOf(calendar, parsePeriod(period)!, day(asOf))).toEqual({ elapsed, total });
  });

  it('writes day numbers as ISO dates', () => {
    expect(isoDay(day('2026-12-09'))).toBe('2026-12-09');
    expect(isoDay(day('2026-12-09') + 0.75)).toBe('2026-12-09');
  });
});

const DEC9: ProgressInfo = { asOf: '2026-12-09', elapsedWorkdays: 7, totalWorkdays: 23 };
const LAST: ProgressInfo = { asOf: '2026-12-31', elapsedWorkdays: 23, totalWorkdays: 23 };

const services = source('services', { date: 'date', hours: 'number', ok: 'boolean' });
const profile = source('profile', { certificates: 'number' }); // no date: not filtered by period
const formula = (id: string, text: string, project?: false): Metric => {
  const [a, op, b] = text.split(' ');
  return { id, kind: 'formula', text, formula: { type: 'bin', op: op as '+', left: { type: 'ref', name: a, offset: 0 }, right: { type: 'ref', name: b, offset: 0 } }, ...(project === false ? { project } : {}) };
};
const METRICS: Metric[] = [
  metric('visits', 'services', 'count'),
  metric('hours', 'services', 'sum', { field: 'hours' }),
  metric('avg_hours', 'services', 'avg', { field: 'hours' }),
  metric('ok_rate', 'services', 'ratio', { hit: { ok: { kind: 'eq', value: true } } }),
  metric('longest', 'services', 'max', { field: 'hours' }),
  metric('incidents', 'services', 'count', { project: false }),
  metric('certificates', 'profile', 'sum', { field: 'certificates' }),
  formula('hours_per_visit', 'hours / visits'),
  formula('visits_and_incidents', 'visits + incidents'),
  formula('frozen_sum', 'visits + hours', false),
];
const SCHEME = scheme({ sources: [services, profile], metrics: METRICS });
const TO_DATE = values({ visits: 3, hours: 10.5, avg_hours: 3.5, ok_rate: 2 / 3, longest: 6, incidents: 1, certificates: 2 });

describe('projectValues', () => {
  const { toDate, projected } = projectValues(SCHEME, TO_DATE, DEC9);

  it.each([
    ['count: to date × total / elapsed', 'visits', (3 * 23) / 7],
    ['sum: the same', 'hours', (10.5 * 23) / 7],
    ['avg: as it is', 'avg_hours', 3.5],
    ['ratio: as it is', 'ok_rate', 2 / 3],
    ['max: as it is', 'longest', 6],
    ['project: false: never projected', 'incidents', 1],
    ['a sum over an undated source: not a value so far, not projected', 'certificates', 2],
    ['a formula over projected metrics: from them', 'hours_per_visit', ((10.5 * 23) / 7) / ((3 * 23) / 7)],
    ['a formula over a projected and an unprojected metric', 'visits_and_incidents', (3 * 23) / 7 + 1],
    ['a formula with project: false: its value so far', 'frozen_sum', 13.5],
  ])('%s', (_, id, expected) => {
    expect(projected.get(id)).toBe(expected);
  });

  it('keeps the values so far, formulas computed from them', () => {
    expect(toDate.get('visits')).toBe(3);
    expect(toDate.get('hours_per_visit')).toBe(3.5);
    expect(toDate.get('visits_and_incidents')).toBe(4);
  });

  it('a missing value stays missing', () => {
    const { projected: p } = projectValues(SCHEME, values({ visits: 0, hours: 0, avg_hours: null, ok_rate: null }), DEC9);
    expect(p.get('avg_hours')).toBeNull();
    expect(p.get('ok_rate')).toBeNull();
    expect(p.get('visits')).toBe(0);
    expect(p.get('hours_per_visit')).toBeNull(); // 0 / 0
  });

  it('on the last day nothing is scaled: exactly the plain values (0.1 × 3 / 3 is not 0.1 in floating point)', () => {
    const { projected: p } = projectValues(SCHEME, values({ visits: 3, hours: 0.1 }), { ...LAST, elapsedWorkdays: 3, totalWorkdays: 3 });
    expect(p.get('hours')).toBe(0.1);
    expect(projectValues(SCHEME, TO_DATE, LAST).projected).toEqual(projectValues(SCHEME, TO_DATE, LAST).toDate);
  });

  it('standards, adjustments and vetoes then use the projected actuals', () => {
    const s = scheme({
      ...SCHEME,
      dimensions: [dimension('work', [indicator('visits', 100, { method: 'ratio', target: 12, better: 'higher', cap: 100 })])],
      roles: [role('r', { work: 100 })],
      adjustments: [{ metric: 'visits', label: 'visits', per: 1 }],
      vetoes: [{ metric: 'visits', label: 'too many', when: { kind: 'ops', ops: { gte: 10 } }, effect: 'cap', cap: 50 }],
    });
    const score = scoreEmployee(s, s.roles[0], projectValues(s, TO_DATE, DEC9).projected);
    // 3 visits by the 7th of 23 days → 69/7 ≈ 9.857: 82.14 of the target 12, +9.86 points, no veto (< 10).
    expect(score.indicators[0].score).toBeCloseTo((100 * 69) / 7 / 12, 10);
    expect(score.adjustment).toBeCloseTo(69 / 7, 10);
    expect(score.vetoes).toEqual([]);
    expect(score.final).toBe(92);
  });
});

describe('targetOf', () => {
  it.each<[string, Standard, ReturnType<typeof targetOf>]>([
    ['linear', { method: 'linear', zero: 0, target: 20, cap: 100 }, { target: 20, lowerIsBetter: false }],
    ['linear, zero above target: lower is better', { method: 'linear', zero: 10, target: 2, cap: 100 }, { target: 2, lowerIsBetter: true }],
    ['ratio', { method: 'ratio', target: 6, better: 'higher', cap: 100 }, { target: 6, lowerIsBetter: false }],
    ['ratio, better: lower', { method: 'ratio', target: 2, better: 'lower', cap: 100 }, { target: 2, lowerIsBetter: true }],
    ['piecewise: the point that scores 100', { method: 'piecewise', points: [{ at: 8, score: 60 }, { at: 12, score: 100 }, { at: 15, score: 120 }], cap: 120 }, { target: 12, lowerIsBetter: false }],
    ['piecewise descending: lower is better', { method: 'piecewise', points: [{ at: 5, score: 60 }, { at: 3, score: 100 }, { at: 1, score: 120 }], cap: 120 }, { target: 3, lowerIsBetter: true }],
    ['piecewise with no point at 100', { method: 'piecewise', points: [{ at: 8, score: 60 }, { at: 12, score: 90 }], cap: 100 }, null],
    ['threshold: its min (gte)', { method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 }, { target: 1, lowerIsBetter: false }],
    ['threshold: gt is a min too', { method: 'threshold', when: { kind: 'ops', ops: { gt: 4 } }, cap: 100 }, { target: 4, lowerIsBetter: false }],
    ['threshold without a min', { method: 'threshold', when: { kind: 'ops', ops: { lte: 2 } }, cap: 100 }, null],
    ['bands: no target', { method: 'bands', bands: [{ min: 10, score: 100 }], cap: 100 }, null],
    ['deduct: no target', { method: 'deduct', per: 25, base: 100, cap: 100 }, null],
    ['add: no target', { method: 'add', per: 5, base: 0, cap: 100 }, null],
    ['direct: no target', { method: 'direct', scale: 1, cap: 100 }, null],
  ])('%s', (_, standard, expected) => {
    expect(targetOf(standard)).toEqual(expected);
  });
});

describe('paceOf', () => {
  const ratio6: Standard = { method: 'ratio', target: 6, better: 'higher', cap: 100 };
  const fewer: Standard = { method: 'linear', zero: 10, target: 2, cap: 100 };
  it.each<[string, string, Standard, number | null, number | null, boolean]>([
    // 6 × 7 / 23 = 1.826…: one is behind, two are not.
    ['count below target × elapsed / total: behind', 'visits', ratio6, 1, (6 * 7) / 23, true],
    ['count above it: on pace', 'visits', ratio6, 2, (6 * 7) / 23, false],
    ['sum: the same rule', 'hours', { method: 'linear', zero: 0, target: 46, cap: 100 }, 13.9, 14, true],
    ['exactly on pace is not behind', 'hours', { method: 'linear', zero: 0, target: 46, cap: 100 }, 14, 14, false],
    // lower is better: 2 × 7 / 23 = 0.6087; one so far is already too many.
    ['lower is better: above expected is behind', 'visits', fewer, 1, (2 * 7) / 23, true],
    ['lower is better: below expected is on pace', 'visits', fewer, 0, (2 * 7) / 23, false],
    ['threshold min', 'visits', { method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 }, 0, 7 / 23, true],
    ['project: false stops projection, not pace: still a count', 'incidents', ratio6, 1, (6 * 7) / 23, true],
    ['avg is not additive: no pace', 'avg_hours', ratio6, 1, null, false],
    ['ratio is not additive', 'ok_rate', ratio6, 0.1, null, false],
    ['a formula is not additive', 'hours_per_visit', ratio6, 1, null, false],
    ['an undated source is not a value so far', 'certificates', ratio6, 0, null, false],
    ['a standard without a target: no pace', 'visits', { method: 'deduct', per: 25, base: 100, cap: 100 }, 3, null, false],
  ])('%s', (_, id, standard, toDate, expected, behind) => {
    expect(paceOf(SCHEME, id, standard, toDate, DEC9)).toEqual({ toDate, expectedToDate: expected, behind });
  });
});
