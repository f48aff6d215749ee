/**
 * Where an indicator's value comes from, in words for the people it assesses (SPEC §12):
 * "服务台账中 服务类型 = 上门维修 的记录里，一次修复 = 是 的比例" / "Share of the records in
 * the Services ledger with Kind = repair where Fixed first time = yes". Generated from the
 * config — the source's sheet, the columns as headed in the ledger, the conditions typed
 * like their fields, the aggregation — so the published words cannot drift from what is
 * computed. Formulas are written with their parts' names and each part described in turn.
 */
import type { Condition, ConditionOps, Field, Metric, RowFilter, Scheme, Source } from '../../core/types.js';
import type { Locale } from '../labels.js';
import { formatPlain } from '../standard-words.js';

type Value = string | number | boolean | null;

/** The ledger as people call it: its sheet name, else its id (a `file:` glob reads worse). */
export function ledgerName(source: Source, locale: Locale): string {
  const name = source.sheet ?? source.id;
  return locale === 'zh-CN' ? name : `the ${name} ledger`;
}

/** A field as the ledger heads it (its first header); a derived field with its formula. */
export function fieldName(source: Source, id: string, locale: Locale): string {
  const field = source.fields.find((f) => f.id === id);
  if (!field) return id;
  if (field.headers.length > 0) return field.headers[0];
  if (!field.deriveText) return field.id;
  const formula = field.deriveText.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => source.fields.find((f) => f.id === name)?.headers[0] ?? name);
  return locale === 'zh-CN' ? `${field.id}（= ${formula}）` : `${field.id} (= ${formula})`;
}

