/**
 * The scheme as the document HR publishes before the period (考核指标体系与考核标准, SPEC §12),
 * as one neutral model: per role its dimensions and weights, per indicator its weight, where
 * its value comes from and its standard in words; then adjustments, vetoes, grades, the
 * missing-data policy and how the final score is made. The text, Markdown, workbook and
 * JSON renderers all read this model, so they say the same things.
 */
import type { Adjustment, MissingPolicy, Scheme, Veto } from '../../core/types.js';
import { wordWith, word, type Locale } from '../labels.js';
import { effectiveWords } from '../provenance.js';
import { standardConfig, type ConfigValue } from '../standard-config.js';
import { describeCondition, describeStandard, formatPlain, isPercentMetric } from '../standard-words.js';
import { describeSource } from './source-words.js';
import { sw } from './words.js';

export interface DocIndicator {
  metric: string;
  label: string;
  /** Weight inside the dimension, and the share of the final score it makes for the role. */
  weight: number;
  ofTotal: number;
  source: string;
  standard: string;
  standardConfig: { [key: string]: ConfigValue };
  missing: MissingPolicy;
}

export interface DocRole {
  id: string;
  label: string;
  dimensions: { id: string; label: string; weight: number; indicators: DocIndicator[] }[];
}

export interface SchemeDocument {
  title: string;
  locale: Locale;
  file: string;
  sha256: string;
  effective: { from: string | null; to: string | null } | null;
  inForce: string;
  period: string;
  roles: DocRole[];
  adjustments: { metric: string; label: string; source: string; rule: string }[];
  vetoes: { metric: string; label: string; source: string; condition: string; effect: string }[];
  grades: { grade: string; min: number | null; maxShare: number | null; rule: string; share: string }[];
  missing: { policy: MissingPolicy; text: string; exceptions: { label: string; policy: MissingPolicy; text: string }[] };
  total: string;
}

export interface SchemeSource {
  scheme: Scheme;
  file: string;
  sha256: string;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function adjustmentRule(a: Adjustment, locale: Locale): string {
  const parts = [wordWith('adjustmentRule', locale, { per: `${a.per > 0 ? '+' : ''}${formatPlain(a.per)}` })];
  if (a.max !== undefined) parts.push(wordWith('atMost', locale, { n: formatPlain(a.max) }));
  if (a.min !== undefined) parts.push(wordWith('atLeast', locale, { n: formatPlain(a.min) }));
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

export function vetoEffect(v: Veto, locale: Locale): string {
  if (v.effect === 'zero') return word('vetoZero', locale);
  if (v.effect === 'cap') return wordWith('vetoCap', locale, { n: formatPlain(v.cap) });
  return wordWith('vetoGrade', locale, { n: v.grade });
}

export function gradeRule(g: { min?: number }, last: boolean, locale: Locale): string {
  if (g.min === undefined || last) return g.min === undefined ? sw('rest', locale) : locale === 'zh-CN' ? `总分 ≥ ${formatPlain(g.min)}，及其余` : `final ≥ ${formatPlain(g.min)}, and the rest`;
  return locale === 'zh-CN' ? `总分 ≥ ${formatPlain(g.min)}` : `final ≥ ${formatPlain(g.min)}`;
}

export function gradeShare(g: { maxShare?: number }, scheme: Scheme, locale: Locale): string {
  if (g.maxShare === undefined) return sw('unlimited', locale);
  const pct = `${formatPlain(g.maxShare * 100, 2)}%`;
  const scope = sw(`scope_${scheme.distributionScope}`, locale);
  return locale === 'zh-CN' ? `不超过${scope}的 ${pct}` : `at most ${pct} ${scope}`;
}

/** The standard of an indicator in words, thresholds as % when the metric is a rate. */
export function standardWords(scheme: Scheme, metric: string, standard: Parameters<typeof describeStandard>[0], locale: Locale): string {
  const m = scheme.metrics.find((x) => x.id === metric);
  return describeStandard(standard, locale, { percent: isPercentMetric(m, standard) });
}

export function buildSchemeDocument(source: SchemeSource, onlyRole?: string): SchemeDocument {
  const { scheme } = source;
  const locale = scheme.locale;
  const zh = locale === 'zh-CN';
  const roles = scheme.roles.filter((r) => onlyRole === undefined || r.id === onlyRole || r.label === onlyRole);
  const global = scheme.missing ?? 'exclude';
  const exceptions = scheme.dimensions.flatMap((d) => d.indicators.filter((i) => i.missing !== global))
    .map((i) => ({ label: i.label, policy: i.missing, text: sw(`missing_${i.missing}`, locale) }));
  let total = zh ? '总分 = 基础分（各维度得分按权重加权）+ 加减分，四舍五入保留两位小数' : 'Final = base score (the dimension scores, weighted) + adjustments, rounded to 2 decimals';
  if (scheme.maxTotal !== undefined) total += zh ? `，最高 ${formatPlain(scheme.maxTotal)} 分` : `, at most ${formatPlain(scheme.maxTotal)}`;
  if (scheme.vetoes.length > 0) total += zh ? '；再按一票否决处理' : '; then the vetoes apply';
  total += zh ? '。各指标得分在 0 分与该标准的最高分之间。' : '. Each indicator scores between 0 and its standard\'s maximum.';
  return {
    title: scheme.title,
    locale,
    file: source.file,
    sha256: source.sha256,
    effective: scheme.effective ? { from: scheme.effective.from, to: scheme.effective.to } : null,
    inForce: effectiveWords(scheme.effective ?? null, locale),
    period: sw(scheme.period, locale),
    roles: roles.map((role) => {
      const sum = role.weights.reduce((n, w) => n + w.weight, 0);
      return {
        id: role.id, label: role.label,
        dimensions: role.weights.map(({ dimension, weight }) => {
          const d = scheme.dimensions.find((x) => x.id === dimension)!;
          const indicatorSum = d.indicators.reduce((n, i) => n + i.weight, 0);
          return {
            id: d.id, label: d.label, weight,
            indicators: d.indicators.map((i) => ({
              metric: i.metric, label: i.label, weight: i.weight,
              ofTotal: round((weight / sum) * (i.weight / indicatorSum) * 100),
              source: describeSource(scheme, i.metric, locale),
              standard: standardWords(scheme, i.metric, i.standard, locale),
              standardConfig: standardConfig(i.standard),
              missing: i.missing,
            })),
          };
        }),
      };
    }),
    adjustments: scheme.adjustments.map((a) => ({ metric: a.metric, label: a.label, source: describeSource(scheme, a.metric, locale), rule: adjustmentRule(a, locale) })),
    vetoes: scheme.vetoes.map((v) => ({
      metric: v.metric, label: v.label, source: describeSource(scheme, v.metric, locale),
      condition: describeCondition(v.when, locale, isPercentMetric(scheme.metrics.find((m) => m.id === v.metric), undefined)),
      effect: vetoEffect(v, locale),
    })),
    grades: scheme.grades.map((g, i) => ({
      grade: g.grade, min: g.min ?? null, maxShare: g.maxShare ?? null,
      rule: gradeRule(g, i === scheme.grades.length - 1, locale), share: gradeShare(g, scheme, locale),
    })),
    missing: { policy: global, text: sw(`missing_${global}`, locale), exceptions },
    total,
  };
}
