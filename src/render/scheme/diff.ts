/**
 * What changed between two versions of a scheme (`kpi scheme --diff`, SPEC §12): a pure
 * function of the two schemes. Every change a person assessed would care about — role and
 * dimension weights, indicators added or removed, their weights, standards (old → new in
 * words and in numbers), where a value comes from, adjustments, vetoes, grades and the
 * rules that hold for everyone — with both values, in the words of the new version's locale.
 */
import type { Adjustment, Indicator, Scheme, Veto } from '../../core/types.js';
import type { Locale } from '../labels.js';
import { effectiveWords } from '../provenance.js';
import { standardConfig, type ConfigValue } from '../standard-config.js';
import { describeCondition, formatPlain, isPercentMetric } from '../standard-words.js';
import { adjustmentRule, gradeRule, gradeShare, standardWords, vetoEffect, type SchemeSource } from './document.js';
import { describeSource } from './source-words.js';
import { sw } from './words.js';

export type ChangeKind =
  | 'title' | 'effective' | 'period' | 'role' | 'roleWeight' | 'dimension' | 'indicator' | 'indicatorWeight'
  | 'indicatorLabel' | 'standard' | 'source' | 'indicatorMissing' | 'adjustment' | 'veto' | 'grade' | 'missing'
  | 'maxTotal' | 'distributionScope';

export interface SchemeChange {
  kind: ChangeKind;
  change: 'added' | 'removed' | 'changed';
  /** Where, in words: "客服工程师 › 客户服务", "客户服务 › 客户满意度". */
  where: string;
  old: ConfigValue;
  new: ConfigValue;
  oldText: string | null;
  newText: string | null;
  /** For standards: the numbers that moved, "target 4.8 → 4.9". */
  numbers?: string[];
  /** The ids of what changed, for machines: role, dimension, metric, grade. */
  role?: string;
  dimension?: string;
  metric?: string;
  grade?: string;
}

