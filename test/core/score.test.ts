/**
 * One employee's scorecard (SPEC §5.2–§5.4): weighting with the `exclude` redistribution,
 * the missing-data policies, adjustments, the final score and the vetoes. `direct`
 * standards make every indicator score equal its actual value, so the weighting is
 * checked by hand without a standard in the way.
 */
import { describe, expect, it } from 'vitest';
import { scoreEmployee } from '../../src/core/score.js';
import type { Adjustment, MissingPolicy, Scheme, Veto } from '../../src/core/types.js';
import { dimension, indicator, role, scheme, values } from './factories.js';

type Values = Record<string, number | null>;

/** service = sat 40 + on_time 30 + complaints 30; research = r1 100. */
function schemeWith(parts: { onTimeMissing?: MissingPolicy; adjustments?: Adjustment[]; vetoes?: Veto[]; maxTotal?: number } = {}): Scheme {
  return scheme({
    dimensions: [
      dimension('service', [
        indicator('sat', 40),
        indicator('on_time', 30, undefined, parts.onTimeMissing ?? 'exclude'),
        indicator('complaints', 30),
      ]),
      dimension('research', [indicator('r1', 100)]),
    ],
    roles: [role('engineer', { service: 50, research: 50 }), role('lead', { service: 60, research: 40 })],
    adjustments: parts.adjustments ?? [],
    vetoes: parts.vetoes ?? [],
    maxTotal: parts.maxTotal,
  });
}

const ALL: Values = { sat: 80, on_time: 60, complaints: 50, r1: 90 };
// service = 0.4·80 + 0.3·60 + 0.3·50 = 32 + 18 + 15 = 65; research = 90

function score(s: Scheme, vals: Values, roleId = 'engineer') {
  return scoreEmployee(s, s.roles.find((r) => r.id === roleId)!, values(vals));
}

describe('weights and the exclude redistribution (§5.2, §5.3)', () => {
  it.each<[string, string, Values, number | null, number | null, number, number]>([
    // name, role, values, service, research, base, final
    ['everything present', 'engineer', ALL, 65, 90, 77.5, 77.5], // 0.5·65 + 0.5·90
    ['unequal dimension weights', 'lead', ALL, 65, 90, 75, 75], // 0.6·65 + 0.4·90 = 39 + 36
    // on_time missing: its 30 is shared by sat and complaints: (40·80 + 30·50)/70 = 4700/70 = 470/7
    ['one indicator missing', 'engineer', { ...ALL, on_time: null }, 470 / 7, 90, 550 / 7, 78.57], // (470/7 + 630/7)/2 = 78.5714…
    ['one indicator not in the values at all', 'engineer', { sat: 80, complaints: 50, r1: 90 }, 470 / 7, 90, 550 / 7, 78.57],
    ['two indicators missing', 'engineer', { ...ALL, sat: null, on_time: null }, 50, 90, 70, 70], // service = complaints alone; (50+90)/2
    // research has no scored indicator: left out, its weight goes to service
    ['a whole dimension missing', 'engineer', { ...ALL, r1: null }, 65, null, 65, 65], // not 0.5·65 = 32.5
    ['a whole dimension missing, unequal weights', 'lead', { ...ALL, r1: null }, 65, null, 65, 65], // not 0.6·65 = 39
    ['the other dimension missing', 'engineer', { sat: null, on_time: null, complaints: null, r1: 90 }, null, 90, 90, 90],
  ])('%s', (_name, roleId, vals, service, research, base, final) => {
    const result = score(schemeWith(), vals, roleId);
    expect(result.error).toBeNull();
    const [s, r] = result.dimensions;
    expect(s.id).toBe('service');
    if (service === null) expect(s.score).toBeNull();
    else expect(s.score).toBeCloseTo(service, 9);
    expect(s.excluded).toBe(service === null);
    if (research === null) expect(r.score).toBeNull();
    else expect(r.score).toBeCloseTo(research, 9);
    expect(r.excluded).toBe(research === null);
    expect(result.base).toBeCloseTo(base, 9);
    expect(result.final).toBe(final);
  });

  it('marks a missing indicator excluded with score null, never 0', () => {
    const onTime = score(schemeWith(), { ...ALL, on_time: null }).indicators.find((i) => i.metric === 'on_time')!;
    expect(onTime).toMatchObject({ actual: null, score: null, excluded: true, dimension: 'service', weight: 30 });
  });
});

