/**
 * A scheme diff for people (`kpi scheme --diff`): one line per change — what, where, old →
 * new in words, and for standards the numbers that moved — as terminal text or Markdown.
 */
import type { Locale } from '../labels.js';
import { effectiveWords } from '../provenance.js';
import type { ChangeKind, SchemeChange, SchemeDiff } from './diff.js';
import { sw } from './words.js';

const KIND: Record<ChangeKind, Record<Locale, string>> = {
  title: { 'zh-CN': '方案名称', en: 'Title' },
  effective: { 'zh-CN': '适用期间', en: 'In force' },
  period: { 'zh-CN': '考核周期', en: 'Assessment period' },
  role: { 'zh-CN': '岗位', en: 'Role' },
  roleWeight: { 'zh-CN': '维度权重', en: 'Dimension weight' },
  dimension: { 'zh-CN': '考核维度', en: 'Dimension' },
  indicator: { 'zh-CN': '考核指标', en: 'Indicator' },
  indicatorWeight: { 'zh-CN': '指标权重', en: 'Indicator weight' },
  indicatorLabel: { 'zh-CN': '指标名称', en: 'Indicator name' },
  standard: { 'zh-CN': '考核标准', en: 'Standard' },
  source: { 'zh-CN': '数据来源', en: 'Where the value comes from' },
  indicatorMissing: { 'zh-CN': '缺数据时', en: 'When data is missing' },
  adjustment: { 'zh-CN': '加减分项', en: 'Adjustment' },
  veto: { 'zh-CN': '一票否决', en: 'Veto' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  missing: { 'zh-CN': '数据缺失的处理', en: 'Missing data' },
  maxTotal: { 'zh-CN': '总分上限', en: 'Highest final score' },
  distributionScope: { 'zh-CN': '强制分布范围', en: 'Forced distribution counted over' },
};

function changeLine(c: SchemeChange, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const colon = zh ? '：' : ': ';
  const kind = KIND[c.kind][locale];
  const head = zh ? `【${kind}${c.change === 'changed' ? '' : sw(c.change, locale)}】${c.where}` : `${kind}${c.change === 'changed' ? '' : ` ${sw(c.change, locale)}`}${c.where ? `: ${c.where}` : ''}`;
  let body: string;
  if (c.change === 'added') body = c.newText ?? '';
  else if (c.change === 'removed') body = c.oldText ?? '';
  else body = `${c.oldText} → ${c.newText}`;
  const numbers = c.numbers && c.numbers.length ? (zh ? `（${c.numbers.join('，')}）` : ` (${c.numbers.join(', ')})`) : '';
  const joint = zh ? (c.where ? colon : '') : c.where ? colon : ': ';
  return `${head}${body ? `${joint}${body}` : ''}${numbers}`;
}

function heading(diff: SchemeDiff, locale: Locale): string {
  const end = (e: SchemeDiff['from']) => `${e.file} (${effectiveWords(e.effective, locale)})`;
  return `${sw('changes', locale)}${locale === 'zh-CN' ? '：' : ': '}${end(diff.from)} → ${end(diff.to)}`;
}

export function renderDiffText(diffs: SchemeDiff[], locale: Locale): string {
  const out: string[] = [];
  for (const diff of diffs) {
    if (out.length) out.push('');
    out.push(heading(diff, locale));
    if (diff.changes.length === 0) out.push(`  ${sw('noChanges', locale)}`);
    for (const c of diff.changes) out.push(`  ${changeLine(c, locale)}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderDiffMarkdown(diffs: SchemeDiff[], locale: Locale): string {
  const out: string[] = [];
  for (const diff of diffs) {
    out.push(`## ${heading(diff, locale)}`, '');
    if (diff.changes.length === 0) out.push(sw('noChanges', locale));
    for (const c of diff.changes) out.push(`- ${changeLine(c, locale)}`);
    out.push('');
  }
  return out.join('\n');
}
