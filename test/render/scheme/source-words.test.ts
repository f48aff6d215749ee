/**
 * "Where the value comes from" (SPEC §12) against the config, for every aggregation and
 * every condition operator, in both languages: one line per case, the words written by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../../src/config/load.js';
import type { Scheme } from '../../../src/core/types.js';
import { describeSource } from '../../../src/render/scheme/source-words.js';

const HEADERS = {
  en: { sheet: 'Services', kind: 'Kind', fixed: 'Fixed first time', score: 'Score', day: 'Visit day', customer: 'Customer', note: 'Note', repair: 'repair', install: 'install' },
  'zh-CN': { sheet: '服务台账', kind: '服务类型', fixed: '一次修复', score: '满意度', day: '服务日期', customer: '客户', note: '备注', repair: '上门维修', install: '安装调试' },
} as const;

/** A scheme with one metric `m` (plus `a` and `b` for formulas) over one ledger. */
function schemeWith(locale: 'en' | 'zh-CN', metric: string): Scheme {
  const h = HEADERS[locale];
  const text = `version: 1
locale: ${locale}
sources:
  services:
    sheet: ${h.sheet}
    columns: { employee: ID, date: Date, kind: ${h.kind}, fixed: ${h.fixed}, score: ${h.score}, day: ${h.day}, customer: ${h.customer}, note: ${h.note} }
    types: { fixed: boolean, score: number, day: date }
  people:
    columns: { employee: ID, grade: Grade }
metrics:
  m: ${metric.replace(/REPAIR/g, h.repair).replace(/INSTALL/g, h.install)}
  a: { source: services, agg: count, label: ${locale === 'en' ? 'fixes' : '修复数'} }
  b: { source: services, agg: count, where: { fixed: true } }
dimensions:
  d: { indicators: [ { metric: m, weight: 100, standard: { method: direct } } ] }
roles:
  r: { weights: { d: 100 } }
grades: [ { grade: A } ]
`;
  const check = checkConfigText(text, 'kpi.yaml');
  if (!check.scheme) throw new Error(JSON.stringify(check.problems));
  return check.scheme;
}