describe('missing policies (§5.3), on_time missing', () => {
  it.each<[MissingPolicy, number | null, boolean, number, number]>([
    // policy, on_time score, excluded, service, final
    ['zero', 0, false, 47, 68.5], // 32 + 0.3·0 + 15 = 47; (47 + 90)/2
    ['full', 100, false, 77, 83.5], // 32 + 0.3·100 + 15 = 77; (77 + 90)/2
    ['exclude', null, true, 470 / 7, 78.57], // (40·80 + 30·50)/70; (470/7 + 90)/2 = 78.5714…
  ])('%s', (policy, onTimeScore, excluded, service, final) => {
    const result = score(schemeWith({ onTimeMissing: policy }), { ...ALL, on_time: null });
    const onTime = result.indicators.find((i) => i.metric === 'on_time')!;
    expect(onTime.actual).toBeNull();
    expect(onTime.score).toBe(onTimeScore);
    expect(onTime.excluded).toBe(excluded);
    expect(result.dimensions[0].score).toBeCloseTo(service, 9);
    expect(result.final).toBe(final);
    expect(result.error).toBeNull();
  });

  it('error: the employee is not scored', () => {
    const result = score(schemeWith({ onTimeMissing: 'error' }), { ...ALL, on_time: null });
    expect(result.error).toEqual(expect.any(String));
    expect(result.error).toContain('on_time');
    expect(result.base).toBeNull();
    expect(result.adjustment).toBeNull();
    expect(result.final).toBeNull();
    expect(result.forcedGrade).toBeNull();
  });

  it('error: a present value scores normally', () => {
    const result = score(schemeWith({ onTimeMissing: 'error' }), ALL);
    expect(result.error).toBeNull();
    expect(result.final).toBe(77.5);
  });
});

describe('adjustments and the final score (§5.4)', () => {
  const ADJUSTMENTS: Adjustment[] = [
    { metric: 'commendations', label: '客户表扬', per: 2, max: 5 },
    { metric: 'penalties', label: '扣分', per: -3, min: -6 },
  ];

  it.each<[string, Values, number, number]>([
    // base 77.5 throughout; name, adjustment metrics, adjustment total, final
    ['none earned', { commendations: 0, penalties: 0 }, 0, 77.5],
    ['per × a', { commendations: 2, penalties: 0 }, 4, 81.5], // 2·2
    ['clamped to max', { commendations: 4, penalties: 0 }, 5, 82.5], // 2·4 = 8 → 5
    ['a penalty', { commendations: 0, penalties: 1 }, -3, 74.5], // −3·1
    ['clamped to min', { commendations: 0, penalties: 3 }, -6, 71.5], // −3·3 = −9 → −6
    ['summed after each clamp', { commendations: 4, penalties: 3 }, -1, 76.5], // 5 + (−6)
    ['missing metrics give 0 points', { commendations: null }, 0, 77.5], // penalties not even present
  ])('%s', (_name, adj, total, final) => {
    const result = score(schemeWith({ adjustments: ADJUSTMENTS }), { ...ALL, ...adj });
    expect(result.adjustment).toBe(total);
    expect(result.final).toBe(final);
  });

  it('a missing adjustment metric is listed with 0 points', () => {
    const result = score(schemeWith({ adjustments: ADJUSTMENTS }), ALL);
    expect(result.adjustments).toEqual([
      { metric: 'commendations', label: '客户表扬', actual: null, points: 0 },
      { metric: 'penalties', label: '扣分', actual: null, points: 0 },
    ]);
  });

  it.each<[string, Adjustment, Values, number | undefined, number, number]>([
    // name, adjustment, values, max_total, adjustment total, final
    ['no bounds', { metric: 'x', label: 'x', per: 1.5 }, { x: 3 }, undefined, 4.5, 82], // 77.5 + 1.5·3
    ['max_total clamps the final, not the adjustment', { metric: 'x', label: 'x', per: 2, max: 5 }, { x: 4 }, 80, 5, 80], // 77.5 + 5 = 82.5 → 80
    ['below max_total untouched', { metric: 'x', label: 'x', per: 2, max: 5 }, { x: 1 }, 80, 2, 79.5],
    ['clamped at 0', { metric: 'x', label: 'x', per: -30, min: -100 }, { x: 3 }, undefined, -90, 0], // 77.5 − 90 = −12.5 → 0
    ['round2 of B + adjustments', { metric: 'x', label: 'x', per: 0.001 }, { x: 6.5 }, undefined, 0.0065, 77.51], // 77.5065 → 77.51
    ['round2 down', { metric: 'x', label: 'x', per: 0.001 }, { x: 4 }, undefined, 0.004, 77.5], // 77.504 → 77.50
  ])('%s', (_name, adjustment, adj, maxTotal, total, final) => {
    const result = score(schemeWith({ adjustments: [adjustment], maxTotal }), { ...ALL, ...adj });
    expect(result.base).toBe(77.5);
    expect(result.adjustment).toBeCloseTo(total, 12);
    expect(result.final).toBe(final);
  });
});

