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
  period: { 'zh-CN': '考核期间', en: 'Period' },
  scored: { 'zh-CN': '参评人数', en: 'People scored' },
  notApplicable: { 'zh-CN': 'N/A', en: 'N/A' },
  notScored: { 'zh-CN': '未评分', en: 'not scored' },
  allPeriods: { 'zh-CN': '全部', en: 'all' },
} as const;

export type Word = keyof typeof WORDS;

export function word(key: Word, locale: Locale): string {
  return WORDS[key][locale];
}