const cases: { name: string; metric: string; en: string; zh: string }[] = [
  { name: 'count', metric: '{ source: services, agg: count }', en: 'Number of records in the Services ledger', zh: '服务台账的记录数' },
  { name: 'count where', metric: '{ source: services, agg: count, where: { kind: REPAIR } }', en: 'Number of records in the Services ledger with Kind = repair', zh: '服务台账中 服务类型 = 上门维修 的记录数' },
  { name: 'sum', metric: '{ source: services, agg: sum, field: score }', en: 'Sum of Score over the records in the Services ledger', zh: '服务台账的记录里，满意度 的合计' },
  { name: 'avg', metric: '{ source: services, agg: avg, field: score, where: { kind: REPAIR } }', en: 'Average Score over the records in the Services ledger with Kind = repair', zh: '服务台账中 服务类型 = 上门维修 的记录里，满意度 的平均值' },
  { name: 'min', metric: '{ source: services, agg: min, field: score }', en: 'Lowest Score among the records in the Services ledger', zh: '服务台账的记录里，满意度 的最小值' },
  { name: 'max', metric: '{ source: services, agg: max, field: score }', en: 'Highest Score among the records in the Services ledger', zh: '服务台账的记录里，满意度 的最大值' },
  { name: 'median', metric: '{ source: services, agg: median, field: score }', en: 'Median Score of the records in the Services ledger', zh: '服务台账的记录里，满意度 的中位数' },
  { name: 'percentile', metric: '{ source: services, agg: percentile, field: score, p: 90 }', en: '90th percentile of Score over the records in the Services ledger', zh: '服务台账的记录里，满意度 的第 90 百分位数' },
  { name: 'distinct', metric: '{ source: services, agg: distinct, field: customer }', en: 'Number of distinct Customer values among the records in the Services ledger', zh: '服务台账的记录里，客户 的不同取值的个数' },
  {
    name: 'ratio (the SPEC example)', metric: '{ source: services, agg: ratio, where: { kind: REPAIR }, hit: { fixed: true } }',
    en: 'Share of the records in the Services ledger with Kind = repair where Fixed first time = yes', zh: '服务台账中 服务类型 = 上门维修 的记录里，一次修复 = 是 的比例',
  },
  {
    name: 'formula', metric: '{ formula: b / a }',
    en: 'Computed as b ÷ fixes, where b is the number of records in the Services ledger with Fixed first time = yes; fixes is the number of records in the Services ledger',
    zh: '按公式 b ÷ 修复数 计算，其中 b 为服务台账中 一次修复 = 是 的记录数；修复数 为服务台账的记录数',
  },
  { name: 'undated source', metric: '{ source: people, agg: count }', en: 'Number of records in the people ledger (all records, whatever their date)', zh: 'people的记录数（不分期间，全部记录）' },
  // Every condition operator.
  { name: 'value', metric: '{ source: services, agg: count, where: { fixed: false } }', en: 'Number of records in the Services ledger with Fixed first time = no', zh: '服务台账中 一次修复 = 否 的记录数' },
  { name: 'list', metric: '{ source: services, agg: count, where: { kind: [REPAIR, INSTALL] } }', en: 'Number of records in the Services ledger with Kind is one of repair, install', zh: '服务台账中 服务类型 为 上门维修、安装调试 之一 的记录数' },
  { name: 'eq', metric: '{ source: services, agg: count, where: { score: { eq: 5 } } }', en: 'Number of records in the Services ledger with Score = 5', zh: '服务台账中 满意度 = 5 的记录数' },
  { name: 'ne', metric: '{ source: services, agg: count, where: { kind: { ne: REPAIR } } }', en: 'Number of records in the Services ledger with Kind ≠ repair', zh: '服务台账中 服务类型 ≠ 上门维修 的记录数' },
  { name: 'gt', metric: '{ source: services, agg: count, where: { score: { gt: 4 } } }', en: 'Number of records in the Services ledger with Score > 4', zh: '服务台账中 满意度 > 4 的记录数' },
  { name: 'gte and lt', metric: '{ source: services, agg: count, where: { score: { gte: 3, lt: 4.5 } } }', en: 'Number of records in the Services ledger with Score ≥ 3 and Score < 4.5', zh: '服务台账中 满意度 ≥ 3 且 满意度 < 4.5 的记录数' },
  { name: 'lte', metric: '{ source: services, agg: count, where: { score: { lte: 2 } } }', en: 'Number of records in the Services ledger with Score ≤ 2', zh: '服务台账中 满意度 ≤ 2 的记录数' },
  { name: 'in', metric: '{ source: services, agg: count, where: { kind: { in: [REPAIR, INSTALL] } } }', en: 'Number of records in the Services ledger with Kind is one of repair, install', zh: '服务台账中 服务类型 为 上门维修、安装调试 之一 的记录数' },
  { name: 'not_in', metric: '{ source: services, agg: count, where: { kind: { not_in: [REPAIR] } } }', en: 'Number of records in the Services ledger with Kind is none of repair', zh: '服务台账中 服务类型 不为 上门维修 的记录数' },
  { name: 'empty', metric: '{ source: services, agg: count, where: { note: { empty: true } } }', en: 'Number of records in the Services ledger with Note is empty', zh: '服务台账中 备注 为空 的记录数' },
  { name: 'not empty', metric: '{ source: services, agg: ratio, hit: { note: { empty: false } } }', en: 'Share of the records in the Services ledger where Note is not empty', zh: '服务台账的记录里，备注 不为空 的比例' },
  { name: 'date', metric: '{ source: services, agg: count, where: { day: { gte: 2026-11-15 } } }', en: 'Number of records in the Services ledger with Visit day ≥ 2026-11-15', zh: '服务台账中 服务日期 ≥ 2026-11-15 的记录数' },
  { name: 'two fields', metric: '{ source: services, agg: count, where: { kind: REPAIR, fixed: true } }', en: 'Number of records in the Services ledger with Kind = repair and Fixed first time = yes', zh: '服务台账中 服务类型 = 上门维修 且 一次修复 = 是 的记录数' },
];

describe('where a value comes from, in words', () => {
  it.each(cases)('$name', ({ metric, en, zh }) => {
    expect(describeSource(schemeWith('en', metric), 'm', 'en')).toBe(en);
    expect(describeSource(schemeWith('zh-CN', metric), 'm', 'zh-CN')).toBe(zh);
  });

  it('covers every aggregation and every condition operator', () => {
    const text = cases.map((c) => c.metric).join(' ');
    for (const agg of ['count', 'sum', 'avg', 'min', 'max', 'median', 'percentile', 'distinct', 'ratio']) expect(text).toContain(`agg: ${agg}`);
    for (const op of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'empty']) expect(text).toContain(`${op}:`);
    expect(text).toContain('formula:');
  });
});
