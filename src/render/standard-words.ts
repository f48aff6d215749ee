/**
 * A standard (考核标准, SPEC §5.1) in words for a person — the scorecard's "standard"
 * column and the console's `--explain` both print it: `线性：3 得 0 分，4.8 得 100 分` /
 * `linear: 0 at 3, 100 at 4.8`. Thresholds of a rate are shown as percentages (98%), other
 * numbers with at most four decimals and no trailing zeros. Whether a standard's numbers
 * are rates is decided by the caller when it knows the metric (a `ratio` aggregate), and
 * otherwise guessed from the numbers themselves (see `looksLikePercent`).
 */
import type { Condition, ConditionOps, Metric, Standard } from '../core/types.js';
import type { Locale } from './labels.js';

export interface StandardWordsOptions {
  /** Show thresholds as percentages (0.98 → 98%). Default: `looksLikePercent(standard)`. */
  percent?: boolean;
}

/** The numbers a standard compares the actual value with (not scores, not per-case points). */
export function thresholdsOf(standard: Standard): number[] {
  const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');
  switch (standard.method) {
    case 'linear':
      return numbers([standard.zero, standard.target, standard.floor]);
    case 'ratio':
      return numbers([standard.target, standard.floor]);
    case 'piecewise':
      return standard.points.map((p) => p.at);
    case 'bands':
      return numbers(standard.bands.flatMap((b) => [b.min, b.max]));
    case 'threshold':
      return numbers(conditionValues(standard.when));
    default:
      return [];
  }
}

/**
 * True when every threshold lies in [0, 1] and at least one is strictly between: such a
 * standard is about a rate (98%, 0.75), while `≥ 1` alone is more likely a count.
 */
export function looksLikePercent(standard: Standard): boolean {
  const values = thresholdsOf(standard);
  return values.length > 0 && values.every((v) => v >= 0 && v <= 1) && values.some((v) => v > 0 && v < 1);
}

/**
 * Whether a metric's values (and so its standard's thresholds) are rates, shown as %: a
 * `ratio` aggregate; a standard whose thresholds look like fractions (`looksLikePercent`,
 * e.g. 75%/85%/95%); or a `direct` standard scaling by 100 (the ledger holds a rate such as
 * 92% that becomes 92 points). The workbook and `--explain` should both use this rule.
 */
export function isPercentMetric(metric: Metric | undefined, standard: Standard | undefined): boolean {
  if (metric?.kind === 'agg' && metric.agg === 'ratio') return true;
  if (!standard) return false;
  if (standard.method === 'direct') return standard.scale === 100;
  return looksLikePercent(standard);
}

