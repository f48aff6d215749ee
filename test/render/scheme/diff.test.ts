/**
 * `kpi scheme --diff` as a pure function of two schemes (SPEC §12): each kind of change —
 * weights, every standard method, indicators added and removed, grades, adjustments,
 * vetoes — found with both values, in words and in numbers; and nothing when nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../../src/config/load.js';
import { diffSchemes, type SchemeChange } from '../../../src/render/scheme/diff.js';

const BASE = {
  standard: '{ method: linear, zero: 3, target: 5 }',
  weights: 'satisfaction: 60, visits: 40',
  roleWeights: 'service: 70, extra: 30',
  extraIndicators: '[ { metric: visits, weight: 100, standard: { method: ratio, target: 2 } } ]',
  adjustments: '[ { metric: visits, label: Visits bonus, per: 1, max: 3 } ]',
  veto: '[ { metric: poor, label: Poor service, when: { gte: 2 }, cap: 60 } ]',
  grades: '[ { grade: A, min: 90 }, { grade: B, min: 60 }, { grade: C } ]',
};
type Parts = typeof BASE;

function scheme(parts: Partial<Parts> = {}, locale = 'en') {
  const p = { ...BASE, ...parts };
  const [w1, w2] = p.weights.split(', ').map((x) => x.split(': ')[1]);
  const text = `version: 1
title: T
locale: ${locale}
sources:
  services: { columns: { employee: ID, date: Date, score: Score }, types: { score: number } }
metrics:
  satisfaction: { source: services, agg: avg, field: score }
  visits: { source: services, agg: count }
  poor: { source: services, agg: count, where: { score: { lte: 2 } } }
dimensions:
  service:
    label: Service
    indicators:
      - { metric: satisfaction, label: Satisfaction, weight: ${w1}, standard: ${p.standard} }
      - { metric: visits, label: Visits, weight: ${w2}, standard: { method: ratio, target: 2 } }
  extra: { label: Extra, indicators: ${p.extraIndicators} }
roles:
  engineer: { label: Engineer, weights: { ${p.roleWeights} } }
adjustments: ${p.adjustments}
veto: ${p.veto}
grades: ${p.grades}
`;
  const check = checkConfigText(text, 'kpi.yaml');
  if (!check.scheme) throw new Error(JSON.stringify(check.problems));
  return { scheme: check.scheme, file: 'kpi.yaml', sha256: '0'.repeat(64) };
}

const diff = (after: Partial<Parts>, locale = 'en') => diffSchemes(scheme({}, locale), scheme(after, locale)).changes;
const only = (changes: SchemeChange[]) => {
  expect(changes).toHaveLength(1);
  return changes[0];
};

describe('diffSchemes', () => {
  it('finds nothing between a scheme and itself', () => {
    expect(diff({})).toEqual([]);
  });

  it('indicator weights, old → new', () => {
    const changes = diff({ weights: 'satisfaction: 50, visits: 50' });
    expect(changes.map((c) => [c.kind, c.metric, c.old, c.new, c.oldText, c.newText])).toEqual([
      ['indicatorWeight', 'satisfaction', 60, 50, '60%', '50%'],
      ['indicatorWeight', 'visits', 40, 50, '40%', '50%'],
    ]);
  });

  it('dimension weights of a role', () => {
    const changes = diff({ roleWeights: 'service: 80, extra: 20' });
    expect(changes.map((c) => [c.kind, c.role, c.dimension, c.old, c.new])).toEqual([
      ['roleWeight', 'engineer', 'service', 70, 80],
      ['roleWeight', 'engineer', 'extra', 30, 20],
    ]);
    expect(changes[0].where).toBe('Engineer › Service');
  });

  const standards: { method: string; to: string; oldText: string; newText: string; numbers: string[] }[] = [
    { method: 'linear', to: '{ method: linear, zero: 3, target: 4.5 }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'linear: 0 at 3, 100 at 4.5', numbers: ['target 5 → 4.5'] },
    { method: 'ratio', to: '{ method: ratio, target: 4.5, cap: 120 }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'ratio: 100 × actual ÷ 4.5; at most 120', numbers: ['method linear → ratio', 'zero 3 → —', 'target 5 → 4.5', 'cap — → 120'] },
    { method: 'piecewise', to: '{ method: piecewise, points: [ { at: 3, score: 60 }, { at: 4.5, score: 100 } ] }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'piecewise: 60 at 3, 100 at 4.5 (linear between; 0 below 3)', numbers: ['method linear → piecewise', 'zero 3 → —', 'target 5 → —', 'points — → [{"at":3,"score":60},{"at":4.5,"score":100}]'] },
    { method: 'bands', to: '{ method: bands, bands: [ { min: 4.5, score: 100 }, { min: 4, score: 80 } ] }', oldText: 'linear: 0 at 3, 100 at 5', newText: '≥4.5 → 100; ≥4 → 80; otherwise → 0', numbers: ['method linear → bands', 'zero 3 → —', 'target 5 → —', 'bands — → [{"min":4.5,"score":100},{"min":4,"score":80}]'] },
    { method: 'deduct', to: '{ method: deduct, per: 10 }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'minus 10 per case (from 100)', numbers: ['method linear → deduct', 'zero 3 → —', 'target 5 → —', 'per — → 10'] },
    { method: 'add', to: '{ method: add, per: 20 }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'plus 20 per case (from 0)', numbers: ['method linear → add', 'zero 3 → —', 'target 5 → —', 'per — → 20'] },
    { method: 'threshold', to: '{ method: threshold, when: { gte: 4 } }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'threshold: 100 if ≥ 4, else 0', numbers: ['method linear → threshold', 'zero 3 → —', 'target 5 → —', 'when — → {"gte":4}'] },
    { method: 'direct', to: '{ method: direct, scale: 20 }', oldText: 'linear: 0 at 3, 100 at 5', newText: 'direct: actual × 20', numbers: ['method linear → direct', 'zero 3 → —', 'target 5 → —', 'scale — → 20'] },
  ];
  it.each(standards)('a standard changed to $method: old → new in words and numbers', ({ to, oldText, newText, numbers }) => {
    const c = only(diff({ standard: to }));
    expect(c).toMatchObject({ kind: 'standard', change: 'changed', dimension: 'service', metric: 'satisfaction', where: 'Service › Satisfaction', oldText, newText, numbers });
    expect(c.old).toEqual({ method: 'linear', zero: 3, target: 5 });
  });

  it('a standard in Chinese', () => {
    const c = only(diff({ standard: '{ method: linear, zero: 3, target: 4.5 }' }, 'zh-CN'));
    expect([c.oldText, c.newText]).toEqual(['线性：3 得 0 分，5 得 100 分', '线性：3 得 0 分，4.5 得 100 分']);
  });

  it('indicators added and removed', () => {
    const added = diff({ extraIndicators: '[ { metric: visits, weight: 50, standard: { method: ratio, target: 2 } }, { metric: poor, label: Poor, weight: 50, standard: { method: deduct, per: 50 } } ]' });
    expect(added.map((c) => [c.kind, c.change, c.metric, c.newText])).toEqual([
      ['indicatorWeight', 'changed', 'visits', '50%'],
      ['indicator', 'added', 'poor', 'Weight 50%; minus 50 per case (from 100)'],
    ]);
    const removed = diffSchemes(scheme({ extraIndicators: '[ { metric: visits, weight: 50, standard: { method: ratio, target: 2 } }, { metric: poor, label: Poor, weight: 50, standard: { method: deduct, per: 50 } } ]' }), scheme()).changes;
    expect(removed.find((c) => c.change === 'removed')).toMatchObject({ kind: 'indicator', metric: 'poor', where: 'Extra › Poor', new: null, newText: null });
  });

  it('grades: a bound, a share, a grade added and removed', () => {
    const changes = diff({ grades: '[ { grade: A, min: 85, max_share: 20% }, { grade: B, min: 60 }, { grade: D } ]' });
    expect(changes.map((c) => [c.kind, c.change, c.grade, c.oldText, c.newText])).toEqual([
      ['grade', 'removed', 'C', 'the rest; no limit', null],
      ['grade', 'changed', 'A', 'final ≥ 90; no limit', 'final ≥ 85; at most 20% of everyone scored'],
      ['grade', 'added', 'D', null, 'the rest; no limit'],
    ]);
  });

  it('vetoes: condition, effect, added and removed', () => {
    expect(only(diff({ veto: '[ { metric: poor, label: Poor service, when: { gte: 1 }, effect: zero } ]' }))).toMatchObject({
      kind: 'veto', change: 'changed', metric: 'poor', oldText: 'if ≥ 2, final capped at 60', newText: 'if ≥ 1, final set to 0',
    });
    expect(only(diff({ veto: '[]' }))).toMatchObject({ kind: 'veto', change: 'removed', metric: 'poor' });
  });

  it('adjustments: rule changed and removed', () => {
    expect(only(diff({ adjustments: '[ { metric: visits, label: Visits bonus, per: 2, max: 5 } ]' }))).toMatchObject({
      kind: 'adjustment', change: 'changed', old: { metric: 'visits', per: 1, min: null, max: 3 }, new: { metric: 'visits', per: 2, min: null, max: 5 },
    });
    expect(only(diff({ adjustments: '[]' }))).toMatchObject({ kind: 'adjustment', change: 'removed', metric: 'visits' });
  });
});
