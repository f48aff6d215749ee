/**
 * The words of the outputs in both locales (`locale: zh-CN | en`). Renderers look words
 * up here, so a label is changed in one place for the console, CSV and workbook alike.
 */
export type Locale = 'zh-CN' | 'en';

const WORDS = {
  rank: { 'zh-CN': '排名', en: 'Rank' },
  id: { 'zh-CN': '工号', en: 'ID' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  role: { 'zh-CN': '岗位', en: 'Role' },
  team: { 'zh-CN': '班组', en: 'Team' },
  adjustment: { 'zh-CN': '加减分', en: 'Adj.' },
  final: { 'zh-CN': '总分', en: 'Final' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  previousFinal: { 'zh-CN': '上期总分', en: 'Prev. final' },
  change: { 'zh-CN': '变化', en: 'Change' },
  previousRank: { 'zh-CN': '上期排名', en: 'Prev. rank' },
  rankChange: { 'zh-CN': '名次变化', en: 'Rank change' },
  new: { 'zh-CN': '新', en: 'new' },
  period: { 'zh-CN': '考核期间', en: 'Period' },
  scored: { 'zh-CN': '参评人数', en: 'People scored' },
  notApplicable: { 'zh-CN': 'N/A', en: 'N/A' },
  notScored: { 'zh-CN': '未评分', en: 'not scored' },
  allPeriods: { 'zh-CN': '全部', en: 'all' },
  // The workbook (SPEC §6.4): sheet names, scorecard and details headings.
  summarySheet: { 'zh-CN': '汇总', en: 'Summary' },
  detailsSheet: { 'zh-CN': '明细', en: 'Details' },
  issuesSheet: { 'zh-CN': '问题', en: 'Issues' },
  scorecard: { 'zh-CN': '个人绩效考核表', en: 'Performance scorecard' },
  dimension: { 'zh-CN': '考核维度', en: 'Dimension' },
  indicator: { 'zh-CN': '考核指标', en: 'Indicator' },
  metric: { 'zh-CN': '指标代码', en: 'Metric' },
  weight: { 'zh-CN': '权重', en: 'Weight' },
  standard: { 'zh-CN': '考核标准', en: 'Standard' },
  actual: { 'zh-CN': '实际值', en: 'Actual' },
  score: { 'zh-CN': '得分', en: 'Score' },
  weighted: { 'zh-CN': '加权得分', en: 'Weighted' },
  excluded: { 'zh-CN': '不计', en: 'Excluded' },
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  subtotal: { 'zh-CN': '小计（维度权重）', en: 'Subtotal (weight)' },
  shareOfBase: { 'zh-CN': '占基础分', en: 'share of base' },
  base: { 'zh-CN': '基础分', en: 'Base score' },
  baseNote: { 'zh-CN': '= 各维度小计之和', en: '= sum of the dimension subtotals' },
  adjustments: { 'zh-CN': '加减分项', en: 'Adjustments' },
  adjustmentTotal: { 'zh-CN': '加减分合计', en: 'Adjustment total' },
  adjustmentRule: { 'zh-CN': '每次 {per} 分', en: '{per} per case' },
  atMost: { 'zh-CN': '最多 {n} 分', en: 'at most {n}' },
  atLeast: { 'zh-CN': '最少 {n} 分', en: 'at least {n}' },
  points: { 'zh-CN': '分数', en: 'Points' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  vetoes: { 'zh-CN': '一票否决', en: 'Vetoes' },
  condition: { 'zh-CN': '触发条件', en: 'Condition' },
  effect: { 'zh-CN': '处理', en: 'Effect' },
  noVeto: { 'zh-CN': '未触发', en: 'none triggered' },
  vetoZero: { 'zh-CN': '总分归零', en: 'final set to 0' },
  vetoCap: { 'zh-CN': '总分不超过 {n}', en: 'final capped at {n}' },
  vetoGrade: { 'zh-CN': '等级定为 {n}', en: 'grade set to {n}' },
  finalNote: { 'zh-CN': '= 基础分 + 加减分，四舍五入保留两位小数', en: '= base + adjustments, rounded to 2 decimals' },
  finalMax: { 'zh-CN': '，上限 {n}', en: ', at most {n}' },
  finalVetoed: { 'zh-CN': '，再按一票否决处理', en: ', then the vetoes' },
  gradeForced: { 'zh-CN': '由一票否决确定', en: 'set by a veto' },
  teamRank: { 'zh-CN': '班组排名', en: 'Team rank' },
  rankOf: { 'zh-CN': '共 {n} 人', en: 'of {n}' },
  employeeSignature: { 'zh-CN': '被考核人签字', en: 'Employee signature' },
  assessorSignature: { 'zh-CN': '考核人签字', en: 'Assessor signature' },
  date: { 'zh-CN': '日期', en: 'Date' },
  notScoredBecause: { 'zh-CN': '未评分：{n}', en: 'Not scored: {n}' },
  note: { 'zh-CN': '备注', en: 'Note' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  file: { 'zh-CN': '文件', en: 'File' },
  sheet: { 'zh-CN': '工作表', en: 'Sheet' },
  row: { 'zh-CN': '行', en: 'Row' },
  column: { 'zh-CN': '列', en: 'Column' },
  value: { 'zh-CN': '值', en: 'Value' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  rejectedRow: { 'zh-CN': '拒收行', en: 'rejected row' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  // Provenance (SPEC §12): which scheme scored the sheet, so a printout can be traced.
  schemeLine: { 'zh-CN': '考核方案：{title}（{range}）· sha256 {hash}', en: 'Scheme: {title} ({range}) · sha256 {hash}' },
  noIssues: { 'zh-CN': '没有拒收行和警告', en: 'no rejected rows and no warnings' },
  // A period in progress (SPEC §11, kpi score --as-of).
  progressLine: { 'zh-CN': '{period} 进行中 — 截至 {asOf}，已过 {elapsed} / {total} 个工作日；分数按目前进度推算到期末', en: '{period} in progress — as of {asOf}, {elapsed} of {total} working days; scores projected to the period\'s end' },
  periodInProgress: { 'zh-CN': '{period}（进行中，截至 {asOf}）', en: '{period} (in progress, as of {asOf})' },
  toDate: { 'zh-CN': '截至目前', en: 'To date' },
  projected: { 'zh-CN': '期末推算', en: 'Projected' },
  expectedByNow: { 'zh-CN': '按进度应达', en: 'Expected by now' },
  behindPace: { 'zh-CN': '进度落后', en: 'Behind pace' },
} as const;

export type Word = keyof typeof WORDS;

/** A lookup of words in both report languages (this file's and the scheme document's). */
export function wordsIn<T extends Record<string, Record<Locale, string>>>(table: T): (key: keyof T, locale: Locale) => string {
  return (key, locale) => table[key][locale];
}

export const word: (key: Word, locale: Locale) => string = wordsIn(WORDS);

/** A word with its `{n}`-style placeholders filled in. */
export function wordWith(key: Word, locale: Locale, values: Record<string, string | number>): string {
  return word(key, locale).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
