/**
 * The words of the published scheme and its diff (SPEC §12), in both report languages —
 * the document follows the config's `locale`, like every report.
 */
import { wordsIn, type Locale } from '../labels.js';

const WORDS = {
  docTitle: { 'zh-CN': '考核指标体系与考核标准', en: 'Indicators and standards of assessment' },
  inForce: { 'zh-CN': '适用期间', en: 'In force' },
  cycle: { 'zh-CN': '考核周期', en: 'Assessment period' },
  schemeFile: { 'zh-CN': '方案文件', en: 'Scheme file' },
  basis: {
    'zh-CN': '各指标的实际值按被考核人本人在考核期间的台账记录计算；各维度内指标权重合计 100%，各岗位维度权重合计 100%。',
    en: "Each value is computed from the employee's own ledger records of the period; indicator weights add up to 100% within each dimension, and dimension weights to 100% for each role.",
  },
  role: { 'zh-CN': '岗位', en: 'Role' },
  dimensionsAndWeights: { 'zh-CN': '考核维度与权重', en: 'Dimensions and weights' },
  dimension: { 'zh-CN': '考核维度', en: 'Dimension' },
  indicator: { 'zh-CN': '考核指标', en: 'Indicator' },
  weight: { 'zh-CN': '权重', en: 'Weight' },
  ofTotal: { 'zh-CN': '占总分', en: 'Of total' },
  source: { 'zh-CN': '数据来源与计算', en: 'Where the value comes from' },
  standard: { 'zh-CN': '考核标准', en: 'Standard' },
  adjustments: { 'zh-CN': '加减分项', en: 'Adjustments (bonus and penalty points)' },
  item: { 'zh-CN': '项目', en: 'Item' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  vetoes: { 'zh-CN': '一票否决', en: 'Vetoes' },
  condition: { 'zh-CN': '触发条件', en: 'When' },
  effect: { 'zh-CN': '处理', en: 'Effect' },
  grades: { 'zh-CN': '等级评定', en: 'Grades' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  gradeRule: { 'zh-CN': '条件', en: 'Condition' },
  share: { 'zh-CN': '人数比例', en: 'Share of people' },
  missing: { 'zh-CN': '数据缺失的处理', en: 'Missing data' },
  total: { 'zh-CN': '总分计算', en: 'Final score' },
  acknowledgement: { 'zh-CN': '员工确认', en: 'Employee acknowledgement' },
  acknowledgementText: {
    'zh-CN': '本人已阅读并理解上述考核指标与考核标准。',
    en: 'I have read and understood the indicators and standards above.',
  },
  signature: { 'zh-CN': '员工签字', en: 'Employee signature' },
  date: { 'zh-CN': '日期', en: 'Date' },
  none: { 'zh-CN': '无', en: 'none' },
  rest: { 'zh-CN': '其余', en: 'the rest' },
  unlimited: { 'zh-CN': '不限', en: 'no limit' },
  whenMissing: { 'zh-CN': '指标在考核期间没有数据时，', en: 'When an indicator has no data for the period, it is ' },
  otherwise: { 'zh-CN': '另有规定的指标', en: 'Indicators with their own rule' },
  month: { 'zh-CN': '月度', en: 'monthly' },
  quarter: { 'zh-CN': '季度', en: 'quarterly' },
  half: { 'zh-CN': '半年度', en: 'half-yearly' },
  year: { 'zh-CN': '年度', en: 'yearly' },
  missing_exclude: { 'zh-CN': '不计：该指标不参与评分，其权重由同一维度的其他指标分担', en: 'left out: its weight is shared by the other indicators of its dimension' },
  missing_zero: { 'zh-CN': '按 0 分计', en: 'scored 0' },
  missing_full: { 'zh-CN': '按 100 分计', en: 'scored 100' },
  missing_error: { 'zh-CN': '暂不评分，待数据补齐后再评', en: 'held back: the employee is not scored until the data is complete' },
  scope_all: { 'zh-CN': '全体参评人数', en: 'of everyone scored' },
  scope_role: { 'zh-CN': '同岗位参评人数', en: 'of the people scored in the same role' },
  scope_team: { 'zh-CN': '同班组参评人数', en: 'of the people scored in the same team' },
  // The diff (kpi scheme --diff).
  changes: { 'zh-CN': '方案变更', en: 'Changes to the scheme' },
  noChanges: { 'zh-CN': '两个版本的考核内容相同', en: 'The two versions assess the same way' },
  added: { 'zh-CN': '新增', en: 'added' },
  removed: { 'zh-CN': '删除', en: 'removed' },
} as const;

export type SchemeWord = keyof typeof WORDS;

export const sw: (key: SchemeWord, locale: Locale) => string = wordsIn(WORDS);
