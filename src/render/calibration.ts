/**
 * The `kpi calibrate` table (SPEC §9): per indicator, the distribution of past actual
 * values, the share the current standard scores at 100 or more, and the current and
 * suggested standards in words, so whoever maintains the scheme can judge at a glance.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Scheme, Standard } from '../core/types.js';
import { describeStandard, formatPlain, isPercentMetric } from './standard-words.js';
import type { ConfigValue } from './standard-config.js';
import { plain } from './text.js';

export interface IndicatorCalibration {
  dimension: string;
  metric: string;
  n: number;
  min: number | null;
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  max: number | null;
  atTarget: number | null;
  suggested: { [key: string]: ConfigValue } | null;
  /** For people, not part of the JSON. */
  label: string;
  dimensionLabel: string;
  current: Standard;
  suggestedStandard: Standard | null;
}

export interface Calibration {
  periods: string[];
  indicators: IndicatorCalibration[];
}

export function renderCalibrationTable(result: Calibration, scheme: Scheme, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const en = scheme.locale === 'en';
  const head = en
    ? ['Dimension', 'Indicator', 'n', 'min', 'P10', 'P25', 'median', 'P75', 'P90', 'max', 'at 100', 'current standard', 'suggested']
    : ['维度', '指标', 'n', '最小', 'P10', 'P25', '中位数', 'P75', 'P90', '最大', '达标率', '当前标准', '建议标准'];
  const table = new Table({ head: head.map((h) => chalk.bold(h)), style: { head: [], border: [], compact: true } });
  for (const c of result.indicators) {
    const metric = scheme.metrics.find((m) => m.id === c.metric);
    const percent = isPercentMetric(metric, c.current);
    const show = (v: number | null) => (v === null ? '' : percent ? `${formatPlain(v * 100, 1)}%` : formatPlain(v, 2));
    const keep = en ? 'keep' : '保持';
    table.push([
      plain(c.dimensionLabel), plain(c.label), String(c.n), show(c.min), show(c.p10), show(c.p25), show(c.median), show(c.p75), show(c.p90), show(c.max),
      c.atTarget === null ? '' : `${formatPlain(c.atTarget * 100, 1)}%`,
      describeStandard(c.current, scheme.locale, { percent }),
      c.suggestedStandard ? chalk.green(describeStandard(c.suggestedStandard, scheme.locale, { percent })) : chalk.dim(keep),
    ]);
  }
  const title = en ? 'Standards from experience' : '考核标准校准（经验值）';
  return `${chalk.bold(title)}: ${result.periods[0]}..${result.periods[result.periods.length - 1]} (${result.periods.length})\n${table.toString()}\n`;
}