function isoDay(day: number): string {
  return new Date(Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
}

/** A condition's value as the ledger shows it: 是/否, a date, a plain number, the text. */
function valueWords(value: Value, field: Field | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (value === null) return zh ? '空' : 'empty';
  if (typeof value === 'boolean') return zh ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return field?.type === 'date' ? isoDay(value) : formatPlain(value);
  return value;
}

const SYMBOLS: [keyof ConditionOps, string][] = [['eq', '='], ['ne', '≠'], ['gt', '>'], ['gte', '≥'], ['lt', '<'], ['lte', '≤']];

/** One field's condition: "服务类型 = 上门维修", "Kind is one of repair, install". */
export function conditionWords(name: string, condition: Condition, field: Field | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const v = (value: Value) => valueWords(value, field, locale);
  const list = (values: readonly Value[]) => values.map(v).join(zh ? '、' : ', ');
  const oneOf = (values: readonly Value[]) => (zh ? `${name} 为 ${list(values)} 之一` : `${name} is one of ${list(values)}`);
  if (condition.kind === 'eq') return `${name} = ${v(condition.value)}`;
  if (condition.kind === 'in') return oneOf(condition.values);
  const { ops } = condition;
  const parts: string[] = [];
  for (const [key, symbol] of SYMBOLS) if (ops[key] !== undefined) parts.push(`${name} ${symbol} ${v(ops[key] as Value)}`);
  if (ops.in) parts.push(oneOf(ops.in));
  if (ops.not_in) parts.push(zh ? `${name} 不为 ${list(ops.not_in)}` : `${name} is none of ${list(ops.not_in)}`);
  if (ops.empty !== undefined) parts.push(zh ? `${name} ${ops.empty ? '为空' : '不为空'}` : `${name} is ${ops.empty ? 'empty' : 'not empty'}`);
  return parts.join(zh ? ' 且 ' : ' and ');
}

/** Several fields' conditions, all of which must hold. */
export function filterWords(source: Source, filter: RowFilter | undefined, locale: Locale): string {
  if (!filter) return '';
  return Object.entries(filter)
    .map(([id, condition]) => conditionWords(fieldName(source, id, locale), condition, source.fields.find((f) => f.id === id), locale))
    .join(locale === 'zh-CN' ? ' 且 ' : ' and ');
}

const ZH_AGG: Record<string, string> = { sum: '合计', avg: '平均值', min: '最小值', max: '最大值', median: '中位数', distinct: '不同取值的个数' };
const EN_AGG: Record<string, (f: string, rows: string) => string> = {
  sum: (f, rows) => `Sum of ${f} over the ${rows}`,
  avg: (f, rows) => `Average ${f} over the ${rows}`,
  min: (f, rows) => `Lowest ${f} among the ${rows}`,
  max: (f, rows) => `Highest ${f} among the ${rows}`,
  median: (f, rows) => `Median ${f} of the ${rows}`,
  distinct: (f, rows) => `Number of distinct ${f} values among the ${rows}`,
};

function ordinal(p: number): string {
  const n = formatPlain(p);
  if (!/^\d+$/.test(n)) return `${n}th`;
  const tens = p % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][p % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** An aggregate metric in words. */
function aggregateWords(metric: Extract<Metric, { kind: 'agg' }>, source: Source, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const where = filterWords(source, metric.where, locale);
  const field = metric.field ? fieldName(source, metric.field, locale) : '';
  const ledger = ledgerName(source, locale);
  const allTime = source.dated ? '' : zh ? '（不分期间，全部记录）' : ' (all records, whatever their date)';
  if (zh) {
    const rows = where ? `${ledger}中 ${where} 的记录` : `${ledger}的记录`;
    switch (metric.agg) {
      case 'count':
        return `${rows}数${allTime}`;
      case 'ratio':
        return `${rows}里，${filterWords(source, metric.hit, locale)} 的比例${allTime}`;
      case 'percentile':
        return `${rows}里，${field} 的第 ${formatPlain(metric.p ?? 50)} 百分位数${allTime}`;
      default:
        return `${rows}里，${field} 的${ZH_AGG[metric.agg]}${allTime}`;
    }
  }
  const rows = `records in ${ledger}${where ? ` with ${where}` : ''}`;
  switch (metric.agg) {
    case 'count':
      return `Number of ${rows}${allTime}`;
    case 'ratio':
      return `Share of the ${rows} where ${filterWords(source, metric.hit, locale)}${allTime}`;
    case 'percentile':
      return `${ordinal(metric.p ?? 50)} percentile of ${field} over the ${rows}${allTime}`;
    default:
      return `${EN_AGG[metric.agg](field, rows)}${allTime}`;
  }
}

/** A metric's name in a formula: its label, else its id. */
export function metricName(scheme: Scheme, id: string): string {
  return scheme.metrics.find((m) => m.id === id)?.label ?? id;
}

/** Where a metric's value comes from, in one sentence of the locale. */
export function describeSource(scheme: Scheme, metricId: string, locale: Locale, depth = 0): string {
  const metric = scheme.metrics.find((m) => m.id === metricId);
  if (!metric) return metricId;
  if (metric.kind === 'agg') {
    const source = scheme.sources.find((s) => s.id === metric.source);
    return source ? aggregateWords(metric, source, locale) : metricId;
  }
  const zh = locale === 'zh-CN';
  const refs: string[] = [];
  const expression = metric.text
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => {
      if (!scheme.metrics.some((m) => m.id === name)) return name;
      if (!refs.includes(name)) refs.push(name);
      return metricName(scheme, name);
    })
    .replace(/\s*\/\s*/g, ' ÷ ')
    .replace(/\s*\*\s*/g, ' × ');
  // Past two levels the parts are named only: a sentence cannot nest deeper and stay read.
  if (depth >= 2 || refs.length === 0) return zh ? `按公式 ${expression} 计算` : `Computed as ${expression}`;
  const parts = refs.map((ref) => {
    const words = describeSource(scheme, ref, locale, depth + 1);
    return zh ? `${metricName(scheme, ref)} 为${words}` : `${metricName(scheme, ref)} is the ${lowerFirst(words)}`;
  });
  return zh ? `按公式 ${expression} 计算，其中 ${parts.join('；')}` : `Computed as ${expression}, where ${parts.join('; ')}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