/** At most `decimals` decimals, no trailing zeros, never "-0". */
export function formatPlain(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(decimals).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** A threshold as the person reads it: 0.98 → "98%" for rates, else "4.8". */
export function formatThreshold(value: number, percent: boolean): string {
  return percent ? `${formatPlain(value * 100, 2)}%` : formatPlain(value);
}

const OPERATORS: [keyof ConditionOps, string][] = [
  ['eq', '='], ['ne', '≠'], ['gt', '>'], ['gte', '≥'], ['lt', '<'], ['lte', '≤'],
];

function conditionValues(condition: Condition): unknown[] {
  if (condition.kind === 'eq') return [condition.value];
  if (condition.kind === 'in') return condition.values;
  const ops = condition.ops;
  return [...OPERATORS.map(([key]) => ops[key]), ...(ops.in ?? []), ...(ops.not_in ?? [])];
}

/** A condition on one value in words: `≥ 1`, `≥ 90% 且 < 95%`, `为 A、B 之一`. */
export function describeCondition(condition: Condition, locale: Locale, percent = false): string {
  const zh = locale === 'zh-CN';
  const value = (v: unknown): string => {
    if (typeof v === 'number') return formatThreshold(v, percent);
    if (typeof v === 'boolean') return zh ? (v ? '是' : '否') : String(v);
    return v === null ? (zh ? '空' : 'empty') : String(v);
  };
  const list = (values: readonly unknown[]) => values.map(value).join(zh ? '、' : ', ');
  if (condition.kind === 'eq') return `= ${value(condition.value)}`;
  if (condition.kind === 'in') return zh ? `为 ${list(condition.values)} 之一` : `one of ${list(condition.values)}`;
  const ops = condition.ops;
  const parts: string[] = [];
  for (const [key, symbol] of OPERATORS) if (ops[key] !== undefined) parts.push(`${symbol} ${value(ops[key])}`);
  if (ops.in) parts.push(zh ? `为 ${list(ops.in)} 之一` : `one of ${list(ops.in)}`);
  if (ops.not_in) parts.push(zh ? `不为 ${list(ops.not_in)}` : `none of ${list(ops.not_in)}`);
  if (ops.empty !== undefined) parts.push(ops.empty ? (zh ? '为空' : 'empty') : zh ? '不为空' : 'not empty');
  return parts.join(zh ? ' 且 ' : ' and ');
}

/** The standard in one line of words, in the given locale. */
export function describeStandard(standard: Standard, locale: Locale, options: StandardWordsOptions = {}): string {
  const zh = locale === 'zh-CN';
  const percent = options.percent ?? looksLikePercent(standard);
  const t = (v: number) => formatThreshold(v, percent);
  const n = (v: number) => formatPlain(v);
  const at = (score: number, threshold: number) => (zh ? `${t(threshold)} 得 ${n(score)} 分` : `${n(score)} at ${t(threshold)}`);
  const zeroPast = (value: number, above: boolean) =>
    zh ? `${above ? '高于' : '低于'} ${t(value)} 得 0 分` : `0 ${above ? 'above' : 'below'} ${t(value)}`;
  // The cap is worth saying when it differs from the usual 100 of an open-ended method, or
  // when it cuts off scores the method itself would give (a band or point above the cap).
  const capNote = (natural: number) => ((natural === Infinity ? standard.cap !== 100 : standard.cap < natural)
    ? (zh ? `；最高 ${n(standard.cap)} 分` : `; at most ${n(standard.cap)}`)
    : '');
  const sep = zh ? '；' : '; ';

  switch (standard.method) {
    case 'linear': {
      const floor = standard.floor === undefined ? '' : `${sep}${zeroPast(standard.floor, standard.zero > standard.target)}`;
      const head = zh ? '线性：' : 'linear: ';
      return `${head}${at(0, standard.zero)}${zh ? '，' : ', '}${at(100, standard.target)}${floor}${capNote(Infinity)}`;
    }
    case 'ratio': {
      const lower = standard.better === 'lower';
      const floor = standard.floor === undefined ? '' : `${sep}${zeroPast(standard.floor, lower)}`;
      const target = t(standard.target);
      const body = zh
        ? (lower ? `比例（越低越好）：${target} ÷ 实际 × 100` : `比例：实际 ÷ ${target} × 100`)
        : (lower ? `ratio (lower is better): 100 × ${target} ÷ actual` : `ratio: 100 × actual ÷ ${target}`);
      return `${body}${floor}${capNote(Infinity)}`;
    }
    case 'piecewise': {
      const points = standard.points;
      const descending = points.length > 1 && points[1].at < points[0].at;
      const list = points.map((p) => at(p.score, p.at)).join(zh ? '，' : ', ');
      const before = points.length ? zeroPast(points[0].at, descending) : '';
      const tail = zh ? `（之间按直线，${before}）` : ` (linear between; ${before})`;
      return `${zh ? '分段：' : 'piecewise: '}${list}${tail}${capNote(Math.max(...points.map((p) => p.score)))}`;
    }
    case 'bands': {
      const parts = standard.bands.map((b) => {
        const bounds: string[] = [];
        if (b.min !== undefined) bounds.push(`≥${t(b.min)}`);
        if (b.max !== undefined) bounds.push(`<${t(b.max)}`);
        const when = bounds.length ? bounds.join(zh ? ' 且 ' : ' and ') : zh ? '其他' : 'otherwise';
        return `${when} → ${n(b.score)}`;
      });
      if (standard.bands.every((b) => b.min !== undefined || b.max !== undefined)) parts.push(zh ? '其他 → 0' : 'otherwise → 0');
      return `${parts.join(sep)}${capNote(Math.max(...standard.bands.map((b) => b.score)))}`;
    }
    case 'deduct':
      return `${zh ? `每次扣 ${n(standard.per)} 分（基准 ${n(standard.base)}）` : `minus ${n(standard.per)} per case (from ${n(standard.base)})`}${capNote(standard.base)}`;
    case 'add':
      return `${zh ? `每次加 ${n(standard.per)} 分（基准 ${n(standard.base)}）` : `plus ${n(standard.per)} per case (from ${n(standard.base)})`}${capNote(Infinity)}`;
    case 'threshold': {
      const when = describeCondition(standard.when, locale, percent);
      return `${zh ? `达标：${when} 得 100 分，否则 0 分` : `threshold: 100 if ${when}, else 0`}${capNote(100)}`;
    }
    case 'direct': {
      const body = standard.scale === 1
        ? (zh ? '直接计分：取台账分值' : 'direct: the ledger value')
        : (zh ? `直接计分：实际 × ${n(standard.scale)}` : `direct: actual × ${n(standard.scale)}`);
      return `${body}${capNote(Infinity)}`;
    }
  }
}
