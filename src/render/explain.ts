/**
 * `--explain <id>|all` (SPEC §6.1): one person's score taken apart — every indicator with
 * its dimension, weight, standard in words, actual value, score and weighted contribution,
 * then dimension subtotals, adjustments, vetoes and the final. Everything a person needs
 * to check a score by hand, in the terminal.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { contributions } from '../core/contribution.js';
import type { EmployeeResult } from '../core/result.js';
import type { Scheme, Standard } from '../core/types.js';
import type { Locale } from './labels.js';
import { describeStandard, formatPlain, isPercentMetric } from './standard-words.js';
import { fixed2, plain } from './text.js';
import type { ProgressInfo } from '../core/progress.js';
import { progressText } from '../messages/progress.js';
import { say, type Lang } from '../messages/text.js';

const WORDS = {
  'zh-CN': { head: ['维度', '指标', '权重', '考核标准', '实际值', '得分', '加权得分'], subtotal: '小计', base: '基础分', adjustments: '加减分', veto: '一票否决', final: '总分', grade: '等级', rank: '排名', notScored: '未评分', na: 'N/A' },
  en: { head: ['Dimension', 'Indicator', 'Weight', 'Standard', 'Actual', 'Score', 'Weighted'], subtotal: 'subtotal', base: 'Base', adjustments: 'Adjustments', veto: 'Veto', final: 'Final', grade: 'Grade', rank: 'Rank', notScored: 'not scored', na: 'N/A' },
};

/** Rates read as percentages, as on the scorecard (one rule for both). */
function isRate(scheme: Scheme, metric: string, standard: Standard): boolean {
  return isPercentMetric(scheme.metrics.find((x) => x.id === metric), standard);
}

export interface ExplainOptions {
  color: boolean;
  period: string | null;
  /** A period in progress (SPEC §11): to date, projected and expected-by-now columns. */
  progress?: ProgressInfo | null;
  lang?: Lang;
}

export function renderExplain(result: EmployeeResult, scheme: Scheme, options: ExplainOptions): string {
  const locale: Locale = scheme.locale;
  const t = WORDS[locale];
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang ?? locale;
  const progress = options.progress ?? null;
  const who = plain([result.id, result.name, result.roleLabel, result.team].filter(Boolean).join(' · '));
  const when = progress ? say(progressText.title({ period: options.period ?? '', asOf: progress.asOf, elapsed: progress.elapsedWorkdays, total: progress.totalWorkdays }), lang) : options.period;
  const lines = [chalk.bold(`${who}${when ? ` — ${when}` : ''}`)];
  if (result.error && result.indicators.length === 0) return `${lines[0]}\n  ${t.notScored}: ${plain(say(result.error, locale))}\n`;

  const share = contributions(result.dimensions, result.indicators);
  // In progress: "Actual" becomes to date | projected | expected by now (SPEC §11).
  const head = progress
    ? [...t.head.slice(0, 4), say(progressText.toDate(), lang), say(progressText.projected(), lang), say(progressText.expected(), lang), ...t.head.slice(5)]
    : t.head;
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i === 0 || i === 1 || i === 3 ? 'left' : 'right')),
  });
  let anyBehind = false;
  for (const [d, dimension] of result.dimensions.entries()) {
    result.indicators.forEach((indicator, i) => {
      if (indicator.dimension !== dimension.id) return;
      const rate = isRate(scheme, indicator.metric, indicator.indicator.standard);
      const shown = (value: number | null) => (value === null ? chalk.dim(t.na) : rate ? `${formatPlain(value * 100, 2)}%` : formatPlain(value));
      const contribution = share.indicators[i];
      const pace = indicator.pace;
      if (pace?.behind) anyBehind = true;
      const values = progress
        ? [pace?.behind ? chalk.red(`${shown(pace.toDate)} !`) : shown(pace?.toDate ?? null), shown(indicator.actual), pace?.expectedToDate == null ? '' : rate ? `${formatPlain(pace.expectedToDate * 100, 2)}%` : formatPlain(pace.expectedToDate, 2)]
        : [shown(indicator.actual)];
      table.push([
        plain(dimension.label), plain(indicator.label), formatPlain(indicator.weight),
        describeStandard(indicator.indicator.standard, locale, { percent: rate }),
        ...values, indicator.score === null ? chalk.dim(t.na) : fixed2(indicator.score), contribution === null ? '' : fixed2(contribution),
      ]);
    });
    const subtotal = share.dimensions[d];
    table.push([chalk.bold(`${plain(dimension.label)} ${t.subtotal}`), '', formatPlain(dimension.weight), '', '', ...(progress ? ['', ''] : []),
      dimension.score === null ? chalk.dim(t.na) : chalk.bold(fixed2(dimension.score)), subtotal === null ? '' : chalk.bold(fixed2(subtotal))]);
  }
  lines.push(table.toString());
  if (anyBehind) lines.push(chalk.red(say(progressText.behindLegend(), lang)));
  lines.push(...derivedNotes(result, scheme));
  if (result.base !== null) lines.push(`${t.base}: ${fixed2(result.base)}`);
  const adjustments = result.adjustments.filter((a) => a.points !== 0 || a.actual);
  if (adjustments.length > 0) {
    lines.push(`${t.adjustments}: ${adjustments.map((a) => `${plain(a.label)} ${formatPlain(a.actual ?? 0)} → ${a.points >= 0 ? '+' : ''}${fixed2(a.points)}`).join('; ')}`);
  }
  for (const v of result.vetoes) {
    const effect = v.effect === 'zero' ? '→ 0' : v.effect === 'cap' ? `→ ≤ ${v.cap}` : `→ ${v.grade}`;
    lines.push(chalk.red(`${t.veto}: ${plain(v.label)} (${v.metric} = ${formatPlain(v.actual)}) ${effect}`));
  }
  if (result.error) lines.push(chalk.red(`${t.notScored}: ${plain(say(result.error, locale))}`));
  else lines.push(chalk.bold(`${t.final}: ${fixed2(result.final!)}    ${t.grade}: ${result.grade}    ${t.rank}: ${result.rank}`));
  return `${lines.join('\n')}\n`;
}

/** Where an indicator's value comes from a derived field, say how it is computed (§3.1). */
function derivedNotes(result: EmployeeResult, scheme: Scheme): string[] {
  const notes = new Set<string>();
  for (const indicator of result.indicators) {
    const metric = scheme.metrics.find((m) => m.id === indicator.metric);
    if (metric?.kind !== 'agg') continue;
    const source = scheme.sources.find((s) => s.id === metric.source);
    const used = [metric.field, ...Object.keys(metric.where ?? {}), ...Object.keys(metric.hit ?? {})];
    for (const field of source?.fields ?? []) {
      if (field.deriveText && used.includes(field.id)) notes.add(`  ${plain(indicator.label)}: ${field.id} = ${plain(field.deriveText)}`);
    }
  }
  return notes.size ? [scheme.locale === 'en' ? 'Derived fields:' : '派生字段：', ...notes] : [];
}
