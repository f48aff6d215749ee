/**
 * Standards in words (SPEC §5.1), for the scorecard and `--explain`: one line per method
 * and locale, rates as percentages, other numbers with at most four decimals.
 */
import { describe, expect, it } from 'vitest';
import type { Standard } from '../../src/core/types.js';
import { describeStandard, formatPlain, isPercentMetric, looksLikePercent } from '../../src/render/standard-words.js';

const cases: { standard: Standard; zh: string; en: string; percent?: boolean }[] = [
  { standard: { method: 'linear', zero: 3, target: 4.8, cap: 100 }, zh: '线性：3 得 0 分，4.8 得 100 分', en: 'linear: 0 at 3, 100 at 4.8' },
  { standard: { method: 'linear', zero: 48, target: 4, floor: 72, cap: 100 }, zh: '线性：48 得 0 分，4 得 100 分；高于 72 得 0 分', en: 'linear: 0 at 48, 100 at 4; 0 above 72' },
  { standard: { method: 'linear', zero: 0, target: 1, cap: 100 }, percent: true, zh: '线性：0% 得 0 分，100% 得 100 分', en: 'linear: 0 at 0%, 100 at 100%' },
  { standard: { method: 'ratio', target: 6, better: 'higher', cap: 120 }, zh: '比例：实际 ÷ 6 × 100；最高 120 分', en: 'ratio: 100 × actual ÷ 6; at most 120' },
  { standard: { method: 'ratio', target: 4, better: 'lower', floor: 24, cap: 100 }, zh: '比例（越低越好）：4 ÷ 实际 × 100；高于 24 得 0 分', en: 'ratio (lower is better): 100 × 4 ÷ actual; 0 above 24' },
  {
    standard: { method: 'piecewise', points: [{ at: 0.9, score: 60 }, { at: 0.95, score: 100 }, { at: 0.98, score: 120 }], cap: 120 },
    zh: '分段：90% 得 60 分，95% 得 100 分，98% 得 120 分（之间按直线，低于 90% 得 0 分）',
    en: 'piecewise: 60 at 90%, 100 at 95%, 120 at 98% (linear between; 0 below 90%)',
  },
  {
    standard: { method: 'bands', bands: [{ min: 0.98, score: 100 }, { min: 0.95, score: 80 }, { min: 0.9, max: 0.95, score: 60 }], cap: 100 },
    zh: '≥98% → 100；≥95% → 80；≥90% 且 <95% → 60；其他 → 0',
    en: '≥98% → 100; ≥95% → 80; ≥90% and <95% → 60; otherwise → 0',
  },
  { standard: { method: 'bands', bands: [{ min: 10, score: 100 }, { score: 50 }], cap: 100 }, zh: '≥10 → 100；其他 → 50', en: '≥10 → 100; otherwise → 50' },
  { standard: { method: 'deduct', per: 25, base: 100, cap: 100 }, zh: '每次扣 25 分（基准 100）', en: 'minus 25 per case (from 100)' },
  { standard: { method: 'add', per: 5, base: 0, cap: 100 }, zh: '每次加 5 分（基准 0）', en: 'plus 5 per case (from 0)' },
  { standard: { method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 }, zh: '达标：≥ 1 得 100 分，否则 0 分', en: 'threshold: 100 if ≥ 1, else 0' },
  { standard: { method: 'threshold', when: { kind: 'in', values: ['A', 'B'] }, cap: 100 }, zh: '达标：为 A、B 之一 得 100 分，否则 0 分', en: 'threshold: 100 if one of A, B, else 0' },
  { standard: { method: 'direct', scale: 100, cap: 100 }, zh: '直接计分：实际 × 100', en: 'direct: actual × 100' },
  { standard: { method: 'direct', scale: 1, cap: 100 }, zh: '直接计分：取台账分值', en: 'direct: the ledger value' },
];

describe('describeStandard', () => {
  it.each(cases)('$en', ({ standard, zh, en, percent }) => {
    expect(describeStandard(standard, 'zh-CN', { percent })).toBe(zh);
    expect(describeStandard(standard, 'en', { percent })).toBe(en);
  });

  it('guesses rates from thresholds: all in [0, 1] and one strictly between', () => {
    expect(looksLikePercent({ method: 'bands', bands: [{ min: 0.98, score: 100 }], cap: 100 })).toBe(true);
    expect(looksLikePercent({ method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 })).toBe(false);
    expect(looksLikePercent({ method: 'linear', zero: 0, target: 1, cap: 100 })).toBe(false);
    expect(looksLikePercent({ method: 'deduct', per: 0.5, base: 100, cap: 100 })).toBe(false);
  });

  it('treats ratio aggregates, fraction thresholds and direct × 100 as rates', () => {
    const ratio = { id: 'r', kind: 'agg', source: 's', agg: 'ratio' } as const;
    const count = { id: 'c', kind: 'agg', source: 's', agg: 'count' } as const;
    const deduct: Standard = { method: 'deduct', per: 25, base: 100, cap: 100 };
    expect(isPercentMetric(ratio, deduct)).toBe(true);
    expect(isPercentMetric(count, deduct)).toBe(false);
    expect(isPercentMetric(undefined, { method: 'direct', scale: 100, cap: 100 })).toBe(true);
    expect(isPercentMetric(undefined, { method: 'linear', zero: 0.5, target: 1, cap: 100 })).toBe(true);
  });

  it('writes numbers with at most four decimals and no trailing zeros', () => {
    expect([formatPlain(4.8), formatPlain(1 / 3), formatPlain(2), formatPlain(-0.00001), formatPlain(0.95 * 100, 2)]).toEqual(['4.8', '0.3333', '2', '0', '95']);
  });
});