export interface SchemeDiff {
  from: { file: string; title: string; effective: { from: string | null; to: string | null } | null; sha256: string };
  to: SchemeDiff['from'];
  changes: SchemeChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Items keyed by a name and its occurrence (one metric may serve two indicators). */
function keyed<T>(items: readonly T[], name: (item: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const n = seen.get(name(item)) ?? 0;
    seen.set(name(item), n + 1);
    out.set(`${name(item)}#${n}`, item);
  }
  return out;
}

/** The numbers that differ between two configs of the same shape, as "path old → new". */
function movedNumbers(a: ConfigValue, b: ConfigValue, path = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => {
      const x = (a as Record<string, ConfigValue>)[k] ?? null;
      const y = (b as Record<string, ConfigValue>)[k] ?? null;
      return movedNumbers(x, y, Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    });
  }
  if (same(a, b)) return [];
  const show = (v: ConfigValue) => (v === null ? '—' : typeof v === 'number' ? formatPlain(v, 6) : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [`${path} ${show(a)} → ${show(b)}`];
}

const pct = (n: number) => `${formatPlain(n, 2)}%`;

export function diffSchemes(before: SchemeSource, after: SchemeSource): SchemeDiff {
  const a = before.scheme;
  const b = after.scheme;
  const locale: Locale = b.locale;
  const zh = locale === 'zh-CN';
  const sep = ' › ';
  const changes: SchemeChange[] = [];
  // The ids of the item being compared; set before each group of changes.
  let ids: Pick<SchemeChange, 'role' | 'dimension' | 'metric' | 'grade'> = {};
  const push = (kind: ChangeKind, change: SchemeChange['change'], where: string, old: ConfigValue, next: ConfigValue, oldText: string | null, newText: string | null, numbers?: string[]) =>
    changes.push({ kind, change, where, old, new: next, oldText, newText, ...(numbers ? { numbers } : {}), ...ids });
  const changed = (kind: ChangeKind, where: string, old: ConfigValue, next: ConfigValue, oldText = String(old), newText = String(next)) => {
    if (!same(old, next)) push(kind, 'changed', where, old, next, oldText, newText);
  };

  changed('title', '', a.title, b.title);
  const range = (s: Scheme) => (s.effective ? { from: s.effective.from, to: s.effective.to } : null);
  changed('effective', '', range(a), range(b), effectiveWords(range(a), locale), effectiveWords(range(b), locale));
  changed('period', '', a.period, b.period, sw(a.period, locale), sw(b.period, locale));

  // Roles and their dimension weights.
  const dimLabel = (s: Scheme, id: string) => s.dimensions.find((d) => d.id === id)?.label ?? id;
  const weightsText = (s: Scheme, r: Scheme['roles'][number]) => r.weights.map((w) => `${dimLabel(s, w.dimension)} ${pct(w.weight)}`).join(' · ');
  for (const r of a.roles) if (!b.roles.some((x) => x.id === r.id) && (ids = { role: r.id })) push('role', 'removed', r.label, r.id, null, weightsText(a, r), null);
  for (const r of b.roles) {
    ids = { role: r.id };
    const old = a.roles.find((x) => x.id === r.id);
    if (!old) {
      push('role', 'added', r.label, null, r.id, null, weightsText(b, r));
      continue;
    }
    for (const w of old.weights) if (!r.weights.some((x) => x.dimension === w.dimension) && (ids = { role: r.id, dimension: w.dimension })) push('roleWeight', 'removed', `${r.label}${sep}${dimLabel(a, w.dimension)}`, w.weight, null, pct(w.weight), null);
    for (const w of r.weights) {
      ids = { role: r.id, dimension: w.dimension };
      const was = old.weights.find((x) => x.dimension === w.dimension);
      if (!was) push('roleWeight', 'added', `${r.label}${sep}${dimLabel(b, w.dimension)}`, null, w.weight, null, pct(w.weight));
      else changed('roleWeight', `${r.label}${sep}${dimLabel(b, w.dimension)}`, was.weight, w.weight, pct(was.weight), pct(w.weight));
    }
  }

  // Dimensions and their indicators.
  const indicatorText = (s: Scheme, i: Indicator) => `${sw('weight', locale)} ${pct(i.weight)}${zh ? '；' : '; '}${standardWords(s, i.metric, i.standard, locale)}`;
  for (const d of a.dimensions) if (!b.dimensions.some((x) => x.id === d.id) && (ids = { dimension: d.id })) push('dimension', 'removed', d.label, d.id, null, d.indicators.map((i) => i.label).join(zh ? '、' : ', '), null);
  for (const d of b.dimensions) {
    ids = { dimension: d.id };
    const old = a.dimensions.find((x) => x.id === d.id);
    if (!old) {
      push('dimension', 'added', d.label, null, d.id, null, d.indicators.map((i) => i.label).join(zh ? '、' : ', '));
      continue;
    }
    const olds = keyed(old.indicators, (i) => i.metric);
    const news = keyed(d.indicators, (i) => i.metric);
    for (const [key, i] of olds) if (!news.has(key) && (ids = { dimension: d.id, metric: i.metric })) push('indicator', 'removed', `${d.label}${sep}${i.label}`, i.metric, null, indicatorText(a, i), null);
    for (const [key, i] of news) {
      ids = { dimension: d.id, metric: i.metric };
      const was = olds.get(key);
      const where = `${d.label}${sep}${i.label}`;
      if (!was) {
        push('indicator', 'added', where, null, i.metric, null, indicatorText(b, i));
        continue;
      }
      changed('indicatorLabel', where, was.label, i.label);
      changed('indicatorWeight', where, was.weight, i.weight, pct(was.weight), pct(i.weight));
      const oldConfig = standardConfig(was.standard);
      const newConfig = standardConfig(i.standard);
      if (!same(oldConfig, newConfig)) {
        push('standard', 'changed', where, oldConfig, newConfig, standardWords(a, was.metric, was.standard, locale), standardWords(b, i.metric, i.standard, locale), movedNumbers(oldConfig, newConfig));
      }
      const oldSource = describeSource(a, was.metric, locale);
      const newSource = describeSource(b, i.metric, locale);
      if (oldSource !== newSource) push('source', 'changed', where, was.metric, i.metric, oldSource, newSource);
      changed('indicatorMissing', where, was.missing, i.missing, sw(`missing_${was.missing}`, locale), sw(`missing_${i.missing}`, locale));
    }
  }

  // Adjustments and vetoes, keyed by their metric.
  const adjText = (s: Scheme, x: Adjustment) => `${adjustmentRule(x, locale)}${zh ? '；' : '; '}${describeSource(s, x.metric, locale)}`;
  const adjConfig = (x: Adjustment): ConfigValue => ({ metric: x.metric, per: x.per, min: x.min ?? null, max: x.max ?? null });
  const oldAdj = keyed(a.adjustments, (x) => x.metric);
  const newAdj = keyed(b.adjustments, (x) => x.metric);
  for (const [key, x] of oldAdj) if (!newAdj.has(key) && (ids = { metric: x.metric })) push('adjustment', 'removed', x.label, adjConfig(x), null, adjText(a, x), null);
  for (const [key, x] of newAdj) {
    ids = { metric: x.metric };
    const was = oldAdj.get(key);
    if (!was) push('adjustment', 'added', x.label, null, adjConfig(x), null, adjText(b, x));
    else if (!same(adjConfig(was), adjConfig(x)) || adjText(a, was) !== adjText(b, x)) push('adjustment', 'changed', x.label, adjConfig(was), adjConfig(x), adjText(a, was), adjText(b, x));
  }
  const vetoText = (s: Scheme, v: Veto) => {
    const when = describeCondition(v.when, locale, isPercentMetric(s.metrics.find((m) => m.id === v.metric), undefined));
    return zh ? `${when} 时${vetoEffect(v, locale)}` : `if ${when}, ${vetoEffect(v, locale)}`;
  };
  const vetoConfig = (v: Veto): ConfigValue => JSON.parse(JSON.stringify({ metric: v.metric, when: v.when, effect: v.effect, cap: v.effect === 'cap' ? v.cap : null, grade: v.effect === 'grade' ? v.grade : null })) as ConfigValue;
  const oldVeto = keyed(a.vetoes, (v) => v.metric);
  const newVeto = keyed(b.vetoes, (v) => v.metric);
  for (const [key, v] of oldVeto) if (!newVeto.has(key) && (ids = { metric: v.metric })) push('veto', 'removed', v.label, vetoConfig(v), null, vetoText(a, v), null);
  for (const [key, v] of newVeto) {
    ids = { metric: v.metric };
    const was = oldVeto.get(key);
    if (!was) push('veto', 'added', v.label, null, vetoConfig(v), null, vetoText(b, v));
    else if (!same(vetoConfig(was), vetoConfig(v))) push('veto', 'changed', v.label, vetoConfig(was), vetoConfig(v), vetoText(a, was), vetoText(b, v));
  }

  // Grades, by name; then the rules that hold for everyone.
  const gradeConfig = (g: Scheme['grades'][number]): ConfigValue => ({ grade: g.grade, min: g.min ?? null, max_share: g.maxShare ?? null });
  const gradeText = (s: Scheme, g: Scheme['grades'][number]) => `${gradeRule(g, s.grades.indexOf(g) === s.grades.length - 1, locale)}${zh ? '；' : '; '}${gradeShare(g, s, locale)}`;
  for (const g of a.grades) if (!b.grades.some((x) => x.grade === g.grade) && (ids = { grade: g.grade })) push('grade', 'removed', g.grade, gradeConfig(g), null, gradeText(a, g), null);
  for (const g of b.grades) {
    ids = { grade: g.grade };
    const was = a.grades.find((x) => x.grade === g.grade);
    if (!was) push('grade', 'added', g.grade, null, gradeConfig(g), null, gradeText(b, g));
    else if (!same(gradeConfig(was), gradeConfig(g))) push('grade', 'changed', g.grade, gradeConfig(was), gradeConfig(g), gradeText(a, was), gradeText(b, g));
  }
  ids = {};
  changed('missing', '', a.missing ?? 'exclude', b.missing ?? 'exclude', sw(`missing_${a.missing ?? 'exclude'}`, locale), sw(`missing_${b.missing ?? 'exclude'}`, locale));
  changed('maxTotal', '', a.maxTotal ?? null, b.maxTotal ?? null, a.maxTotal === undefined ? sw('none', locale) : formatPlain(a.maxTotal), b.maxTotal === undefined ? sw('none', locale) : formatPlain(b.maxTotal));
  changed('distributionScope', '', a.distributionScope, b.distributionScope, sw(`scope_${a.distributionScope}`, locale), sw(`scope_${b.distributionScope}`, locale));

  const ends = (s: SchemeSource) => ({ file: s.file, title: s.scheme.title, effective: range(s.scheme), sha256: s.sha256 });
  return { from: ends(before), to: ends(after), changes };
}