describe('vetoes (§5.4)', () => {
  const VETOES: Veto[] = [
    { metric: 'major', label: '重大服务事故', when: { kind: 'ops', ops: { gte: 1 } }, effect: 'zero' },
    { metric: 'valid', label: '有效投诉过多', when: { kind: 'ops', ops: { gte: 3 } }, effect: 'cap', cap: 70 },
    { metric: 'safety', label: '安全违规', when: { kind: 'ops', ops: { gte: 1 } }, effect: 'grade', grade: '不合格' },
    { metric: 'late', label: '迟报', when: { kind: 'ops', ops: { gte: 5 } }, effect: 'grade', grade: '合格' },
  ];
  const ADJUST: Adjustment[] = [{ metric: 'commendations', label: '客户表扬', per: 2, max: 5 }];

  it.each<[string, Values, number, string | null, string[]]>([
    // base 77.5 unless said; name, values, final, forced grade, triggered vetoes
    ['nothing triggers', { major: 0, valid: 2, safety: 0, late: 4 }, 77.5, null, []],
    ['zero', { major: 1 }, 0, null, ['major']],
    ['cap', { valid: 3 }, 70, null, ['valid']], // min(77.5, 70)
    ['cap never raises', { valid: 5, r1: 20 }, 42.5, null, ['valid']], // base (65 + 20)/2 = 42.5; min(42.5, 70)
    ['cap after adjustments', { valid: 3, commendations: 4 }, 70, null, ['valid']], // 77.5 + 5 = 82.5 → 70
    ['zero and cap', { major: 2, valid: 3 }, 0, null, ['major', 'valid']],
    ['grade leaves the final alone', { safety: 1 }, 77.5, '不合格', ['safety']],
    ['one grade veto', { late: 5 }, 77.5, '合格', ['late']],
    ['several grade vetoes: the lowest grade', { safety: 1, late: 6 }, 77.5, '不合格', ['safety', 'late']],
    ['missing veto metrics do not trigger', { major: null, valid: null, safety: null }, 77.5, null, []],
  ])('%s', (_name, vals, final, forced, triggered) => {
    const result = score(schemeWith({ vetoes: VETOES, adjustments: ADJUST }), { ...ALL, ...vals });
    expect(result.final).toBe(final);
    expect(result.forcedGrade).toBe(forced);
    expect(result.vetoes.map((v) => v.metric)).toEqual(triggered);
  });

  it('the lowest grade wins whatever the config order', () => {
    const result = score(schemeWith({ vetoes: [VETOES[3], VETOES[2]] }), { ...ALL, safety: 1, late: 5 });
    expect(result.forcedGrade).toBe('不合格');
  });

  it('lists what triggered', () => {
    const result = score(schemeWith({ vetoes: VETOES }), { ...ALL, valid: 4, safety: 1 });
    expect(result.vetoes).toEqual([
      { metric: 'valid', label: '有效投诉过多', actual: 4, effect: 'cap', cap: 70 },
      { metric: 'safety', label: '安全违规', actual: 1, effect: 'grade', grade: '不合格' },
    ]);
  });
});
